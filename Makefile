# ntpc-policy — the one door: `make test`, `make demo`, `make bench`.
# Every target installs what it needs itself, idempotently, so a fresh machine
# (Rust, Python 3.11, Node 20, Java 17, gcc) needs nothing but these commands.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

VENV := .venv
PY := $(VENV)/bin/python
WHEELS := target/wheels

.PHONY: test demo demo-rust rust-test fmt-check clippy doc python-tools python-wheel python-test php-test

test: fmt-check clippy rust-test doc python-test php-test node-test mobile-test
	@echo "make test: all suites passed"

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# The binding crates are tested through their own languages below.
rust-test:
	$(CARGO) test -p ntpc-policy

include mk/node.mk
include mk/mobile.mk
include mk/bench.mk
include mk/fuzz.mk

# --- Python -------------------------------------------------------------------
$(VENV)/.tools-1:
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "maturin>=1.9,<2" pytest mypy ruff
	touch $@

python-tools: $(VENV)/.tools-1

python-wheel: python-tools
	rm -rf $(WHEELS)
	$(VENV)/bin/maturin build -q --release -m bindings-python/Cargo.toml -o $(WHEELS)
	$(PY) -m pip install -q --force-reinstall --no-deps $(WHEELS)/ntpc_policy-*.whl

python-test: python-wheel
	$(PY) tests/tools/gen_shapes.py --check
	$(VENV)/bin/ruff check bindings-python/python bindings-python/bench tests/python tests/tools/gen_shapes.py
	$(VENV)/bin/ruff format --check bindings-python/python bindings-python/bench tests/python tests/tools/gen_shapes.py
	cd tests/python && ../../$(PY) -m pytest -q -p no:cacheprovider

# --- PHP client (examples/php) over the CLI ----------------------------------------
php-test: python-wheel
	command -v php >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli >/dev/null; }
	NTPC_POLICY_BIN=$(CURDIR)/$(CLI) php examples/php/test.php

doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -p ntpc-policy --no-deps

# The main job on the bundled sample data, through the command line PHP uses.
CLI := $(VENV)/bin/ntpc-policy
demo: python-wheel
	@echo "== ntpc-policy account check examples/data/accounts.txt"
	@grep -v '^#' examples/data/accounts.txt | $(CLI) account check - || true
	@echo; echo "== ntpc-policy password check --tsv < examples/data/passwords.txt"
	@$(CLI) password check --tsv < examples/data/passwords.txt || true
	@echo; echo "== ntpc-policy date - < examples/data/dates.txt"
	@$(CLI) date - < examples/data/dates.txt || true
	@echo; echo "== ntpc-policy id scan examples/data/leak.txt"
	@$(CLI) id scan examples/data/leak.txt || true
	@echo; echo "== ntpc-policy id scan --redact examples/data/leak.txt"
	@$(CLI) id scan --redact examples/data/leak.txt
	@echo; echo "== ntpc-policy password expiry --last-changed 110/08/01 --now 2021-10-25T09:00"
	@$(CLI) password expiry --last-changed 110/08/01 --now 2021-10-25T09:00 || true

# The core's own walkthrough of the same data, without Python.
demo-rust:
	$(CARGO) run -q -p ntpc-policy --example demo -- examples/data

