//! Fuzz target `chart_svg`: the SVG charts are well-formed XML for any label
//! (issue 14 §5); the invariant is `checks::chart_svg` (shared with
//! `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::chart_svg(data));
