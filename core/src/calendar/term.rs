//! School years (學年度), semesters and the fiscal year (RULES §3).

use super::{MAX_YEAR, ROC_OFFSET};
use crate::policy::Policy;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The school year and semester a date belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchoolTerm {
    /// School year (學年度) as a ROC year: 110 runs 2021-08-01 to 2022-07-31.
    pub school_year: i32,
    /// 1 (August–January) or 2 (February–July).
    pub semester: u8,
    /// First day of the school year.
    pub school_year_start: NaiveDate,
    /// Last day of the school year.
    pub school_year_end: NaiveDate,
    /// First day of the semester.
    pub semester_start: NaiveDate,
    /// Last day of the semester.
    pub semester_end: NaiveDate,
}

fn first(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The day before the first of month `m` of year `y`: the end of a term. Decided
/// (issue 14 §2): a term ending after 9999-12-31 (school year 8088, from
/// 9999-08-01) is cut at 9999-12-31, the last supported day, rather than giving a
/// year-10000 date that no binding can hold.
fn end_before(y: i32, m: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).expect("9999-12-31 exists");
    if y > MAX_YEAR {
        return last;
    }
    first(y, m)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MIN)
        .min(last)
}

/// The school year (學年度 N: (N+1911)-08-01 to (N+1912)-07-31) and semester of a
/// date. The start months come from `policy.calendar` (August; February).
///
/// Decided: in school year 8088 (from 9999-08-01), whose end is past the
/// supported range, `school_year_end` and `semester_end` are 9999-12-31.
///
/// ```
/// use ntpc_policy::{Policy, calendar::school_term};
/// let d = chrono::NaiveDate::from_ymd_opt(2022, 1, 31).unwrap();
/// let t = school_term(d, &Policy::default());
/// assert_eq!((t.school_year, t.semester), (110, 1));
/// let last = chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
/// assert_eq!(school_term(last, &Policy::default()).school_year_end, last);
/// ```
pub fn school_term(date: NaiveDate, policy: &Policy) -> SchoolTerm {
    let start_m = policy.calendar.school_year_start_month;
    let second_m = policy.calendar.second_semester_start_month;
    let y = date.year();
    let start_year = if date.month() >= start_m { y } else { y - 1 };
    let school_year_start = first(start_year, start_m).unwrap_or(date);
    let school_year_end = end_before(start_year + 1, start_m);
    // The second semester starts in the calendar year after the school year's
    // start (or in the same one when the school year starts in January).
    let second_year = if second_m > start_m {
        start_year
    } else {
        start_year + 1
    };
    let second_start = (second_year <= MAX_YEAR)
        .then(|| first(second_year, second_m))
        .flatten();
    let (semester, semester_start, semester_end) = match second_start {
        Some(s) if date >= s => (2, s, school_year_end),
        _ => (1, school_year_start, end_before(second_year, second_m)),
    };
    SchoolTerm {
        school_year: start_year - ROC_OFFSET,
        semester,
        school_year_start,
        school_year_end,
        semester_start,
        semester_end,
    }
}

/// The government fiscal year of a date, as a ROC year: it is the calendar year.
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
/// assert_eq!(ntpc_policy::calendar::fiscal_year(d), 110);
/// ```
pub fn fiscal_year(date: NaiveDate) -> i32 {
    date.year() - ROC_OFFSET
}
