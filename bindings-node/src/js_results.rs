//! Results built in JS (issue #8): the addon packs a result into numbers and
//! hands them to a builder of `lib/results.js`, or hands JSON text to
//! `JSON.parse`, instead of writing each property through N-API.
//!
//! Building an object with `napi_set_named_property` costs V8 a UTF-8 decode and
//! a string-table lookup of the key on every property of every result (12 per
//! `IdInfo`). Here the addon packs a result into a number and hands it to a small
//! JS function, compiled once per environment, whose object literal has the keys
//! as constants: same properties, same order, plain objects, but one native→JS
//! call instead of ~25 N-API calls.

use napi::{Error, Result, Status, sys};
use ntpc_policy::identity as id;
use std::ffi::c_void;
use std::ptr;

use crate::js_strings::{CHUNK, raw_chunk};
use crate::password_results::{Messages, PROFILES, SEVERITIES, Scratch, VERDICTS};
use napi::bindgen_prelude::{TypeName, ValueType};

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

/// The JS half (`bindings-node/lib/results.js`): evaluated once per environment
/// and called with the core's stable strings, it returns the builders.
const RESULTS_JS: &str = include_str!("../lib/results.js");

/// The factory's arguments: the tables of the stable strings, as JSON.
fn factory_args() -> [String; 6] {
    let js = |v: serde_json::Value| v.to_string();
    let strs = |v: Vec<String>| js(serde_json::Value::from(v));
    let kinds = strs(KINDS.iter().map(enum_str).collect());
    let genders = strs(GENDERS.iter().map(enum_str).collect());
    let categories = strs(CATEGORIES.iter().map(enum_str).collect());
    let areas: Vec<serde_json::Value> = ('A'..='Z')
        .map(|l| match id::classify(&format!("{l}100000000")).area() {
            Some(a) => serde_json::json!([a.letter.to_string(), a.name_zh, a.name_en, a.retired]),
            None => serde_json::Value::Null,
        })
        .collect();
    [
        kinds,
        genders,
        categories,
        js(serde_json::Value::from(areas)),
        CHUNK.to_string(),
        js(serde_json::json!({
            "verdicts": VERDICTS.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
            "profiles": PROFILES.iter().map(enum_str).collect::<Vec<_>>(),
            "severities": SEVERITIES.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        })),
    ]
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Per-environment JS helpers, kept in the environment's instance data.
pub(crate) struct Helpers {
    id_one: sys::napi_ref,
    id_many: sys::napi_ref,
    /// `each(array, chunk, length)`: see [`StrArray::for_each`].
    pub(crate) each: sys::napi_ref,
    /// The native `chunk` function handed to `each`.
    pub(crate) chunk: sys::napi_ref,
    /// The running `Batch` (type-erased), or null.
    pub(crate) batch: std::cell::Cell<*mut c_void>,
    /// `JSON.parse` as it was when the addon loaded.
    parse: sys::napi_ref,
    /// Password checks (`password_results`): `checkOne()`, `checkMany(f64s)`,
    /// `define(json)`, `setScratch(f64s)`, `wrapCheck(raw, slow)`.
    pub(crate) pw_one: sys::napi_ref,
    pub(crate) pw_many: sys::napi_ref,
    pub(crate) pw_define: sys::napi_ref,
    pub(crate) pw_set_scratch: sys::napi_ref,
    pub(crate) pw_wrap: sys::napi_ref,
    pub(crate) scratch: std::cell::Cell<Scratch>,
    pub(crate) messages: std::cell::RefCell<Messages>,
    /// The packing buffer of single checks, kept between calls.
    pub(crate) pw_buf: std::cell::Cell<Vec<f64>>,
    /// `wrapClassify(raw, slow)`, and the data of its `idCode` (one `u32`,
    /// held by `id_code_ref`).
    pub(crate) id_wrap: sys::napi_ref,
    pub(crate) id_code: *mut u32,
    _id_code_ref: sys::napi_ref,
}

unsafe extern "C" fn drop_helpers(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    // The references die with the environment; only the box is ours to free.
    drop(unsafe { Box::from_raw(data.cast::<Helpers>()) });
}

pub(crate) unsafe fn helpers(env: sys::napi_env) -> Result<&'static Helpers> {
    let mut data: *mut c_void = ptr::null_mut();
    check(unsafe { sys::napi_get_instance_data(env, &mut data) })?;
    if !data.is_null() {
        return Ok(unsafe { &*data.cast::<Helpers>() });
    }
    let script = unsafe { string(env, RESULTS_JS)? };
    let mut factory = ptr::null_mut();
    check(unsafe { sys::napi_run_script(env, script, &mut factory) })?;
    // The tables cross as JSON text, read by the JSON.parse of this moment.
    let args = factory_args();
    let mut global = ptr::null_mut();
    check(unsafe { sys::napi_get_global(env, &mut global) })?;
    let json = unsafe { named(env, global, c"JSON")? };
    let parse = unsafe { named(env, json, c"parse")? };
    let mut values = [ptr::null_mut(); 6];
    for (v, text) in values.iter_mut().zip(&args) {
        let t = unsafe { string(env, text)? };
        check(unsafe { sys::napi_call_function(env, json, parse, 1, &t, v) })?;
    }
    let mut pair = ptr::null_mut();
    check(unsafe {
        sys::napi_call_function(
            env,
            global,
            factory,
            values.len(),
            values.as_ptr(),
            &mut pair,
        )
    })?;
    let get_ref = |i: u32| -> Result<sys::napi_ref> {
        let mut f = ptr::null_mut();
        check(unsafe { sys::napi_get_element(env, pair, i, &mut f) })?;
        let mut r = ptr::null_mut();
        check(unsafe { sys::napi_create_reference(env, f, 1, &mut r) })?;
        Ok(r)
    };
    let id_code = {
        let mut a = ptr::null_mut();
        check(unsafe { sys::napi_get_element(env, pair, 9, &mut a) })?;
        let (mut kind, mut len) = (0, 0usize);
        let mut data: *mut c_void = ptr::null_mut();
        let (mut buffer, mut offset) = (ptr::null_mut(), 0usize);
        check(unsafe {
            sys::napi_get_typedarray_info(
                env,
                a,
                &mut kind,
                &mut len,
                &mut data,
                &mut buffer,
                &mut offset,
            )
        })?;
        if kind != sys::TypedarrayType::uint32_array || len != 1 || data.is_null() {
            return Err(Error::new(
                Status::GenericFailure,
                "idCode is not a Uint32Array(1)".to_owned(),
            ));
        }
        data.cast::<u32>()
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
        pw_one: get_ref(4)?,
        pw_many: get_ref(5)?,
        pw_define: get_ref(6)?,
        pw_set_scratch: get_ref(7)?,
        pw_wrap: get_ref(8)?,
        scratch: std::cell::Cell::new(Scratch::empty()),
        messages: std::cell::RefCell::new(Messages::default()),
        pw_buf: std::cell::Cell::new(Vec::new()),
        id_wrap: get_ref(10)?,
        id_code,
        _id_code_ref: get_ref(9)?,
    }));
    check(unsafe {
        sys::napi_set_instance_data(env, h.cast(), Some(drop_helpers), ptr::null_mut())
    })?;
    Ok(unsafe { &*h })
}

