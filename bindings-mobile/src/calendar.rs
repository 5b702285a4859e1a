//! The calendar's functions (RULES §3).

use crate::policy::{Policy, or_default};
use crate::{Result, instant};
use ntpc_policy::calendar::{self, DateStyle, ParsedDate, RocDate, SchoolTerm};
use std::sync::Arc;

fn style(text: Option<String>) -> Result<DateStyle> {
    Ok(text
        .as_deref()
        .map(str::parse)
        .transpose()?
        .unwrap_or(DateStyle::RocSlash))
}

/// Reads a date written in any style of the department's documents.
#[uniffi::export]
pub fn parse_date(text: String) -> Result<ParsedDate> {
    Ok(calendar::parse(&text)?)
}

/// Reads an instant (RFC 3339, or any calendar style; naive means Asia/Taipei).
#[uniffi::export]
pub fn parse_datetime(text: String) -> Result<String> {
    Ok(instant(&text)?.to_rfc3339())
}

/// Writes a date in a style (default `roc_slash`).
#[uniffi::export(default(style = None))]
pub fn format_date(date: String, style: Option<String>) -> Result<String> {
    Ok(calendar::format(crate::date(&date)?, self::style(style)?)?)
}

/// Writes an instant in Asia/Taipei time: the date in a style, then `HH:MM`.
#[uniffi::export(default(style = None))]
pub fn format_datetime(datetime: String, style: Option<String>) -> Result<String> {
    Ok(calendar::format_datetime(
        instant(&datetime)?,
        self::style(style)?,
    )?)
}

/// The ROC date (民國) of a date.
#[uniffi::export]
pub fn to_roc(date: String) -> Result<RocDate> {
    Ok(calendar::to_roc(crate::date(&date)?)?)
}

/// The Gregorian date of a ROC date.
#[uniffi::export]
pub fn from_roc(year: i32, month: u32, day: u32) -> Result<String> {
    Ok(calendar::from_roc(year, month, day)?.to_string())
}

/// The school year (學年度) and semester of a date.
#[uniffi::export(default(policy = None))]
pub fn school_term(date: String, policy: Option<Arc<Policy>>) -> Result<SchoolTerm> {
    Ok(calendar::school_term(
        crate::date(&date)?,
        or_default(&policy),
    ))
}

/// The government fiscal year (the calendar year) as a ROC year.
#[uniffi::export]
pub fn fiscal_year(date: String) -> Result<i32> {
    Ok(calendar::fiscal_year(crate::date(&date)?))
}

/// The names of every date style.
#[uniffi::export]
pub fn date_styles() -> Result<Vec<DateStyle>> {
    Ok(DateStyle::ALL.to_vec())
}

/// Reads a time of day as the documents write it (`17:50`, `上午10時`).
#[uniffi::export]
pub fn parse_time(text: String) -> Result<String> {
    Ok(calendar::time_text(calendar::parse_time(&text)?))
}

/// The end of a period counted in months, by 行政程序法 §48 and the office calendar.
#[uniffi::export(default(policy = None))]
pub fn add_months(
    start: String,
    months: u32,
    policy: Option<Arc<Policy>>,
) -> Result<calendar::PeriodEnd> {
    Ok(calendar::add_months(
        instant(&start)?,
        months,
        or_default(&policy),
    )?)
}

/// Whether a date is an office day of the government office calendar, and why not.
#[uniffi::export(default(policy = None))]
pub fn is_office_day(date: String, policy: Option<Arc<Policy>>) -> Result<calendar::OfficeDay> {
    Ok(or_default(&policy)
        .calendar
        .office_days
        .day(crate::date(&date)?))
}
