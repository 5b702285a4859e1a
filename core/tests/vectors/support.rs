//! Reading the vector files, and the subset comparison every runner shares.

use ntpc_policy::PolicyError;
use serde::Serialize;
use serde_json::Value;

/// Every case of every `tests/vectors/*.json`, each with a `file` key added.
pub fn all_cases() -> Vec<Value> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable vector file");
        let doc: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", file.display()));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for case in doc["cases"].as_array().expect("a \"cases\" array") {
            let mut case = case.clone();
            case["file"] = Value::String(name.clone());
            out.push(case);
        }
    }
    out
}

/// Hex text (whitespace ignored) as bytes.
pub fn hex(text: &str) -> Result<Vec<u8>, PolicyError> {
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !clean.len().is_multiple_of(2) {
        return Err(PolicyError::invalid("data_hex", "odd number of hex digits"));
    }
    clean
        .chunks(2)
        .map(|p| {
            std::str::from_utf8(p)
                .ok()
                .and_then(|s| u8::from_str_radix(s, 16).ok())
                .ok_or_else(|| PolicyError::invalid("data_hex", "not hex"))
        })
        .collect()
}

/// Serialises a result to the JSON shape every binding shares.
pub fn json<T: Serialize>(value: &T) -> Result<Value, PolicyError> {
    serde_json::to_value(value).map_err(|e| PolicyError::Internal {
        reason: e.to_string(),
    })
}

/// `None` when `want` is a subset of `got`, else where and how they differ.
pub fn subset_mismatch(want: &Value, got: &Value, path: &str) -> Option<String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w.iter().find_map(|(k, wv)| match g.get(k) {
            Some(gv) => subset_mismatch(wv, gv, &format!("{path}.{k}")),
            None if wv.is_null() => None,
            None => Some(format!("{path}.{k}: missing (want {wv})")),
        }),
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                return Some(format!("{path}: want {} items, got {}", w.len(), g.len()));
            }
            w.iter()
                .zip(g)
                .enumerate()
                .find_map(|(i, (wv, gv))| subset_mismatch(wv, gv, &format!("{path}[{i}]")))
        }
        (Value::Number(w), Value::Number(g)) => {
            (w.as_f64() != g.as_f64()).then(|| format!("{path}: want {w}, got {g}"))
        }
        (w, g) => (w != g).then(|| format!("{path}: want {w}, got {g}")),
    }
}

/// Issues 14 and 16 item 9: the reason inside a zh-TW message is Chinese. Field
/// names, codes, values and acronyms may stay Latin: every parameter value but
/// the Chinese reason is removed, then quoted text (「」, "", ``), identifiers
/// (with `_`, `.` or `[`) and acronyms (`JSON`, `CSV`, `IPv4`); no Latin letter
/// may remain. `internal` errors (bug reports) keep their English diagnostic.
pub fn no_english_in_zh(errors: &[(String, PolicyError)]) {
    let mut bad = Vec::new();
    for (label, e) in errors {
        if e.code() == ntpc_policy::Code::Internal {
            continue;
        }
        let params = e.params();
        let mut zh = e.message_zh();
        for (name, value) in params.iter() {
            if name != "reason_zh" {
                let v = value.to_string();
                if !v.is_empty() {
                    zh = zh.replace(&v, " ");
                }
            }
        }
        let left = strip_allowed(&zh);
        if left.chars().any(|c| c.is_ascii_alphabetic()) {
            bad.push(format!("{label}: {} (left: {left})", e.message_zh()));
        }
    }
    for b in &bad {
        eprintln!("ENGLISH IN ZH {b}");
    }
    assert!(
        bad.is_empty(),
        "{} zh-TW error messages hold English",
        bad.len()
    );
}

/// The text with quoted parts, identifiers and acronyms taken out.
fn strip_allowed(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in text.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '「' => close = Some('」'),
                '"' => close = Some('"'),
                '`' => close = Some('`'),
                _ => out.push(c),
            },
        }
    }
    out.split(|c: char| !(c.is_ascii_alphanumeric() || "_.[]".contains(c)))
        .filter(|w| {
            let letters = w.chars().filter(char::is_ascii_alphabetic).count();
            let upper = w.chars().filter(char::is_ascii_uppercase).count();
            let identifier = w.contains(['_', '.', '[']);
            // `JSON`, `IPv4`; names with digits (`Big5`, `CP950`, `UTF-8`).
            let acronym =
                (letters >= 2 && upper + 1 >= letters) || w.chars().any(|c| c.is_ascii_digit());
            !(identifier || acronym)
        })
        .collect::<Vec<_>>()
        .join(" ")
}
