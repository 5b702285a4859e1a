//! Replays every input kept in `tests/fuzz-regressions/<target>/` through the
//! invariant of that fuzz target (issue #9). The checks are the fuzz targets'
//! own, from `core/fuzz/src/checks.rs`, so a fixed crash stays fixed under plain
//! `cargo test`, without nightly or libFuzzer.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::PathBuf;

fn regressions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fuzz-regressions")
}

#[test]
fn every_kept_input_passes_its_target_check() {
    let root = regressions_dir();
    let mut replayed = 0;
    for target in checks::TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .map(|e| e.expect("readable directory entry").path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).expect("readable regression input");
            let outcome = std::panic::catch_unwind(|| checks::run(target, &data));
            assert!(outcome.is_ok(), "{target}: {} fails", file.display());
            replayed += 1;
        }
    }
    // Every folder that exists is named after a target (a typo would skip files).
    for entry in std::fs::read_dir(&root).expect("tests/fuzz-regressions exists") {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            assert!(
                checks::TARGETS.contains(&name),
                "unknown target folder {name}"
            );
        }
    }
    assert!(
        replayed > 0,
        "no regression inputs under {}",
        root.display()
    );
}

/// The seeds of `core/fuzz/seeds/<target>/` (where the fuzzer starts) pass
/// their checks too: for `scan_classify` they are the first constructed
/// candidates (issue 14 §1).
#[test]
fn the_seeds_pass_their_checks() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut ran = 0;
    for target in checks::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("readable directory entry").path();
            let data = std::fs::read(&path).expect("readable seed");
            let outcome = std::panic::catch_unwind(|| checks::run(target, &data));
            assert!(outcome.is_ok(), "{target}: seed {} fails", path.display());
            ran += 1;
        }
    }
    assert!(ran > 0, "no seeds under {}", root.display());
}

/// A few hand-written inputs per target, so the checks themselves run in every
/// `cargo test` even before the fuzzer has kept anything.
#[test]
fn the_checks_accept_ordinary_inputs() {
    let samples: &[(&str, &[&str])] = &[
        (
            "identity_classify",
            &[
                "A123456789",
                " ａ１２３４５６７８９ ",
                "a123456789@apps.ntpc.edu.tw",
                "",
            ],
        ),
        (
            "identity_scan",
            &["學生A123456789，家長Ｂ２２３４５６７８９", "XA123456789"],
        ),
        (
            "scan_classify",
            &[
                "",
                "\u{0}\u{5}學生A12\u{200B}3456789",
                "\u{1}<b>A</b>123456789",
                "\u{2}A 123 456 789",
                "\u{3}\u{7}\u{3}\u{4}\u{1}\u{2}\u{3}",
            ],
        ),
        (
            "calendar_parse",
            &[
                "民國110年12月7日",
                "1101207",
                "2021/02/08 17:50",
                "0010101",
                "110/02/30",
            ],
        ),
        (
            "password_check",
            &["Aa123456", "Wang01!xyz", "case", "密碼ab12345"],
        ),
        (
            "policy_json",
            &[
                r#"{"password": {"min_length": 12}}"#,
                "{",
                "[]",
                r#"{"edition": "ntpc-109"}"#,
                r#"{"password": {"min_length": 12}, "password": {"min_length": 6}}"#,
                r#"{"identity": {"mask_char": "\u0301"}}"#,
            ],
        ),
        (
            "chart_svg",
            &[
                "",
                "系統被入侵\u{1}對外攻擊",
                "a\u{FFFE}b\u{1}\u{FFFF}\u{1}<x>&amp;]]>",
            ],
        ),
    ];
    for (target, inputs) in samples {
        for input in *inputs {
            checks::run(target, input.as_bytes());
        }
    }
}
