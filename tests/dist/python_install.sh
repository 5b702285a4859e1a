#!/usr/bin/env bash
# The wheel as a school's server gets it (issue 19): a fresh virtualenv, no Rust on
# PATH, `pip install --no-index --find-links dist ntpc-policy`, then an import, a
# call and the command line. Usage: python_install.sh DIST_DIR
set -euo pipefail
dist=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
# No cargo, rustc or rustup on PATH (they live in ~/.cargo/bin): pip could not
# fall back to building the sdist even if it wanted to.
export PATH="$work/venv/bin:/usr/local/bin:/usr/bin:/bin"
export CARGO_HOME="$work/no-cargo" RUSTUP_HOME="$work/no-rustup"
if command -v cargo >/dev/null; then echo "cargo is still on PATH: $(command -v cargo)"; exit 1; fi
cd "$work"
pip install -q --no-index --find-links "$dist" ntpc-policy
python - <<'PY'
import ntpc_policy as np
from ntpc_policy import _core
assert np.classify_id("A123456789").masked == "A12****789"
assert not hasattr(_core, "panic_for_test"), "the release wheel carries the test hooks"
PY
out=$(ntpc-policy id scan --redact - <<<"身分證 A123456789")
[[ $out == *"A12****789"* ]] || { echo "CLI: $out"; exit 1; }
ntpc-policy --version
echo "wheel without Rust: 1 passed, 0 failed"
