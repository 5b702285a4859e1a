//! Calendar functions (RULES §3). Calendar dates are ISO strings; instants are
//! `java.time.Instant` / Swift `Date`.

use crate::convert::{date, enum_str, instant, iso, system_time};
use crate::errors::Result;
use crate::policy::{Policy, policy};
use ntpc_policy::calendar as cal;
use std::sync::Arc;
use std::time::SystemTime;

/// A date read from text, with its style.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedDate {
    /// ISO date.
    pub date: String,
    /// `HH:MM` or `HH:MM:SS` when the text had a time.
    pub time: Option<String>,
    /// The style it was written in, e.g. `roc_slash`.
    pub style: String,
    /// ROC year (民國年).
    pub roc_year: i32,
    /// The moment it names in Asia/Taipei (midnight when no time was given).
    pub datetime: SystemTime,
}

/// A date in the ROC calendar.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RocDate {
    /// ROC year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day of month.
    pub day: u32,
}

/// The school year (學年度) and semester of a date.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SchoolTerm {
    /// School year as a ROC year.
    pub school_year: i32,
    /// 1 (Aug–Jan) or 2 (Feb–Jul).
    pub semester: u8,
    /// First day of the school year (ISO).
    pub school_year_start: String,
    /// Last day of the school year.
    pub school_year_end: String,
    /// First day of the semester.
    pub semester_start: String,
    /// Last day of the semester.
    pub semester_end: String,
}

/// Reads a date in any style of the department's documents.
#[uniffi::export]
pub fn parse_date(text: String) -> Result<ParsedDate> {
    let p = cal::parse(&text)?;
    let json = serde_json::to_value(p).unwrap_or_default();
    Ok(ParsedDate {
        date: iso(p.date),
        time: json["time"].as_str().map(str::to_owned),
        style: enum_str(&p.style),
        roc_year: p.roc_year(),
        datetime: system_time(p.to_datetime()),
    })
}

/// Reads a date-time; a naive time means Asia/Taipei.
#[uniffi::export]
pub fn parse_date_time(text: String) -> Result<SystemTime> {
    Ok(system_time(cal::parse_datetime(&text)?))
}

/// Formats a date (ISO or any style) in a style, e.g. `roc_slash`.
#[uniffi::export]
pub fn format_date(value: String, style: String) -> Result<String> {
    Ok(cal::format(date(&value)?, style.parse()?)?)
}

/// Formats an instant in Taipei time: the date in `style`, then `HH:MM`.
#[uniffi::export]
pub fn format_date_time(value: SystemTime, style: String) -> Result<String> {
    Ok(cal::format_datetime(instant(value), style.parse()?)?)
}

/// The ROC date of a date.
#[uniffi::export]
pub fn to_roc(value: String) -> Result<RocDate> {
    let r = cal::to_roc(date(&value)?)?;
    Ok(RocDate {
        year: r.year,
        month: r.month,
        day: r.day,
    })
}

/// The ISO date of a ROC date.
#[uniffi::export]
pub fn from_roc(year: i32, month: u32, day: u32) -> Result<String> {
    Ok(iso(cal::from_roc(year, month, day)?))
}

/// The school year and semester of a date.
#[uniffi::export(default(policy = None))]
pub fn school_term(value: String, policy: Option<Arc<Policy>>) -> Result<SchoolTerm> {
    let t = cal::school_term(date(&value)?, self::policy(&policy));
    Ok(SchoolTerm {
        school_year: t.school_year,
        semester: t.semester,
        school_year_start: iso(t.school_year_start),
        school_year_end: iso(t.school_year_end),
        semester_start: iso(t.semester_start),
        semester_end: iso(t.semester_end),
    })
}

/// The government fiscal year (the calendar year) as a ROC year.
#[uniffi::export]
pub fn fiscal_year(value: String) -> Result<i32> {
    Ok(cal::fiscal_year(date(&value)?))
}

/// The names of every date style.
#[uniffi::export]
pub fn date_styles() -> Result<Vec<String>> {
    Ok(cal::DateStyle::ALL.iter().map(enum_str).collect())
}
