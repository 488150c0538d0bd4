# dateline: the two commands a newcomer needs are `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench fuzz lint clean browser

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

install: $(STAMP)

# Ingest examples/ into the embedded store (./dateline.db, or $DATELINE_DB; git-ignored), summarise it,
# search it, show one article's facts, and the timeline of the events between two countries.
demo: $(STAMP)
	$(BIN)/dateline ingest examples/
	$(BIN)/dateline stats
	$(BIN)/dateline search --limit 3 'fisher* OR harbour'
	$(BIN)/dateline show "$$($(BIN)/dateline search --format json --limit 1 'fisheries talks' \
		| $(BIN)/python -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["id"])')"
	$(BIN)/dateline timeline NOR ISL --freq month

# Debian's chromium for the browser tests (installing needs root); nothing to do when it is there.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "make browser: run as root, or: sudo apt-get install -y chromium" >&2; exit 1; fi; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

# Every benchmarks/bench_*.py script, one after the other; each prints its own figures.
bench: $(STAMP)
	@set -e; for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

# The long fuzz run: the same properties as in make test, with many more examples.
fuzz: $(STAMP)
	DATELINE_FUZZ_EXAMPLES=$${DATELINE_FUZZ_EXAMPLES:-5000} $(BIN)/pytest tests/fuzz -q --hypothesis-show-statistics

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
