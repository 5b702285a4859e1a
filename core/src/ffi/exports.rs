//! What Kotlin and Swift call (feature `uniffi`): the `Policy` handle, and the
//! argument types of the function table (`crate::api`), whose entries become
//! `#[uniffi::export]` functions through the table's own macro. Why here: each
//! function is declared once, in the table, for every language; the mobile
//! crate only links the core into one library.

use crate::api::{Bytes, Date, Instant};
use crate::policy::{self, Policy};
use std::sync::{Arc, LazyLock};

/// A text argument the core's reader rejects fails with the reader's own code
/// (`calendar.invalid_date`, …), as in every other language.
fn typed(e: crate::PolicyError) -> uniffi::deps::anyhow::Error {
    uniffi::deps::anyhow::Error::new(super::PolicyError::from(e))
}

// Kotlin and Swift see text and bytes (`typealias DateArg = String`); the
// aliases keep clear of the records' own `Instant` (an RFC 3339 value).
type DateArg = Date;
uniffi::custom_type!(DateArg, String, {
    lower: |d| d.0.to_string(),
    try_lift: |s| s.parse::<Date>().map_err(typed),
});

type InstantArg = Instant;
uniffi::custom_type!(InstantArg, String, {
    lower: |i| i.0.to_rfc3339(),
    try_lift: |s| crate::calendar::parse_datetime(&s).map(Instant).map_err(typed),
});

type BytesArg = Bytes;
uniffi::custom_type!(BytesArg, Vec<u8>, {
    lower: |b| b.0,
    try_lift: |v| Ok(Bytes(v)),
});

/// The edition in force, built once: most calls pass no policy.
static DEFAULT: LazyLock<Policy> = LazyLock::new(Policy::default);

/// The caller's policy, or the edition in force.
pub fn or_default(given: &Option<Arc<Policy>>) -> &Policy {
    given.as_deref().unwrap_or(&DEFAULT)
}

/// `Policy`: every number of every rule (RULES §0), as a handle the other
/// functions take. `Policy()` is the edition in force.
#[uniffi::export]
impl Policy {
    /// The edition in force (`ntpc-110`).
    #[uniffi::constructor(name = "new")]
    pub fn ffi_new() -> Arc<Self> {
        Arc::new(Policy::default())
    }

    /// A named edition, e.g. `ntpc-109`.
    #[uniffi::constructor(name = "edition")]
    pub fn ffi_edition(name: String) -> Result<Arc<Self>, super::PolicyError> {
        Ok(Arc::new(Policy::edition(&name)?))
    }

    /// Reads a (partial) policy document over its edition; unknown keys and
    /// out-of-range numbers are `policy.invalid_file`.
    #[uniffi::constructor(name = "from_json")]
    pub fn ffi_from_json(text: String) -> Result<Arc<Self>, super::PolicyError> {
        Ok(Arc::new(Policy::from_json(&text)?))
    }

    /// The whole policy as JSON text.
    #[uniffi::method(name = "to_json")]
    pub fn ffi_to_json(&self) -> String {
        self.to_json()
    }

    /// The edition this policy starts from.
    #[uniffi::method(name = "name")]
    pub fn ffi_name(&self) -> String {
        self.edition.clone()
    }
}

/// The names of all policy editions, oldest first.
#[uniffi::export]
pub fn policy_editions() -> Result<Vec<String>, super::PolicyError> {
    Ok(policy::EDITIONS.iter().map(|s| (*s).to_owned()).collect())
}
