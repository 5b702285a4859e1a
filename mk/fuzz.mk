# --- Hostile input (issue #9): fuzzing and the dependency audit ----------------------
# Never part of `make test`. `make fuzz` runs every cargo-fuzz target of core/fuzz/
# for FUZZ_SECONDS each (nightly; cargo-fuzz is installed if missing) and fails if
# any target crashes; crashes land in core/fuzz/artifacts/<target>/, keep them as
# tests/fuzz-regressions/<target>/<name> (see the README there). The corpora
# (core/fuzz/corpus/) are git-ignored; the tiny seeds in core/fuzz/seeds/ start them.
# `make audit` runs cargo-deny with deny.toml (see below for advisories).
.PHONY: fuzz fuzz-tools audit audit-tools

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := identity_classify identity_scan scan_classify calendar_parse password_check policy_json csv_import record_json chart_svg workbook_import document_scan
# A single input slower than this is a hang, hence a failure too.
FUZZ_ARGS ?= -timeout=10
FUZZ_LOGS := target/fuzz-logs

fuzz-tools:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked

fuzz: fuzz-tools
	mkdir -p $(FUZZ_LOGS)
	failed=""; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p core/fuzz/corpus/$$t; \
	  if [ -d core/fuzz/seeds/$$t ]; then cp -n core/fuzz/seeds/$$t/* core/fuzz/corpus/$$t/ 2>/dev/null || true; fi; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  start=$$(date +%s); \
	  if (cd core/fuzz && $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) $(FUZZ_ARGS)) \
	       > $(FUZZ_LOGS)/$$t.log 2>&1; then result=ok; else result=CRASH; failed="$$failed $$t"; fi; \
	  execs=$$(grep -o 'Done [0-9]* runs' $(FUZZ_LOGS)/$$t.log | grep -o '[0-9]*' \
	    || grep -o '^#[0-9]*' $(FUZZ_LOGS)/$$t.log | tail -n 1 | tr -d '#' || echo "?"); \
	  echo "$$(date -u +%Y-%m-%d) $$t seconds=$$(( $$(date +%s) - start )) execs=$$execs result=$$result" \
	    | tee -a $(FUZZ_LOGS)/summary.txt; \
	  if [ $$result = CRASH ]; then tail -n 40 $(FUZZ_LOGS)/$$t.log; fi; \
	done; \
	if [ -n "$$failed" ]; then echo "make fuzz: crashes in:$$failed (see core/fuzz/artifacts/)"; exit 1; fi
	@echo "make fuzz: no crashes"

# cargo-deny with deny.toml: licenses (allow-list), bans, sources.
# Advisories are left out by default: the RustSec database is a git clone from
# github.com, which this build network cannot reach (`cargo deny check` fails with
# "failed to fetch advisory database"). Where it can, run
# `make audit AUDIT_CHECKS=` (empty: every check, advisories included).
AUDIT_CHECKS ?= licenses bans sources

audit-tools:
	command -v cargo-deny >/dev/null || $(CARGO) install cargo-deny --locked

audit: audit-tools
	$(CARGO) deny check $(AUDIT_CHECKS)
