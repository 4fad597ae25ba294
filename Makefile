# Two commands on a fresh machine: `make run` (the system) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
LOCK_HASH := $(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)
INSTALLED := $(VENV)/.installed-$(LOCK_HASH)

.PHONY: install run test backing bench-setup lint dlq clean

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(INSTALLED)

run: install
	deploy/ensure-rabbitmq.sh
	$(PY) -m infra.migrate upgrade
	$(PY) -m infra.topology
	$(PY) -m services.teams.bootstrap
	$(PY) -m infra.launcher

test: backing lint
	$(PY) -m pytest $(PYTEST_ARGS)

# What the tests and the benchmarks (bench/*.py) need besides the venv: the broker with its
# management API (throw-away vhosts) and PostgreSQL, started when down.
backing: install
	deploy/ensure-rabbitmq.sh --management
	deploy/ensure-postgres.sh

bench-setup: backing

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

dlq: install
	$(PY) -m infra.deadletter list

clean:
	rm -rf $(VENV) data
