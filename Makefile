# Every target that needs the virtual environment creates it first. Nothing is installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PY_SOURCES := octoai_ext tests scripts bench

.DEFAULT_GOAL := help
.PHONY: help setup generate check-generated lint typecheck test pytest demo bench bench-full clean

help:
	@echo "make demo             run the client against the embedded server"
	@echo "make test             lint, type check, drift check and every test"
	@echo "make generate         regenerate generated/ from openapi.yaml"
	@echo "make check-generated  fail if generated/ differs from a fresh generation"
	@echo "make bench            quick benchmarks (bench-full: more rounds)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,devserver,bench]'
	@touch $@

setup: $(STAMP) ts-setup interop-setup

generate: $(STAMP) ts-generate
	$(BIN)/python scripts/generate.py

check-generated: $(STAMP) ts-check-generated
	$(BIN)/python scripts/generate.py --check

lint: $(STAMP)
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)
	$(BIN)/python -m openapi_spec_validator openapi.yaml
	$(BIN)/mypy

pytest: $(STAMP) interop-setup
	$(BIN)/python -m coverage run -m pytest
	$(BIN)/python -m coverage report

test: lint check-generated pytest ts-test

demo: $(STAMP)
	$(BIN)/python -m octoai_ext.devserver.demo

bench: $(STAMP)
	$(BIN)/python -m bench --quick

bench-full: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis

include mk/typescript.mk
include mk/interop.mk
