#!/bin/sh
# The linker of the Node addon's release build (mk/dist.mk): zig from PyPI's
# ziglang (in .venv) through maturin's zig wrapper (the cargo-zigbuild code that
# `maturin build --zig` uses for the wheel), so that the addon links against
# glibc 2.28's symbols (RHEL/Rocky 8, Debian 11, Ubuntu 20.04) and not the
# build machine's. Usage: CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=mk/zig-cc.sh
set -eu
venv=$(cd "$(dirname "$0")/../.venv" && pwd)
PATH="$venv/bin:$PATH"
export PATH
exec "$venv/bin/maturin" zig cc -- -g -fno-sanitize=all -target x86_64-linux-gnu.2.28 "$@"
