//! Argument conversion shared by every function: policies, dates, instants, enums.

use crate::errors::{core, invalid};
use crate::policy::PyPolicy;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use ntpc_policy::{Policy, calendar};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyString};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::LazyLock;

/// The edition in force, built once: most calls pass no policy.
pub static DEFAULT_POLICY: LazyLock<Policy> = LazyLock::new(Policy::default);

/// The caller's policy, or the edition in force.
pub fn policy<'a>(given: &'a Option<Bound<'_, PyPolicy>>) -> &'a Policy {
    match given {
        Some(p) => &p.get().inner,
        None => &DEFAULT_POLICY,
    }
}

/// A date: `datetime.date` (a `datetime` gives its Taipei date) or text in any
/// style the calendar module reads.
pub fn date(py: Python<'_>, field: &str, v: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if v.is_instance_of::<PyDateTime>() {
        return Ok(instant(py, field, v)?
            .with_timezone(&calendar::taipei())
            .date_naive());
    }
    if v.is_instance_of::<PyDate>() {
        return v.extract::<NaiveDate>();
    }
    if let Ok(s) = v.cast::<PyString>() {
        return core(py, calendar::parse_date(&s.to_cow()?));
    }
    Err(invalid(
        py,
        field,
        "a date, datetime or date text is required",
    ))
}

/// An instant: an aware `datetime`, a naive one (Asia/Taipei), or text.
pub fn instant(
    py: Python<'_>,
    field: &str,
    v: &Bound<'_, PyAny>,
) -> PyResult<DateTime<FixedOffset>> {
    if v.is_instance_of::<PyDateTime>() {
        if let Ok(aware) = v.extract::<DateTime<FixedOffset>>() {
            return Ok(aware);
        }
        if let Ok(naive) = v.extract::<NaiveDateTime>() {
            return Ok(calendar::to_taipei(naive));
        }
    }
    if let Ok(s) = v.cast::<PyString>() {
        return core(py, calendar::parse_datetime(&s.to_cow()?));
    }
    if v.is_instance_of::<PyDate>() {
        let d: NaiveDate = v.extract()?;
        return Ok(calendar::to_taipei(d.and_time(chrono::NaiveTime::MIN)));
    }
    Err(invalid(
        py,
        field,
        "a datetime or date-time text is required",
    ))
}

/// A core enum from its stable string (as in the vector files).
pub fn enum_from<T: DeserializeOwned>(py: Python<'_>, field: &str, s: &str) -> PyResult<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| invalid(py, field, format!("unknown value {s:?}")))
}

/// The stable string of a core enum.
pub fn enum_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A count or number argument (`u32` in the core): a negative or huge Python int
/// is the core's `input.invalid_argument`, not an `OverflowError`.
pub fn count(py: Python<'_>, field: &str, v: i64) -> PyResult<u32> {
    u32::try_from(v).map_err(|_| {
        invalid(
            py,
            field,
            format!("a whole number from 0 to {}, got {v}", u32::MAX),
        )
    })
}
