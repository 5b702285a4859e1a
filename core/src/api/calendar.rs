//! The calendar's functions (RULES §3).

use super::{Date, Instant, api_table};
use crate::calendar::{self, DateStyle, OfficeDay, ParsedDate, PeriodEnd, RocDate, SchoolTerm};
use chrono::{DateTime, FixedOffset, NaiveDate};

api_table! { ALL, policy;
    /// Reads a date written in any style of the department's documents
    /// (`110/12/07`, `民國110年12月7日`, `1101207`, `2021/02/08 17:50`, …).
    "calendar.parse" => fn parse_date(text: String) -> ParsedDate {
        calendar::parse(&text)
    }

    /// Reads an instant: RFC 3339, or any calendar style with an optional time
    /// (a naive time is Asia/Taipei).
    "calendar.parse_datetime" => fn parse_datetime(text: String) -> DateTime<FixedOffset> as "datetime" {
        calendar::parse_datetime(&text)
    }

    /// Writes a date in a style (default `roc_slash`).
    "calendar.format" => fn format_date(date: Date, style: Option<DateStyle> = None) -> String as "text" {
        calendar::format(date.0, style.unwrap_or(DateStyle::RocSlash))
    }

    /// A date style from its name (`roc_slash`, `iso`, …), for a style a user
    /// sets as text; an unknown name is `calendar.unknown_style`. Kotlin and
    /// Swift take the style as an enum, so this is their door from text.
    "calendar.parse_style" => fn parse_date_style(text: String) -> DateStyle as "style" {
        text.parse()
    }

    /// Writes an instant in Asia/Taipei time: the date in a style (default
    /// `roc_slash`), then `HH:MM`.
    "calendar.format_datetime" => fn format_datetime(datetime: Instant, style: Option<DateStyle> = None) -> String as "text" {
        calendar::format_datetime(datetime.0, style.unwrap_or(DateStyle::RocSlash))
    }

    /// The ROC date (民國) of a date.
    "calendar.to_roc" => fn to_roc(date: Date) -> RocDate {
        calendar::to_roc(date.0)
    }

    /// The Gregorian date of a ROC date; `110/02/29` is `calendar.invalid_date`.
    "calendar.from_roc" => fn from_roc(year: i32, month: u32, day: u32) -> NaiveDate as "date" {
        calendar::from_roc(year, month, day)
    }

    /// The school year (學年度) and semester a date belongs to.
    "calendar.school_term" => fn school_term(date: Date) with [policy] -> SchoolTerm {
        Ok(calendar::school_term(date.0, policy))
    }

    /// The government fiscal year (the calendar year) as a ROC year.
    "calendar.fiscal_year" => fn fiscal_year(date: Date) -> i32 as "roc_year" {
        Ok(calendar::fiscal_year(date.0))
    }

    /// Reads a time of day as the documents write it (`17:50`, `上午10時`,
    /// `下午 5:50`, `中午12時`; in the written style 上午12時 is noon).
    "calendar.parse_time" => fn parse_time(text: String) -> String as "time" {
        calendar::parse_time(&text).map(calendar::time_text)
    }

    /// The end of a period counted in months from `start`, by 行政程序法 §48: the
    /// start day is not counted, a missing day is the month's last, and a last
    /// day that is not an office day moves to the next one (a Saturday to 12:00).
    "calendar.add_months" => fn add_months(start: Instant, months: u32) with [policy] -> PeriodEnd {
        calendar::add_months(start.0, months, policy)
    }

    /// Whether a date is an office day of the government office calendar
    /// (行政機關辦公日曆表), and why not: a weekend, a holiday, a make-up workday.
    "calendar.is_office_day" => fn is_office_day(date: Date) with [policy] -> OfficeDay {
        Ok(policy.calendar.office_days.day(date.0))
    }

    /// The names of every date style.
    "calendar.date_styles" => fn date_styles() -> Vec<DateStyle> as "styles" {
        Ok(DateStyle::ALL.to_vec())
    }
}
