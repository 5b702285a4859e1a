//! Vector calls of the parent module.

use crate::support::{Args, json};
use ntpc_policy::{PolicyError, parent};
use serde_json::Value;

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    match call {
        "parent.check" => json(&parent::check(&a.record("family")?)),
        "parent.check_many" => {
            let families: Vec<parent::FamilyRecord> = a.record("families")?;
            json(&parent::check_many(&families))
        }
        "parent.normalize_mobile" => json(&parent::normalize_mobile(a.str("text")?)),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
