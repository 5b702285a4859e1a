//! ID-number functions (RULES §2) for JS. Numbers leave only masked.

use crate::convert::enum_str;
use crate::errors::{Result, core, guard, js_err};
use crate::fast::{IdInfoJs, IdInfoListJs, SmallStr, StrArray};
use crate::policy::{Finding, JsPolicy, findings, policy};
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;
use ntpc_policy::identity as id;

/// What a value is as an ID number.
// The TypeScript interface; results are built in JS by `crate::fast` with the
// same keys (absent values are absent properties, as here).
#[allow(dead_code)]
#[napi(object)]
pub struct IdInfo {
    /// The format.
    #[napi(ts_type = "'national_id' | 'resident_old' | 'resident_new' | 'none'")]
    pub kind: String,
    /// Letter, valid second character and eight digits.
    pub format_valid: bool,
    /// The check digit matches.
    pub checksum_valid: bool,
    /// `male` or `female`.
    #[napi(ts_type = "'male' | 'female' | null")]
    pub gender: Option<String>,
    /// Area of the first letter.
    #[napi(
        ts_type = "{ letter: string, nameZh: string, nameEn: string, retired: boolean } | null"
    )]
    pub area: Option<Area>,
    /// New certificates: `foreign`, `national_without_household`, `hong_kong_macao`, `mainland_china`.
    pub category: Option<String>,
    /// The number with characters 4–7 hidden (`A12****789`).
    pub masked: Option<String>,
}

/// Area of a first letter.
#[allow(dead_code)]
#[napi(object)]
pub struct Area {
    /// The letter.
    pub letter: String,
    /// Name in Traditional Chinese.
    pub name_zh: String,
    /// Name in English.
    pub name_en: String,
    /// No longer issued.
    pub retired: bool,
}

/// The custom-account rule applied to one name.
#[napi(object)]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct AccountNameCheck {
    /// `pass`, `warn` or `fail`.
    #[napi(ts_type = "'pass' | 'warn' | 'fail'")]
    pub verdict: String,
    /// The local part has an ID format.
    pub id_format: bool,
    /// …with a valid checksum.
    pub checksum_valid: bool,
    /// The format.
    #[napi(ts_type = "'national_id' | 'resident_old' | 'resident_new' | 'none'")]
    pub kind: String,
    /// The local part, masked when ID-shaped.
    pub local_part_masked: String,
    /// Why.
    pub findings: Vec<Finding>,
}

impl From<&id::AccountNameCheck> for AccountNameCheck {
    fn from(r: &id::AccountNameCheck) -> Self {
        AccountNameCheck {
            verdict: enum_str(&r.verdict),
            id_format: r.id_format,
            checksum_valid: r.checksum_valid,
            kind: enum_str(&r.kind),
            local_part_masked: r.local_part_masked.clone(),
            findings: findings(&r.findings),
        }
    }
}

/// An ID number found in a text. Offsets are end-exclusive; `utf16Start` are JS string indices.
#[napi(object)]
pub struct IdMatch {
    /// UTF-8 byte offset.
    pub start: u32,
    /// UTF-8 byte offset after the end.
    pub end: u32,
    /// Code-point offset.
    pub char_start: u32,
    /// Code-point offset after the end.
    pub char_end: u32,
    /// UTF-16 offset (JS string index).
    pub utf16_start: u32,
    /// UTF-16 offset after the end.
    pub utf16_end: u32,
    /// The format.
    #[napi(ts_type = "'national_id' | 'resident_old' | 'resident_new' | 'none'")]
    pub kind: String,
    /// The check digit matches.
    pub checksum_valid: bool,
    /// Written with full-width characters.
    pub fullwidth: bool,
    /// The number, masked.
    pub masked: String,
}

