//! Error mapping: a core `PolicyError` becomes a JS `Error` whose `code` is the
//! core's stable code, with `params`, `messageZh` and `messageEn` (its `message`
//! is the English one). A panic is caught here and becomes an `Error` with code
//! `internal`: it never aborts Node.

use napi::bindgen_prelude::JsObjectValue;
use napi::{Env, JsValue, Status};
use ntpc_policy::PolicyError;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The JS error of a core error, as a napi error that throws that object.
pub fn to_js(env: &Env, e: &PolicyError) -> napi::Error {
    let build = || -> napi::Result<napi::Error> {
        let mut err = env.create_error(napi::Error::new(Status::GenericFailure, e.message_en()))?;
        err.set_named_property("code", e.code().as_str())?;
        err.set_named_property("messageZh", e.message_zh())?;
        err.set_named_property("messageEn", e.message_en())?;
        let params = serde_json::to_value(e.params()).unwrap_or_default();
        err.set_named_property("params", params)?;
        Ok(napi::Error::from(err.to_unknown()))
    };
    build().unwrap_or_else(|_| napi::Error::new(Status::GenericFailure, e.message_en()))
}

/// Runs `f`, turning a core error into a rich JS error and a panic into one
/// with code `internal`.
pub fn guard<T>(env: &Env, f: impl FnOnce() -> Result<T, PolicyError>) -> napi::Result<T> {
    let r = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let reason = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        Err(PolicyError::Internal { reason })
    });
    r.map_err(|e| to_js(env, &e))
}

/// An N-API failure (a wrong argument type napi-rs caught) as a core error.
pub fn napi_err(field: &str, e: napi::Error) -> PolicyError {
    PolicyError::invalid(field, e.reason)
}
