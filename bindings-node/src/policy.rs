//! `Policy`: every number of every rule (RULES §0), as a handle the other
//! functions take. The policy itself is the core's `Policy`.

use crate::errors::guard;
use napi::Env;
use napi_derive::napi;
use ntpc_policy::policy as p;
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
    pub fn edition(env: Env, name: String) -> napi::Result<Self> {
        guard(&env, || {
            p::Policy::edition(&name).map(|inner| JsPolicy { inner })
        })
    }

    /// Reads a (partial) policy document over its edition; unknown keys and
    /// out-of-range numbers throw `policy.invalid_file`.
    #[napi(factory)]
    pub fn from_json(env: Env, text: String) -> napi::Result<Self> {
        guard(&env, || {
            p::Policy::from_json(&text).map(|inner| JsPolicy { inner })
        })
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
