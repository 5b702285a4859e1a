//! Benchmark builds only (feature `bench-floor`): `stringFloorForBench`, a call
//! of the shape string → boolean that does no work (the N-API entry, reading
//! the argument, the result), taken over by the same raw path as `isValidId`.
//! It is the floor under every per-call function; `make bench` reports the
//! peers against it. `checkPasswordCoreForBench(password, account,
//! displayName, …)` is `checkPassword`'s fast path without the result: the
//! core's check behind the same call, to tell its time from the binding's.

use crate::hot_calls::take_over;
use napi::{Result, sys};
use napi_derive::napi;

/// Does nothing with its argument.
#[napi(strict)]
pub fn string_floor_for_bench(value: String) -> bool {
    value.is_empty()
}

unsafe extern "C" fn raw(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    unsafe { crate::hot_calls::fast_1_pub(env, info, |s| Ok(s.is_empty())) }
}

pub(crate) unsafe fn install(env: sys::napi_env, exports: sys::napi_value) -> Result<()> {
    unsafe { take_over(env, exports, c"stringFloorForBench", Some(raw)) }?;
    let name = c"checkPasswordCoreForBench";
    let mut f = std::ptr::null_mut();
    crate::js_results::check(unsafe {
        sys::napi_create_function(
            env,
            name.as_ptr(),
            name.to_bytes().len() as isize,
            Some(crate::password::raw_check_core),
            std::ptr::null_mut(),
            &mut f,
        )
    })?;
    crate::js_results::check(unsafe {
        sys::napi_set_named_property(env, exports, name.as_ptr(), f)
    })
}
