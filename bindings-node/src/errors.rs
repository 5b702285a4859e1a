//! Error mapping: a core `PolicyError` becomes a JS `Error` whose `code` is the
//! core's stable code (napi-rs uses the error's status as `code`). A panic is
//! caught here and becomes an `Error` with code `internal`: it never aborts Node.

use ntpc_policy::PolicyError;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A result whose error carries the core's code as the JS `code` property.
pub type Result<T> = napi::Result<T, String>;
/// The same, under the name used inside the binding.
pub type JsResult<T> = Result<T>;

/// The JS error for a core error: `code` is stable, `message` is English.
pub fn to_js(e: &PolicyError) -> napi::Error<String> {
    napi::Error::new(e.code().as_str().to_owned(), e.message_en())
}

/// Core result → JS result.
pub fn core<T>(r: std::result::Result<T, PolicyError>) -> JsResult<T> {
    r.map_err(|e| to_js(&e))
}

/// An argument the binding rejects itself (e.g. an unknown enum string).
pub fn invalid(field: &str, reason: impl Into<String>) -> napi::Error<String> {
    to_js(&PolicyError::invalid(field, reason))
}

/// Runs `f`, turning a panic into an `Error` with code `internal`.
pub fn guard<T>(f: impl FnOnce() -> JsResult<T>) -> JsResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let reason = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        Err(to_js(&PolicyError::Internal { reason }))
    })
}

/// An N-API error (e.g. a non-string array element) as the binding's error type.
pub fn js_err(e: napi::Error) -> napi::Error<String> {
    napi::Error::new(e.status.as_ref().to_owned(), e.reason.clone())
}
