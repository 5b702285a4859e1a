//! Vector calls of the identity module.

use crate::import::data;
use crate::support::{Args, json};
use ntpc_policy::PolicyError;
use ntpc_policy::identity::{self, ScanOptions};
use serde_json::{Value, json as j};

/// The optional `options` argument of the scans (`{html, loose}`).
fn options(a: &Args) -> Result<ScanOptions, PolicyError> {
    match a.raw("options") {
        None => Ok(ScanOptions::default()),
        Some(_) => a.record("options"),
    }
}

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    match call {
        "identity.classify" => json(&identity::classify(a.str("value")?)),
        "identity.classify_packed" => {
            let values = a.str_list("values")?;
            let codes = identity::classify_packed(values.iter().map(String::as_str));
            Ok(j!({ "codes": codes }))
        }
        "identity.normalize" => Ok(j!({ "value": identity::normalize(a.str("value")?) })),
        "identity.mask" => {
            Ok(j!({ "masked": identity::mask(a.str("value")?, &a.policy()?.identity) }))
        }
        "identity.check_account" => json(&identity::check_account(a.str("name")?, &a.policy()?)),
        "identity.scan" => {
            let found = identity::scan_with(a.str("text")?, &options(a)?, &a.policy()?)?;
            Ok(j!({ "matches": json(&found)? }))
        }
        "identity.redact" => {
            let text = identity::redact_with(a.str("text")?, &options(a)?, &a.policy()?)?;
            Ok(j!({ "text": text }))
        }
        "identity.scan_bytes" => json(&identity::scan_bytes(
            &data(a)?,
            &options(a)?,
            &a.policy()?,
        )?),
        "identity.redact_bytes" => json(&identity::redact_bytes(
            &data(a)?,
            &options(a)?,
            &a.policy()?,
        )?),
        "identity.check_ubn" => json(&identity::check_ubn(a.str("value")?)),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
