# Two commands on a fresh machine:  make run  (serve on the embedded store)  and  make test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PUBLIC_URL ?=
DATA_DIR ?= data
# apt-get needs root; use sudo when we are not root and it exists.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test test-fast system-deps bundle bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The client's bundle (client/dist/, docs/decisions.md decision 60): esbuild from npm, pinned in
# package-lock.json. Without npm (or when the build fails) `make run` still works: the server then
# serves the source modules, slower on a phone. `make test` insists (BUNDLE_REQUIRED=1).
BUNDLE_REQUIRED ?=
bundle:
	@if command -v npm >/dev/null; then \
		{ [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } \
		&& node scripts/build_client.mjs \
		|| { [ -z "$(BUNDLE_REQUIRED)" ] || exit 1; echo "the client's bundle was not built: serving its source modules"; }; \
	elif [ -n "$(BUNDLE_REQUIRED)" ]; then echo "npm is missing (make system-deps installs it)"; exit 1; \
	else echo "npm not found: serving the client's source modules (no bundle)"; fi

# make run HOST=0.0.0.0 lets phones in the room in; PUBLIC_URL=https://… when behind a proxy.
run: $(VENV)/.installed bundle
	$(BIN)/samenspel serve --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR) $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL))

# Debian's redis-server (tests start their own on a free port), chromium (browser tests) and
# poppler-utils (pdftotext/pdftoppm: the summary's PDF is checked as text and looked at as PNG),
# nodejs and npm (the client's bundle, and the JavaScript golden cases run in node).
system-deps:
	@missing=""; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	[ -d /usr/share/fonts/truetype/dejavu ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

test: system-deps $(VENV)/.installed-test
	$(MAKE) --no-print-directory bundle BUNDLE_REQUIRED=1
	$(BIN)/python -m pytest

# Everything but the browser: quick feedback while working.
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest tests/unit tests/fuzz tests/contract tests/integration

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-test
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

bench: system-deps $(VENV)/.installed-bench
	bash bench/run_all.sh

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts node_modules client/dist
