//! Periods counted in months, as the law counts them (行政程序法 §48; 民法 §120–123).
//!
//! - **The start day is not counted** (§48 ②; 民法 §120 ②): a period running from
//!   an event on 2021-03-15 at any hour starts on 03-16.
//! - **It ends at the end of its last day** (§48 ②; 民法 §121 ①): 24:00, which as an
//!   instant is 00:00 of the next day. Counting from the day after the start, the
//!   last day is the day before the corresponding day of the last month (民法 §121
//!   ②); a month without that day ends on its own last day. So one month from
//!   01-15 ends at the end of 02-15, from 01-31 at the end of 02-28 (02-29 in a
//!   leap year), and from 02-28 (non-leap) at the end of 03-31, because counting
//!   starts on 03-01, a whole calendar month (民法 §123: months by the calendar).
//! - **A last day that is not an office day moves** (§48 ③④): a Sunday, a national
//!   holiday or another rest day to the end of the next office day; a Saturday to
//!   noon (`policy.calendar.saturday_period_end_hour`, 12) of the next office day
//!   (the law says "the following Monday, morning"; decided: the next office day,
//!   which is the Monday unless that is a day off too). Office days come from the
//!   office calendar ([`super::OfficeCalendar`]); decided: a make-up workday
//!   (補行上班) is an office day, so a last day on one does not move; a Saturday
//!   that is also a named holiday takes the Saturday rule.
//! - A last day in a year the office calendar does not cover is judged by the
//!   weekday alone, and the result says so (`covered: false`, finding
//!   `calendar.not_covered`).
//!
//! Periods in hours do not use this: they run continuously on the wall clock (§48
//! ①: an hour period starts at once). Nor do counts of days that are not a
//! deadline someone must meet, such as a mailbox's 500 days without login (RULES
//! §4): they get no holiday shift.

use super::office::DayKind;
use super::{MAX_YEAR, range_error, taipei, to_taipei};
use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::Finding;
use crate::policy::Policy;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};
use serde::Serialize;
use std::collections::BTreeSet;

/// How the end of a period was found.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodRule {
    /// The last day is an office day: the period ends at its end, 24:00 (§48 ②).
    EndOfLastDay,
    /// The last day is a Sunday, holiday or other rest day: the period ends at the
    /// end of the next office day (§48 ③).
    NextOfficeDay,
    /// The last day is a Saturday rest day: the period ends at noon of the next
    /// office day (§48 ④).
    SaturdayNoon,
}

/// When a period counted in months ends, and why.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodEnd {
    /// The event the period runs from (its day is not counted).
    pub start: DateTime<FixedOffset>,
    /// The length in months.
    pub months: u32,
    /// The day the period ends on, after any move (§48 ③④).
    pub last_day: NaiveDate,
    /// The last day as counted, when it was not an office day and the end moved.
    pub shifted_from: Option<NaiveDate>,
    /// The instant it ends, in +08:00: 00:00 of the day after `last_day` (the end
    /// of `last_day`), or noon of `last_day` under the Saturday rule.
    pub end: DateTime<FixedOffset>,
    /// Which rule set the end.
    pub rule: PeriodRule,
    /// Whether the office calendar covers every day consulted.
    pub covered: bool,
    /// The years consulted that the office calendar does not cover.
    pub uncovered_years: Vec<i32>,
    /// `calendar.period_shifted` (info) when the end moved, `calendar.not_covered`
    /// (warning) when a year was not covered.
    pub findings: Vec<Finding>,
}

impl PeriodEnd {
    /// The end as people write it, in Taipei time: `2022-02-28 24:00` for the end
    /// of a day, `2026-03-02 12:00` under the Saturday rule.
    pub fn end_text(&self) -> String {
        match self.rule {
            PeriodRule::SaturdayNoon => self
                .end
                .with_timezone(&taipei())
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            _ => format!("{} 24:00", self.last_day),
        }
    }
}

/// The first day of the month `months` after (year, month).
fn month_after(year: i32, month: u32, months: u32) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(months);
    let y = i32::try_from(index.div_euclid(12)).ok()?;
    Some((y, (index.rem_euclid(12) + 1) as u32))
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = month_after(year, month, 1)?;
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// The day after `d`, within the supported range.
fn next_day(d: NaiveDate, shown: &str) -> Result<NaiveDate> {
    d.succ_opt()
        .filter(|n| n.year() <= MAX_YEAR)
        .ok_or_else(|| range_error(shown))
}

