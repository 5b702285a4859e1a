//! Kotlin and Swift bindings of ntpc-policy (uniffi proc-macros), for the city's
//! mobile app 新北校園通: password feedback while typing, masking ID numbers on
//! screen, deadline countdowns.
//!
//! Thin by rule: the records and enums are the core's own (derived behind the
//! core's `uniffi` feature, `ntpc_policy::ffi`); this crate exports one function
//! per function of the core's table (`ntpc_policy::api`), with the same names
//! and parameters, each converting its text arguments and calling the core.
//! Errors are `PolicyException` (Kotlin) / `PolicyError` (Swift) with the core's
//! stable `code`; every export is fallible, so a panic is a thrown error in
//! Swift too (uniffi's scaffolding catches it).

uniffi::setup_scaffolding!();

mod calendar;
mod identity;
mod password;
mod people;
mod policy;
mod secops;
mod small;

pub use ntpc_policy::ffi::PolicyError;
pub use policy::Policy;

/// The result of every export.
pub type Result<T> = std::result::Result<T, PolicyError>;

/// A date argument: ISO or any calendar style (`110/12/07`); a bad one is the
/// core's typed error (`calendar.invalid_date`, …).
fn date(text: &str) -> Result<chrono::NaiveDate> {
    Ok(ntpc_policy::calendar::parse_date(text)?)
}

/// An instant argument: RFC 3339, or any calendar style (naive: Asia/Taipei).
fn instant(text: &str) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    Ok(ntpc_policy::calendar::parse_datetime(text)?)
}

/// The password profile from its name (`default`, `ad`).
fn profile(text: Option<String>) -> Result<Option<ntpc_policy::password::PasswordProfile>> {
    text.map(|t| {
        serde_json::from_value(serde_json::Value::String(t)).map_err(|_| {
            ntpc_policy::PolicyError::invalid("profile", "\"default\" or \"ad\"").into()
        })
    })
    .transpose()
}

/// Test builds only (feature `test-hooks`): panics, so the Kotlin runner proves
/// a panic becomes the binding's internal error and the app lives on.
#[cfg(feature = "test-hooks")]
#[uniffi::export]
pub fn panic_for_test() -> Result<()> {
    panic!("deliberate panic for the test-suite")
}
