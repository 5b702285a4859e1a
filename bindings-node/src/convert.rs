//! Type conversion between JS values and core values. No rule lives here.

use crate::errors::{JsResult, core, invalid};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use napi::Either;
use ntpc_policy::calendar;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A date argument: ISO or any calendar style (`110/12/07`), or a JS `Date` (its Taipei date).
pub type DateArg = Either<String, DateTime<Utc>>;
/// An instant argument: a JS `Date`, or RFC 3339 / calendar text (naive = Asia/Taipei).
pub type InstantArg = Either<DateTime<Utc>, String>;

pub fn date(v: DateArg) -> JsResult<NaiveDate> {
    match v {
        Either::A(text) => core(calendar::parse_date(&text)),
        Either::B(at) => Ok(at.with_timezone(&calendar::taipei()).date_naive()),
    }
}

pub fn instant(v: InstantArg) -> JsResult<DateTime<FixedOffset>> {
    match v {
        Either::A(at) => Ok(at.fixed_offset()),
        Either::B(text) => core(calendar::parse_datetime(&text)),
    }
}

/// The stable string of a core enum (as in the vector files).
pub fn enum_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A core enum from its stable string.
pub fn enum_from<T: DeserializeOwned>(field: &str, s: &str) -> JsResult<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| invalid(field, format!("unknown value {s:?}")))
}

/// A core value as its shared JSON (for parameters and areas).
pub fn json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A count or number argument (`u32` in the core). JS numbers arrive as `f64`:
/// napi's own `u32` conversion wraps `-5` to 4294967291, so the range and
/// wholeness are checked here and a bad value is `input.invalid_argument`.
pub fn count(field: &str, v: f64) -> JsResult<u32> {
    if v.is_finite() && v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
        Ok(v as u32)
    } else {
        Err(invalid(
            field,
            format!("a whole number from 0 to {}, got {v}", u32::MAX),
        ))
    }
}
