//! The ID-number functions the core's table marks `fast` (RULES §2): they run
//! over hundreds of thousands of names in nightly sweeps and on every keystroke
//! of a form, so their arguments are read without copies and their results are
//! built in JS (`js_results`).

use crate::convert::{camel_json, to_json};
use crate::errors::{guard, napi_err};
use crate::js_results::{IdInfoJs, IdInfoListJs, JsonText};
use crate::js_strings::{SmallStr, StrArray};
use crate::policy::{JsPolicy, policy};
use napi::bindgen_prelude::Object;
use napi::{Env, JsValue};
use napi_derive::napi;
use ntpc_policy::PolicyError;
use ntpc_policy::identity as id;

/// What a value is as an ID number: kind, format and checksum validity,
/// gender, area, category, and the masked number.
#[napi(strict, ts_return_type = "IdInfo")]
pub fn classify_id(
    env: Env,
    #[napi(ts_arg_type = "string")] value: SmallStr,
) -> napi::Result<IdInfoJs> {
    guard(&env, || Ok(IdInfoJs::new(&id::classify(value.as_str()))))
}

/// `classifyId` over many values, in order.
#[napi(strict, ts_return_type = "Array<IdInfo>")]
pub fn classify_ids(
    env: Env,
    #[napi(ts_arg_type = "Array<string>")] values: StrArray,
) -> napi::Result<IdInfoListJs> {
    guard(&env, || {
        let mut out = IdInfoListJs::with_capacity(values.len());
        values
            .for_each(|v| out.push(&id::classify(v)))
            .map_err(|e| napi_err("values", e))?;
        Ok(out)
    })
}

/// Whether a value is an ID number with a valid check digit.
#[napi(strict)]
pub fn is_valid_id(
    env: Env,
    #[napi(ts_arg_type = "string")] value: SmallStr,
) -> napi::Result<bool> {
    guard(&env, || Ok(id::checksum_valid(value.as_str())))
}

/// One byte per value (`(codes[i] & 8) !== 0`: a valid ID number; layout in the
/// core's `IdInfo::packed`).
#[napi(strict)]
pub fn classify_ids_packed(
    env: Env,
    #[napi(ts_arg_type = "Array<string>")] values: StrArray,
) -> napi::Result<napi::bindgen_prelude::Uint8Array> {
    guard(&env, || {
        let mut out = Vec::with_capacity(values.len());
        values
            .for_each(|v| out.push(id::classify(v).packed()))
            .map_err(|e| napi_err("values", e))?;
        Ok(out.into())
    })
}

/// The scan options (`{html, loose}`), or the defaults.
fn scan_options(env: &Env, given: Option<Object>) -> Result<id::ScanOptions, PolicyError> {
    match given {
        None => Ok(id::ScanOptions::default()),
        Some(o) => {
            let json = unsafe { to_json(env.raw(), o.raw(), "options", 0)? };
            ntpc_policy::records::from_json_value("options", json)
        }
    }
}

/// Every ID number in a text, with byte, character and UTF-16 offsets (masked).
#[napi(strict, ts_return_type = "Array<IdMatch>")]
pub fn scan_ids(
    env: Env,
    text: String,
    #[napi(ts_arg_type = "ScanOptions")] options: Option<Object>,
    policy: Option<&JsPolicy>,
) -> napi::Result<JsonText> {
    guard(&env, || {
        let o = scan_options(&env, options)?;
        let found = id::scan_with(&text, &o, self::policy(&policy))?;
        camel_json(&found).map(JsonText)
    })
}

/// The text with every ID number in it masked.
#[napi(strict)]
pub fn redact_ids(
    env: Env,
    text: String,
    #[napi(ts_arg_type = "ScanOptions")] options: Option<Object>,
    policy: Option<&JsPolicy>,
) -> napi::Result<String> {
    guard(&env, || {
        let o = scan_options(&env, options)?;
        id::redact_with(&text, &o, self::policy(&policy))
    })
}
