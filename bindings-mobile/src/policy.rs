//! `Policy`: every number of every rule (RULES §0), as a handle the other
//! functions take. The policy itself is the core's `Policy`.

use crate::Result;
use ntpc_policy::policy as p;
use std::sync::{Arc, LazyLock};

/// The edition in force, built once: most calls pass no policy.
static DEFAULT: LazyLock<p::Policy> = LazyLock::new(p::Policy::default);

/// Every number of every rule (RULES §0). `Policy()` is the edition in force.
#[derive(uniffi::Object)]
pub struct Policy {
    inner: p::Policy,
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

    /// Reads a (partial) policy document over its edition; unknown keys and
    /// out-of-range numbers are `policy.invalid_file`.
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
pub fn or_default(given: &Option<Arc<Policy>>) -> &p::Policy {
    match given {
        Some(p) => &p.inner,
        None => &DEFAULT,
    }
}
