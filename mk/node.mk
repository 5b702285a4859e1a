# --- Node package (bindings-node) -----------------------------------------------
# npm install (the lock file is committed); @napi-rs/cli builds the addon and
# generates index.js and index.d.ts; then node --test over the shared vectors,
# tsc --strict over a usage file, and an install of the packed tarball.
NODE_DIR := bindings-node

$(NODE_DIR)/node_modules/.stamp-1: $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --silent
	touch $@

.PHONY: node-tools node-build node-test
node-tools: $(NODE_DIR)/node_modules/.stamp-1

node-build: node-tools
	cd $(NODE_DIR) && npx napi build --platform --release
	# Doc comments of the shared shapes pass through macro_rules as raw string
	# literals, which napi copies into the JSDoc with their r" prefix; drop it.
	sed -i -E 's/^( *(\/\*\*|\*)) r" /\1 /' $(NODE_DIR)/index.d.ts

node-test: node-build
	cd $(NODE_DIR) && node --test ../tests/node/
	$(NODE_DIR)/node_modules/.bin/tsc -p tests/node/tsconfig.json
	tests/node/pack-smoke.sh
