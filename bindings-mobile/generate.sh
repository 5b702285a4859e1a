#!/usr/bin/env bash
# Generates the Kotlin or Swift bindings with the workspace's own uniffi-bindgen
# from the built library (library mode: the metadata is read from the binary).
# Two uniffi components live in the library: the core's records and enums
# (Kotlin tw.edu.ntpc.policy.types, Swift module NtpcPolicyTypes) and this
# crate's functions (tw.edu.ntpc.policy, Swift module NtpcPolicy).
#   generate.sh kotlin OUT_DIR LIB  -> OUT_DIR/tw/edu/ntpc/policy/{,types/}*.kt
#   generate.sh swift  OUT_DIR LIB  -> OUT_DIR/Sources/NtpcPolicy/{NtpcPolicy,NtpcPolicyTypes}.swift
#                                      (one Swift module) and the two C modules
#                                      OUT_DIR/Sources/{NtpcPolicyFFI,NtpcPolicyTypesFFI}/include/
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
    mkdir -p "$out/Sources/NtpcPolicy"
    for module in NtpcPolicy NtpcPolicyTypes; do
      mkdir -p "$out/Sources/${module}FFI/include"
      cp "$tmp/$module.swift" "$out/Sources/NtpcPolicy/$module.swift"
      cp "$tmp/${module}FFI.h" "$out/Sources/${module}FFI/include/${module}FFI.h"
      # SwiftPM looks for include/module.modulemap in a C target.
      cp "$tmp/${module}FFI.modulemap" "$out/Sources/${module}FFI/include/module.modulemap"
    done
    ;;
  *) echo "usage: generate.sh kotlin|swift OUT_DIR [LIB]" >&2; exit 2 ;;
esac
