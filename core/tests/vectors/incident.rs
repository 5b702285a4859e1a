//! Vector calls of the incident module.

use crate::import::{data, options, record};
use crate::support::{Args, json};
use ntpc_policy::{PolicyError, calendar, incident};
use serde_json::{Value, json as j};

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    let now = || calendar::parse_datetime(a.str("now")?);
    match call {
        "incident.evaluate" => json(&incident::evaluate(
            &record(a, "incident")?,
            now()?,
            &a.policy()?,
        )?),
        "incident.stats" => json(&incident::stats(
            &record::<Vec<incident::Incident>>(a, "incidents")?,
            now()?,
            &a.policy()?,
        )),
        "incident.import" => json(&incident::import(&data(a)?, &options(a)?, &a.policy()?)?),
        "incident.parse_ip" => json(&incident::parse_ip(a.str("raw")?)),
        "incident.parse_level" => Ok(j!({ "level": incident::parse_level(a.str("text")?)? })),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
