//! ROC calendar (民國紀年), school years and Asia/Taipei time (RULES §3).
//!
//! Every document of the department writes dates in the ROC calendar, in many
//! styles (`110年12月7日`, `110/12/07`, `1101207`, …), often typed with a Chinese
//! IME in full-width mode. This module reads all of them, writes them back, and
//! answers which school year (學年度) and semester a date falls in.
//!
//! Decided (RULES §3): the supported range is 1912-01-01 (ROC 1) to 9999-12-31
//! for every function; outside it is `calendar.out_of_range`. Invalid dates are
//! errors, never roll-overs. A naive local time means Asia/Taipei (UTC+08:00; no
//! daylight saving since 1979).
//!
//! ```
//! use ntpc_policy::calendar::{self, DateStyle};
//! let d = calendar::parse("民國110年12月7日").unwrap();
//! assert_eq!(d.date.to_string(), "2021-12-07");
//! assert_eq!(calendar::format(d.date, DateStyle::RocSlash).unwrap(), "110/12/07");
//! assert!(calendar::parse("110/02/29").is_err()); // 2021 is not a leap year
//! ```

pub mod office;
mod parse;
pub mod period;
mod scan;
mod style;
mod term;

pub use office::{OfficeCalendar, OfficeDay, OfficeYear};
pub use parse::{ParsedDate, parse, parse_date, parse_datetime, parse_time, time_text};
pub use period::{PeriodEnd, PeriodRule, add_months};
pub(crate) use style::iso_text;
pub use style::{DateStyle, format, format_datetime};
pub use term::{SchoolTerm, fiscal_year, school_term};

use crate::error::{PolicyError, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use serde::Serialize;

/// ROC year = Gregorian year − 1911 (中華民國紀年; a fact of law, not policy).
pub const ROC_OFFSET: i32 = 1911;

/// Asia/Taipei: UTC+08:00 all year (no daylight saving since 1979).
pub fn taipei() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset")
}

/// A naive local time read from a school's data, placed in Asia/Taipei (RULES §0 "Time").
///
/// ```
/// use chrono::NaiveDate;
/// let t = NaiveDate::from_ymd_opt(2021, 2, 8).unwrap().and_hms_opt(17, 50, 0).unwrap();
/// assert_eq!(ntpc_policy::calendar::to_taipei(t).to_rfc3339(), "2021-02-08T17:50:00+08:00");
/// ```
pub fn to_taipei(naive: NaiveDateTime) -> DateTime<FixedOffset> {
    naive
        .and_local_timezone(taipei())
        .single()
        .expect("a fixed offset maps every local time exactly once")
}

/// A date in the ROC calendar: year 110, month 12, day 7 is 2021-12-07.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RocDate {
    /// ROC year (1 = 1912).
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month.
    pub day: u32,
}

impl std::fmt::Display for RocDate {
    /// `110/12/07`, the style of the department's tables.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{:02}/{:02}", self.year, self.month, self.day)
    }
}

/// The ROC date of a Gregorian date; dates before 1912 have none.
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
/// assert_eq!(ntpc_policy::calendar::to_roc(d).unwrap().to_string(), "110/12/07");
/// ```
pub fn to_roc(date: NaiveDate) -> Result<RocDate> {
    if !in_range(date) {
        return Err(range_error(&date.to_string()));
    }
    Ok(RocDate {
        year: date.year() - ROC_OFFSET,
        month: date.month(),
        day: date.day(),
    })
}

/// The Gregorian date of a ROC date; `110/02/29` is an error (2021 is not a leap year).
///
/// ```
/// use ntpc_policy::calendar::from_roc;
/// assert_eq!(from_roc(109, 2, 29).unwrap().to_string(), "2020-02-29");
/// assert_eq!(from_roc(110, 2, 29).unwrap_err().code().as_str(), "calendar.invalid_date");
/// ```
pub fn from_roc(year: i32, month: u32, day: u32) -> Result<NaiveDate> {
    let shown = format!("{year}/{month:02}/{day:02}");
    if year < 1 {
        return Err(out_of_range(
            &shown,
            "the ROC calendar starts with year 1 (1912)",
            "民國紀年自民國 1 年（1912 年）起",
        ));
    }
    let gy = year
        .checked_add(ROC_OFFSET)
        .filter(|y| *y <= MAX_YEAR)
        .ok_or_else(|| out_of_range(&shown, "after 9999-12-31", "晚於 9999-12-31"))?;
    ymd(gy, month, day, &shown)
}

