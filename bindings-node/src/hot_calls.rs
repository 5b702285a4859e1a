//! Raw entry points for the per-call hot functions.
//!
//! A `#[napi]` function pays napi-rs's per-call machinery (a native-borrow scope
//! with an `Arc<Mutex<…>>` allocation, barriers, TLS) — about as much as the work
//! of a boolean ID check. The functions below take over the export of the same
//! name with a plain N-API callback for the common call shape (one string
//! argument); any other shape, including every wrong type, is forwarded to the
//! napi-rs function itself, so errors, strictness and the guard stay the same.

use crate::js_results::check;
use crate::js_strings::SmallStr;
use napi::bindgen_prelude::ToNapiValue;
use napi::{Error, JsValue, Result, Status, sys};
use ntpc_policy::PolicyError;
use ntpc_policy::identity as id;
use std::ffi::c_void;
use std::ptr;

/// Up to three arguments, the receiver, and the napi-rs function (as `data`).
struct Call {
    argc: usize,
    argv: [sys::napi_value; 3],
    this: sys::napi_value,
    slow: sys::napi_ref,
}

unsafe fn call_info(env: sys::napi_env, info: sys::napi_callback_info) -> Result<Call> {
    let mut c = Call {
        argc: 3,
        argv: [ptr::null_mut(); 3],
        this: ptr::null_mut(),
        slow: ptr::null_mut(),
    };
    let mut data: *mut c_void = ptr::null_mut();
    check(unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut c.argc,
            c.argv.as_mut_ptr(),
            &mut c.this,
            &mut data,
        )
    })?;
    c.slow = data.cast();
    Ok(c)
}

unsafe fn type_of(env: sys::napi_env, v: sys::napi_value) -> Result<i32> {
    let mut t = -1;
    check(unsafe { sys::napi_typeof(env, v, &mut t) })?;
    Ok(t)
}

/// Whether argument 0 is a string and the others are absent or undefined.
unsafe fn only_string(env: sys::napi_env, c: &Call) -> Result<bool> {
    if c.argc == 0 || unsafe { type_of(env, c.argv[0])? } != sys::ValueType::napi_string {
        return Ok(false);
    }
    for k in 1..c.argc.min(3) {
        if unsafe { type_of(env, c.argv[k])? } != sys::ValueType::napi_undefined {
            return Ok(false);
        }
    }
    // More than three arguments: let napi-rs decide what they mean.
    Ok(c.argc <= 3)
}

/// Calls the napi-rs function with the same receiver and arguments.
unsafe fn forward(env: sys::napi_env, c: &Call) -> Result<sys::napi_value> {
    let mut func = ptr::null_mut();
    check(unsafe { sys::napi_get_reference_value(env, c.slow, &mut func) })?;
    let mut out = ptr::null_mut();
    // A throw inside leaves the exception pending, which is what the caller wants.
    unsafe { sys::napi_call_function(env, c.this, func, c.argc.min(3), c.argv.as_ptr(), &mut out) };
    Ok(out)
}

/// Runs a fast path: the string argument read, `f` under the binding's guard.
unsafe fn fast_1<R: ToNapiValue>(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    f: fn(&str) -> std::result::Result<R, PolicyError>,
) -> sys::napi_value {
    let js_env = napi::Env::from_raw(env);
    let r = (|| -> Result<sys::napi_value> {
        let c = unsafe { call_info(env, info) }?;
        if !unsafe { only_string(env, &c) }? {
            return unsafe { forward(env, &c) };
        }
        let s = unsafe { SmallStr::read(env, c.argv[0]) }?;
        let v = crate::errors::guard(&js_env, || f(s.as_str()))?;
        unsafe { R::to_napi_value(env, v) }
    })();
    match r {
        Ok(v) => v,
        Err(e) => {
            unsafe { napi::JsError::from(e).throw_into(env) };
            ptr::null_mut()
        }
    }
}

unsafe extern "C" fn raw_is_valid_id(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    unsafe { fast_1(env, info, |s| Ok(id::checksum_valid(s))) }
}

unsafe extern "C" fn raw_password_verdict(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    unsafe {
        fast_1(env, info, |s| {
            Ok(crate::password::default_verdict(s).as_str())
        })
    }
}

/// Replaces `exports[name]` (a napi-rs function) with `raw`, which keeps it for
/// the call shapes it does not handle.
pub(crate) unsafe fn take_over(
    env: sys::napi_env,
    exports: sys::napi_value,
    name: &std::ffi::CStr,
    raw: sys::napi_callback,
) -> Result<()> {
    let mut slow = ptr::null_mut();
    check(unsafe { sys::napi_get_named_property(env, exports, name.as_ptr(), &mut slow) })?;
    if unsafe { type_of(env, slow)? } != sys::ValueType::napi_function {
        return Err(Error::new(
            Status::GenericFailure,
            format!("no export {name:?} to take over"),
        ));
    }
    let mut slow_ref = ptr::null_mut();
    check(unsafe { sys::napi_create_reference(env, slow, 1, &mut slow_ref) })?;
    let mut f = ptr::null_mut();
    let bytes = name.to_bytes();
    check(unsafe {
        sys::napi_create_function(
            env,
            bytes.as_ptr().cast(),
            bytes.len() as isize,
            raw,
            slow_ref.cast(),
            &mut f,
        )
    })?;
    check(unsafe { sys::napi_set_named_property(env, exports, name.as_ptr(), f) })
}

/// Runs once per environment, after napi-rs has registered every export.
#[napi_derive::napi(module_exports)]
pub fn install_fast_paths(exports: napi::bindgen_prelude::Object, env: napi::Env) -> Result<()> {
    let (env, exports) = (env.raw(), exports.raw());
    unsafe {
        let h = crate::js_results::helpers(env)?;
        take_over(env, exports, c"isValidId", Some(raw_is_valid_id))?;
        crate::js_results::wrap(
            env,
            exports,
            c"classifyId",
            h.id_wrap,
            Some(crate::js_results::raw_classify),
        )?;
        take_over(env, exports, c"passwordVerdict", Some(raw_password_verdict))?;
        #[cfg(feature = "bench-floor")]
        crate::bench::install(env, exports)?;
        crate::password::install(env, exports)?;
    }
    Ok(())
}

/// `fast_1` for the benchmark floor (feature `bench-floor`).
#[cfg(feature = "bench-floor")]
pub(crate) unsafe fn fast_1_pub(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    f: fn(&str) -> std::result::Result<bool, PolicyError>,
) -> sys::napi_value {
    unsafe { fast_1(env, info, f) }
}
