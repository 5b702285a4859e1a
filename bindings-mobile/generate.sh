#!/usr/bin/env bash
# Generates the Kotlin or Swift bindings with the workspace's own uniffi-bindgen
# from the built library (library mode: the metadata is read from the binary).
#   generate.sh kotlin OUT_DIR   -> OUT_DIR/tw/edu/ntpc/policy/ntpc_policy_mobile.kt
#   generate.sh swift  OUT_DIR   -> OUT_DIR/Sources/NtpcPolicy/NtpcPolicy.swift and
#                                   OUT_DIR/Sources/NtpcPolicyFFI/include/{NtpcPolicyFFI.h,module.modulemap}
set -euo pipefail
lang=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
lib="$root/target/debug/libntpc_policy_mobile.so"
bindgen=(cargo run -q --manifest-path "$root/Cargo.toml" -p ntpc-policy-mobile --bin uniffi-bindgen --)
case "$lang" in
  kotlin)
    "${bindgen[@]}" generate --library "$lib" --language kotlin --out-dir "$out" --no-format ;;
  swift)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    "${bindgen[@]}" generate --library "$lib" --language swift --out-dir "$tmp" --no-format
    mkdir -p "$out/Sources/NtpcPolicy" "$out/Sources/NtpcPolicyFFI/include"
    cp "$tmp/NtpcPolicy.swift" "$out/Sources/NtpcPolicy/NtpcPolicy.swift"
    cp "$tmp/NtpcPolicyFFI.h" "$out/Sources/NtpcPolicyFFI/include/NtpcPolicyFFI.h"
    # SwiftPM looks for include/module.modulemap in a C target.
    cp "$tmp/NtpcPolicyFFI.modulemap" "$out/Sources/NtpcPolicyFFI/include/module.modulemap"
    ;;
  *) echo "usage: generate.sh kotlin|swift OUT_DIR" >&2; exit 2 ;;
esac
