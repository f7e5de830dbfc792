# sitrep — the two commands a newcomer needs are `make up` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
UV_HOME := .cache/uv-venv
UV := $(UV_HOME)/bin/uv
INSTALLED := $(VENV)/.sitrep-installed
LOCAL := deploy/local
PYTEST_ARGS ?= -q -ra

# Never fetch a Python build: use the interpreter on PATH (>= 3.11).
export UV_PYTHON_DOWNLOADS := never

.PHONY: help install compile ensure-tools stack stack-down stack-status migrate up demo test chaos mutate audit bench bench-tools

help:
	@echo "make install       create .venv/ with the locked dependencies (.venv/bin/sitrep)"
	@echo "make up            install, start the local stack, migrate, run every service (Ctrl-C stops them)"
	@echo "make demo          the services on a demo corpus served locally, each alert printed (Ctrl-C stops)"
	@echo "make test          install, start the local stack, run the whole test suite"
	@echo "make stack         start PostgreSQL, Kafka and Prometheus on 127.0.0.1 (background; SITREP_KAFKA_BROKERS=3: three brokers)"
	@echo "make stack-status  report the local stack"
	@echo "make stack-down    stop what make stack started"
	@echo "make migrate       apply the database migrations"
	@echo "make ensure-tools  install Debian's docker-compose and chromium (used by the tests)"
	@echo "make chaos         the long fault run: kills, broker and database restarts, bad receivers (own stack on other ports)"
	@echo "make mutate        mutation testing of the pure cores against the unit tests: kill rate per module, survivors in .cache/mutation/ (MUTATE=names)"
	@echo "make audit         check every locked dependency against the known vulnerabilities (pip-audit; needs PyPI's JSON API)"
	@echo "make bench         run every bench/*.py against its baselines, write bench/RESULTS.md (BENCH_ARGS=--full for big sizes)"

install: $(INSTALLED) compile

$(UV):
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/python -m pip install -q "uv>=0.5"

# Bytecode is compiled at install time (and for our own packages on every run, which costs nothing
# when nothing changed): with PYTHONDONTWRITEBYTECODE set, nothing would ever be cached otherwise,
# and every process would compile SQLAlchemy again at start-up.
$(INSTALLED): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode
	@touch $@

compile: $(INSTALLED)
	@$(VENV)/bin/python -m compileall -q -j 0 services shared tools bench tests >/dev/null

ensure-tools:
	@$(LOCAL)/ensure-tools.sh

stack:
	@$(LOCAL)/stack.sh up

stack-down:
	@$(LOCAL)/stack.sh down

stack-status:
	@$(LOCAL)/stack.sh status

migrate: install stack
	$(VENV)/bin/sitrep migrate

up: install stack migrate
	exec $(VENV)/bin/sitrep up

# The demo corpus served from 127.0.0.1, the services on a fresh demo database, each alert printed
# as it arrives; Ctrl-C stops the services and leaves the stack running.
demo: install stack
	exec $(VENV)/bin/python -m tools.demo

test: install ensure-tools stack
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The long fault run starts a PostgreSQL and a Kafka broker of its own (ports 15432, 19092/19093,
# state in /tmp/sitrep-chaos; SITREP_CHAOS_* to change), since it restarts them.
chaos: install
	$(VENV)/bin/python -m tests.chaos.soak

# Mutation testing (mutmut) of the pure cores, module by module against the unit tests that reach
# them; slow, so never part of `make test`. MUTATE="dates signing" runs only those modules;
# MUTATE_WORKERS is how many mutants are tested at once. Figures: tests/MUTATION.md.
MUTATE ?=
MUTATE_WORKERS ?= 2

mutate: install
	$(VENV)/bin/python -m tools.mutation --workers $(MUTATE_WORKERS) $(MUTATE)

# Every package of uv.lock (runtime and dev), pinned as locked, looked up in PyPI's vulnerability data.
# --strict: a package that could not be looked up fails the audit instead of passing unchecked.
AUDIT_REQUIREMENTS := .cache/audit-requirements.txt
PIP_AUDIT := pip-audit==2.10.1

audit: | $(UV)
	@mkdir -p .cache
	$(UV) export --frozen --no-hashes --no-emit-project --all-groups --quiet --output-file $(AUDIT_REQUIREMENTS) >/dev/null
	$(UV) tool run --from $(PIP_AUDIT) pip-audit --strict --no-deps --disable-pip --progress-spinner off \
		--requirement $(AUDIT_REQUIREMENTS)

# Benchmarks are never tests: a benchmark that stops early keeps what it measured and the others
# still run. Each bench/*.py except the helpers below is one benchmark.
BENCH_ARGS ?=
BENCH_HELPERS := bench/__init__.py bench/common.py bench/report.py bench/dedupe_items.py
BENCHES := $(filter-out $(BENCH_HELPERS),$(sort $(wildcard bench/*.py)))

bench-tools:
	@bench/ensure-tools.sh

bench: install stack bench-tools
	@rm -rf bench/results
	@for script in $(BENCHES); do \
		module=$$(basename $$script .py); \
		$(VENV)/bin/python -m bench.$$module $(BENCH_ARGS) || echo "bench: $$script stopped early; its results so far are kept"; \
	done
	$(VENV)/bin/python -m bench.report
