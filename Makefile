# onestop: `make demo` to try it, `make test` to check it. `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
PEOPLE ?= 200
SEED   ?= 20260101
PYTEST_WORKERS ?= 2

.PHONY: help install demo serve test test-fast lint bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install onestop with its development tools

demo: $(STAMP)  ## migrate the SQLite database, load demo data, print the logins and serve on :8000
	$(BIN)/onestop db upgrade
	$(BIN)/onestop demo load --people $(PEOPLE) --seed $(SEED)
	$(BIN)/onestop serve --host $(HOST) --port $(PORT)

serve: $(STAMP)  ## serve the app (database as it is)
	$(BIN)/onestop serve --host $(HOST) --port $(PORT)

test: $(STAMP)  ## run the whole suite (SQLite, and PostgreSQL when reachable)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup

test-fast: $(STAMP)  ## the suite without browser tests
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser"

lint: $(STAMP)  ## ruff, mypy and the import contracts (lint-imports)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)  ## run the benchmarks in benchmarks/ and print their figures
	$(BIN)/python benchmarks/run_all.py

clean:  ## remove the virtual environment and local data
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
