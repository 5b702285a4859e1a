//! Fuzz target `calendar_parse`: the invariant is `checks::calendar_parse` (shared with
//! `core/tests/fuzz_regressions.rs`), and the hand-written scanner must read every
//! input as the regex oracle does (issue 20; `core/tests/calendar_oracle/`).
#![no_main]

#[allow(dead_code)]
#[path = "../src/checks.rs"]
mod checks;

#[path = "../../tests/calendar_oracle/regex_parse.rs"]
mod regex_parse;

use ntpc_policy::calendar;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    checks::calendar_parse(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let core = calendar::parse(text)
        .map(|p| (p.date, p.time, p.style.as_str()))
        .map_err(|e| e.code().as_str());
    assert_eq!(core, regex_parse::parse(text), "parse {text:?}");
    let time = calendar::parse_time(text).map_err(|e| e.code().as_str());
    assert_eq!(time, regex_parse::parse_time(text), "parse_time {text:?}");
});
