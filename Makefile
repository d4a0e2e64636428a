# Every target that needs the virtual environment creates it first. Nothing is installed by hand.
#
# The package supports Python 3.11 and newer (mypy and ruff check the code against 3.11). The
# development environment takes a CPython 3.12 when the machine has one installed beside its
# default (as pyenv lays them out), because 3.12 measures coverage with sys.monitoring, at a
# fraction of the cost of 3.11's trace function, in the test run and in every server and
# command it starts. Otherwise, or with PYTHON=..., any python3 of 3.11 or newer.
PYTHON ?= $(or $(lastword $(sort $(wildcard $(HOME)/.pyenv/versions/3.12.*/bin/python3.12))),python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PY_SOURCES := octoai_ext tests scripts bench

# The development environment is pinned, transitive packages included, in LOCK; pyproject.toml
# keeps the published package's ranges. uv makes the lock and installs it; pip installs only
# uv itself, at the version the lock pins. uv reads none of pip's configuration files.
LOCK        := requirements/lock.txt
LOCK_TOOLS  := requirements/tools.in
# The oldest Python that pyproject.toml's requires-python admits.
LOCK_PYTHON := 3.11
# `make lock` moves every pin to the newest release the ranges allow; `make lock UPGRADE=`
# keeps the pins and changes only what an edit of pyproject.toml requires, and
# `make lock UPGRADE='--upgrade-package httpx'` moves one package.
UPGRADE     ?= --upgrade
UV          := $(BIN)/uv
# uv may fetch packages, never a Python interpreter of its own.
export UV_PYTHON_DOWNLOADS := never

.DEFAULT_GOAL := help
.PHONY: help setup lock generate check-generated lint typecheck test pytest coverage demo bench bench-full clean

help:
	@echo "make demo             run the client against the embedded server"
	@echo "make test             lint, type check, drift check and every test"
	@echo "make generate         regenerate generated/ from openapi.yaml"
	@echo "make check-generated  fail if generated/ differs from a fresh generation"
	@echo "make lock             refresh $(LOCK), the pinned development environment"
	@echo "make bench            quick benchmarks (bench-full: more rounds)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)

$(UV): $(LOCK) | $(BIN)/python
	@pin=$$(grep -E '^uv==' $(LOCK)) || { echo "$(LOCK) pins no uv: run make lock" >&2; exit 1; }; \
	if [ "$$($(UV) --version 2>/dev/null | cut -d' ' -f2)" != "$${pin#uv==}" ]; then \
		echo "$(BIN)/python -m pip install $$pin"; \
		$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps "$$pin"; \
	fi
	@touch $@

# sync makes .venv hold exactly the lock (removing anything else). Bytecode is compiled at
# install time because every test starts Python subprocesses, and an environment that sets
# PYTHONDONTWRITEBYTECODE would otherwise recompile the dependencies in each one.
$(STAMP): pyproject.toml $(LOCK) $(UV)
	$(UV) pip sync --quiet --compile-bytecode --python $(BIN)/python $(LOCK)
	$(UV) pip install --quiet --no-deps --no-build-isolation --python $(BIN)/python -e .
	$(UV) pip check --quiet --python $(BIN)/python
	$(BIN)/python scripts/check_lock.py
	@touch $@

setup: $(STAMP) ts-setup interop-setup

lock: $(UV)
	$(UV) pip compile pyproject.toml $(LOCK_TOOLS) --all-extras --universal \
		--python-version $(LOCK_PYTHON) $(UPGRADE) --quiet --custom-compile-command 'make lock' \
		--output-file $(LOCK)
	$(UV) pip compile $(PEER_SDK_IN) --universal \
		--python-version $(LOCK_PYTHON) $(UPGRADE) --quiet --custom-compile-command 'make lock' \
		--output-file $(PEER_SDK_LOCK)

generate: $(STAMP) ts-generate
	$(BIN)/python scripts/generate.py

check-generated: $(STAMP) ts-check-generated
	$(BIN)/python scripts/generate.py --check

lint: $(STAMP)
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)
	$(BIN)/python -m openapi_spec_validator openapi.yaml
	$(BIN)/mypy

# Coverage follows every Python subprocess the tests start (see [tool.coverage.run]), each
# writing its own data file; they are combined into .coverage, which removes them, whether or
# not the tests pass. The package is compiled first: the tests start a few hundred Python
# processes, and where PYTHONDONTWRITEBYTECODE is set (this project's machines set it) each of
# them would compile the same modules again. PYTEST_ARGS passes options on to pytest, such as
# PYTEST_ARGS='tests/cli -x'.
# The tests run on every core (pytest-xdist), a file's tests on one worker so that a module's
# server is started once; most tests wait on servers and subprocesses more than on the CPU.
# COVERAGE_CORE reaches every process the tests start.
PYTEST_WORKERS ?= -n auto --dist loadfile
COVERAGE_CORE = $(shell $(BIN)/python -c 'import sys; print("sysmon" if sys.version_info >= (3, 12) else "ctrace")')

pytest: $(STAMP) interop-setup
	$(BIN)/python -m coverage erase
	$(BIN)/python -m compileall -q octoai_ext generated/octoai_api
	@status=0; \
	echo "COVERAGE_CORE=$(COVERAGE_CORE) $(BIN)/python -m coverage run -m pytest $(PYTEST_WORKERS) --durations=10 $(PYTEST_ARGS)"; \
	COVERAGE_CORE=$(COVERAGE_CORE) $(BIN)/python -m coverage run -m pytest $(PYTEST_WORKERS) \
		--durations=10 $(PYTEST_ARGS) || status=$$?; \
	$(BIN)/python -m coverage combine --quiet || true; \
	exit $$status
	@$(MAKE) --no-print-directory coverage

# The last test run's figures per package, then per file; the per-file report checks the gate.
coverage: $(STAMP)
	$(BIN)/python scripts/coverage_by_package.py
	$(BIN)/python -m coverage report

test: lint check-generated pytest ts-test

demo: $(STAMP)
	$(BIN)/python -m octoai_ext.devserver.demo

bench: $(STAMP)
	$(BIN)/python -m bench --quick

bench-full: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage .coverage.*

include mk/typescript.mk
include mk/interop.mk
