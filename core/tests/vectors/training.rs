//! Vector calls of the training module.

use crate::support::{Args, json};
use ntpc_policy::{PolicyError, training};

fn count(a: &Args, k: &str) -> Result<u32, PolicyError> {
    u32::try_from(a.i64(k)?).map_err(|_| PolicyError::invalid(k, "out of range"))
}

pub fn call(call: &str, a: &Args) -> Result<serde_json::Value, PolicyError> {
    match call {
        "training.security_training" => {
            let hours = a.raw("hours").and_then(serde_json::Value::as_f64);
            let hours =
                hours.ok_or_else(|| PolicyError::invalid("hours", "a number is required"))?;
            json(&training::security_training(hours, &a.policy()?)?)
        }
        "training.smart_learning_progress" => json(&training::smart_learning_progress(
            count(a, "teacher_quota")?,
            count(a, "certified")?,
            &a.policy()?,
        )?),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