/// The last day of a period of `months` months from an event on `start_day`, as
/// counted (民法 §121 ②, §120 ②), before any move.
fn counted_last_day(start_day: NaiveDate, months: u32, shown: &str) -> Result<NaiveDate> {
    let first = next_day(start_day, shown)?; // the start day is not counted
    let (y, m) = month_after(first.year(), first.month(), months)
        .filter(|(y, _)| *y <= MAX_YEAR)
        .ok_or_else(|| range_error(shown))?;
    let last = match NaiveDate::from_ymd_opt(y, m, first.day()) {
        Some(corresponding) => corresponding.pred_opt(),
        None => last_of_month(y, m),
    };
    last.filter(|d| d.year() <= MAX_YEAR)
        .ok_or_else(|| range_error(shown))
}

/// What the rest day is, for the message: `星期六（和平紀念日）` / `a Saturday (和平紀念日)`.
fn rest_text(date: NaiveDate, name: Option<&str>, kind: DayKind) -> (String, String) {
    let (en, zh) = match (date.weekday(), kind) {
        (Weekday::Sat, _) => ("a Saturday", "星期六"),
        (Weekday::Sun, _) => ("a Sunday", "星期日"),
        _ => ("a day off", "放假日"),
    };
    match name {
        Some(n) if !n.is_empty() => (format!("{en} ({n})"), format!("{zh}（{n}）")),
        _ => (en.to_owned(), zh.to_owned()),
    }
}

