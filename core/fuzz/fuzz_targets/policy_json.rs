//! Fuzz target `policy_json`: the invariant is `checks::policy_json` (shared with
//! `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::policy_json(data));
