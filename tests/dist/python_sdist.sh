#!/usr/bin/env bash
# The sdist as a packager gets it (issue 19): unpacked, built by pip in a fresh
# virtualenv (maturin from PyPI, Rust from PATH), then the Python unit tests that
# need no system tools run against it: the API, hostile input, errors, the shared
# vectors and the leak corpus (not the CLI, PHP or mypy tests; not the panic test,
# whose hook only the test build has). Usage: python_sdist.sh DIST_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist=$(cd "$1" && pwd)
sdist=$(ls "$dist"/ntpc_policy-*.tar.gz)
# A fixed place, so that cargo's cache (CARGO_TARGET_DIR below) finds the same
# sources again on the next run; the registry crates come from the test build's.
work="$root/target/dist-sdist"
rm -rf "$work" && mkdir -p "$work"
tar -xzf "$sdist" -C "$work"
src=$(ls -d "$work"/ntpc_policy-*/)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q $(grep -E '^(pytest|iniconfig|packaging|pluggy|Pygments)==' "$root/tests/python/requirements.txt")
CARGO_TARGET_DIR="$root/target" "$work/venv/bin/pip" install -q "$src"
cd "$root/tests/python"
"$work/venv/bin/python" -m pytest -q -p no:cacheprovider -k "not panic" \
  test_api.py test_api_hostile.py test_errors.py test_vectors.py test_leak_corpus.py
