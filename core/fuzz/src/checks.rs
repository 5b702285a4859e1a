//! The invariants of the fuzz targets (issue #9 "Hostile input"), in one copy.
//!
//! Included with `#[path]` by every target in `core/fuzz/fuzz_targets/` and by
//! the regression test `core/tests/fuzz_regressions.rs`, which replays the files
//! of `tests/fuzz-regressions/<target>/` through the same function. Each check
//! takes raw bytes (what libFuzzer hands over and what a regression file holds);
//! the string APIs see them only when they are valid UTF-8.
//!
//! A check panics (the fuzzer's "crash") when an invariant fails.

use ntpc_policy::calendar::{self, DateStyle};
use ntpc_policy::identity::{self, IdKind, ScanOptions};
use ntpc_policy::password::{self, PasswordContext, PasswordProfile};
use ntpc_policy::{Code, CodeInfo, Finding, Policy, PolicyError, code_table};
use std::collections::HashSet;
use std::sync::OnceLock;

#[path = "checks_files.rs"]
mod files;
#[path = "checks_scan.rs"]
mod scan;
pub use files::{csv_import, document_scan, workbook_import};
pub use scan::scan_classify;

/// Every target, by the name of its `fuzz_targets/<name>.rs` and regression folder.
pub const TARGETS: &[&str] = &[
    "identity_classify",
    "identity_scan",
    "scan_classify",
    "calendar_parse",
    "password_check",
    "policy_json",
    "csv_import",
    "record_json",
    "chart_svg",
    "workbook_import",
    "document_scan",
];

/// Runs the check of a target by name.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "identity_classify" => identity_classify(data),
        "identity_scan" => identity_scan(data),
        "scan_classify" => scan_classify(data),
        "calendar_parse" => calendar_parse(data),
        "password_check" => password_check(data),
        "policy_json" => policy_json(data),
        "csv_import" => csv_import(data),
        "record_json" => record_json(data),
        "chart_svg" => chart_svg(data),
        "workbook_import" => workbook_import(data),
        "document_scan" => document_scan(data),
        other => panic!("unknown fuzz target {other:?}"),
    }
}

/// The code table, built once.
fn table() -> &'static [CodeInfo] {
    static TABLE: OnceLock<Vec<CodeInfo>> = OnceLock::new();
    TABLE.get_or_init(code_table)
}

/// A code is in the code table with non-empty zh and en messages.
pub fn assert_code_in_table(code: Code) {
    let row = table()
        .iter()
        .find(|r| r.code == code.as_str())
        .unwrap_or_else(|| panic!("code {code} is not in code_table()"));
    assert!(
        !row.message_zh.trim().is_empty(),
        "{code}: empty zh message"
    );
    assert!(
        !row.message_en.trim().is_empty(),
        "{code}: empty en message"
    );
}

/// Every finding's code is in the table, and its rendered messages are not empty.
pub fn assert_findings(findings: &[Finding]) {
    for f in findings {
        assert_code_in_table(f.code);
        assert!(!f.message_zh().trim().is_empty(), "{}: empty zh", f.code);
        assert!(!f.message_en().trim().is_empty(), "{}: empty en", f.code);
    }
}

/// An error carries a code of the table and renders both messages.
pub fn assert_error(e: &PolicyError) {
    assert_code_in_table(e.code());
    assert!(!e.message_zh().trim().is_empty(), "{}: empty zh", e.code());
    assert!(!e.message_en().trim().is_empty(), "{}: empty en", e.code());
}

/// `classify` + `normalize` + `check_account`: no panic;
/// `classify(normalize(x)) == classify(x)` (documented on `classify`);
/// a valid checksum implies a valid format; the mask never shows the number.
pub fn identity_classify(data: &[u8]) {
    let Ok(x) = std::str::from_utf8(data) else {
        return;
    };
    let policy = Policy::default();
    let info = identity::classify(x);
    let n = identity::normalize(x);
    assert_eq!(
        identity::classify(&n),
        info,
        "classify(normalize(x)) != classify(x) for {x:?} (normalized {n:?})"
    );
    assert!(!info.checksum_valid || info.format_valid);
    assert_eq!(info.format_valid, info.kind != IdKind::None);
    if let Some(m) = info.masked(&policy.identity) {
        assert_eq!(m.chars().count(), 10, "mask of {x:?} is {m:?}");
        assert!(identity::scan(&m, &policy).unwrap().is_empty());
    }
    let acct = identity::check_account(x, &policy);
    assert_findings(&acct.findings);
    assert_eq!(acct.kind == IdKind::None, !acct.id_format);
}

