//! Vector calls of the drill module.

use crate::import::{data, options, record};
use crate::support::{Args, json};
use ntpc_policy::{PolicyError, calendar, drill};
use serde_json::Value;

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    let now = || calendar::parse_datetime(a.str("now")?);
    match call {
        "drill.evaluate" => json(&drill::evaluate(
            &record(a, "report")?,
            now()?,
            &a.policy()?,
        )),
        "drill.rank" => json(&drill::rank(
            &record::<Vec<drill::DrillReport>>(a, "reports")?,
            now()?,
            &a.policy()?,
        )),
        "drill.import" => json(&drill::import(&data(a)?, &options(a)?, &a.policy()?)?),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
