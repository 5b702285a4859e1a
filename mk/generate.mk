# --- make generate: every generated file, from the core (issue 15) -----------------
# The core's function table and its JSON Schema derives are the one source:
#   schema/api.json, schema/types/*.json          cargo run -p xtask -- schema
#   Python: ntpc_policy/_api/, shapes/, _core.pyi     xtask/gen_python.py
#   Node: index.js, gen/, index.d.ts                  xtask/gen_node.mjs
#   Kotlin/Swift: uniffi-bindgen                      bindings-mobile/generate.sh
#   tests/vectors/*.json                              tests/tools/gen_*_vectors.py
# `make generate-check` (part of make test) regenerates and fails when a
# generated file differs from what is committed. _api/, shapes/ and gen/ hold a
# module per family of the core's table: the generators delete a module they no
# longer write (and the one-file _api.py and shapes.py those packages replaced),
# so a stale one shows here as a deletion.
.PHONY: generate generate-check generate-schema generate-python generate-node generate-vectors

PY_GEN := bindings-python/python/ntpc_policy
GENERATED := schema $(PY_GEN)/_api $(PY_GEN)/_api.py $(PY_GEN)/shapes $(PY_GEN)/shapes.py \
	$(PY_GEN)/_core.pyi $(PY_GEN)/serve/api.json \
	bindings-node/index.js bindings-node/gen bindings-node/index.d.ts tests/vectors

generate: generate-schema generate-python generate-node generate-vectors

generate-schema:
	$(CARGO) run -q -p xtask -- schema

generate-python: generate-schema python-tools
	$(PY) xtask/gen_python.py
	# The service builds its routes and OpenAPI document from the table (issue 18).
	cp schema/api.json bindings-python/python/ntpc_policy/serve/api.json

generate-node: generate-schema node-tools
	node xtask/gen_node.mjs

generate-vectors:
	cd tests/tools && for g in gen_*_vectors.py; do python3 $$g >/dev/null; done

generate-check: generate
	@if ! git diff --quiet -- $(GENERATED) || [ -n "$$(git status --porcelain --untracked-files=all -- $(GENERATED))" ]; then \
	  git status --short -- $(GENERATED); \
	  echo "make generate-check: generated files differ from the committed ones (run make generate and commit)"; \
	  exit 1; fi
	@echo "make generate-check: generated files match"
