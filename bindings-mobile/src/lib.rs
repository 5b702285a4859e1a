//! Kotlin and Swift bindings of ntpc-policy (uniffi proc-macros), for the city's
//! mobile app 新北校園通: password feedback while typing, masking ID numbers on
//! screen, deadline countdowns.
//!
//! Thin by rule: records and enums mirror the core's results, functions convert
//! and call the core. Errors are `PolicyException` (Kotlin) / `PolicyError`
//! (Swift) with the core's stable `code`; uniffi's scaffolding catches panics and
//! raises the binding's internal error instead of crashing the app.

uniffi::setup_scaffolding!();

mod calendar;
mod convert;
mod errors;
mod identity;
mod network;
mod password;
mod people;
mod policy;
mod secops;
mod shapes;
mod training;
