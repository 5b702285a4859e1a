//! Findings: the explainable part of every verdict (RULES §0 "Verdicts are explainable").
//!
//! A finding is a stable [`Code`], a [`Severity`], and named parameters. Its two
//! messages are rendered from the code table on demand, so a check that passes
//! allocates nothing and a finding's text can never drift from the table.

use crate::codes::{Code, CodeKind};
use chrono::NaiveDate;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt::Write as _;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A fact worth showing.
    Info,
    /// Allowed, but risky.
    Warning,
    /// Breaks a rule.
    Violation,
}

impl Severity {
    /// The stable string form (`violation`, `warning`, `info`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Violation => "violation",
        }
    }
}

/// The overall answer of a check, derived from its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No violation and no warning.
    Pass,
    /// Warnings only.
    Warn,
    /// At least one violation.
    Fail,
}

impl Verdict {
    /// The verdict a list of findings amounts to.
    pub fn of(findings: &[Finding]) -> Verdict {
        match findings.iter().map(|f| f.severity).max() {
            Some(Severity::Violation) => Verdict::Fail,
            Some(Severity::Warning) => Verdict::Warn,
            _ => Verdict::Pass,
        }
    }

    /// The stable string form.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }
}

/// A parameter value: a JSON scalar.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ParamValue {
    /// A boolean.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// Text. Most texts are fixed names (a kind, an area, a class), borrowed
    /// so that a finding costs no allocation for them.
    Str(Cow<'static, str>),
    /// A day, shown (and serialised) as `YYYY-MM-DD` text. Kept as a value
    /// so that building a finding writes no text: the mailbox sweep builds
    /// four dates for each of 650,000 findings, and writing them was a third
    /// of its time (issue 20). Read back from JSON, it is `Str`.
    #[serde(skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    Date(NaiveDate),
    /// A day shown in the ROC slash style (`110/12/07`; ISO text outside the
    /// ROC years 1–999), like [`ParamValue::Date`] written only when shown.
    #[serde(skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    RocDate(NaiveDate),
}

/// The same JSON as the text the value shows: a date parameter serialises
/// exactly as the string it replaced.
impl Serialize for ParamValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ParamValue::Bool(b) => s.serialize_bool(*b),
            ParamValue::Int(i) => s.serialize_i64(*i),
            ParamValue::Float(x) => s.serialize_f64(*x),
            ParamValue::Str(t) => s.serialize_str(t),
            ParamValue::Date(d) => s.serialize_str(&crate::calendar::iso_text(*d)),
            ParamValue::RocDate(d) => s.serialize_str(&crate::records::roc(*d)),
        }
    }
}

impl std::fmt::Display for ParamValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamValue::Bool(b) => write!(f, "{b}"),
            ParamValue::Int(i) => write!(f, "{i}"),
            ParamValue::Float(x) => write!(f, "{x}"),
            ParamValue::Str(s) => f.write_str(s),
            ParamValue::Date(d) => f.write_str(&crate::calendar::iso_text(*d)),
            ParamValue::RocDate(d) => f.write_str(&crate::records::roc(*d)),
        }
    }
}

