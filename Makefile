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

test: fmt-check clippy rust-test doc generate-check python-test php-test serve-test chart-test node-test mobile-test dist-test
	@echo "make test: all suites passed"

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# The binding crates are tested through their own languages below.
rust-test:
	$(CARGO) test -p ntpc-policy
	$(CARGO) test -p ntpc-policy-node --lib

include mk/generate.mk
include mk/node.mk
include mk/mobile.mk
include mk/bench.mk
include mk/fuzz.mk
include mk/charts.mk
include mk/serve.mk
include mk/dist.mk

# --- Python -------------------------------------------------------------------
$(VENV)/.tools-2: tests/python/requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -r tests/python/requirements.txt
	touch $@

python-tools: $(VENV)/.tools-2

python-wheel: python-tools
	rm -rf $(WHEELS)
	# The test build carries the test hooks (feature test-hooks); make dist builds without.
	$(VENV)/bin/maturin build -q --release -m bindings-python/Cargo.toml -o $(WHEELS) --features test-hooks
	$(PY) -m pip install -q --force-reinstall --no-deps $(WHEELS)/ntpc_policy-*.whl

python-test: python-wheel
	$(VENV)/bin/ruff check bindings-python/python bindings-python/bench tests/python tests/charts tests/dist xtask
	$(VENV)/bin/ruff format --check bindings-python/python bindings-python/bench tests/python tests/charts tests/dist xtask
	cd tests/python && ../../$(PY) -m pytest -q -p no:cacheprovider

# --- PHP client (examples/php): over the CLI and over `ntpc-policy serve` -------------
# test.php starts the service on a Unix socket itself and runs every case in both modes.
php-test: python-wheel serve-tools
	{ command -v php >/dev/null && php -m | grep -qx curl; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli php-curl >/dev/null; }
	NTPC_POLICY_BIN=$(CURDIR)/$(CLI) php examples/php/test.php

doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -p ntpc-policy --no-deps

# The main job on the bundled sample data, through the command line PHP uses.
# Tables in zh-TW, as a coordinator reads them (`--lang en` for English; the
# default follows LANG); the charts are written to target/demo/ (SVG, and PNG
# when rsvg-convert is installed: make chart-tools).
CLI := $(VENV)/bin/ntpc-policy
DEMO := $(CLI)
demo: python-wheel
	@echo "== ntpc-policy account check -f examples/data/accounts.txt --lang zh"
	@$(DEMO) account check -f examples/data/accounts.txt --lang zh || true
	@echo; echo "== ntpc-policy password check --tsv --lang zh < examples/data/passwords.txt"
	@$(DEMO) password check --tsv --lang zh < examples/data/passwords.txt || true
	@echo; echo "== ntpc-policy date - --lang zh < examples/data/dates.txt"
	@$(DEMO) date - --lang zh < examples/data/dates.txt || true
	@echo; echo "== ntpc-policy id scan examples/data/leak.txt --lang zh"
	@$(DEMO) id scan examples/data/leak.txt --lang zh || true
	@echo; echo "== ntpc-policy id scan --redact examples/data/leak.txt"
	@$(DEMO) id scan --redact examples/data/leak.txt
	@echo; echo "== ntpc-policy password expiry --last-changed 110/08/01 --now 2021-10-25T09:00 --lang zh"
	@$(DEMO) password expiry --last-changed 110/08/01 --now 2021-10-25T09:00 --lang zh || true
	@echo; echo "== ntpc-policy mailbox sweep examples/data/mailboxes.csv --today 2021-12-07 --lang zh"
	@$(DEMO) mailbox sweep examples/data/mailboxes.csv --today 2021-12-07 --lang zh || true
	@echo; echo "== ntpc-policy account access examples/data/people.csv --today 110/12/07 --lang zh"
	@$(DEMO) account access examples/data/people.csv --today 110/12/07 --lang zh || true
	@echo; echo "== ntpc-policy parent check examples/data/families.json --lang zh"
	@$(DEMO) parent check examples/data/families.json --lang zh || true
	@echo; echo "== ntpc-policy permission who-can 上課yo 管理權 --overrides examples/data/overrides.json --lang zh"
	@$(DEMO) permission who-can 上課yo 管理權 --overrides examples/data/overrides.json --lang zh || true
	@echo; echo "== ntpc-policy permission can 電子聯絡簿 manage --title 教務主任兼導師 --lang zh"
	@$(DEMO) permission can 電子聯絡簿 manage --title 教務主任兼導師 --lang zh || true
	@echo; echo "== ntpc-policy incident check examples/data/incidents.csv --now 2021-12-07T09:00 --lang zh"
	@$(DEMO) incident check examples/data/incidents.csv --now 2021-12-07T09:00 --lang zh || true
	@echo; echo "== ntpc-policy incident check examples/data/incidents.csv --now 2021-12-07T09:00 --lang en"
	@$(DEMO) incident check examples/data/incidents.csv --now 2021-12-07T09:00 --lang en || true
	@mkdir -p target/demo
	@echo; echo "== ntpc-policy incident stats examples/data/incidents.csv --svg target/demo/incidents-monthly.svg --lang zh"
	@$(DEMO) incident stats examples/data/incidents.csv --now 2021-12-07T09:00 --lang zh \
		--svg target/demo/incidents-monthly.svg --subtype-svg target/demo/incidents-subtype.svg || true
	@echo; echo "== ntpc-policy drill rank examples/data/drills.csv --now 2021-12-07 --lang zh"
	@$(DEMO) drill rank examples/data/drills.csv --now 2021-12-07 --lang zh || true
	@echo; echo "== ntpc-policy audit pick examples/data/audit_schools.csv --scans examples/data/audit_scans.csv --capacity 3 --lang zh"
	@$(DEMO) audit pick examples/data/audit_schools.csv --scans examples/data/audit_scans.csv --capacity 3 --lang zh \
		--svg target/demo/audit-criteria.svg || true
	@if command -v rsvg-convert >/dev/null; then for f in target/demo/*.svg; do rsvg-convert -o $${f%.svg}.png $$f; done; fi
	@echo; echo "charts: target/demo/incidents-monthly.svg, incidents-subtype.svg, audit-criteria.svg (+ .png)"

# The core's own walkthrough of the same data, without Python.
demo-rust:
	$(CARGO) run -q -p ntpc-policy --example demo -- examples/data

