//! `Policy`, findings and the code table for JS.

use crate::errors::{Result, core, guard};
use napi_derive::napi;
use ntpc_policy::policy as p;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The edition in force, built once: most calls pass no policy.
pub static DEFAULT_POLICY: LazyLock<p::Policy> = LazyLock::new(p::Policy::default);

/// Every number of every rule (RULES §0). `new Policy()` is the edition in force.
#[napi(js_name = "Policy")]
pub struct JsPolicy {
    pub(crate) inner: p::Policy,
}

#[napi]
impl JsPolicy {
    /// The edition in force (`ntpc-110`).
    #[napi(constructor)]
    pub fn new() -> Self {
        JsPolicy {
            inner: p::Policy::default(),
        }
    }

    /// A named edition, e.g. `Policy.edition('ntpc-109')`.
    #[napi(factory)]
    pub fn edition(name: String) -> Result<Self> {
        guard(|| core(p::Policy::edition(&name)).map(|inner| JsPolicy { inner }))
    }

    /// Reads a (partial) policy document; unknown keys throw `policy.invalid_file`.
    #[napi(factory)]
    pub fn from_json(text: String) -> Result<Self> {
        guard(|| core(p::Policy::from_json(&text)).map(|inner| JsPolicy { inner }))
    }

    /// The whole policy as JSON text.
    #[napi]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The names of all editions, oldest first.
    #[napi]
    pub fn editions() -> Vec<String> {
        p::EDITIONS.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The edition this policy starts from.
    #[napi(getter)]
    pub fn name(&self) -> String {
        self.inner.edition.clone()
    }
}

impl Default for JsPolicy {
    fn default() -> Self {
        Self::new()
    }
}

/// The caller's policy, or the edition in force.
pub fn policy<'a>(given: &'a Option<&'a JsPolicy>) -> &'a p::Policy {
    match given {
        Some(p) => &p.inner,
        None => &DEFAULT_POLICY,
    }
}

// Deserialised from the core's JSON (snake_case, the serde bridge of the
// record rules), serialised in JS's camelCase (`crate::fast::ViaJson`).
/// One explained outcome of a rule.
#[napi(object)]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct Finding {
    /// Stable code, e.g. `password.too_short`.
    pub code: String,
    /// How much it matters.
    #[napi(ts_type = "'violation' | 'warning' | 'info'")]
    pub severity: String,
    /// The figures the rule used.
    #[napi(ts_type = "Record<string, string | number | boolean>")]
    pub params: HashMap<String, serde_json::Value>,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

impl From<&ntpc_policy::Finding> for Finding {
    fn from(f: &ntpc_policy::Finding) -> Self {
        Finding {
            code: f.code.as_str().to_owned(),
            severity: f.severity.as_str().to_owned(),
            params: f
                .params
                .iter()
                .map(|(k, v)| (k.to_owned(), crate::convert::json(v)))
                .collect(),
            message_zh: f.message_zh(),
            message_en: f.message_en(),
        }
    }
}

pub fn findings(list: &[ntpc_policy::Finding]) -> Vec<Finding> {
    list.iter().map(Finding::from).collect()
}

/// One row of the code table.
#[napi(object)]
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
#[napi]
pub fn code_table() -> Vec<CodeInfo> {
    ntpc_policy::code_table()
        .into_iter()
        .map(|r| CodeInfo {
            code: r.code.to_owned(),
            kind: crate::convert::enum_str(&r.kind),
            message_zh: r.message_zh.to_owned(),
            message_en: r.message_en.to_owned(),
        })
        .collect()
}

/// Test-only: panics inside the guard every function uses, so the test-suite can
/// prove a panic becomes an `Error` with code `internal` and Node keeps running.
#[napi(js_name = "__panicForTest")]
pub fn panic_for_test() -> Result<()> {
    guard(|| -> Result<()> { panic!("deliberate panic for the test-suite") })
}

/// Test-only: reads an array of strings the way every batch function does and
/// panics at element `at`, so the test-suite can prove that a panic on the
/// chunked path (inside a native callback called from JS) is still an `Error`
/// with code `internal`.
#[napi(js_name = "__panicInBatchForTest", strict)]
pub fn panic_in_batch_for_test(
    #[napi(ts_arg_type = "Array<string>")] values: crate::fast::StrArray,
    at: u32,
) -> Result<u32> {
    guard(|| {
        let mut n = 0u32;
        values
            .for_each(|_| {
                assert!(n != at, "deliberate panic in a batch for the test-suite");
                n += 1;
            })
            .map_err(crate::errors::js_err)?;
        Ok(n)
    })
}