macro_rules! param_from {
    ($($t:ty => $v:ident),*) => {$(
        impl From<$t> for ParamValue {
            fn from(x: $t) -> Self { ParamValue::$v(x.into()) }
        }
    )*};
}
param_from!(bool => Bool, i64 => Int, i32 => Int, u32 => Int, u8 => Int, f64 => Float, String => Str, &'static str => Str);

impl From<usize> for ParamValue {
    fn from(x: usize) -> Self {
        ParamValue::Int(i64::try_from(x).unwrap_or(i64::MAX))
    }
}

impl From<u64> for ParamValue {
    fn from(x: u64) -> Self {
        ParamValue::Int(i64::try_from(x).unwrap_or(i64::MAX))
    }
}

/// Named parameters of a finding or error, in insertion order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Vec<(&'static str, ParamValue)>);

impl Params {
    /// No parameters.
    pub const fn new() -> Self {
        Params(Vec::new())
    }

    /// Adds a parameter (builder style).
    pub fn with(mut self, name: &'static str, value: impl Into<ParamValue>) -> Self {
        self.0.push((name, value.into()));
        self
    }

    /// The value of a parameter, if present.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// All parameters in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &ParamValue)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }

    /// Fills `{name}` placeholders of a template.
    pub fn render(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match self.get(name) {
                        Some(v) => {
                            let _ = write!(out, "{v}");
                        }
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Keys in code-point order (issue 14 §5). The JSON door (`api::call`) hands
/// results over as `serde_json::Value`, whose objects sort their keys, while the
/// fast paths of the bindings write the result directly: writing the keys
/// sorted here gives every binding and every path the same order.
impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut sorted: Vec<&(&'static str, ParamValue)> = self.0.iter().collect();
        sorted.sort_by_key(|(k, _)| *k);
        let mut m = s.serialize_map(Some(sorted.len()))?;
        for (k, v) in sorted {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// One explained outcome of a rule.
///
/// Serialises as `{code, severity, params, message_zh, message_en}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// How much it matters (the code's default unless the policy raised it).
    pub severity: Severity,
    /// The figures the rule used.
    pub params: Params,
}

impl Finding {
    /// A finding with the code's default severity and no parameters.
    pub fn new(code: Code) -> Self {
        let severity = match code.kind() {
            CodeKind::Violation | CodeKind::Error => Severity::Violation,
            CodeKind::Warning => Severity::Warning,
            CodeKind::Info => Severity::Info,
        };
        Finding {
            code,
            severity,
            params: Params::new(),
        }
    }

    /// A finding with room for `n` parameters: a rule that adds many saves the
    /// list's regrowth (the sweeps build hundreds of thousands; issue 20).
    pub fn with_capacity(code: Code, n: usize) -> Self {
        let mut f = Finding::new(code);
        f.params.0.reserve_exact(n);
        f
    }

    /// Adds a parameter (builder style).
    pub fn with(mut self, name: &'static str, value: impl Into<ParamValue>) -> Self {
        self.params = self.params.with(name, value);
        self
    }

    /// Overrides the severity (a policy may raise warnings to violations).
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The Traditional Chinese message.
    pub fn message_zh(&self) -> String {
        self.params.render(self.code.template_zh())
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.params.render(self.code.template_en())
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("code", self.code.as_str())?;
        m.serialize_entry("severity", &self.severity)?;
        m.serialize_entry("params", &self.params)?;
        m.serialize_entry("message_zh", &self.message_zh())?;
        m.serialize_entry("message_en", &self.message_en())?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_parameters_and_keeps_unknown_placeholders() {
        let f = Finding::new(Code::PasswordTooShort)
            .with("min", 8)
            .with("actual", 6);
        assert!(f.message_en().contains("at least 8"));
        assert!(f.message_zh().contains("目前為 6"));
        let p = Params::new();
        assert_eq!(p.render("a {x} b {"), "a {x} b {");
    }

    /// Issue 14 §5: params serialise in key order, whatever order the rule
    /// added them in, so the JSON door and the fast paths agree.
    #[test]
    fn params_serialise_in_key_order() {
        let f = Finding::new(Code::PasswordTooShort)
            .with("min", 8)
            .with("actual", 6);
        let json = serde_json::to_string(&f.params).unwrap();
        assert_eq!(json, r#"{"actual":6,"min":8}"#);
    }

    /// A date parameter serialises and shows as the text it stands for.
    #[test]
    fn date_params_are_their_texts() {
        for (y, m, d) in [
            (2021, 12, 7),
            (1912, 1, 1),
            (9999, 12, 31),
            (1911, 12, 31),
            (12_000, 2, 29),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let iso = crate::calendar::iso_text(day);
            let roc = crate::records::roc(day);
            let f = Finding::new(Code::MailboxActive)
                .with("a", ParamValue::Date(day))
                .with("b", ParamValue::RocDate(day));
            let g = Finding::new(Code::MailboxActive)
                .with("a", iso.clone())
                .with("b", roc.clone());
            assert_eq!(
                serde_json::to_value(&f).unwrap(),
                serde_json::to_value(&g).unwrap()
            );
            assert_eq!(ParamValue::Date(day).to_string(), iso);
            assert_eq!(ParamValue::RocDate(day).to_string(), roc);
        }
        assert_eq!(
            ParamValue::RocDate(NaiveDate::from_ymd_opt(2021, 12, 7).unwrap()).to_string(),
            "110/12/07"
        );
    }

    #[test]
    fn verdict_follows_worst_severity() {
        assert_eq!(Verdict::of(&[]), Verdict::Pass);
        let w = Finding::new(Code::PasswordCommon);
        let v = Finding::new(Code::PasswordTooShort);
        assert_eq!(Verdict::of(std::slice::from_ref(&w)), Verdict::Warn);
        assert_eq!(Verdict::of(&[w, v]), Verdict::Fail);
    }
}
