//! The code table is the contract every binding shares (RULES §0): each code is
//! unique, well-formed, and has both messages with the same placeholders.

use ntpc_policy::{Code, code_table};
use std::collections::BTreeSet;

fn placeholders(t: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                out.insert(after[..j].to_string());
                rest = &after[j + 1..];
            }
            None => break,
        }
    }
    out
}

#[test]
fn every_code_is_unique_well_formed_and_bilingual() {
    let table = code_table();
    assert_eq!(table.len(), Code::ALL.len());
    let mut seen = BTreeSet::new();
    for row in &table {
        assert!(seen.insert(row.code), "duplicate code {}", row.code);
        assert!(
            row.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'),
            "code {} is not snake_case",
            row.code
        );
        assert!(!row.message_zh.trim().is_empty(), "{} lacks zh", row.code);
        assert!(!row.message_en.trim().is_empty(), "{} lacks en", row.code);
        assert!(
            row.message_zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: the zh message has no Chinese",
            row.code
        );
        // A zh template may use a localised twin `{x_zh}` of an English `{x}`.
        let zh: BTreeSet<String> = placeholders(row.message_zh)
            .into_iter()
            .map(|p| p.strip_suffix("_zh").map(str::to_owned).unwrap_or(p))
            .collect();
        assert_eq!(
            zh,
            placeholders(row.message_en),
            "{}: zh and en use different parameters",
            row.code
        );
        assert_eq!(
            Code::from_code_str(row.code).map(Code::as_str),
            Some(row.code)
        );
    }
}
