# Two commands on a fresh machine: `make run` (the system) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
LOCK_HASH := $(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)
INSTALLED := $(VENV)/.installed-$(LOCK_HASH)
# checkov's pinned dependencies clash with the project's: it has a venv of its own.
CHECKOV_VENV := .venv-checkov
CHECKOV_LOCK := deploy/k8s/checkov-constraints.txt
CHECKOV_INSTALLED := $(CHECKOV_VENV)/.installed-$(shell sha1sum $(CHECKOV_LOCK) | cut -c1-12)

# The web app: npm ci when the lockfile changes, a build when its sources change (stamps keyed on
# their hash). Playwright (browser tests) drives Debian's chromium and never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
WEB_LOCK_HASH := $(shell cat web/package-lock.json | sha1sum | cut -c1-12)
WEB_MODULES := web/node_modules/.installed-$(WEB_LOCK_HASH)
WEB_SOURCES := $(shell find web/src web/public web/index.html web/package.json web/package-lock.json \
	web/vite.config.ts web/tsconfig.json -type f 2>/dev/null | LC_ALL=C sort)
WEB_HASH := $(shell cat $(WEB_SOURCES) | sha1sum | cut -c1-12)
WEB_BUILT := web/.build-stamp-$(WEB_HASH)

.PHONY: install run demo test long-test backing bench-setup lint k8s-check dlq clean web web-test chromium

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(INSTALLED)

run: install web
	deploy/ensure-rabbitmq.sh
	$(PY) -m infra.migrate upgrade
	$(PY) -m infra.topology
	$(PY) -m services.teams.bootstrap
	$(PY) -m infra.launcher

# `make run` on its own data folder (data-demo), broker vhost and port (8001), with two provinces
# loaded through the public API on first start (a later start finds them and changes nothing).
demo: install web
	deploy/ensure-rabbitmq.sh --management
	$(PY) -m demo

# The suite as three pytest sessions side by side (tests/parallel.py says why), then the browser tests.
test: backing lint k8s-check web-test chromium
	$(PY) -m tests.parallel $(PYTEST_ARGS)
	$(PY) -m pytest web/e2e --suppress-nameko-eventlet-notification $(PYTEST_ARGS)

# The long checks, minutes each, that CI runs after the suite (.ci/run): the demo's whole load,
# loaded twice, and once more for the web app's screens of every demo account in Chromium.
long-test: backing web chromium
	$(PY) -m pytest -m long $(PYTEST_ARGS)
	$(PY) -m pytest -m long web/e2e --suppress-nameko-eventlet-notification $(PYTEST_ARGS)

$(WEB_MODULES): web/package-lock.json
	@command -v npm >/dev/null || { echo "the web app needs Node.js 20 and npm"; exit 1; }
	cd web && npm ci --no-audit --no-fund
	touch $@

$(WEB_BUILT): $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npm run build
	rm -f web/.build-stamp-* && touch $@

web: $(WEB_BUILT)

# The web app's lint, typecheck and unit tests; its browser tests (web/e2e: pytest + Playwright on
# Debian's chromium, against the whole system) run in a pytest session of their own, after the suite.
web-test: web
	cd web && npm run lint && npm run typecheck && npm test

# Debian's chromium, and a Thai font so the screenshots for review show Thai, not boxes.
chromium:
	{ command -v /usr/bin/chromium && dpkg -s fonts-thai-tlwg; } >/dev/null 2>&1 || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-thai-tlwg; }

# What the tests and the benchmarks (bench/*.py) need besides the venv: the broker with its
# management API (throw-away vhosts) and PostgreSQL, started when down.
backing: install
	deploy/ensure-rabbitmq.sh --management
	deploy/ensure-postgres.sh

bench-setup: backing

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# deploy/k8s: the manifests' own tests are in tests/deploy; this adds checkov (no cluster, no network).
$(CHECKOV_INSTALLED): $(CHECKOV_LOCK)
	test -x $(CHECKOV_VENV)/bin/python || $(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet -c $(CHECKOV_LOCK) checkov
	rm -f $(CHECKOV_VENV)/.installed-* && touch $@

k8s-check: $(CHECKOV_INSTALLED)
	deploy/k8s/checkov.sh

dlq: install
	$(PY) -m infra.deadletter list

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) data data-demo web/node_modules web/dist web/.build-stamp-*
