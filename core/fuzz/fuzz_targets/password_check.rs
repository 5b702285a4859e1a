//! Fuzz target `password_check`: the invariant is `checks::password_check` (shared with
//! `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::password_check(data));
