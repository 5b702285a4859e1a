//! The fast paths of issue #8: reading strings and arrays without a heap copy
//! or a call per element (`args`), and building result objects in JS instead
//! of through N-API.
//!
//! Building an object with `napi_set_named_property` costs V8 a UTF-8 decode and
//! a string-table lookup of the key on every property of every result (12 per
//! `IdInfo`). Here the addon packs a result into a number and hands it to a small
//! JS function, compiled once per environment, whose object literal has the keys
//! as constants: same properties, same order, plain objects, but one native→JS
//! call instead of ~25 N-API calls.

use napi::bindgen_prelude::{JsValue, TypeName, ValueType};
use napi::{Error, Result, Status, sys};
use ntpc_policy::identity as id;
use std::ffi::c_void;
use std::ptr;

mod args;

use args::{CHUNK, raw_chunk};
pub use args::{SmallStr, StrArray};

pub fn check(st: sys::napi_status) -> Result<()> {
    if st == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(Error::new(Status::from(st), "N-API call failed".to_owned()))
    }
}

// --- ID results -------------------------------------------------------------

/// Kind codes in the order of the core's packed byte (`IdInfo::packed`), which
/// the JS builder decodes; the vectors of `classifyId` fail if they disagree.
const KINDS: [id::IdKind; 4] = [
    id::IdKind::None,
    id::IdKind::NationalId,
    id::IdKind::ResidentOld,
    id::IdKind::ResidentNew,
];
const GENDERS: [id::Gender; 2] = [id::Gender::Male, id::Gender::Female];
const CATEGORIES: [id::NewCertCategory; 4] = [
    id::NewCertCategory::Foreign,
    id::NewCertCategory::NationalWithoutHousehold,
    id::NewCertCategory::HongKongMacao,
    id::NewCertCategory::MainlandChina,
];

/// The internal code: the public byte, then bits 8–10 category (0 none),
/// bits 11–15 area letter (0 none, 1 = A), bit 16 masked present.
fn id_code(i: &id::IdInfo, masked: bool) -> u32 {
    let category = match i.category {
        Some(c) => CATEGORIES
            .iter()
            .position(|x| *x == c)
            .map_or(0, |p| p as u32 + 1),
        None => 0,
    };
    let area = i.area().map_or(0, |a| {
        u32::from(a.letter).saturating_sub(u32::from('A')) + 1
    });
    u32::from(i.packed()) | category << 8 | area << 11 | u32::from(masked) << 16
}

/// The JS half: tables of the stable strings and two functions building
/// `IdInfo` objects with the same keys, in the same order, as `#[napi(object)]`.
fn id_script() -> String {
    let js = |v: serde_json::Value| v.to_string();
    let strs = |v: Vec<String>| js(serde_json::Value::from(v));
    let kinds = strs(KINDS.iter().map(crate::convert::enum_str).collect());
    let genders = strs(GENDERS.iter().map(crate::convert::enum_str).collect());
    let categories = strs(CATEGORIES.iter().map(crate::convert::enum_str).collect());
    let areas: Vec<serde_json::Value> = ('A'..='Z')
        .map(|l| match id::classify(&format!("{l}100000000")).area() {
            Some(a) => serde_json::json!([a.letter.to_string(), a.name_zh, a.name_en, a.retired]),
            None => serde_json::Value::Null,
        })
        .collect();
    let areas = js(serde_json::Value::from(areas));
    format!(
        r#"(function () {{
  'use strict';
  const K = {kinds}, G = {genders}, C = {categories}, A = {areas};
  function area(i) {{
    const a = A[i - 1];
    return {{ letter: a[0], nameZh: a[1], nameEn: a[2], retired: a[3] }};
  }}
  // Absent values are absent properties, as `#[napi(object)]` leaves them.
  function one(c, m) {{
    const o = {{ kind: K[c & 3], formatValid: (c & 4) !== 0, checksumValid: (c & 8) !== 0 }};
    const g = (c >>> 4) & 3, a = (c >>> 11) & 31, cat = (c >>> 8) & 7;
    if (g !== 0) o.gender = G[g - 1];
    if (a !== 0) o.area = area(a);
    if (cat !== 0) o.category = C[cat - 1];
    if (m !== null) o.masked = m;
    return o;
  }}
  function many(codes, masks) {{
    const n = codes.length >>> 1, out = new Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) {{
      const c = codes[2 * i], e = codes[2 * i + 1];
      out[i] = one(c, (c & 0x10000) !== 0 ? masks.slice(p, e) : null);
      p = e;
    }}
    return out;
  }}
  // Hands a long array back to native code {chunk} elements at a time, as the
  // arguments of `chunk`; `apply` and `slice` are taken now, so code that
  // later replaces them cannot see `chunk`.
  const apply = Reflect.apply, slice = Array.prototype.slice;
  function each(xs, chunk, n) {{
    for (let i = 0; i < n; i += {chunk}) apply(chunk, undefined, apply(slice, xs, [i, i + {chunk}]));
  }}
  return [one, many, each, JSON.parse];
}})()"#,
        chunk = CHUNK
    )
}

