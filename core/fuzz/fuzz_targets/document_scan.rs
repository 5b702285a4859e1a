//! Fuzz target `document_scan` (the ID scan over xlsx, xls, ods, docx, odt, html, pdf, text; issue 21 §2–3): the
//! invariant is `checks::document_scan` (shared with `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::document_scan(data));
