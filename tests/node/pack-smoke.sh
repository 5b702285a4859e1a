#!/usr/bin/env bash
# Packaging as a user gets it: npm pack, install the tarball into a fresh
# project, require('ntpc-policy') and use it there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg="$here/../../bindings-node"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$pkg" && npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"
node -e "
const np = require('ntpc-policy');
const assert = require('node:assert/strict');
assert.equal(np.classifyId('A123456789').masked, 'A12****789');
assert.equal(np.checkPassword('Aa123456').verdict, 'warn');
assert.throws(() => np.parseDate('110/02/30'), (e) => e.code === 'calendar.invalid_date');
console.log('packed install: 1 passed, 0 failed');
"
