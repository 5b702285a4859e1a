//! Fuzz target `identity_classify`: the invariant is `checks::identity_classify` (shared with
//! `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::identity_classify(data));