/// Replaces `exports[name]` (a napi-rs function, kept for the call shapes the
/// fast path does not take) with the JS wrapper `wrapper(raw, slow)` returns.
pub(crate) unsafe fn wrap(
    env: sys::napi_env,
    exports: sys::napi_value,
    name: &std::ffi::CStr,
    wrapper: sys::napi_ref,
    raw: sys::napi_callback,
) -> Result<()> {
    let slow = unsafe { named(env, exports, name)? };
    let mut f = ptr::null_mut();
    let bytes = name.to_bytes();
    check(unsafe {
        sys::napi_create_function(
            env,
            bytes.as_ptr().cast(),
            bytes.len() as isize,
            raw,
            ptr::null_mut(),
            &mut f,
        )
    })?;
    let wrapped = unsafe { call(env, wrapper, &[f, slow])? };
    check(unsafe { sys::napi_set_named_property(env, exports, name.as_ptr(), wrapped) })
}

unsafe fn named(
    env: sys::napi_env,
    obj: sys::napi_value,
    name: &std::ffi::CStr,
) -> Result<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_get_named_property(env, obj, name.as_ptr(), &mut v) })?;
    Ok(v)
}

pub(crate) unsafe fn reference(env: sys::napi_env, r: sys::napi_ref) -> Result<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_get_reference_value(env, r, &mut v) })?;
    Ok(v)
}

pub(crate) unsafe fn call(
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

pub(crate) unsafe fn string(env: sys::napi_env, s: &str) -> Result<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe {
        sys::napi_create_string_utf8(env, s.as_ptr().cast(), s.len() as isize, &mut v)
    })?;
    Ok(v)
}

pub(crate) unsafe fn null(env: sys::napi_env) -> Result<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_get_null(env, &mut v) })?;
    Ok(v)
}

/// The per-call entry of `classifyId` (see `wrapClassify` in `lib/results.js`):
/// writes the code into `idCode` and returns the masked number or null.
pub(crate) unsafe extern "C" fn raw_classify(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    let js_env = napi::Env::from_raw(env);
    let r = (|| -> Result<sys::napi_value> {
        let mut argc = 1usize;
        let mut arg = ptr::null_mut();
        check(unsafe {
            sys::napi_get_cb_info(
                env,
                info,
                &mut argc,
                &mut arg,
                ptr::null_mut(),
                ptr::null_mut(),
            )
        })?;
        let s = unsafe { crate::js_strings::SmallStr::read(env, arg) }?;
        let v = crate::errors::guard(&js_env, || Ok(IdInfoJs::new(&id::classify(s.as_str()))))?;
        let h = unsafe { helpers(env)? };
        // SAFETY: `id_code` is the data of a live Uint32Array(1) (held by a
        // reference, never handed to user code).
        unsafe { *h.id_code = v.code };
        match &v.masked {
            Some(m) => unsafe { string(env, m) },
            None => unsafe { null(env) },
        }
    })();
    match r {
        Ok(v) => v,
        Err(e) => {
            unsafe { napi::JsError::from(e).throw_into(env) };
            ptr::null_mut()
        }
    }
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
/// write per field, which interns every key and decodes every string). The text
/// already has the JS keys (`crate::convert::camel_json`).
pub struct JsonText(pub String);

impl TypeName for JsonText {
    fn type_name() -> &'static str {
        "Object"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl napi::bindgen_prelude::ToNapiValue for JsonText {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> Result<sys::napi_value> {
        let h = unsafe { helpers(env)? };
        let text = unsafe { string(env, &val.0)? };
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