fn u(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<&id::IdMatch> for IdMatch {
    fn from(m: &id::IdMatch) -> Self {
        IdMatch {
            start: u(m.start),
            end: u(m.end),
            char_start: u(m.char_start),
            char_end: u(m.char_end),
            utf16_start: u(m.utf16_start),
            utf16_end: u(m.utf16_end),
            kind: enum_str(&m.kind),
            checksum_valid: m.checksum_valid,
            fullwidth: m.fullwidth,
            masked: m.masked.clone(),
        }
    }
}

/// A Unified Business Number (統一編號) check.
#[napi(object)]
pub struct UbnCheck {
    /// Eight digits.
    pub format_valid: bool,
    /// The weighted sum rule holds (2023 rule).
    pub checksum_valid: bool,
    /// The 7th-digit-is-7 case decided it.
    pub seventh_digit_rule: bool,
}

/// Trim, full-width → ASCII, uppercase.
#[napi(strict)]
pub fn normalize_id(value: String) -> Result<String> {
    guard(|| Ok(id::normalize(&value).into_owned()))
}

/// Classifies one value as an ID number.
#[napi(strict, ts_return_type = "IdInfo")]
pub fn classify_id(#[napi(ts_arg_type = "string")] value: SmallStr) -> Result<IdInfoJs> {
    guard(|| Ok(IdInfoJs::new(&id::classify(value.as_str()))))
}

/// Classifies many values in one call.
#[napi(strict, ts_return_type = "Array<IdInfo>")]
pub fn classify_ids(
    #[napi(ts_arg_type = "Array<string>")] values: StrArray,
) -> Result<IdInfoListJs> {
    guard(|| {
        let mut out = IdInfoListJs::with_capacity(values.len());
        values
            .for_each(|v| out.push(&id::classify(v)))
            .map_err(js_err)?;
        Ok(out)
    })
}

/// Whether a value is an ID number (any kind) with a valid check digit: the
/// boolean fast path of `classifyId(value).checksumValid`.
#[napi(strict)]
pub fn is_valid_id(#[napi(ts_arg_type = "string")] value: SmallStr) -> Result<bool> {
    guard(|| Ok(id::checksum_valid(value.as_str())))
}

/// Bench-only: a call of the shape string → boolean that does no work (the
/// N-API entry, reading the argument, the result), taken over by the same raw
/// callback path as `isValidId`. It is the floor under every per-call
/// function; `make bench` reports `validator` against it.
#[napi(js_name = "__stringFloorForBench", strict)]
pub fn string_floor_for_bench(#[napi(ts_arg_type = "string")] value: SmallStr) -> Result<bool> {
    guard(|| Ok(value.as_str().is_empty()))
}

/// Classifies many values into one byte each: bits 0–1 the kind (0 `none`,
/// 1 `national_id`, 2 `resident_old`, 3 `resident_new`), bit 2 (4) `formatValid`,
/// bit 3 (8) `checksumValid`, bits 4–5 the gender (0 none, 1 `male`, 2 `female`).
/// `(codes[i] & 8) !== 0` is "valid".
#[napi(strict)]
pub fn classify_ids_packed(
    #[napi(ts_arg_type = "Array<string>")] values: StrArray,
) -> Result<Uint8Array> {
    guard(|| {
        let mut out = Vec::with_capacity(values.len());
        values
            .for_each(|v| out.push(id::classify(v).packed()))
            .map_err(js_err)?;
        Ok(Uint8Array::from(out))
    })
}

/// Masks a value (`A12****789` by default).
#[napi(strict)]
pub fn mask_id(value: String, policy: Option<&JsPolicy>) -> Result<String> {
    guard(|| Ok(id::mask(&value, &self::policy(&policy).identity)))
}

/// The custom-account rule: an account name shaped like an ID number must be reset.
#[napi(strict)]
pub fn check_account(name: String, policy: Option<&JsPolicy>) -> Result<AccountNameCheck> {
    guard(|| Ok((&id::check_account(&name, self::policy(&policy))).into()))
}

/// The custom-account rule over many names in one call.
#[napi(strict)]
pub fn check_accounts(
    names: Vec<String>,
    policy: Option<&JsPolicy>,
) -> Result<Vec<AccountNameCheck>> {
    guard(|| {
        let p = self::policy(&policy);
        Ok(names
            .iter()
            .map(|n| (&id::check_account(n, p)).into())
            .collect())
    })
}

/// Every ID number in a text, with byte, code-point and UTF-16 offsets.
#[napi(strict)]
pub fn scan_ids(text: String, policy: Option<&JsPolicy>) -> Result<Vec<IdMatch>> {
    guard(|| {
        Ok(core(id::scan(&text, self::policy(&policy)))?
            .iter()
            .map(IdMatch::from)
            .collect())
    })
}

/// The text with every ID number masked.
#[napi(strict)]
pub fn redact_ids(text: String, policy: Option<&JsPolicy>) -> Result<String> {
    guard(|| core(id::redact(&text, self::policy(&policy))))
}

/// Checks a Unified Business Number (統一編號).
#[napi(strict)]
pub fn check_ubn(value: String) -> Result<UbnCheck> {
    guard(|| {
        let r = id::check_ubn(&value);
        Ok(UbnCheck {
            format_valid: r.format_valid,
            checksum_valid: r.checksum_valid,
            seventh_digit_rule: r.seventh_digit_rule,
        })
    })
}
