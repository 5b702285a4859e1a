//! Test builds only (feature `test-hooks`): a panic inside the guard every
//! function uses, so the test-suite proves it reaches JS as an `Error` with code
//! `internal` and Node lives on.

use napi::Env;
use napi_derive::napi;

/// Panics inside the guard.
#[napi]
pub fn panic_for_test(env: Env) -> napi::Result<()> {
    crate::errors::guard(&env, || -> Result<(), ntpc_policy::PolicyError> {
        panic!("deliberate panic for the test-suite")
    })
}

/// Reads an array of strings the way every batch function does and panics at
/// element `at`, so the test-suite proves a panic on the chunked path (inside a
/// native callback called from JS) is still an `Error` with code `internal`.
#[napi(strict)]
pub fn panic_in_batch_for_test(
    env: Env,
    #[napi(ts_arg_type = "Array<string>")] values: crate::js_strings::StrArray,
    at: u32,
) -> napi::Result<u32> {
    crate::errors::guard(&env, || {
        let mut n = 0u32;
        values
            .for_each(|_| {
                assert!(n != at, "deliberate panic in a batch for the test-suite");
                n += 1;
            })
            .map_err(|e| crate::errors::napi_err("values", e))?;
        Ok(n)
    })
}
