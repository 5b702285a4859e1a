#!/usr/bin/env bash
# Generates the Kotlin or Swift bindings with the workspace's own uniffi-bindgen
# from the built library (library mode: the metadata is read from the binary).
# The core is the one uniffi component of shipped builds: every function,
# record and enum (Kotlin tw.edu.ntpc.policy, Swift module NtpcPolicy). Test
# builds add the hook's component (tw.edu.ntpc.policy.testing), for Kotlin only.
#   generate.sh kotlin OUT_DIR LIB  -> OUT_DIR/tw/edu/ntpc/policy/*.kt (+ testing/)
#   generate.sh swift  OUT_DIR LIB  -> OUT_DIR/Sources/NtpcPolicy/NtpcPolicy.swift
#                                      and the C module OUT_DIR/Sources/NtpcPolicyFFI/include/
set -euo pipefail
lang=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
lib=${3:-"$root/target/debug/libntpc_policy_mobile.so"}
bindgen=(cargo run -q --manifest-path "$root/Cargo.toml" -p ntpc-policy-mobile --bin uniffi-bindgen --)
case "$lang" in
  kotlin)
    "${bindgen[@]}" generate --library "$lib" --language kotlin --out-dir "$out" --no-format ;;
  swift)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    "${bindgen[@]}" generate --library "$lib" --language swift --out-dir "$tmp" --no-format
    module=NtpcPolicy
    mkdir -p "$out/Sources/$module" "$out/Sources/${module}FFI/include"
    cp "$tmp/$module.swift" "$out/Sources/$module/$module.swift"
    cp "$tmp/${module}FFI.h" "$out/Sources/${module}FFI/include/${module}FFI.h"
    # SwiftPM looks for include/module.modulemap in a C target.
    cp "$tmp/${module}FFI.modulemap" "$out/Sources/${module}FFI/include/module.modulemap"
    ;;
  *) echo "usage: generate.sh kotlin|swift OUT_DIR [LIB]" >&2; exit 2 ;;
esac
