//! Vector calls of the mailbox module.

use crate::support::{Args, json};
use ntpc_policy::{PolicyError, mailbox};
use serde_json::Value;

fn bytes(a: &Args, k: &str) -> Result<u64, PolicyError> {
    u64::try_from(a.i64(k)?).map_err(|_| PolicyError::invalid(k, "a number of bytes ≥ 0"))
}

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    match call {
        "mailbox.status" => json(&mailbox::status(
            &a.record("mailbox")?,
            a.date("today")?,
            &a.policy()?,
        )?),
        "mailbox.sweep" => {
            let rows: Vec<mailbox::MailboxRecord> = a.record("mailboxes")?;
            json(&mailbox::sweep(&rows, a.date("today")?, &a.policy()?))
        }
        "mailbox.import" => json(&mailbox::import(
            &crate::import::data(a)?,
            &crate::import::options(a)?,
            &a.policy()?,
        )?),
        "mailbox.quota" => json(&mailbox::quota(bytes(a, "used_bytes")?, &a.policy()?)?),
        "mailbox.message_size" => json(&mailbox::message_size(bytes(a, "bytes")?, &a.policy()?)),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
