//! Fuzz target `record_json` (the JSON records the bindings pass in): the invariant is `checks::record_json` (shared
//! with `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::record_json(data));
