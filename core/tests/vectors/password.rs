//! Dispatch for `password.*` vector calls (RULES §1).

use crate::support::{Args, json};
use chrono::{DateTime, FixedOffset};
use ntpc_policy::PolicyError;
use ntpc_policy::password::{self, ExpiryContext, PasswordContext, PasswordProfile};
use serde_json::Value;

pub fn call(call: &str, args: &Args) -> Result<Value, PolicyError> {
    match call {
        "password.check" => {
            let policy = args.policy()?;
            let ctx = context(args)?;
            json(&password::check(args.str("password")?, &ctx, &policy))
        }
        "password.check_many" => {
            let policy = args.policy()?;
            let ctx = context(args)?;
            let list = args.str_list("passwords")?;
            let refs: Vec<&str> = list.iter().map(String::as_str).collect();
            json(&password::check_many(&refs, &ctx, &policy))
        }
        "password.is_common" => json(&serde_json::json!({
            "common": password::is_common(args.str("password")?)
        })),
        "password.expiry" => {
            let policy = args.policy()?;
            let alerts = args
                .str_list("alerts")?
                .iter()
                .map(|a| instant("alerts", a))
                .collect::<Result<Vec<_>, _>>()?;
            let ctx = ExpiryContext {
                reset: args.bool_or("reset", false),
                alerts,
            };
            let last_changed = instant("last_changed", args.str("last_changed")?)?;
            let now = instant("now", args.str("now")?)?;
            json(&password::expiry(last_changed, now, &ctx, &policy)?)
        }
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}

fn context(args: &Args) -> Result<PasswordContext<'_>, PolicyError> {
    let profile = match args.raw("profile") {
        None => None,
        Some(v) => Some(
            serde_json::from_value::<PasswordProfile>(v.clone())
                .map_err(|_| PolicyError::invalid("profile", "\"default\" or \"ad\""))?,
        ),
    };
    let today = match args.raw("today") {
        None | Some(serde_json::Value::Null) => None,
        Some(_) => Some(args.date("today")?),
    };
    Ok(PasswordContext {
        account: args.opt_str("account"),
        display_name: args.opt_str("display_name"),
        profile,
        school_name: args.opt_str("school_name"),
        school_code: args.opt_str("school_code"),
        today,
    })
}

/// Instants in vectors are read as every binding reads them: RFC 3339, or any
/// calendar style (a date alone is midnight in Asia/Taipei).
fn instant(_field: &str, text: &str) -> Result<DateTime<FixedOffset>, PolicyError> {
    ntpc_policy::calendar::parse_datetime(text)
}
