//! The ID-number functions (RULES §2).

use crate::Result;
use crate::policy::{Policy, or_default};
use ntpc_policy::identity::{
    self, AccountNameCheck, IdInfo, IdMatch, RedactedText, ScanOptions, TextScan, UbnCheck,
};
use std::sync::Arc;

/// What a value is as an ID number: kind, validity, gender, area, category, mask.
#[uniffi::export]
pub fn classify_id(value: String) -> Result<IdInfo> {
    Ok(identity::classify(&value))
}

/// `classify_id` over many values, in order.
#[uniffi::export]
pub fn classify_ids(values: Vec<String>) -> Result<Vec<IdInfo>> {
    Ok(values.iter().map(|v| identity::classify(v)).collect())
}

/// One byte per value (`b & 8`: a valid ID number; layout in `IdInfo::packed`).
#[uniffi::export]
pub fn classify_ids_packed(values: Vec<String>) -> Result<Vec<u8>> {
    Ok(identity::classify_packed(values.iter().map(String::as_str)))
}

/// Whether a value is an ID number with a valid check digit.
#[uniffi::export]
pub fn is_valid_id(value: String) -> Result<bool> {
    Ok(identity::checksum_valid(&value))
}

/// The value trimmed, folded to ASCII and upper-cased.
#[uniffi::export]
pub fn normalize_id(value: String) -> Result<String> {
    Ok(identity::normalize(&value).into_owned())
}

/// The number with characters 4–7 hidden (`A12****789`).
#[uniffi::export(default(policy = None))]
pub fn mask_id(value: String, policy: Option<Arc<Policy>>) -> Result<String> {
    Ok(identity::mask(&value, &or_default(&policy).identity))
}

/// The custom-account rule: an account name shaped like an ID number must be reset.
#[uniffi::export(default(policy = None))]
pub fn check_account(name: String, policy: Option<Arc<Policy>>) -> Result<AccountNameCheck> {
    Ok(identity::check_account(&name, or_default(&policy)))
}

/// `check_account` over many names, in order.
#[uniffi::export(default(policy = None))]
pub fn check_accounts(
    names: Vec<String>,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<AccountNameCheck>> {
    let p = or_default(&policy);
    Ok(names
        .iter()
        .map(|n| identity::check_account(n, p))
        .collect())
}

/// Every ID number in a text, with byte, character and UTF-16 offsets (masked);
/// `options` adds the HTML-aware and tolerant modes.
#[uniffi::export(default(options = None, policy = None))]
pub fn scan_ids(
    text: String,
    options: Option<ScanOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<IdMatch>> {
    Ok(identity::scan_with(
        &text,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// The text with every ID number in it masked.
#[uniffi::export(default(options = None, policy = None))]
pub fn redact_ids(
    text: String,
    options: Option<ScanOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    Ok(identity::redact_with(
        &text,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// Every ID number in a file's bytes (UTF-8, UTF-16 with or without a BOM, Big5).
#[uniffi::export(default(options = None, policy = None))]
pub fn scan_id_bytes(
    data: Vec<u8>,
    options: Option<ScanOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<TextScan> {
    Ok(identity::scan_bytes(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// A file's bytes with every ID number masked, in the file's own encoding.
#[uniffi::export(default(options = None, policy = None))]
pub fn redact_id_bytes(
    data: Vec<u8>,
    options: Option<ScanOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<RedactedText> {
    Ok(identity::redact_bytes(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// Every ID number in a document's bytes, given its type (issue 21 §2): cells,
/// paragraphs, pages; `readable: false` when it cannot be read, never clean.
#[uniffi::export(default(options = None, policy = None))]
pub fn scan_id_document(
    data: Vec<u8>,
    kind: ntpc_policy::document::DocumentKind,
    options: Option<ScanOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::document::DocumentScan> {
    Ok(ntpc_policy::document::scan_document(
        &data,
        kind,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// The Unified Business Number (統一編號) check, 2023 rule.
#[uniffi::export]
pub fn check_ubn(value: String) -> Result<UbnCheck> {
    Ok(identity::check_ubn(&value))
}
