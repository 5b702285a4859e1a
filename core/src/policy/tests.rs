//! Tests of reading, merging and checking policies.

use super::*;

#[test]
fn round_trips_and_merges() {
    let p = Policy::default();
    assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
    let q = Policy::from_json(r#"{"password": {"min_length": 12}}"#).unwrap();
    assert_eq!(q.password.min_length, 12);
    assert_eq!(q.password.min_classes, 3);
    let old = Policy::from_json(r#"{"edition": "ntpc-109"}"#).unwrap();
    assert_eq!(old.drill.report_limit_hours, Some(4));
}

#[test]
fn rejects_unknown_keys_and_bad_documents() {
    let e = Policy::from_json(r#"{"password": {"min_lenght": 12}}"#).unwrap_err();
    assert_eq!(e.code(), Code::PolicyInvalidFile);
    assert!(e.message_en().contains("password.min_lenght"));
    assert_eq!(
        Policy::from_json(r#"{"edition": "x"}"#).unwrap_err().code(),
        Code::PolicyUnknownEdition
    );
    assert_eq!(
        Policy::from_json("[1]").unwrap_err().code(),
        Code::PolicyInvalidFile
    );
    let deep = "[".repeat(10_000);
    assert_eq!(
        Policy::from_json(&deep).unwrap_err().code(),
        Code::InputTooLarge
    );
    let e = Policy::from_json(r#"{"password": {"min_length": "eight"}}"#).unwrap_err();
    assert_eq!(e.code(), Code::PolicyInvalidFile);
}

/// Issue 14 §5: a key given twice is refused at any depth, not "last wins".
#[test]
fn refuses_duplicate_keys_at_any_depth() {
    for doc in [
        r#"{"password": {"min_length": 12}, "password": {"min_length": 6}}"#,
        r#"{"password": {"min_length": 12, "min_length": 6}}"#,
        r#"{"calendar": {"office_days": {"2030": {"days_off": [], "days_off": []}}}}"#,
        r#"{"edition": "ntpc-110", "edition": "ntpc-109"}"#,
    ] {
        let e = Policy::from_json(doc).unwrap_err();
        assert_eq!(e.code(), Code::PolicyInvalidFile, "{doc}");
        assert!(e.message_en().contains("twice"), "{}", e.message_en());
    }
    // The same key in two objects is fine.
    let p =
        Policy::from_json(r#"{"password": {"min_length": 12}, "mailbox": {"notice_days": 30}}"#);
    assert_eq!(p.unwrap().password.min_length, 12);
}

/// Issue 14 §5: the mask must be seen.
#[test]
fn mask_char_must_be_visible() {
    for ok in ['*', '＊', '●', 'X', '〇', '#', '×'] {
        let doc = format!(r#"{{"identity": {{"mask_char": "{ok}"}}}}"#);
        assert!(Policy::from_json(&doc).is_ok(), "{ok:?}");
    }
    for bad in [
        "\\u0000", "\\u001b", " ", "\\u00a0", "\\u3000", "\\u200b", "\\u00ad", "\\u202e",
        "\\ufeff", "\\u0301", "\\u20dd", "\\ufffe", "\\uffff", "\\ue000", "\\u0378", "\\ufdd0",
        "\\u2028", "\\u0085", "\\t",
    ] {
        let doc = format!(r#"{{"identity": {{"mask_char": "{bad}"}}}}"#);
        let e = Policy::from_json(&doc).unwrap_err();
        assert_eq!(e.code(), Code::PolicyInvalidFile, "{bad}");
        assert!(
            e.message_en().contains("identity.mask_char"),
            "{}",
            e.message_en()
        );
    }
}
