//! Fuzz target `csv_import` (every CSV/TSV importer): the invariant is `checks::csv_import` (shared
//! with `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::csv_import(data));
