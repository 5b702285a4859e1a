//! Vector calls of the permission module.

use crate::support::{Args, json};
use ntpc_policy::PolicyError;
use ntpc_policy::permission::{self, Override, Right};
use serde_json::{Value, json as j};

fn overrides(a: &Args) -> Result<Vec<Override>, PolicyError> {
    match a.raw("overrides") {
        None => Ok(Vec::new()),
        Some(_) => a.record("overrides"),
    }
}

fn right(a: &Args) -> Result<Right, PolicyError> {
    a.str("right")?.parse()
}

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    match call {
        "permission.table" => Ok(j!({ "rows": json(&permission::table())? })),
        "permission.lookup" => json(&permission::lookup(a.str("name")?)?),
        "permission.who_can" => json(&permission::who_can(
            a.str("module")?,
            right(a)?,
            &overrides(a)?,
        )?),
        "permission.can" => json(&permission::can(
            &a.record("person")?,
            a.str("app_or_module")?,
            right(a)?,
            &overrides(a)?,
        )?),
        "permission.contact_book_right" => json(&permission::contact_book_right(a.str("title")?)),
        "permission.attendance_view" => json(&permission::attendance_view(
            &a.record("person")?,
            &overrides(a)?,
        )?),
        "permission.absent_counts" => {
            let rows: Vec<permission::AttendanceRecord> = a.record("records")?;
            json(&permission::absent_counts(&rows))
        }
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
