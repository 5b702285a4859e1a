//! Kotlin and Swift bindings of ntpc-policy (uniffi proc-macros), for the city's
//! mobile app 新北校園通: password feedback while typing, masking ID numbers on
//! screen, deadline countdowns.
//!
//! Thin by rule, and here empty: every function is an entry of the core's
//! table (`ntpc_policy::api`), which with the core's `uniffi` feature is also a
//! `#[uniffi::export]` function of the same name and parameters; the records,
//! enums, the `Policy` handle and the error are the core's own
//! (`ntpc_policy::ffi`). This crate links them into one library
//! (`libntpc_policy_mobile`) and carries the workspace's `uniffi-bindgen`.
//! Errors are `PolicyException` (Kotlin) / `PolicyError` (Swift) with the
//! core's stable `code`; every export is fallible, so a panic is a thrown error
//! in Swift too (uniffi's scaffolding catches it).

// The core's exports and their scaffolding come with the crate.
pub use ntpc_policy;

// Test builds only (feature `test-hooks`): a component of its own
// (tw.edu.ntpc.policy.testing), so shipped libraries carry no hook.
#[cfg(feature = "test-hooks")]
uniffi::setup_scaffolding!("ntpc_policy_testing");

/// Test builds only: panics, so the Kotlin runner proves a panic becomes the
/// binding's internal error and the app lives on.
#[cfg(feature = "test-hooks")]
#[uniffi::export]
pub fn panic_for_test() -> Result<(), ntpc_policy::ffi::PolicyError> {
    panic!("deliberate panic for the test-suite")
}
