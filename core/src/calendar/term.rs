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

fn first(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y.clamp(1, MAX_YEAR + 1), m.clamp(1, 12), 1).unwrap_or(NaiveDate::MAX)
}

/// The school year (學年度 N: (N+1911)-08-01 to (N+1912)-07-31) and semester of a
/// date. The start months come from `policy.calendar` (August; February).
///
/// ```
/// use ntpc_policy::{Policy, calendar::school_term};
/// let d = chrono::NaiveDate::from_ymd_opt(2022, 1, 31).unwrap();
/// let t = school_term(d, &Policy::default());
/// assert_eq!((t.school_year, t.semester), (110, 1));
/// ```
pub fn school_term(date: NaiveDate, policy: &Policy) -> SchoolTerm {
    let start_m = policy.calendar.school_year_start_month;
    let second_m = policy.calendar.second_semester_start_month;
    let y = date.year();
    let start_year = if date.month() >= start_m { y } else { y - 1 };
    let school_year_start = first(start_year, start_m);
    let school_year_end = first(start_year + 1, start_m)
        .pred_opt()
        .unwrap_or(NaiveDate::MAX);
    let second_start = first(start_year + 1, second_m);
    let (semester, semester_start, semester_end) = if date < second_start {
        (
            1,
            school_year_start,
            second_start.pred_opt().unwrap_or(NaiveDate::MAX),
        )
    } else {
        (2, second_start, school_year_end)
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
