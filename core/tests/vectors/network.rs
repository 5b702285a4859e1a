//! Vector calls of the network module.

use crate::support::{Args, json};
use ntpc_policy::{PolicyError, network};

fn school(a: &Args) -> Result<u32, PolicyError> {
    u32::try_from(a.i64("school_no")?)
        .map_err(|_| PolicyError::invalid("school_no", "out of range"))
}

pub fn call(call: &str, a: &Args) -> Result<serde_json::Value, PolicyError> {
    match call {
        "network.ems_allocation" => json(&network::ems_allocation(school(a)?, &a.policy()?)?),
        "network.check_ems_address" => json(&network::check_ems_address(
            a.str("address")?,
            school(a)?,
            &a.policy()?,
        )?),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
