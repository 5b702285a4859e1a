//! The weak-password detection gives the same answers as before its speed-up
//! (issue 22 "≥ 1 M passwords per second"): every password of the evaluation
//! sets (`tests/fixtures/passwords/`) and 3,000 generated hostile ones (words,
//! l33t, dates, walks, Zhuyin keys, CJK and full-width, up to 300 characters),
//! each with no context and with a full one, checked and serialised to JSON
//! (verdict, estimate, every finding with its parameters and messages).
//!
//! The oracle is the code before the speed-up: its answers were recorded in
//! `password_oracle/checks.txt`: for each set and context a header line, then one
//! line per password in the set's order: the verdict, `guesses_log10` and a
//! 64-bit FNV-1a digest of the whole JSON.
//! A deliberate change of the rule re-records it:
//! `PASSWORD_ORACLE_WRITE=1 cargo test -p ntpc-policy --test password_unchanged`.

use ntpc_policy::Policy;
use ntpc_policy::password::{PasswordContext, check};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Vec<String> {
    let path = dir().join("../tests/fixtures/passwords").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["passwords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| match p {
            Value::String(s) => s.clone(),
            other => other["password"].as_str().unwrap().to_owned(),
        })
        .collect()
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Passwords built from the pieces the detectors look for, and random ones.
fn generated(count: usize) -> Vec<String> {
    const PIECES: [&str; 40] = [
        "Password",
        "p@ssw0rd",
        "DRAGON",
        "M0nk3y",
        "sunshine",
        "Shadow",
        "iloveyou",
        "Ntpc",
        "x1nb31",
        "edu",
        "Wang",
        "chen",
        "Hsu",
        "Jhang",
        "Banqiao",
        "chensy",
        "2021",
        "110",
        "0701",
        "19800101",
        "0690701",
        "700101",
        "1980/01/01",
        "69.07.01",
        "123",
        "9876",
        "qwer",
        "1qaz2wsx",
        "zaq1",
        "147258",
        "!@#$",
        "asdfgh",
        "abcabc",
        "ji32k7au4a83",
        "vup 1o3",
        "5j s93t86",
        "密碼",
        "新北",
        "ｐａｓｓ",
        "satellit",
    ];
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()_+-=[]{};':,./<>?| ";
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    (0..count)
        .map(|i| {
            let target = match i % 10 {
                0 => 40 + r.below(261), // long: up to 300 characters
                1..=3 => 8 + r.below(8),
                _ => 8 + r.below(25),
            };
            let mut s = String::new();
            while s.chars().count() < target {
                match r.below(4) {
                    0 | 1 => s.push_str(PIECES[r.below(PIECES.len())]),
                    2 => s.push(char::from(CHARS[r.below(CHARS.len())])),
                    _ => {
                        for _ in 0..1 + r.below(4) {
                            s.push(char::from(CHARS[r.below(CHARS.len())]));
                        }
                    }
                }
            }
            s
        })
        .collect()
}

/// FNV-1a, 64 bits.
fn digest(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn record() -> String {
    let policy = Policy::default();
    let plain = PasswordContext::default();
    let named = PasswordContext {
        account: Some("chensy01@apps.ntpc.edu.tw"),
        display_name: Some("陳思妤 Chen Si-Yu"),
        school_name: Some("新北市立板橋國民小學 Banqiao"),
        school_code: Some("014601"),
        today: chrono::NaiveDate::from_ymd_opt(2021, 12, 7),
        ..Default::default()
    };
    let mut sets: Vec<(&str, Vec<String>)> = ["a_top", "a_heldout", "b_taiwan", "random_strong"]
        .into_iter()
        .map(|name| (name, fixture(&format!("{name}.json"))))
        .collect();
    sets.push(("generated", generated(3000)));
    let mut out = String::new();
    for (name, pws) in &sets {
        for (ctx_name, ctx) in [("plain", &plain), ("named", &named)] {
            writeln!(out, "# {name} {ctx_name} ({} passwords)", pws.len()).unwrap();
            for pw in pws {
                let r = check(pw, ctx, &policy);
                let json = serde_json::to_string(&r).unwrap();
                let guesses = r
                    .guesses_log10
                    .map_or("-".to_owned(), |g| format!("{g:.2}"));
                writeln!(
                    out,
                    "{} {guesses} {:016x}",
                    r.verdict.as_str(),
                    digest(&json)
                )
                .unwrap();
            }
        }
    }
    out
}

#[test]
fn answers_are_those_recorded_before_the_speed_up() {
    let path = dir().join("tests/password_oracle/checks.txt");
    let now = record();
    if std::env::var_os("PASSWORD_ORACLE_WRITE").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let before = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut differ = 0;
    let mut section = "";
    let mut index = 0;
    for (was, is) in before.lines().zip(now.lines()) {
        if was.starts_with('#') {
            (section, index) = (was, 0);
            continue;
        }
        if was != is {
            differ += 1;
            if differ <= 20 {
                eprintln!("{section}, password {index}: was {was}, is {is}");
            }
        }
        index += 1;
    }
    assert_eq!(before.lines().count(), now.lines().count(), "same checks");
    assert_eq!(differ, 0, "{differ} answers changed");
}
