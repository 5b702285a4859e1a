//! Fuzz target `workbook_import` (xlsx, xls, ods through the importers; issue 21 §3): the
//! invariant is `checks::workbook_import` (shared with `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::workbook_import(data));
