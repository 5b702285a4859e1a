# --- Benchmarks (make bench; never part of make test) -----------------------------
# Installs the peers itself (PyPI: taiwanid, password-strength; npm: validator,
# taiwan-id-validator, password-validator, owasp-password-strength-test), runs the
# core, Python and Node benchmarks, and writes BENCHMARKS.md.
.PHONY: bench bench-core bench-python bench-node bench-cli
BENCH_OUT := target/bench

bench: bench-core bench-python bench-node bench-cli
	{ echo "# Benchmarks"; echo; \
	  echo "Reproduce with \`make bench\` (it installs the peers). Machine: $$(nproc) cores, $$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $$(free -g | awk '/Mem:/{print $$2}') GiB; $$(rustc --version); $$(date -u +%Y-%m-%d)."; \
	  echo "Ratios compare runs in the same process on the same inputs. Targets are those of issue #8."; echo; \
	  cat $(BENCH_OUT)/core.md; echo; cat $(BENCH_OUT)/python.md; echo; cat $(BENCH_OUT)/cli.md; echo; cat $(BENCH_OUT)/node.md; \
	  if [ -f BENCHMARKS.notes.md ]; then echo; cat BENCHMARKS.notes.md; fi; } > BENCHMARKS.md
	@echo "wrote BENCHMARKS.md"

bench-core:
	mkdir -p $(BENCH_OUT)
	$(CARGO) bench -p ntpc-policy --bench rules -- --noplot
	python3 core/benches/report.py $(BENCH_OUT)/core.md

bench-python: python-wheel
	mkdir -p $(BENCH_OUT)
	$(PY) -m pip install -q taiwanid==0.2.0 password-strength==0.0.3.post2
	# The workbook peers of issue 21 §4 (openpyxl writes the 100,000-row .xlsx too).
	$(PY) -m pip install -q openpyxl==3.1.5 pandas==3.1.1
	$(PY) bindings-python/bench/bench.py $(BENCH_OUT)/python.md

# The command line's start and a PHP call next to the bare-Python floor (issue 17 §9).
bench-cli: python-wheel
	command -v php >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli >/dev/null; }
	mkdir -p $(BENCH_OUT)
	$(PY) bindings-python/bench/cli_start.py $(BENCH_OUT)/cli.md

# The benchmark build adds the floor function (feature bench-floor) to the test
# build's hooks; it is never part of the package.
bench-node: node-tools
	cd $(NODE_DIR) && npx napi build --platform --release --js native.js --dts native.d.ts --features test-hooks,bench-floor
	mkdir -p $(BENCH_OUT)
	cd bindings-node/bench && npm install --no-audit --no-fund --silent
	node --expose-gc bindings-node/bench/bench.mjs $(BENCH_OUT)/node.md
