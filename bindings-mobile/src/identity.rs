//! ID-number functions (RULES §2) for Kotlin and Swift. Numbers leave only masked.

use crate::convert::enum_str;
use crate::errors::Result;
use crate::policy::{DEFAULT_POLICY, Finding, Policy, Verdict, findings, policy};
use ntpc_policy::identity as id;
use std::sync::Arc;

/// Which of the three formats a value has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// 身分證字號.
    NationalId,
    /// 舊式居留證.
    ResidentOld,
    /// 新式統一證號.
    ResidentNew,
    /// Not an ID number.
    None,
}

impl From<id::IdKind> for IdKind {
    fn from(k: id::IdKind) -> Self {
        match k {
            id::IdKind::NationalId => IdKind::NationalId,
            id::IdKind::ResidentOld => IdKind::ResidentOld,
            id::IdKind::ResidentNew => IdKind::ResidentNew,
            id::IdKind::None => IdKind::None,
        }
    }
}

/// Gender encoded in the second character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// Area of a first letter.
#[derive(Debug, Clone, uniffi::Record)]
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

/// What a value is as an ID number.
#[derive(Debug, Clone, uniffi::Record)]
pub struct IdInfo {
    /// The format.
    pub kind: IdKind,
    /// Letter, valid second character and eight digits.
    pub format_valid: bool,
    /// The check digit matches.
    pub checksum_valid: bool,
    /// Gender, when the format is valid.
    pub gender: Option<Gender>,
    /// Area of the first letter.
    pub area: Option<Area>,
    /// New certificates: `foreign`, `national_without_household`, `hong_kong_macao`, `mainland_china`.
    pub category: Option<String>,
    /// The number with characters 4–7 hidden (`A12****789`).
    pub masked: Option<String>,
}

impl From<&id::IdInfo> for IdInfo {
    fn from(i: &id::IdInfo) -> Self {
        IdInfo {
            kind: i.kind.into(),
            format_valid: i.format_valid,
            checksum_valid: i.checksum_valid,
            gender: i.gender.map(|g| match g {
                id::Gender::Male => Gender::Male,
                id::Gender::Female => Gender::Female,
            }),
            area: i.area().map(|a| Area {
                letter: a.letter.to_string(),
                name_zh: a.name_zh.to_owned(),
                name_en: a.name_en.to_owned(),
                retired: a.retired,
            }),
            category: i.category.as_ref().map(enum_str),
            masked: i.masked(&DEFAULT_POLICY.identity),
        }
    }
}

/// The custom-account rule applied to one name.
#[derive(Debug, Clone, uniffi::Record, serde::Serialize, serde::Deserialize)]
pub struct AccountNameCheck {
    /// `fail` when the name must be reset.
    pub verdict: Verdict,
    /// The local part has an ID format.
    pub id_format: bool,
    /// …with a valid checksum.
    pub checksum_valid: bool,
    /// The format.
    pub kind: IdKind,
    /// The local part, masked when ID-shaped.
    pub local_part_masked: String,
    /// Why.
    pub findings: Vec<Finding>,
}

/// An ID number found in a text. Offsets are end-exclusive.
#[derive(Debug, Clone, uniffi::Record)]
pub struct IdMatch {
    /// UTF-8 byte offset.
    pub start: u64,
    /// UTF-8 byte offset after the end.
    pub end: u64,
    /// Code-point offset (Swift `unicodeScalars`).
    pub char_start: u64,
    /// Code-point offset after the end.
    pub char_end: u64,
    /// UTF-16 offset (Kotlin `String` / `NSString` index).
    pub utf16_start: u64,
    /// UTF-16 offset after the end.
    pub utf16_end: u64,
    /// The format.
    pub kind: IdKind,
    /// The check digit matches.
    pub checksum_valid: bool,
    /// Written with full-width characters.
    pub fullwidth: bool,
    /// The number, masked.
    pub masked: String,
}

