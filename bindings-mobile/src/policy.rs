//! `Policy`, findings, verdicts and the code table for Kotlin and Swift.

use crate::convert::{enum_str, json_text};
use crate::errors::Result;
use ntpc_policy::policy as p;
use std::sync::{Arc, LazyLock};

/// The edition in force, built once: most calls pass no policy.
pub static DEFAULT_POLICY: LazyLock<p::Policy> = LazyLock::new(p::Policy::default);

/// Every number of every rule (RULES §0). `Policy()` is the edition in force.
#[derive(uniffi::Object)]
pub struct Policy {
    pub(crate) inner: p::Policy,
}

#[uniffi::export]
impl Policy {
    /// The edition in force (`ntpc-110`).
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Policy {
            inner: p::Policy::default(),
        })
    }

    /// A named edition, e.g. `ntpc-109`.
    #[uniffi::constructor]
    pub fn edition(name: String) -> Result<Arc<Self>> {
        Ok(Arc::new(Policy {
            inner: p::Policy::edition(&name)?,
        }))
    }

    /// Reads a (partial) policy document; unknown keys are `policy.invalid_file`.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>> {
        Ok(Arc::new(Policy {
            inner: p::Policy::from_json(&text)?,
        }))
    }

    /// The whole policy as JSON text.
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The edition this policy starts from.
    pub fn name(&self) -> String {
        self.inner.edition.clone()
    }
}

/// The names of all policy editions, oldest first.
#[uniffi::export]
pub fn policy_editions() -> Result<Vec<String>> {
    Ok(p::EDITIONS.iter().map(|s| (*s).to_owned()).collect())
}

/// The caller's policy, or the edition in force.
pub fn policy(given: &Option<Arc<Policy>>) -> &p::Policy {
    match given {
        Some(p) => &p.inner,
        None => &DEFAULT_POLICY,
    }
}

/// The overall answer of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// No violation and no warning.
    Pass,
    /// Warnings only.
    Warn,
    /// At least one violation.
    Fail,
}

impl From<ntpc_policy::Verdict> for Verdict {
    fn from(v: ntpc_policy::Verdict) -> Self {
        match v {
            ntpc_policy::Verdict::Pass => Verdict::Pass,
            ntpc_policy::Verdict::Warn => Verdict::Warn,
            ntpc_policy::Verdict::Fail => Verdict::Fail,
        }
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A fact worth showing.
    Info,
    /// Allowed, but risky.
    Warning,
    /// Breaks a rule.
    Violation,
}

/// One explained outcome of a rule.
#[derive(Debug, Clone, uniffi::Record, serde::Serialize)]
pub struct Finding {
    /// Stable code, e.g. `password.too_short`.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// The figures the rule used, as a JSON object.
    pub params_json: String,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

impl From<&ntpc_policy::Finding> for Finding {
    fn from(f: &ntpc_policy::Finding) -> Self {
        Finding {
            code: f.code.as_str().to_owned(),
            severity: match f.severity {
                ntpc_policy::Severity::Info => Severity::Info,
                ntpc_policy::Severity::Warning => Severity::Warning,
                ntpc_policy::Severity::Violation => Severity::Violation,
            },
            params_json: json_text(&f.params),
            message_zh: f.message_zh(),
            message_en: f.message_en(),
        }
    }
}

/// Findings inside shapes arrive as the core's JSON (`params` an object).
impl<'de> serde::Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Json {
            code: String,
            severity: Severity,
            params: serde_json::Value,
            message_zh: String,
            message_en: String,
        }
        let j = Json::deserialize(d)?;
        Ok(Finding {
            code: j.code,
            severity: j.severity,
            params_json: j.params.to_string(),
            message_zh: j.message_zh,
            message_en: j.message_en,
        })
    }
}

pub fn findings(list: &[ntpc_policy::Finding]) -> Vec<Finding> {
    list.iter().map(Finding::from).collect()
}

/// One row of the code table.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CodeInfo {
    /// Stable code.
    pub code: String,
    /// `violation`, `warning`, `info` or `error`.
    pub kind: String,
    /// Traditional Chinese template.
    pub message_zh: String,
    /// English template.
    pub message_en: String,
}

/// Every code with its kind and both message templates.
#[uniffi::export]
pub fn code_table() -> Result<Vec<CodeInfo>> {
    Ok(ntpc_policy::code_table()
        .into_iter()
        .map(|r| CodeInfo {
            code: r.code.to_owned(),
            kind: enum_str(&r.kind),
            message_zh: r.message_zh.to_owned(),
            message_en: r.message_en.to_owned(),
        })
        .collect())
}

/// Test-only: panics, so the test-suites can prove a panic becomes the binding's
/// internal error and the app keeps running. Every export is fallible (`throws`
/// in Swift) for this reason: a non-throwing Swift call would turn a panic into
/// a crash.
#[uniffi::export]
pub fn panic_for_test() -> Result<()> {
    panic!("deliberate panic for the test-suite")
}
