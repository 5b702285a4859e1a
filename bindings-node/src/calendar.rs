//! Calendar functions (RULES §3) for JS. Calendar dates are ISO strings
//! (`2021-12-07`, JS has no date-only type); instants are `Date`.

use crate::convert::{DateArg, InstantArg, date, enum_str, iso};
use crate::errors::{Result, core, guard};
use crate::policy::{JsPolicy, policy};
use chrono::{DateTime, Utc};
use napi_derive::napi;
use ntpc_policy::calendar as cal;

/// A date read from text, with its style.
#[napi(object)]
pub struct ParsedDate {
    /// ISO date, `2021-12-07`.
    pub date: String,
    /// `HH:MM` or `HH:MM:SS` when the text had a time.
    pub time: Option<String>,
    /// The style it was written in, e.g. `roc_slash`.
    pub style: String,
    /// ROC year (民國年).
    pub roc_year: i32,
    /// The moment it names in Asia/Taipei (midnight when no time was given).
    pub datetime: DateTime<Utc>,
}

/// A date in the ROC calendar.
#[napi(object)]
pub struct RocDate {
    /// ROC year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day of month.
    pub day: u32,
}

/// The school year (學年度) and semester of a date.
#[napi(object)]
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

/// Reads a date in any style of the department's documents (`110年12月7日`, `110/12/07`, …).
#[napi(strict)]
pub fn parse_date(text: String) -> Result<ParsedDate> {
    guard(|| {
        let p = core(cal::parse(&text))?;
        let json = crate::convert::json(&p);
        Ok(ParsedDate {
            date: iso(p.date),
            time: json["time"].as_str().map(str::to_owned),
            style: enum_str(&p.style),
            roc_year: p.roc_year(),
            datetime: p.to_datetime().with_timezone(&Utc),
        })
    })
}

/// Reads a date-time; a naive time means Asia/Taipei.
#[napi(strict)]
pub fn parse_date_time(text: String) -> Result<DateTime<Utc>> {
    guard(|| core(cal::parse_datetime(&text)).map(|t| t.with_timezone(&Utc)))
}

fn style(s: Option<String>) -> Result<cal::DateStyle> {
    core(s.as_deref().unwrap_or("roc_slash").parse())
}

/// Formats a date in a style (default `roc_slash`).
#[napi(strict)]
pub fn format_date(
    #[napi(ts_arg_type = "string | Date")] value: DateArg,
    style: Option<String>,
) -> Result<String> {
    guard(|| core(cal::format(date(value)?, self::style(style)?)))
}

/// Formats an instant in Taipei time: the date in `style`, then `HH:MM`.
#[napi(strict)]
pub fn format_date_time(
    #[napi(ts_arg_type = "Date | string")] value: InstantArg,
    style: Option<String>,
) -> Result<String> {
    guard(|| {
        let at = crate::convert::instant(value)?;
        core(cal::format_datetime(at, self::style(style)?))
    })
}

/// The ROC date of a date.
#[napi(strict)]
pub fn to_roc(#[napi(ts_arg_type = "string | Date")] value: DateArg) -> Result<RocDate> {
    guard(|| {
        let r = core(cal::to_roc(date(value)?))?;
        Ok(RocDate {
            year: r.year,
            month: r.month,
            day: r.day,
        })
    })
}

/// The ISO date of a ROC date; `fromRoc(110, 2, 29)` throws `calendar.invalid_date`.
#[napi(strict)]
pub fn from_roc(year: i32, month: f64, day: f64) -> Result<String> {
    guard(|| {
        let month = crate::convert::count("month", month)?;
        let day = crate::convert::count("day", day)?;
        core(cal::from_roc(year, month, day)).map(iso)
    })
}

/// The school year and semester of a date.
#[napi(strict)]
pub fn school_term(
    #[napi(ts_arg_type = "string | Date")] value: DateArg,
    policy: Option<&JsPolicy>,
) -> Result<SchoolTerm> {
    guard(|| {
        let t = cal::school_term(date(value)?, self::policy(&policy));
        Ok(SchoolTerm {
            school_year: t.school_year,
            semester: t.semester,
            school_year_start: iso(t.school_year_start),
            school_year_end: iso(t.school_year_end),
            semester_start: iso(t.semester_start),
            semester_end: iso(t.semester_end),
        })
    })
}

/// The government fiscal year (the calendar year) as a ROC year.
#[napi(strict)]
pub fn fiscal_year(#[napi(ts_arg_type = "string | Date")] value: DateArg) -> Result<i32> {
    guard(|| Ok(cal::fiscal_year(date(value)?)))
}

/// The names of every date style.
#[napi(strict)]
pub fn date_styles() -> Vec<String> {
    cal::DateStyle::ALL.iter().map(enum_str).collect()
}
