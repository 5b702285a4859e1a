//! Type conversion between Kotlin/Swift values and core values. No rule lives here.

use crate::errors::{Result, invalid};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use ntpc_policy::calendar;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::SystemTime;

/// A date argument: ISO (`2021-12-07`) or any calendar style (`110/12/07`).
pub fn date(text: &str) -> Result<NaiveDate> {
    Ok(calendar::parse_date(text)?)
}

/// An instant (`java.time.Instant`, Swift `Date`) as a core instant in +08:00.
pub fn instant(t: SystemTime) -> DateTime<FixedOffset> {
    DateTime::<Utc>::from(t).with_timezone(&calendar::taipei())
}

/// A core instant as `SystemTime`.
pub fn system_time(t: DateTime<FixedOffset>) -> SystemTime {
    SystemTime::from(t.with_timezone(&Utc))
}

pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The stable string of a core enum (as in the vector files).
pub fn enum_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A core enum from its stable string.
pub fn enum_from<T: DeserializeOwned>(field: &str, s: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| invalid(field, format!("unknown value {s:?}")))
}

/// A core value as JSON text.
pub fn json_text<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}
