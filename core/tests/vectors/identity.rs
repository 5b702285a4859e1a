//! Vector calls of the identity module.

use crate::support::{Args, json};
use ntpc_policy::PolicyError;
use ntpc_policy::identity;
use serde_json::{Value, json as j};

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
            Ok(j!({ "matches": json(&identity::scan(a.str("text")?, &a.policy()?)?)? }))
        }
        "identity.redact" => Ok(j!({ "text": identity::redact(a.str("text")?, &a.policy()?)? })),
        "identity.check_ubn" => json(&identity::check_ubn(a.str("value")?)),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