/// Per-environment JS helpers, kept in the environment's instance data.
struct Helpers {
    id_one: sys::napi_ref,
    id_many: sys::napi_ref,
    /// `each(array, chunk, length)`: see [`StrArray::for_each`].
    each: sys::napi_ref,
    /// The native `chunk` function handed to `each`.
    chunk: sys::napi_ref,
    /// The running `Batch` (type-erased), or null.
    batch: std::cell::Cell<*mut c_void>,
    /// `JSON.parse` as it was when the addon loaded.
    parse: sys::napi_ref,
}

unsafe extern "C" fn drop_helpers(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    // The references die with the environment; only the box is ours to free.
    drop(unsafe { Box::from_raw(data.cast::<Helpers>()) });
}

unsafe fn helpers(env: sys::napi_env) -> Result<&'static Helpers> {
    let mut data: *mut c_void = ptr::null_mut();
    check(unsafe { sys::napi_get_instance_data(env, &mut data) })?;
    if !data.is_null() {
        return Ok(unsafe { &*data.cast::<Helpers>() });
    }
    let src = id_script();
    let mut script = ptr::null_mut();
    check(unsafe {
        sys::napi_create_string_utf8(env, src.as_ptr().cast(), src.len() as isize, &mut script)
    })?;
    let mut pair = ptr::null_mut();
    check(unsafe { sys::napi_run_script(env, script, &mut pair) })?;
    let get_ref = |i: u32| -> Result<sys::napi_ref> {
        let mut f = ptr::null_mut();
        check(unsafe { sys::napi_get_element(env, pair, i, &mut f) })?;
        let mut r = ptr::null_mut();
        check(unsafe { sys::napi_create_reference(env, f, 1, &mut r) })?;
        Ok(r)
    };
    let mut chunk = ptr::null_mut();
    check(unsafe {
        sys::napi_create_function(
            env,
            c"chunk".as_ptr(),
            5,
            Some(raw_chunk),
            ptr::null_mut(),
            &mut chunk,
        )
    })?;
    let mut chunk_ref = ptr::null_mut();
    check(unsafe { sys::napi_create_reference(env, chunk, 1, &mut chunk_ref) })?;
    let h = Box::into_raw(Box::new(Helpers {
        id_one: get_ref(0)?,
        id_many: get_ref(1)?,
        each: get_ref(2)?,
        chunk: chunk_ref,
        batch: std::cell::Cell::new(ptr::null_mut()),
        parse: get_ref(3)?,
    }));
    check(unsafe {
        sys::napi_set_instance_data(env, h.cast(), Some(drop_helpers), ptr::null_mut())
    })?;
    Ok(unsafe { &*h })
}

unsafe fn reference(env: sys::napi_env, r: sys::napi_ref) -> Result<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_get_reference_value(env, r, &mut v) })?;
    Ok(v)
}

