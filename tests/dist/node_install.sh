#!/usr/bin/env bash
# The npm packages as a web team gets them (issue 19): a fresh project installs
# the packed tarballs of dist/ offline (the JS package and this machine's platform
# package, which its optionalDependencies name), nothing compiles, and the addon
# works. Usage: node_install.sh DIST_DIR
set -euo pipefail
dist=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --offline --no-audit --no-fund --silent "$dist"/ntpc-policy-*.tgz
test -f node_modules/ntpc-policy-linux-x64-gnu/ntpc-policy.linux-x64-gnu.node
test ! -e node_modules/ntpc-policy/ntpc-policy.linux-x64-gnu.node
node -e "
const np = require('ntpc-policy');
const assert = require('node:assert/strict');
assert.equal(np.classifyId('A123456789').masked, 'A12****789');
assert.equal(np.checkPassword('Aa123456').verdict, 'warn');
assert.throws(() => np.parseDate('110/02/30'), (e) => e.code === 'calendar.invalid_date');
assert.equal(typeof require('ntpc-policy/native.js').panicForTest, 'undefined');
console.log('npm tarballs offline: 1 passed, 0 failed');
"
