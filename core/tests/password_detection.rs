//! Detection rates of the weak-password check over the committed evaluation sets
//! (issue 22 targets): at least 95 % of A' (common passwords dressed, base words
//! held out of the embedded list), at least 90 % of B' (Taiwan-typical), at most
//! 1 % of random strong passwords. The sets and how they were made:
//! `tests/fixtures/passwords/README.md` (`tests/tools/gen_password_fixtures.py`).
//!
//! "Flagged" means the check returns `warn` or worse with at least one finding of
//! the weak-password detection (or `password.common`); every password in the sets
//! passes the composition rule.
//!
//! `cargo test -p ntpc-policy --test password_detection -- --nocapture` prints the
//! rates; with `PASSWORD_DETECTION_JSON=path` it also writes them as JSON (for
//! `tests/tools/password_vs_zxcvbn.py`).

use ntpc_policy::password::{PasswordContext, check};
use ntpc_policy::{Code, Policy};
use serde_json::Value;
use std::path::PathBuf;

const WEAK_CODES: [Code; 11] = [
    Code::PasswordCommon,
    Code::PasswordCommonVariant,
    Code::PasswordDictionaryWord,
    Code::PasswordWordLike,
    Code::PasswordName,
    Code::PasswordContextWord,
    Code::PasswordKeyboardWalk,
    Code::PasswordSequence,
    Code::PasswordRepeat,
    Code::PasswordZhuyin,
    Code::PasswordDate,
];

fn fixture(name: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/passwords")
        .join(name);
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

fn flagged(pw: &str, policy: &Policy) -> bool {
    let r = check(pw, &PasswordContext::default(), policy);
    assert!(
        r.class_count >= 3 && r.length >= 8,
        "the sets pass the composition rule"
    );
    r.findings.iter().any(|f| WEAK_CODES.contains(&f.code))
}

struct Rate {
    set: &'static str,
    flagged: usize,
    total: usize,
    missed: Vec<String>,
}

impl Rate {
    fn percent(&self) -> f64 {
        100.0 * self.flagged as f64 / self.total as f64
    }
}

fn rate(set: &'static str, file: &str, policy: &Policy) -> Rate {
    let pws = fixture(file);
    let mut r = Rate {
        set,
        flagged: 0,
        total: pws.len(),
        missed: Vec::new(),
    };
    for p in &pws {
        if flagged(p, policy) {
            r.flagged += 1;
        } else {
            r.missed.push(p.clone());
        }
    }
    r
}

#[test]
fn detection_rates_meet_the_targets() {
    let policy = Policy::default();
    let a = rate("a_heldout", "a_heldout.json", &policy);
    let top = rate("a_top", "a_top.json", &policy);
    let b = rate("b_taiwan", "b_taiwan.json", &policy);
    let random = rate("random_strong", "random_strong.json", &policy);
    for r in [&a, &top, &b, &random] {
        println!(
            "{:<14} {:>4}/{:<4} flagged = {:6.2} %",
            r.set,
            r.flagged,
            r.total,
            r.percent()
        );
    }
    if std::env::var_os("PASSWORD_DETECTION_VERBOSE").is_some() {
        for r in [&a, &top, &b] {
            println!("missed in {}: {:?}", r.set, r.missed);
        }
        let flagged: Vec<String> = fixture("random_strong.json")
            .into_iter()
            .filter(|p| flagged(p, &policy))
            .collect();
        println!("flagged random: {flagged:?}");
    }
    if let Some(path) = std::env::var_os("PASSWORD_DETECTION_JSON") {
        let doc = serde_json::json!({
            "a_heldout": a.percent(),
            "a_top": top.percent(),
            "b_taiwan": b.percent(),
            "random_strong": random.percent(),
        });
        std::fs::write(path, doc.to_string()).unwrap();
    }
    assert!(a.percent() >= 95.0, "A': {:.2} %", a.percent());
    assert!(b.percent() >= 90.0, "B': {:.2} %", b.percent());
    assert!(random.percent() <= 1.0, "random: {:.2} %", random.percent());
}

#[test]
#[ignore]
fn print_distributions() {
    let policy = Policy::default();
    for file in [
        "a_heldout.json",
        "a_top.json",
        "b_taiwan.json",
        "random_strong.json",
    ] {
        let mut v: Vec<f64> = fixture(file)
            .iter()
            .map(|p| {
                check(p, &PasswordContext::default(), &policy)
                    .guesses_log10
                    .unwrap_or(99.0)
            })
            .collect();
        v.sort_by(f64::total_cmp);
        let q = |f: f64| v[((v.len() - 1) as f64 * f) as usize];
        println!(
            "{file:<20} min {:5.2} p5 {:5.2} p50 {:5.2} p90 {:5.2} p95 {:5.2} max {:5.2}",
            q(0.0),
            q(0.05),
            q(0.5),
            q(0.9),
            q(0.95),
            q(1.0)
        );
    }
}

#[test]
#[ignore]
fn explain() {
    let policy = Policy::from_json(r#"{"password": {"weak_guesses_log10": 30}}"#).unwrap();
    let list = std::env::var("PW").unwrap_or_default();
    for p in list.split('\n').filter(|p| !p.is_empty()) {
        let r = check(p, &PasswordContext::default(), &policy);
        let parts: Vec<String> = r
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{}@{}+{}{}",
                    f.code.as_str().trim_start_matches("password."),
                    f.params
                        .get("position")
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    f.params
                        .get("length")
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    f.params
                        .get("masked")
                        .map(|v| format!("[{v}]"))
                        .unwrap_or_default(),
                )
            })
            .collect();
        println!(
            "{p:<24} {:6.2} {}",
            r.guesses_log10.unwrap_or(99.0),
            parts.join(" ")
        );
    }
}

#[test]
#[ignore]
fn random_lengths() {
    let policy = Policy::default();
    let alphabet: Vec<char> = (33u8..127).map(char::from).collect();
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for len in [8usize, 10, 12, 16] {
        let mut v = Vec::new();
        while v.len() < 5000 {
            let p: String = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % 94) as usize]
                })
                .collect();
            let r = check(&p, &PasswordContext::default(), &policy);
            if r.class_count >= 3 {
                v.push(r.guesses_log10.unwrap_or(99.0));
            }
        }
        v.sort_by(f64::total_cmp);
        let q = |f: f64| v[((v.len() - 1) as f64 * f) as usize];
        println!(
            "random {len:>2}: min {:5.2} p0.1 {:5.2} p1 {:5.2} p5 {:5.2} p50 {:5.2}",
            q(0.0),
            q(0.001),
            q(0.01),
            q(0.05),
            q(0.5)
        );
    }
}

#[test]
#[ignore]
fn random_flag_rates() {
    let policy = Policy::default();
    let alphabet: Vec<char> = (33u8..127).map(char::from).collect();
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    for len in [8usize, 10, 12] {
        let (mut total, mut hit) = (0, 0);
        while total < 5000 {
            let p: String = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % 94) as usize]
                })
                .collect();
            let r = check(&p, &PasswordContext::default(), &policy);
            if r.class_count >= 3 {
                total += 1;
                hit += usize::from(r.findings.iter().any(|f| WEAK_CODES.contains(&f.code)));
            }
        }
        println!("random {len}: {hit}/{total} flagged");
    }
}
