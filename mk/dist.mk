# --- make dist: the release artifacts, under dist/ (issue 19) -----------------------
#   dist/ntpc_policy-<v>-cp310-abi3-manylinux_2_28_x86_64.whl   maturin --zig (glibc 2.28)
#   dist/ntpc_policy-<v>.tar.gz                                  maturin sdist
#   dist/ntpc-policy-<v>.tgz, dist/ntpc-policy-linux-x64-gnu-<v>.tgz
#       the napi-rs layout: the JS package (optionalDependencies on one package per
#       target, bindings-node/npm/<target>/) and this machine's platform package
#   dist/ntpc-policy-<v>.crate                                   cargo publish --dry-run
# Release builds never carry the test hooks. The other targets (macOS, Windows,
# linux-aarch64, Android, iOS) are built by .github/workflows/release.yml.
# `make dist-test` (part of make test) checks these files without building again.
.PHONY: dist dist-tools dist-python dist-node dist-crate dist-test workflow-check
DIST := dist
DIST_TOOLS := $(VENV)/.dist-tools-1
DIST_NODE := target/dist-node
# make dist works in a checkout with uncommitted changes; the release workflow
# publishes from a clean tag without this flag.
DIST_CARGO_FLAGS ?= --allow-dirty

$(DIST_TOOLS): tests/python/requirements-dist.txt $(VENV)/.tools-2
	$(PY) -m pip install -q -r tests/python/requirements-dist.txt
	touch $@

dist-tools: $(DIST_TOOLS)

dist: dist-python dist-node dist-crate
	@ls -l $(DIST)

# Both addons are linked by zig (PyPI ziglang) against glibc 2.28's symbols, through
# one linker wrapper (mk/zig-cc.sh, maturin's own zig cc): `maturin build --zig`
# gives the same wheel, but its wrapper differs from the Node build's in path, and
# cargo would then rebuild every crate of the shared release target for each.
# maturin still checks the manylinux_2_28 tag against the symbols it finds.
# Their own target directory: with --target, zig links the build scripts and
# proc-macros too, so sharing target/ with the test builds would rebuild those
# (and all that depends on them) on every switch between the two.
DIST_LINKER := CARGO_TARGET_DIR=$(CURDIR)/target/dist CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=$(CURDIR)/mk/zig-cc.sh
dist-python: dist-tools
	mkdir -p $(DIST) && rm -f $(DIST)/ntpc_policy-*
	$(DIST_LINKER) $(VENV)/bin/maturin build -q --release --target x86_64-unknown-linux-gnu \
		--compatibility manylinux_2_28 -m bindings-python/Cargo.toml -o $(DIST)
	$(VENV)/bin/maturin sdist -m bindings-python/Cargo.toml -o $(DIST)

# The JS package gets the native.js of this build (the test build's exports the
# test hooks).
dist-node: dist-tools node-tools
	rm -rf $(DIST_NODE) && mkdir -p $(DIST_NODE)/main $(DIST) && rm -f $(DIST)/ntpc-policy-*.tgz
	cd $(NODE_DIR) && $(DIST_LINKER) npx napi build --platform --release --target x86_64-unknown-linux-gnu \
		--output-dir ../$(DIST_NODE)/build --js native.js --dts native.d.ts
	cp -r $(NODE_DIR)/{package.json,index.js,gen,index.d.ts,LICENSE-MIT,LICENSE-APACHE} $(DIST_NODE)/build/native.js $(DIST_NODE)/main/
	# What `napi pre-publish` does in the release workflow (it needs every target's
	# addon): optionalDependencies on the platform package of each napi target.
	node mk/npm-optional-deps.mjs $(DIST_NODE)/main/package.json $(NODE_DIR)/npm
	cp -r $(NODE_DIR)/npm/linux-x64-gnu $(DIST_NODE)/linux-x64-gnu
	cp $(DIST_NODE)/build/ntpc-policy.linux-x64-gnu.node $(DIST_NODE)/linux-x64-gnu/
	cd $(DIST_NODE)/main && npm pack --silent --pack-destination $(CURDIR)/$(DIST) >/dev/null
	cd $(DIST_NODE)/linux-x64-gnu && npm pack --silent --pack-destination $(CURDIR)/$(DIST) >/dev/null

dist-crate:
	mkdir -p $(DIST) && rm -f $(DIST)/ntpc-policy-*.crate
	# cargo package builds the crate from its packaged files alone (the verify step);
	# the publish dry run then checks the rest without building again.
	$(CARGO) package -q -p ntpc-policy $(DIST_CARGO_FLAGS)
	$(CARGO) publish --dry-run -q --no-verify -p ntpc-policy $(DIST_CARGO_FLAGS)
	cp target/package/ntpc-policy-$$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1).crate $(DIST)/

# The checks of the artifacts (tests/dist/): contents and licences, glibc symbol
# versions (auditwheel, objdump), the wheel installed without Rust, the sdist built
# in a fresh virtualenv and unit-tested, the npm tarballs installed offline.
dist-test: dist workflow-check
	$(PY) tests/dist/check_artifacts.py $(DIST)
	tests/dist/python_install.sh $(DIST)
	tests/dist/python_sdist.sh $(DIST)
	tests/dist/node_install.sh $(DIST)

# The workflows against GitHub's schema, and zizmor's audit (its default level).
workflow-check: dist-tools
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/zizmor --offline .github/workflows/