/// Last supported Gregorian year.
pub(crate) const MAX_YEAR: i32 = 9999;
/// First supported Gregorian year (ROC 1).
pub(crate) const MIN_YEAR: i32 = 1912;

/// A Gregorian date, or the precise reason it does not exist.
pub(crate) fn ymd(y: i32, m: u32, d: u32, shown: &str) -> Result<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(range_error(shown));
    }
    if !(1..=12).contains(&m) {
        return Err(invalid(
            shown,
            format!("month {m} does not exist"),
            format!("沒有 {m} 月"),
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        if m == 2 && d == 29 {
            invalid(
                shown,
                format!("{y} is not a leap year"),
                format!("{y} 年不是閏年"),
            )
        } else {
            invalid(
                shown,
                format!("month {m} has no day {d}"),
                format!("{m} 月沒有 {d} 日"),
            )
        }
    })
}

/// `calendar.out_of_range` for a date outside 1912-01-01 to 9999-12-31.
pub(crate) fn range_error(shown: &str) -> PolicyError {
    out_of_range(
        shown,
        "supported years are 1912 (ROC 1) to 9999",
        "可處理的年份為 1912 年（民國 1 年）至 9999 年",
    )
}

pub(crate) fn check_range(date: NaiveDate, shown: &str) -> Result<()> {
    if in_range(date) {
        Ok(())
    } else {
        Err(range_error(shown))
    }
}

/// Whether a date is in the supported range, 1912-01-01 to 9999-12-31.
pub(crate) fn in_range(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// Errors quote at most 64 characters of the input, so a huge input cannot make a huge error.
pub(crate) fn clip(input: &str) -> String {
    let mut s: String = input.chars().take(64).collect();
    if input.chars().nth(64).is_some() {
        s.push('…');
    }
    s
}

/// `calendar.invalid_date`, its reason in English and Chinese.
pub(crate) fn invalid(input: &str, en: impl Into<String>, zh: impl Into<String>) -> PolicyError {
    PolicyError::InvalidDate {
        input: clip(input),
        reason: en.into(),
        reason_zh: zh.into(),
    }
}

/// `calendar.out_of_range`, its reason in English and Chinese.
pub(crate) fn out_of_range(
    input: &str,
    en: impl Into<String>,
    zh: impl Into<String>,
) -> PolicyError {
    PolicyError::DateOutOfRange {
        input: clip(input),
        reason: en.into(),
        reason_zh: zh.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        match parse(s) {
            Ok(d) => format!("{} {:?} {}", d.date, d.time, d.style),
            Err(e) => e.code().as_str().to_string(),
        }
    }

    #[test]
    fn reads_every_style() {
        assert_eq!(p("110年12月7日"), "2021-12-07 None roc_chinese");
        assert_eq!(p("民國110年12月7日"), "2021-12-07 None roc_chinese_era");
        assert_eq!(p("110 年 12 月 7 日"), "2021-12-07 None roc_chinese");
        assert_eq!(p("110/12/07"), "2021-12-07 None roc_slash");
        assert_eq!(p("110.12.07"), "2021-12-07 None roc_dot");
        assert_eq!(p("110-12-07"), "2021-12-07 None roc_dash");
        assert_eq!(p("1101207"), "2021-12-07 None roc_compact");
        assert_eq!(p("20211207"), "2021-12-07 None gregorian_compact");
        assert_eq!(p("2021-12-07"), "2021-12-07 None iso");
        assert_eq!(p("１１０／１２／０７"), "2021-12-07 None roc_slash");
        assert_eq!(
            p("2021/02/08 17:50"),
            "2021-02-08 Some(17:50:00) gregorian_slash"
        );
        assert_eq!(
            p("110/02/08 下午5:50"),
            "2021-02-08 Some(17:50:00) roc_slash"
        );
        assert_eq!(p("110年12月7日（星期二）"), "2021-12-07 None roc_chinese");
        assert_eq!(p("110年12月7日(星期三)"), "calendar.weekday_mismatch");
        assert_eq!(p("110/02/30"), "calendar.invalid_date");
        assert_eq!(p("110/02/29"), "calendar.invalid_date");
        assert_eq!(p("109/02/29"), "2020-02-29 None roc_slash");
        assert_eq!(p("110/12.07"), "calendar.unrecognized_format");
        assert_eq!(p("0/01/01"), "calendar.out_of_range");
        assert_eq!(p("1911/12/31"), "calendar.out_of_range");
        assert_eq!(p("110120710:41"), "calendar.unrecognized_format");
        assert_eq!(p("2021/02/08 24:00"), "calendar.invalid_date");
        assert_eq!(p(""), "calendar.unrecognized_format");
    }
}
