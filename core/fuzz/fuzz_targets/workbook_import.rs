//! Fuzz target `workbook_import` (xlsx, xls, ods through the importers; issue 21 §3): the
//! invariant is `checks::workbook_import` (shared with `core/tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

// libfuzzer-sys's panic hook aborts on any panic, even one the core catches:
// calamine's panics on damaged files are caught and reported as
// `workbook.unreadable` (core/src/import/workbook.rs `guarded`), so the default
// hook is put back. A panic that escapes the check still aborts the run, since
// libfuzzer-sys catches the unwind at the target and aborts then.
libfuzzer_sys::fuzz_target!(
    init: {
        drop(std::panic::take_hook());
    },
    |data: &[u8]| checks::workbook_import(data)
);