unsafe fn call(
    env: sys::napi_env,
    f: sys::napi_ref,
    args: &[sys::napi_value],
) -> Result<sys::napi_value> {
    let func = unsafe { reference(env, f)? };
    let mut this = ptr::null_mut();
    check(unsafe { sys::napi_get_undefined(env, &mut this) })?;
    let mut out = ptr::null_mut();
    check(unsafe {
        sys::napi_call_function(env, this, func, args.len(), args.as_ptr(), &mut out)
    })?;
    Ok(out)
}

unsafe fn string(env: sys::napi_env, s: &str) -> Result<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe {
        sys::napi_create_string_utf8(env, s.as_ptr().cast(), s.len() as isize, &mut v)
    })?;
    Ok(v)
}

unsafe fn null(env: sys::napi_env) -> Result<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_get_null(env, &mut v) })?;
    Ok(v)
}

/// One `IdInfo`, built by the JS helper.
pub struct IdInfoJs {
    code: u32,
    masked: Option<String>,
}

impl IdInfoJs {
    pub fn new(i: &id::IdInfo) -> Self {
        let masked = i.masked(&crate::policy::DEFAULT_POLICY.identity);
        IdInfoJs {
            code: id_code(i, masked.is_some()),
            masked,
        }
    }
}

impl TypeName for IdInfoJs {
    fn type_name() -> &'static str {
        "IdInfo"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl napi::bindgen_prelude::ToNapiValue for IdInfoJs {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> Result<sys::napi_value> {
        let h = unsafe { helpers(env)? };
        let mut code = ptr::null_mut();
        check(unsafe { sys::napi_create_uint32(env, val.code, &mut code) })?;
        let masked = match &val.masked {
            Some(m) => unsafe { string(env, m)? },
            None => unsafe { null(env)? },
        };
        unsafe { call(env, h.id_one, &[code, masked]) }
    }
}

/// Many `IdInfo`s: codes and masked numbers cross in two values, and the JS
/// helper builds the array.
pub struct IdInfoListJs {
    /// Pairs: code, UTF-16 end offset of the masked number in `masks`.
    codes: Vec<u32>,
    masks: String,
    end: u32,
}

impl IdInfoListJs {
    pub fn with_capacity(n: usize) -> Self {
        IdInfoListJs {
            codes: Vec::with_capacity(2 * n),
            masks: String::with_capacity(10 * n),
            end: 0,
        }
    }

