"""Pieces the benchmarks share that are not measurement: sample data, the feed corpus and server."""
