//! The Node binding of ntpc-policy (napi-rs v3), published as the npm package
//! `ntpc-policy`.
//!
//! Thin by rule: every function of the core's table (`ntpc_policy::api`) is
//! reached through [`call::call`], which converts a JS object of arguments to
//! JSON, runs the core and hands the result back as JSON text for `JSON.parse`;
//! the typed functions users call (`index.js`, `index.d.ts`) are generated from
//! the same table (`make generate`). The functions the table marks `fast` are
//! native here (`identity`, `password`), with results built in JS
//! (`js_results`, `lib/results.js`) and strings read without copies
//! (`js_strings`); the hottest take a raw N-API entry (`hot_calls`). Errors
//! are `Error`s whose `code` is the core's stable code; every call runs inside
//! `catch_unwind`, so a bug becomes an `Error` with code `internal` instead of
//! aborting Node.

// napi-derive registers exports only outside `cfg(test)`; the test build of this
// cdylib has no tests of its own but the converters', so unused items are fine.
#![cfg_attr(test, allow(dead_code, unused_imports))]

#[cfg(feature = "bench-floor")]
mod bench;
mod call;
mod convert;
mod errors;
mod hot_calls;
mod identity;
mod js_results;
mod js_strings;
mod password;
mod password_results;
mod policy;
#[cfg(feature = "test-hooks")]
mod test_hooks;

/// mimalloc for everything Rust allocates in this library, as in the Python
/// package (`bindings-python/src/lib.rs` says why: issue 20's sweeps and
/// imports spent half their time in glibc's malloc/free).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
