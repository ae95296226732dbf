# The two commands of the README: `make serve` and `make test`. Everything else they need is installed here.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTHON ?= python3
# Material's end-of-life banner is known (README, "Stack"); keep the editor's output to the point.
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve serve-example build check lint test test-fast schema bench bench-20k mutants clean java-runtime \
	fork-env build-fork test-fork

TEST_STAMP  := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench

# pyproject.toml declares ranges; constraints.txt holds the exact versions every install here uses.
PIP_INSTALL = $(BIN)/python -m pip install -q -c constraints.txt

# The site's own dependencies only: what `make serve` needs (and Mailchimp's client, for the newsletter).
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -m venv $(VENV) || { apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip
	$(PIP_INSTALL) -e '.[mailchimp]'
	@touch $@

# The test tools (pytest, Playwright, aiosmtpd, ...), only for `make test`.
$(TEST_STAMP): $(STAMP)
	$(PIP_INSTALL) -e '.[mailchimp,test]'
	@touch $@

$(BENCH_STAMP): $(TEST_STAMP)
	$(PIP_INSTALL) -e '.[mailchimp,test,bench]'
	@touch $@

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The second site, from its own folder (README, "The second site: examples/laane-viru").
serve-example: $(STAMP)
	cd examples/laane-viru && ../../$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8001

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/projectsite check

# ProperDocs, the maintained continuation of MkDocs 1.6, in place of MkDocs (ENGINE.md, "Moving to another MkDocs
# core"): .venv-fork/ has the same pins with the core swapped, made once (scripts/fork_env.py); build-fork builds
# the site with it, strictly, into site/ as `make build` does.
FORK := .venv-fork
fork-env: $(STAMP)
	$(BIN)/python scripts/fork_env.py

# Both sites, as `make build` and `make serve-example` build them, with ProperDocs.
build-fork: fork-env
	$(FORK)/bin/properdocs build --strict -f mkdocs.yml
	cd examples/laane-viru && ../../$(FORK)/bin/properdocs build --strict -f mkdocs.yml

# The comparison of the two cores' sites (tests/test_core_fork.py), alone.
test-fork: $(TEST_STAMP)
	$(PYTEST) -m fork

# Browser-side test tools from npm (axe-core, the Nu Html Checker); the checker runs on Java.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

java-runtime:
	@command -v java >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; fi; }

/usr/bin/chromium:
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; fi

# Two workers (the machine's two cores); a test file stays on one worker, so a module's shared site is built once.
PYTEST := $(BIN)/python -m pytest -q -n 2 --dist loadfile

# Code health: lint, formatting and strict typing of the engine (settings in pyproject.toml).
lint: $(TEST_STAMP)
	$(BIN)/ruff check projectsite tests scripts hooks
	$(BIN)/ruff format --check projectsite tests scripts hooks
	$(BIN)/mypy

test: lint $(NODE_STAMP) java-runtime /usr/bin/chromium
	$(PYTEST)

# The tests that need no browser, no Java and no second environment from the package index (.venv-fork/).
test-fast: $(TEST_STAMP)
	$(PYTEST) -m "not browser and not validator and not fork"

# The engine's tests without the sites' own (tests/site/): they pass with the LÕIM site's data/ and docs/ removed
# (.github/workflows/engine.yml removes them first).
.PHONY: test-engine
test-engine: $(TEST_STAMP)
	$(PYTEST) -m "not browser and not validator and not fork" --ignore=tests/site

# What must hold for any valid content of the sites (tests/site/): what the publishing workflow runs, so that a
# correct content edit never stops publishing.
.PHONY: test-site
test-site: $(TEST_STAMP)
	$(PYTEST) tests/site

schema: $(STAMP)
	$(BIN)/projectsite schema

# Figures into test-artifacts/bench/ (MAINTAINING.md, "Benchmarks", says how to read them). `make bench`: our build
# side by side with plain MkDocs, Hugo and Zensical at ×1, ×10 and ×100 (three runs of each build), the preview,
# the page weights, the newsletter and Lighthouse. A build that fails is a "failed" cell of the table and the run
# goes on.
bench: $(BENCH_STAMP) $(NODE_STAMP) /usr/bin/chromium
	$(BIN)/python scripts/bench.py --sizes 1,10,100
	$(BIN)/python scripts/bench_newsletter.py
	$(BIN)/python scripts/bench_lighthouse.py

# `make bench-20k`: our build of the shipped site with 2,000 and 20,000 events (the goal: under 10 minutes), from
# outside the process (scripts/bench_events.py), apart because it takes a quarter of an hour; the table goes to
# test-artifacts/bench/events.md.
bench-20k: $(BENCH_STAMP)
	$(BIN)/python scripts/bench_events.py 2000 20000 --out test-artifacts/bench/events.md

# Plant bugs one at a time in a copy of the project and count how many the tests catch (README, "Planted bugs").
mutants: $(TEST_STAMP)
	$(BIN)/python scripts/plant_bugs.py

clean:
	rm -rf site $(VENV) $(FORK) node_modules test-artifacts