/// A Unified Business Number (統一編號) check.
#[derive(Debug, Clone, uniffi::Record)]
pub struct UbnCheck {
    /// Eight digits.
    pub format_valid: bool,
    /// The weighted sum rule holds (2023 rule).
    pub checksum_valid: bool,
    /// The 7th-digit-is-7 case decided it.
    pub seventh_digit_rule: bool,
}

/// Trim, full-width → ASCII, uppercase.
#[uniffi::export]
pub fn normalize_id(value: String) -> Result<String> {
    Ok(id::normalize(&value).into_owned())
}

/// Classifies one value as an ID number.
#[uniffi::export]
pub fn classify_id(value: String) -> Result<IdInfo> {
    Ok((&id::classify(&value)).into())
}

/// Classifies many values in one call.
#[uniffi::export]
pub fn classify_ids(values: Vec<String>) -> Result<Vec<IdInfo>> {
    Ok(values.iter().map(|v| (&id::classify(v)).into()).collect())
}

/// Classifies many values into one byte each: bits 0–1 kind (0 none,
/// 1 national ID, 2 old resident certificate, 3 new unified certificate),
/// bit 2 (4) format valid, bit 3 (8) checksum valid, bits 4–5 gender (0 none,
/// 1 male, 2 female). `(codes[i] and 8) != 0` is "valid".
#[uniffi::export]
pub fn classify_ids_packed(values: Vec<String>) -> Result<Vec<u8>> {
    Ok(id::classify_packed(values.iter().map(String::as_str)))
}

/// Masks a value for display (`A12****789`).
#[uniffi::export(default(policy = None))]
pub fn mask_id(value: String, policy: Option<Arc<Policy>>) -> Result<String> {
    Ok(id::mask(&value, &self::policy(&policy).identity))
}

fn account(r: id::AccountNameCheck) -> AccountNameCheck {
    AccountNameCheck {
        verdict: r.verdict.into(),
        id_format: r.id_format,
        checksum_valid: r.checksum_valid,
        kind: r.kind.into(),
        local_part_masked: r.local_part_masked,
        findings: findings(&r.findings),
    }
}

/// The custom-account rule: an account name shaped like an ID number must be reset.
#[uniffi::export(default(policy = None))]
pub fn check_account(name: String, policy: Option<Arc<Policy>>) -> Result<AccountNameCheck> {
    Ok(account(id::check_account(&name, self::policy(&policy))))
}

/// The custom-account rule over many names in one call.
#[uniffi::export(default(policy = None))]
pub fn check_accounts(
    names: Vec<String>,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<AccountNameCheck>> {
    let p = self::policy(&policy);
    Ok(names
        .iter()
        .map(|n| account(id::check_account(n, p)))
        .collect())
}

/// Every ID number in a text.
#[uniffi::export(default(policy = None))]
pub fn scan_ids(text: String, policy: Option<Arc<Policy>>) -> Result<Vec<IdMatch>> {
    let u = |n: usize| n as u64;
    Ok(id::scan(&text, self::policy(&policy))?
        .into_iter()
        .map(|m| IdMatch {
            start: u(m.start),
            end: u(m.end),
            char_start: u(m.char_start),
            char_end: u(m.char_end),
            utf16_start: u(m.utf16_start),
            utf16_end: u(m.utf16_end),
            kind: m.kind.into(),
            checksum_valid: m.checksum_valid,
            fullwidth: m.fullwidth,
            masked: m.masked,
        })
        .collect())
}

/// The text with every ID number masked.
#[uniffi::export(default(policy = None))]
pub fn redact_ids(text: String, policy: Option<Arc<Policy>>) -> Result<String> {
    Ok(id::redact(&text, self::policy(&policy))?)
}

/// Checks a Unified Business Number (統一編號).
#[uniffi::export]
pub fn check_ubn(value: String) -> Result<UbnCheck> {
    let r = id::check_ubn(&value);
    Ok(UbnCheck {
        format_valid: r.format_valid,
        checksum_valid: r.checksum_valid,
        seventh_digit_rule: r.seventh_digit_rule,
    })
}
