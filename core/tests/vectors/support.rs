//! Argument access and the subset comparison shared by every dispatch module.

use ntpc_policy::{Policy, PolicyError};
use serde::Serialize;
use serde_json::Value;

/// A vector's `args` object with typed getters that fail as `input.invalid_argument`.
pub struct Args(Value);

#[allow(dead_code)]
impl Args {
    pub fn new(v: Value) -> Self {
        Args(v)
    }

    pub fn raw(&self, key: &str) -> Option<&Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    pub fn str(&self, key: &str) -> Result<&str, PolicyError> {
        self.raw(key)
            .and_then(Value::as_str)
            .ok_or_else(|| PolicyError::invalid_bilingual(key, "a string is required", "須為字串"))
    }

    pub fn opt_str(&self, key: &str) -> Option<&str> {
        self.raw(key).and_then(Value::as_str)
    }

    pub fn i64(&self, key: &str) -> Result<i64, PolicyError> {
        self.raw(key).and_then(Value::as_i64).ok_or_else(|| {
            PolicyError::invalid_bilingual(key, "a whole number is required", "須為整數")
        })
    }

    pub fn opt_i64(&self, key: &str) -> Option<i64> {
        self.raw(key).and_then(Value::as_i64)
    }

    pub fn bool_or(&self, key: &str, default: bool) -> bool {
        self.raw(key).and_then(Value::as_bool).unwrap_or(default)
    }

    pub fn str_list(&self, key: &str) -> Result<Vec<String>, PolicyError> {
        match self.raw(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str().map(str::to_owned).ok_or_else(|| {
                        PolicyError::invalid_bilingual(
                            key,
                            "a list of strings is required",
                            "須為字串清單",
                        )
                    })
                })
                .collect(),
            Some(_) => Err(PolicyError::invalid_bilingual(
                key,
                "a list of strings is required",
                "須為字串清單",
            )),
        }
    }

    /// An argument read as a plain serde record (the binding contract: dicts and
    /// objects pass straight through); a bad record is `input.invalid_argument`.
    pub fn record<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<T, PolicyError> {
        let v = self.0.get(key).cloned().unwrap_or(Value::Null);
        ntpc_policy::records::from_json_value(key, v)
    }

    /// A date argument in any calendar style.
    pub fn date(&self, key: &str) -> Result<chrono::NaiveDate, PolicyError> {
        ntpc_policy::calendar::parse_date(self.str(key)?)
    }

    /// The optional `policy` argument: a partial policy document over the edition in force.
    pub fn policy(&self) -> Result<Policy, PolicyError> {
        match self.raw("policy") {
            None => Ok(Policy::default()),
            Some(v) => Policy::from_json(&v.to_string()),
        }
    }
}

/// Serialises a result to the JSON shape every binding shares.
pub fn json<T: Serialize>(value: &T) -> Result<Value, PolicyError> {
    serde_json::to_value(value).map_err(|e| PolicyError::Internal {
        reason: e.to_string(),
    })
}

/// Calls about policies themselves (`policy.load`, `policy.edition`).
pub fn policy_call(call: &str, args: &Args) -> Result<Value, PolicyError> {
    match call {
        "policy.load" => json(&Policy::from_json(args.str("json")?)?),
        "policy.edition" => json(&Policy::edition(args.str("name")?)?),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}

/// `None` when `want` is a subset of `got`, else where and how they differ.
pub fn subset_mismatch(want: &Value, got: &Value, path: &str) -> Option<String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w.iter().find_map(|(k, wv)| match g.get(k) {
            Some(gv) => subset_mismatch(wv, gv, &format!("{path}.{k}")),
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

/// Errors built with the English-only `PolicyError::invalid` whose Chinese reason
/// is still English: the call sites of the identity and password modules (to be
/// converted with `PolicyError::invalid_bilingual`), and the runners' own
/// argument conversions, which stand in for each binding's.
const ENGLISH_ONLY_PENDING: &[&str] = &["password.json:", "identity.json:"];

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
        let english_only = params.get("reason_zh").is_some()
            && params.get("reason_zh").map(|v| v.to_string())
                == params.get("reason").map(|v| v.to_string());
        if english_only && ENGLISH_ONLY_PENDING.iter().any(|p| label.starts_with(p)) {
            continue;
        }
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
