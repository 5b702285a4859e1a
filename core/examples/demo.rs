//! `make demo` (Rust side): the first rules over the sample data in `examples/data/`.
//!
//! Reads account names, passwords, dates and a text with ID numbers, and prints
//! what each rule says, with the zh-TW and English messages of every finding.

use ntpc_policy::{Policy, calendar, identity, password};
use std::path::{Path, PathBuf};

fn lines(dir: &Path, name: &str) -> Vec<String> {
    let path = dir.join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn main() {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data".into())
        .into();
    let policy = Policy::default();

    println!("== 自訂帳號格式 Custom account names (RULES §2)");
    for name in lines(&dir, "accounts.txt") {
        let r = identity::check_account(&name, &policy);
        println!("{:<32} {:?}", r.local_part_masked, r.verdict);
        for f in &r.findings {
            println!(
                "    {} — {}\n    {}",
                f.code,
                f.message_zh(),
                f.message_en()
            );
        }
    }

    println!("\n== 密碼原則 Passwords (RULES §1)");
    for row in lines(&dir, "passwords.txt") {
        let Some((account, pw)) = row.split_once('\t') else {
            continue;
        };
        let ctx = password::PasswordContext {
            account: Some(account),
            ..Default::default()
        };
        let r = password::check(pw, &ctx, &policy);
        println!(
            "{account:<16} length {:>2}, {} classes → {:?}",
            r.length, r.class_count, r.verdict
        );
        for f in &r.findings {
            println!("    {} — {}", f.code, f.message_zh());
        }
    }

    println!("\n== 民國日期 Dates (RULES §3)");
    for text in lines(&dir, "dates.txt") {
        match calendar::parse(&text) {
            Ok(d) => {
                let term = calendar::school_term(d.date, &policy);
                println!(
                    "{text:<20} → {} ({}學年度第{}學期)",
                    d.date, term.school_year, term.semester
                );
            }
            Err(e) => println!("{text:<20} → {}: {}", e.code(), e.message_zh()),
        }
    }

    println!("\n== 個資外洩掃描 ID numbers in text (RULES §2)");
    let text = std::fs::read_to_string(dir.join("leak.txt")).expect("leak.txt");
    match identity::scan(&text, &policy) {
        Ok(found) => {
            for m in &found {
                println!(
                    "chars {:>3}–{:<3} {:<12} {:?} checksum {}",
                    m.char_start, m.char_end, m.masked, m.kind, m.checksum_valid
                );
            }
            println!("\n{}", identity::redact(&text, &policy).expect("redact"));
        }
        Err(e) => println!("{}: {}", e.code(), e.message_en()),
    }
}
