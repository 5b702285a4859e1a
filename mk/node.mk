# --- Node package (bindings-node) -----------------------------------------------
# npm install (the lock file is committed); @napi-rs/cli builds the addon and
# generates native.js; then node --test over the shared vectors,
# tsc --strict over a usage file. The packed tarballs are tested by make dist-test.
NODE_DIR := bindings-node

$(NODE_DIR)/node_modules/.stamp-1: $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --silent
	touch $@

.PHONY: node-tools node-build node-test
node-tools: $(NODE_DIR)/node_modules/.stamp-1

# The test build carries the test hooks (panicForTest); the package's own
# `npm run build` and make dist build without.
node-build: node-tools
	cd $(NODE_DIR) && npx napi build --platform --release --js native.js --dts native.d.ts --features test-hooks

node-test: node-build
	$(NODE_DIR)/node_modules/.bin/tsc -p $(NODE_DIR)/lib/tsconfig.json
	cd $(NODE_DIR) && node --test ../tests/node/
	$(NODE_DIR)/node_modules/.bin/tsc -p tests/node/tsconfig.json
