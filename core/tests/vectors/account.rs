//! Vector calls of the account module.

use crate::support::{Args, json};
use ntpc_policy::{PolicyError, account};
use serde_json::Value;

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    match call {
        "account.check" => json(&account::check(
            &a.record("record")?,
            a.date("today")?,
            &a.policy()?,
        )),
        "account.import" => json(&account::import(
            &crate::import::data(a)?,
            &crate::import::options(a)?,
            &a.policy()?,
        )?),
        "account.check_many" => {
            let rows: Vec<account::AccountRecord> = a.record("records")?;
            json(&account::check_many(&rows, a.date("today")?, &a.policy()?))
        }
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
