//! The ID-number functions the core's table marks `fast` (RULES §2): they run
//! over hundreds of thousands of names in nightly sweeps and on every keystroke
//! of a form, so their arguments are read without copies and their results are
//! built in JS (`js_results`).

use crate::convert::camel_json;
use crate::errors::{guard, napi_err};
use crate::js_results::{IdInfoJs, IdInfoListJs, JsonText};
use crate::js_strings::{SmallStr, StrArray};
use crate::policy::{JsPolicy, policy};
use napi::Env;
use napi_derive::napi;
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

/// Every ID number in a text, with byte, character and UTF-16 offsets (masked).
#[napi(strict, ts_return_type = "Array<IdMatch>")]
pub fn scan_ids(env: Env, text: String, policy: Option<&JsPolicy>) -> napi::Result<JsonText> {
    guard(&env, || {
        let found = id::scan(&text, self::policy(&policy))?;
        camel_json(&found).map(JsonText)
    })
}

/// The text with every ID number in it masked.
#[napi(strict)]
pub fn redact_ids(env: Env, text: String, policy: Option<&JsPolicy>) -> napi::Result<String> {
    guard(&env, || id::redact(&text, self::policy(&policy)))
}
