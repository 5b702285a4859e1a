//! Fuzz target `scan_classify`: the scan ⇔ classify differential of issue 14 §1,
//! `checks::scan_classify` (shared with `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::scan_classify(data));
