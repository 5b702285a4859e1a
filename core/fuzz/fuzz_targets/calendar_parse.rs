//! Fuzz target `calendar_parse`: the invariant is `checks::calendar_parse` (shared with
//! `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::calendar_parse(data));