/// `scan` + `redact`: no panic; offsets agree with the text in bytes, characters
/// and UTF-16 units; `redact(text)` contains nothing `scan` still finds.
pub fn identity_scan(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let policy = Policy::default();
    let found = identity::scan(text, &policy).expect("text under the scan limit");
    let mut last_end = 0;
    for m in &found {
        assert!(last_end <= m.start && m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        let before = &text[..m.start];
        let within = &text[..m.end];
        assert_eq!(m.char_start, before.chars().count());
        assert_eq!(m.char_end, within.chars().count());
        assert_eq!(m.utf16_start, before.encode_utf16().count());
        assert_eq!(m.utf16_end, within.encode_utf16().count());
        // Ten characters, or more with invisible characters inside (issue 14 §1);
        // either way what classify calls an ID of the same kind and mask.
        let span = &text[m.start..m.end];
        assert_eq!(m.char_end - m.char_start > 10, m.invisible, "{m:?}");
        let info = identity::classify(span);
        assert_eq!(info.kind, m.kind, "{span:?}");
        assert_eq!(
            info.masked(&policy.identity).as_deref(),
            Some(m.masked.as_str())
        );
        last_end = m.end;
    }
    let redacted = identity::redact(text, &policy).expect("text under the scan limit");
    let again = identity::scan(&redacted, &policy).expect("redacted text under the limit");
    assert!(
        again.is_empty(),
        "redact({text:?}) = {redacted:?} still has {again:?}"
    );
}

/// `parse` on any text: no panic, errors carry table codes; a parsed date written
/// back in every style that can hold it parses to the same date (and style).
pub fn calendar_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = match calendar::parse(text) {
        Ok(p) => p,
        Err(e) => {
            assert_error(&e);
            return;
        }
    };
    let _ = calendar::parse_datetime(text).map_err(|e| assert_error(&e));
    for &style in DateStyle::ALL {
        // ROC styles hold ROC years 1–999 only: `format` says so with an error.
        let written = match calendar::format(parsed.date, style) {
            Ok(w) => w,
            Err(e) => {
                assert_error(&e);
                assert!(style.is_roc(), "{style} cannot write {}", parsed.date);
                continue;
            }
        };
        let back = calendar::parse(&written)
            .unwrap_or_else(|e| panic!("{style}: {written:?} from {text:?} does not parse: {e}"));
        assert_eq!(back.date, parsed.date, "{style}: {written:?} from {text:?}");
        assert_eq!(back.style, style, "{written:?} read as another style");
    }
}

/// Every word a password check's string values are made of, besides the codes:
/// verdicts, profiles, severities, class names (`too_few_classes`) and date
/// formats (`password.date`), in both languages.
const PASSWORD_WORDS: &[&str] = &[
    "pass",
    "warn",
    "fail",
    "default",
    "ad",
    "violation",
    "warning",
    "info",
    "uppercase",
    "lowercase",
    "digit",
    "special",
    "other_letter",
    "大寫字母",
    "小寫字母",
    "數字",
    "特殊字元",
    "其他文字（如中文）",
    "yyyymmdd",
    "roc_yyymmdd",
    "西元年月日 yyyymmdd",
    "民國年月日 yyymmdd",
    // The weak-password detection (issue 22): lists, kinds, keyboards, formats.
    "common_passwords",
    "taiwan",
    "english",
    "english_tv",
    "first_names",
    "surnames",
    "taiwan_surnames",
    "taiwan_given_names",
    "zhuyin_phrases",
    "phrase",
    "syllables",
    "organisation",
    "school_name",
    "school_code",
    "account",
    "display_name",
    "year",
    "機關名稱",
    "學校名稱",
    "學校代碼",
    "帳號",
    "姓名",
    "年份",
    "qwerty",
    "keypad",
    "qwerty_row",
    "keyboard_columns",
    "zhuyin_order",
    "letters",
    "digits",
    "鍵盤上相鄰的按鍵",
    "數字鍵盤上相鄰的按鍵",
    "鍵盤同一排依序",
    "鍵盤直行依序",
    "注音符號順序（ㄅㄆㄇㄈ）",
    "數字鍵盤依序",
    "英文字母順序",
    "數字順序",
    "yymmdd",
    "mmddyyyy",
    "mmdd",
    "y/m/d",
    "yyyy",
    "roc_year",
    "年月日 yymmdd",
    "月日年 mmddyyyy",
    "月日 mmdd",
    "以符號分隔的年月日",
    "西元年 yyyy",
    "民國年",
];

/// Whether a string is a masked part (`p******d`, `0***`, `***`): stars, with
/// at most the first character kept from 4 characters on and the last from 6
/// on (issue 22: matched parts are masked, never echoed).
fn is_masked(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    n > 0
        && chars
            .iter()
            .enumerate()
            .all(|(i, &c)| c == '*' || (n >= 4 && i == 0) || (n >= 6 && i == n - 1))
}

