# The two set-up-and-run commands of the README: `make demo` and `make test`.
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLES := $(wildcard samples/*.yaml)

.PHONY: demo test test-fast lint eval bench clean setup setup-test setup-bench

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

setup-bench:
	@scripts/setup.sh bench

## Write the sample notes to out/ (PDF, DOCX, HTML).
demo: setup
	$(BIN)/briefing note $(SAMPLES) --config samples/briefing.toml -o out --force

## Run the whole test suite (installs what the tests need first).
test: setup-test
	$(BIN)/python -m pytest -q

## The tests that need no external program.
test-fast: setup-test
	$(BIN)/python -m pytest -q -m "not slow"

## Static checks: ruff (settings in pyproject.toml) and mypy.
lint: setup-test
	$(BIN)/ruff check briefing tests bench scripts
	$(BIN)/mypy

## Extraction scores on the dev corpus.
eval: setup-test
	$(BIN)/python scripts/evaluate.py
	$(BIN)/python bench/pending_translations.py --heldout

## Benchmarks (figures go into the README).
bench: setup-bench
	$(BIN)/python bench/bench_note.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/robustness_extract.py
	$(BIN)/python bench/bench_collections.py
	$(BIN)/python bench/bench_archive.py

clean:
	rm -rf out build dist .pytest_cache tests/artifacts
