//! The Node binding of ntpc-policy (napi-rs v3), published as the npm package
//! `ntpc-policy`.
//!
//! Thin by rule: functions convert JS values to core values, call the core and
//! convert back. Errors are `Error`s whose `code` is the core's stable code;
//! every call runs inside `catch_unwind`, so a bug becomes an `Error` with code
//! `internal` instead of aborting Node.

// napi-derive registers exports only outside `cfg(test)`; the test build of this
// cdylib has no tests, so its unused-item warnings mean nothing.
#![cfg_attr(test, allow(dead_code, unused_imports))]
// The `shape!` macro reads record fields token by token.
#![recursion_limit = "1024"]

mod calendar;
mod convert;
mod errors;
mod fast;
mod identity;
mod network;
mod password;
mod people;
mod policy;
mod secops;
mod shapes;
mod training;