/// The result holds nothing of the password: every string value other than the
/// messages is public vocabulary (lists of words joined by `, ` or `、`), and each
/// message is its code's template rendered with the finding's parameters (so it
/// adds nothing but the template). Numbers are counts, limits and positions.
fn assert_no_echo(r: &password::PasswordCheck, json: &str) {
    let table = table();
    for f in &r.findings {
        let row = table.iter().find(|row| row.code == f.code.as_str());
        let row = row.expect("checked by assert_findings");
        assert_eq!(f.message_en(), f.params.render(row.message_en));
        assert_eq!(f.message_zh(), f.params.render(row.message_zh));
    }
    let public = |s: &str| {
        s.split(", ")
            .flat_map(|part| part.split('、'))
            .all(|w| PASSWORD_WORDS.contains(&w) || table.iter().any(|row| row.code == w))
    };
    fn walk(v: &serde_json::Value, public: &dyn Fn(&str) -> bool, json: &str) {
        match v {
            serde_json::Value::String(s) => {
                assert!(public(s), "{s:?} is not public vocabulary: {json}");
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, public, json)),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if k == "masked" {
                        let s = v.as_str().unwrap_or_default();
                        assert!(is_masked(s), "{s:?} is not masked: {json}");
                    } else if k != "message_zh" && k != "message_en" {
                        walk(v, public, json);
                    }
                }
            }
            _ => {}
        }
    }
    let value: serde_json::Value = serde_json::from_str(json).expect("the JSON reads back");
    walk(&value, &public, json);
}

/// The characters of the public text of a password check: the code table, the
/// words, the keys (ASCII letters and `_`), digits and JSON punctuation.
fn public_chars() -> &'static HashSet<char> {
    static SET: OnceLock<HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set: HashSet<char> = code_table()
            .iter()
            .flat_map(|row| [row.code, row.message_zh, row.message_en])
            .chain(PASSWORD_WORDS.iter().copied())
            .flat_map(str::chars)
            .collect();
        set.extend(('a'..='z').chain('A'..='Z').chain('0'..='9'));
        set.extend("_{}[]\":,.- ".chars());
        set
    })
}

/// `check` on any string: no panic; every finding code is in the table; the
/// result holds nothing of the password ([`assert_no_echo`]), so its JSON
/// never contains the password (4+ characters). A password made only of
/// characters of the public text may still occur in the JSON by coincidence
/// (`"seve` in `"severity"`); one with any other character never does.
pub fn password_check(data: &[u8]) {
    let Ok(pw) = std::str::from_utf8(data) else {
        return;
    };
    let policy = Policy::default();
    // The same bytes as account and display name too: the name rules must not
    // echo the password either.
    let contexts = [
        PasswordContext::default(),
        PasswordContext {
            profile: Some(PasswordProfile::Ad),
            ..Default::default()
        },
        PasswordContext {
            account: Some(pw),
            display_name: Some(pw),
            ..Default::default()
        },
        PasswordContext {
            school_name: Some(pw),
            school_code: Some(pw),
            today: chrono::NaiveDate::from_ymd_opt(2021, 12, 7),
            ..Default::default()
        },
    ];
    let public = public_chars();
    for ctx in &contexts {
        let r = password::check(pw, ctx, &policy);
        assert_findings(&r.findings);
        assert!(r.length <= policy.password.max_length + 1);
        let json = serde_json::to_string(&r).expect("a check serialises");
        assert_no_echo(&r, &json);
        if pw.chars().count() >= 4 && !pw.chars().all(|c| public.contains(&c)) {
            // JSON escapes quotes, backslashes and control characters.
            let escaped = serde_json::to_string(pw).expect("a str serialises");
            let escaped = &escaped[1..escaped.len() - 1];
            assert!(
                !json.contains(pw) && !json.contains(escaped),
                "the result echoes the password {pw:?}: {json}"
            );
        }
    }
}