    pub fn push(&mut self, i: &id::IdInfo) {
        let masked = i.masked(&crate::policy::DEFAULT_POLICY.identity);
        self.codes.push(id_code(i, masked.is_some()));
        if let Some(m) = &masked {
            self.masks.push_str(m);
            // JS slices by UTF-16 index; masks are ASCII unless a policy masks with other characters.
            let n = if m.is_ascii() {
                m.len()
            } else {
                m.encode_utf16().count()
            };
            self.end = self
                .end
                .saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        }
        self.codes.push(self.end);
    }
}

impl TypeName for IdInfoListJs {
    fn type_name() -> &'static str {
        "Array<IdInfo>"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl napi::bindgen_prelude::ToNapiValue for IdInfoListJs {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> Result<sys::napi_value> {
        let h = unsafe { helpers(env)? };
        let codes = unsafe { u32_array(env, &val.codes)? };
        let masks = unsafe { string(env, &val.masks)? };
        unsafe { call(env, h.id_many, &[codes, masks]) }
    }
}

/// A result that crosses as JSON text and becomes a plain object by
/// `JSON.parse` (V8's parser builds objects far faster than one N-API property
/// write per field, which interns every key and decodes every string). `T`'s
/// serde form must be its napi form: camelCase keys, no `Option` fields (an
/// absent property and `null` differ in JS).
pub struct ViaJson<T>(pub T);

impl<T> TypeName for ViaJson<T> {
    fn type_name() -> &'static str {
        "Object"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl<T: serde::Serialize> napi::bindgen_prelude::ToNapiValue for ViaJson<T> {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> Result<sys::napi_value> {
        let json = serde_json::to_string(&val.0)
            .map_err(|e| Error::new(Status::GenericFailure, e.to_string()))?;
        let h = unsafe { helpers(env)? };
        let text = unsafe { string(env, &json)? };
        unsafe { call(env, h.parse, &[text]) }
    }
}

/// A `Uint32Array` holding a copy of `data`.
unsafe fn u32_array(env: sys::napi_env, data: &[u32]) -> Result<sys::napi_value> {
    let mut bytes: *mut c_void = ptr::null_mut();
    let mut ab = ptr::null_mut();
    check(unsafe {
        sys::napi_create_arraybuffer(env, std::mem::size_of_val(data), &mut bytes, &mut ab)
    })?;
    if !data.is_empty() {
        unsafe { ptr::copy_nonoverlapping(data.as_ptr(), bytes.cast::<u32>(), data.len()) };
    }
    let mut ta = ptr::null_mut();
    check(unsafe {
        sys::napi_create_typedarray(
            env,
            sys::TypedarrayType::uint32_array,
            data.len(),
            ab,
            0,
            &mut ta,
        )
    })?;
    Ok(ta)
}

// --- Raw entry points for the per-call hot functions --------------------------
//
// A `#[napi]` function pays napi-rs's per-call machinery (a native-borrow scope
// with an `Arc<Mutex<…>>` allocation, barriers, TLS) — about as much as the work
// of a boolean ID check. The functions below take over the export of the same
// name with a plain N-API callback for the common call shape (string arguments,
// no options); any other shape, including every wrong type, is forwarded to the
// napi-rs function itself, so errors, strictness and the `guard` stay the same.

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

/// Whether argument `i` is a string, and arguments after `i` are absent or undefined.
unsafe fn only_string_at(env: sys::napi_env, c: &Call, i: usize) -> Result<bool> {
    if c.argc <= i || unsafe { type_of(env, c.argv[i])? } != sys::ValueType::napi_string {
        return Ok(false);
    }
    for k in i + 1..c.argc.min(3) {
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
    let n = c.argc.min(3);
    // A throw inside leaves the exception pending, which is what the caller wants.
    unsafe { sys::napi_call_function(env, c.this, func, n, c.argv.as_ptr(), &mut out) };
    Ok(out)
}

/// Runs a fast path: the string argument `0` read, `f` under the binding's guard.
unsafe fn fast_1<R: napi::bindgen_prelude::ToNapiValue>(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    f: fn(&str) -> crate::errors::Result<R>,
) -> sys::napi_value {
    let r = (|| -> std::result::Result<sys::napi_value, napi::Error<String>> {
        let c = unsafe { call_info(env, info) }.map_err(crate::errors::js_err)?;
        if !unsafe { only_string_at(env, &c, 0) }.map_err(crate::errors::js_err)? {
            return unsafe { forward(env, &c) }.map_err(crate::errors::js_err);
        }
        let s = unsafe { SmallStr::read(env, c.argv[0]) }.map_err(crate::errors::js_err)?;
        let v = crate::errors::guard(|| f(s.as_str()))?;
        unsafe { R::to_napi_value(env, v) }.map_err(crate::errors::js_err)
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

unsafe extern "C" fn raw_classify_id(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    unsafe { fast_1(env, info, |s| Ok(IdInfoJs::new(&id::classify(s)))) }
}

unsafe extern "C" fn raw_string_floor(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    unsafe { fast_1(env, info, |s| Ok(s.is_empty())) }
}

unsafe extern "C" fn raw_password_verdict(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    unsafe { fast_1(env, info, crate::password::default_verdict) }
}

/// Replaces `exports[name]` (a napi-rs function) with `raw`, which keeps it for
/// the call shapes it does not handle.
unsafe fn take_over(
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
        take_over(env, exports, c"isValidId", Some(raw_is_valid_id))?;
        take_over(env, exports, c"classifyId", Some(raw_classify_id))?;
        take_over(env, exports, c"passwordVerdict", Some(raw_password_verdict))?;
        take_over(
            env,
            exports,
            c"__stringFloorForBench",
            Some(raw_string_floor),
        )?;
        helpers(env)?;
    }
    Ok(())
}