/// The end of a period of `months` months running from `start` (行政程序法 §48;
/// see the module docs), with the office calendar of `policy.calendar.office_days`.
///
/// # Errors
/// `input.invalid_argument` when `months` is 0; `calendar.out_of_range` when the
/// start is before 1912-01-01 or the period would end after 9999-12-31.
///
/// ```
/// use ntpc_policy::{Policy, calendar::{self, PeriodRule}};
/// let p = Policy::default();
/// let at = |s| calendar::parse_datetime(s).unwrap();
/// // 2021-03-30 + 1 month: counting from 03-31, April has no 31st: last day 04-30
/// // (a Friday, an office day), and the period ends at its end.
/// let e = calendar::add_months(at("2021-03-30 10:00"), 1, &p).unwrap();
/// assert_eq!((e.last_day.to_string(), e.rule), ("2021-04-30".into(), PeriodRule::EndOfLastDay));
/// assert_eq!(e.end.to_rfc3339(), "2021-05-01T00:00:00+08:00");
/// assert_eq!(e.end_text(), "2021-04-30 24:00");
/// // 2026-01-28 + 1 month: last day 02-28, a Saturday (和平紀念日): noon of Monday 03-02.
/// let e = calendar::add_months(at("2026-01-28 09:00"), 1, &p).unwrap();
/// assert_eq!((e.shifted_from.unwrap().to_string(), e.rule), ("2026-02-28".into(), PeriodRule::SaturdayNoon));
/// assert_eq!(e.end.to_rfc3339(), "2026-03-02T12:00:00+08:00");
/// ```
pub fn add_months(start: DateTime<FixedOffset>, months: u32, policy: &Policy) -> Result<PeriodEnd> {
    if months == 0 {
        return Err(PolicyError::invalid_bilingual(
            "months",
            "a period is 1 month or more",
            "期間至少 1 個月",
        ));
    }
    let local = start.with_timezone(&taipei());
    let shown = local.to_rfc3339();
    let start_day = local.date_naive();
    super::check_range(start_day, &shown)?;
    let counted = counted_last_day(start_day, months, &shown)?;
    let cal = &policy.calendar.office_days;
    let mut uncovered = BTreeSet::new();
    let day = cal.day(counted);
    if !day.covered {
        uncovered.insert(counted.year());
    }

    let (rule, last_day) = if day.office_day {
        (PeriodRule::EndOfLastDay, counted)
    } else {
        // The next office day; a calendar can hold at most a year of days off in a row.
        let mut d = next_day(counted, &shown)?;
        let mut steps = 0;
        while !cal.is_office_day(d) {
            if !cal.covers(d.year()) {
                uncovered.insert(d.year());
            }
            steps += 1;
            if steps > 366 {
                return Err(PolicyError::policy_file(
                    format!("calendar.office_days: no office day in the year after {counted}"),
                    format!("calendar.office_days：{counted} 之後一年內沒有辦公日"),
                ));
            }
            d = next_day(d, &shown)?;
        }
        if !cal.covers(d.year()) {
            uncovered.insert(d.year());
        }
        let rule = if counted.weekday() == Weekday::Sat {
            PeriodRule::SaturdayNoon
        } else {
            PeriodRule::NextOfficeDay
        };
        (rule, d)
    };

    let end = match rule {
        PeriodRule::SaturdayNoon => {
            let hour = policy.calendar.saturday_period_end_hour;
            match hour {
                24 => next_day(last_day, &shown)?.and_time(NaiveTime::MIN),
                h => last_day.and_time(NaiveTime::from_hms_opt(h, 0, 0).ok_or_else(|| {
                    PolicyError::policy_file(
                        "calendar.saturday_period_end_hour is 0 to 24",
                        "calendar.saturday_period_end_hour 須為 0 至 24",
                    )
                })?),
            }
        }
        _ => next_day(last_day, &shown)?.and_time(NaiveTime::MIN),
    };
    let mut result = PeriodEnd {
        start: local,
        months,
        last_day,
        shifted_from: (rule != PeriodRule::EndOfLastDay).then_some(counted),
        end: to_taipei(end),
        rule,
        covered: uncovered.is_empty(),
        uncovered_years: uncovered.into_iter().collect(),
        findings: Vec::new(),
    };
    if rule != PeriodRule::EndOfLastDay {
        let (rest, rest_zh) = rest_text(counted, day.name.as_deref(), day.kind);
        result.findings.push(
            Finding::new(Code::CalendarPeriodShifted)
                .with("counted_last_day", counted.to_string())
                .with("rest", rest)
                .with("rest_zh", rest_zh)
                .with("end", result.end_text()),
        );
    }
    if !result.covered {
        let years: Vec<String> = result.uncovered_years.iter().map(i32::to_string).collect();
        result.findings.push(
            Finding::new(Code::CalendarNotCovered)
                .with("years", years.join(", "))
                .with("counted_last_day", counted.to_string()),
        );
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(start: &str, months: u32) -> (String, PeriodRule, String) {
        let p = Policy::default();
        let e = add_months(super::super::parse_datetime(start).unwrap(), months, &p).unwrap();
        (e.last_day.to_string(), e.rule, e.end_text())
    }

    #[test]
    fn counts_as_the_civil_code_does() {
        use PeriodRule::*;
        // 2021-03-15 (Mon) + 1: counting from 03-16, last day 04-15 (Thu).
        assert_eq!(
            end("2021-03-15 23:59", 1),
            ("2021-04-15".into(), EndOfLastDay, "2021-04-15 24:00".into())
        );
        // Start on a month's last day: counting from the 1st, a whole month.
        assert_eq!(end("2021-02-28 10:00", 1).0, "2021-03-31");
        assert_eq!(end("2021-04-30 10:00", 1).0, "2021-05-31");
        // No corresponding day: the month's last day (2024 is a leap year).
        assert_eq!(end("2024-01-30 10:00", 1).0, "2024-02-29");
        // 02-28 is a Sunday and Monday 03-01 a 補假: the end of Tuesday 03-02.
        assert_eq!(
            end("2021-01-29 10:00", 1),
            (
                "2021-03-02".into(),
                NextOfficeDay,
                "2021-03-02 24:00".into()
            )
        );
        // 2021-04-10 + 1 → 05-10 (Mon).
        assert_eq!(end("2021-04-10 08:00", 1).1, EndOfLastDay);
        // 12 months across a year.
        assert_eq!(end("2021-12-07 10:00", 12).0, "2022-12-07");
        // Saturday → noon of the next office day.
        assert_eq!(
            end("2021-10-11 10:00", 1),
            ("2021-11-11".into(), EndOfLastDay, "2021-11-11 24:00".into())
        );
        assert_eq!(
            end("2021-10-13 10:00", 1),
            ("2021-11-15".into(), SaturdayNoon, "2021-11-15 12:00".into())
        );
    }

    #[test]
    fn near_the_end_of_the_range() {
        let p = Policy::default();
        let at = super::super::parse_datetime("9999-11-30 10:00").unwrap();
        assert_eq!(
            add_months(at, 1, &p).unwrap_err().code(),
            Code::CalendarOutOfRange
        );
        let at = super::super::parse_datetime("9999-11-29 10:00").unwrap();
        // 9999-12-29 is a Wednesday: ends at 24:00, 9999-12-30 00:00.
        assert_eq!(
            add_months(at, 1, &p).unwrap().end_text(),
            "9999-12-29 24:00"
        );
        assert!(add_months(at, 0, &p).is_err());
        let before = super::super::to_taipei(
            NaiveDate::from_ymd_opt(1911, 12, 31)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        );
        assert_eq!(
            add_months(before, 1, &p).unwrap_err().code(),
            Code::CalendarOutOfRange
        );
    }
}