/// `Policy::from_json` on any text: no panic; errors carry table codes; a policy
/// that loads writes JSON that loads back to the same policy.
pub fn policy_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Policy::from_json(text) {
        Err(e) => assert_error(&e),
        Ok(p) => {
            let json = p.to_json();
            let back = Policy::from_json(&json)
                .unwrap_or_else(|e| panic!("to_json of a loaded policy does not load: {e}"));
            assert_eq!(back, p, "policy JSON round trip from {text:?}");
            // Issue 14 §5: the mask is a visible character.
            let m = p.identity.mask_char;
            assert!(
                !m.is_control() && !m.is_whitespace(),
                "mask_char {m:?} loaded"
            );
            // A key given twice, at the top or one level down, is refused
            // whatever the values (never "the last one wins").
            let twice = [
                json.replacen('{', "{\"edition\": \"ntpc-110\",", 1),
                json.replacen("\"password\": {", "\"password\": {\"min_length\": 8,", 1),
            ];
            for doc in twice {
                let e = Policy::from_json(&doc).expect_err("a repeated key loads");
                assert_eq!(e.code(), Code::PolicyInvalidFile, "{doc}");
            }
        }
    }
}

/// The JSON records the bindings pass in (family, person, mailbox, attendance):
/// any text either fails to read or goes through its rule without a panic.
pub fn record_json(data: &[u8]) {
    use ntpc_policy::{mailbox, parent, permission};
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let p = Policy::default();
    let today = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
    match sel % 4 {
        0 => {
            if let Ok(r) = serde_json::from_str::<parent::FamilyRecord>(text) {
                let c = parent::check(&r);
                assert_findings(&c.findings);
                for contact in &c.contacts {
                    assert_findings(&contact.findings);
                    if let Some(m) = &contact.mobile.normalized {
                        assert!(
                            m.len() == 10 && m.starts_with("09"),
                            "normalised mobile {m}"
                        );
                    }
                }
            }
        }
        1 => {
            if let Ok(who) = serde_json::from_str::<permission::Person>(text) {
                for row in permission::table() {
                    for right in [permission::Right::Manage, permission::Right::Edit] {
                        let d =
                            permission::can(&who, row.app, right, &[], &Policy::default()).unwrap();
                        assert_findings(&d.findings);
                    }
                }
            }
        }
        2 => {
            if let Ok(r) = serde_json::from_str::<mailbox::MailboxRecord>(text) {
                match mailbox::status(&r, today, &p) {
                    Ok(s) => assert_findings(&s.findings),
                    Err(e) => assert_error(&e),
                }
            }
        }
        _ => {
            if let Ok(rows) = serde_json::from_str::<Vec<permission::AttendanceRecord>>(text) {
                let counts = permission::absent_counts(&rows);
                assert!(
                    counts
                        .counts
                        .iter()
                        .map(|c| c.absent as usize)
                        .sum::<usize>()
                        <= rows.len()
                );
            }
        }
    }
}

/// A chart as XML: roxmltree reads it (XML 1.0 well-formed: every character
/// allowed, every `&` and `<` escaped), its root is `<svg>`; the number of bars
/// (`rect` filled with the bar colour) is returned.
pub fn parse_svg(svg: &str) -> usize {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("not well-formed XML ({e}): {svg:?}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#2f6db5"))
        .count()
}

/// The three SVG charts on labels made of any characters (issue 14 §5): the
/// bytes, read as text, are cut at U+0001 into labels; each is an incident's
/// subtype and unit (1–3 incidents each, in months the next byte picks) and a
/// picked school's code and name. Every chart is well-formed XML, and the
/// subtype chart draws one bar per subtype of the statistics.
pub fn chart_svg(data: &[u8]) {
    use ntpc_policy::{audit, chart, incident};
    let text = String::from_utf8_lossy(data);
    let labels: Vec<&str> = text.split('\u{1}').take(64).collect();
    let mut incidents = Vec::new();
    let mut schools = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let month = 1 + (label.len() + i) % 12;
        for k in 0..=(i % 3) {
            let v = serde_json::json!({
                "id": format!("{i}-{k}"),
                "unit": label,
                "level": 1 + (i % 4),
                "subtype": label,
                "reported_at": format!("2021-{month:02}-0{}T09:00:00+08:00", 1 + k),
            });
            incidents.push(serde_json::from_value::<incident::Incident>(v).expect("an incident"));
        }
        schools.push(audit::AuditSchool {
            school: format!("{label}{i}"),
            name: Some((*label).to_owned()),
            security_grade: Some("C".into()),
            previous_year_incidents: Some(i as u32),
            ..Default::default()
        });
    }
    let policy = Policy::default();
    let now = calendar::parse_datetime("2021-12-31T09:00:00+08:00").expect("a date");
    let stats = incident::stats(&incidents, now, &policy);
    parse_svg(&chart::monthly_svg(&stats, None));
    assert_eq!(
        parse_svg(&chart::subtype_svg(&stats, None)),
        stats.by_subtype.len()
    );
    match audit::pick(&schools, &[], Some(8), &policy) {
        Ok(pick) => {
            parse_svg(&chart::criteria_table_svg(&pick, None));
        }
        Err(e) => assert_error(&e),
    }
}
