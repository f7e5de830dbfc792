"""What the tests and the benchmarks share and production never loads: scoring of labelled sets, a
local feed server, services run as processes, webhook fixtures."""
