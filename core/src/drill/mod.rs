//! Incident report drills (通報演練): the limit of the edition, overtime per
//! school, and the list by overtime (RULES §7; seed 000 PART FOUR (一)1: 4 hours
//! in 109, (二)2: 1 hour from 110).
//!
//! Each drill is judged by the limit in force on its notice date
//! (`policy.drill.editions`: 4 h from 2020 (ROC 109), 1 h from 2021 (110)), as
//! incidents are by their date, unless the policy pins one limit for every drill
//! (`policy.drill.report_limit_hours`; edition `ntpc-109` pins 4 h). Results name
//! the edition and the limit used.
//!
//! ```
//! use ntpc_policy::{Policy, drill::{self, DrillReport}};
//! let reports: Vec<DrillReport> = serde_json::from_value(serde_json::json!([
//!   {"school": "014601", "notified_at": "110/09/06 09:00", "reported_at": "110/09/06 10:30"},
//!   {"school": "014602", "notified_at": "110/09/06 09:00", "reported_at": "110/09/06 09:40"}
//! ])).unwrap();
//! let now = ntpc_policy::calendar::parse_datetime("110/09/30 00:00").unwrap();
//! let r = drill::rank(&reports, now, &Policy::default());
//! assert_eq!((r.schools[0].school.as_str(), r.schools[0].overtime_minutes), ("014601", 30));
//! assert_eq!(r.schools[1].rank, None); // on time: no rank
//! let old = drill::rank(&reports, now, &Policy::edition("ntpc-109").unwrap());
//! assert_eq!(old.late_schools, 0); // 4 hours in 109
//! ```

use crate::calendar;

mod file;
use crate::codes::Code;
use crate::error::Result;
use crate::finding::{Finding, Verdict};
use crate::import::{self, ColumnSpec, DrillImport, ImportOptions, Row, RowError, Schema};
use crate::incident::Status;
use crate::incident::clock::{
    add_hours, de_datetime, de_opt_datetime, delay_minutes, local_text, margin_minutes, text_en,
    text_zh,
};
use crate::policy::Policy;
use chrono::{DateTime, FixedOffset};
pub use file::rank_file;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One school's report in one drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DrillReport {
    /// The school (its code, or its name when the list has no codes).
    pub school: String,
    /// The school's name, for display.
    #[serde(default)]
    pub school_name: Option<String>,
    /// The drill round (梯次), for display.
    #[serde(default)]
    pub drill: Option<String>,
    /// When the drill notice reached the school.
    #[serde(deserialize_with = "de_datetime")]
    pub notified_at: DateTime<FixedOffset>,
    /// When the school reported; `None` when it has not.
    #[serde(default, deserialize_with = "de_opt_datetime")]
    pub reported_at: Option<DateTime<FixedOffset>>,
}

/// One drill report judged against the limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrillCheck {
    /// The school.
    pub school: String,
    /// The drill round, when given.
    pub drill: Option<String>,
    /// The drill edition in force on the notice date (`109`, `110`); `None` when
    /// the policy pins the limit.
    pub edition: Option<String>,
    /// The limit in hours.
    pub limit_hours: u32,
    /// The notice time.
    pub notified_at: DateTime<FixedOffset>,
    /// Notice + limit.
    pub deadline: Option<DateTime<FixedOffset>>,
    /// The report time, when reported.
    pub reported_at: Option<DateTime<FixedOffset>>,
    /// `met`, `late`, `open` or `overdue`.
    pub status: Status,
    /// Whole minutes past the deadline, rounded up (0 when on time or open).
    pub overtime_minutes: i64,
    /// Whole minutes to spare or left, rounded down (met, open).
    pub margin_minutes: Option<i64>,
    /// `fail` when late or overdue.
    pub verdict: Verdict,
    /// Why.
    pub findings: Vec<Finding>,
}

/// Judges one drill report at `now`. Decided: a report exactly at the deadline is
/// on time; one not yet made counts as overdue once the deadline has passed, its
/// overtime running to `now`.
///
/// ```
/// use ntpc_policy::{Policy, drill::{self, DrillReport}, incident::Status};
/// let r: DrillReport = serde_json::from_value(serde_json::json!(
///   {"school": "014601", "notified_at": "2021-09-06T09:00:00+08:00", "reported_at": "2021-09-06T10:01:00+08:00"}
/// )).unwrap();
/// let now = ntpc_policy::calendar::parse_datetime("2021-09-07T00:00:00+08:00").unwrap();
/// let c = drill::evaluate(&r, now, &Policy::default());
/// assert_eq!((c.status, c.overtime_minutes), (Status::Late, 1));
/// ```
pub fn evaluate(report: &DrillReport, now: DateTime<FixedOffset>, policy: &Policy) -> DrillCheck {
    let (edition, limit) = limit_for(report.notified_at, policy);
    let deadline = add_hours(report.notified_at, limit);
    let (status, overtime, margin) = match (deadline, report.reported_at) {
        (None, _) => (Status::Unknown, 0, None),
        (Some(d), Some(r)) if r <= d => (Status::Met, 0, Some(margin_minutes(d, r))),
        (Some(d), Some(r)) => (Status::Late, delay_minutes(r, d), None),
        (Some(d), None) if now <= d => (Status::Open, 0, Some(margin_minutes(d, now))),
        (Some(d), None) => (Status::Overdue, delay_minutes(now, d), None),
    };
    let dl = deadline.map(local_text).unwrap_or_default();
    let findings: Vec<Finding> = match status {
        Status::Late => vec![
            Finding::new(Code::DrillLate)
                .with("deadline", dl)
                .with("limit_hours", limit)
                .with(
                    "reported_at",
                    report.reported_at.map(local_text).unwrap_or_default(),
                )
                .with("overtime_minutes", overtime)
                .with("overtime", text_en(overtime))
                .with("overtime_zh", text_zh(overtime)),
        ],
        Status::Overdue => vec![
            Finding::new(Code::DrillOverdue)
                .with("deadline", dl)
                .with("now", local_text(now))
                .with("overtime_minutes", overtime)
                .with("overtime", text_en(overtime))
                .with("overtime_zh", text_zh(overtime)),
        ],
        Status::Open => {
            let m = margin.unwrap_or(0);
            vec![
                Finding::new(Code::DrillOpen)
                    .with("deadline", dl)
                    .with("margin_minutes", m)
                    .with("margin", text_en(m))
                    .with("margin_zh", text_zh(m)),
            ]
        }
        Status::Unknown if deadline.is_none() => vec![
            Finding::new(Code::DrillBeyondCalendar)
                .with("notified_at", local_text(report.notified_at))
                .with("limit_hours", limit),
        ],
        Status::Met | Status::Unknown => Vec::new(),
    };
    let mut findings = findings;
    // A report before its notice cannot be right (as for incidents, RULES §7).
    if let Some(r) = report.reported_at.filter(|r| *r < report.notified_at) {
        findings.push(
            Finding::new(Code::DrillTimeOrder)
                .with("reported_at", local_text(r))
                .with("notified_at", local_text(report.notified_at)),
        );
    }
    DrillCheck {
        school: report.school.clone(),
        drill: report.drill.clone(),
        edition,
        limit_hours: limit,
        notified_at: report.notified_at,
        deadline,
        reported_at: report.reported_at,
        status,
        overtime_minutes: overtime,
        margin_minutes: margin,
        verdict: Verdict::of(&findings),
        findings,
    }
}

/// The limit of a drill notified at `notified_at`: the pinned one, else the
/// edition in force on the Taipei notice date (the earliest for a date before
/// all). With no edition at all (a policy file emptied the list and pinned
/// nothing, which validation refuses) the answer is 1 h of the seed's 110.
fn limit_for(notified_at: DateTime<FixedOffset>, policy: &Policy) -> (Option<String>, u32) {
    let d = &policy.drill;
    if let Some(h) = d.report_limit_hours {
        return (None, h);
    }
    let day = notified_at.with_timezone(&calendar::taipei()).date_naive();
    d.editions
        .iter()
        .filter(|e| e.effective_from <= day)
        .max_by_key(|e| e.effective_from)
        .or_else(|| d.editions.iter().min_by_key(|e| e.effective_from))
        .map_or((None, 1), |e| (Some(e.name.clone()), e.report_limit_hours))
}

/// A school's drill overtime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchoolOvertime {
    /// Rank by overtime (1 = most; equal overtimes share a rank, the next rank
    /// skips); `None` for a school with no overtime.
    pub rank: Option<u32>,
    /// The school.
    pub school: String,
    /// Its name, when a report gave one.
    pub school_name: Option<String>,
    /// Drill reports of the school in the list.
    pub drills: usize,
    /// Reported late.
    pub late: usize,
    /// Not reported, past the deadline.
    pub overdue: usize,
    /// Not reported, deadline ahead.
    pub open: usize,
    /// Total overtime in minutes over its drills.
    pub overtime_minutes: i64,
    /// The same as text: `1 h 5 min`.
    pub overtime: String,
    /// The same in Chinese: `1 小時 5 分`.
    pub overtime_zh: String,
}

/// The drill list of all schools, by overtime.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrillRanking {
    /// The policy edition of the call.
    pub edition: String,
    /// The limit in hours when every report had the same one (each report's own
    /// limit is in `drills`); `None` for a list spanning editions or empty.
    pub limit_hours: Option<u32>,
    /// Schools with overtime.
    pub late_schools: usize,
    /// Every school, most overtime first, then by school.
    pub schools: Vec<SchoolOvertime>,
    /// Every report judged, in input order.
    pub drills: Vec<DrillCheck>,
}

/// Overtime per school, and the list sorted by overtime descending.
///
/// Decided: a school's overtime is the sum over its reports in the list (two
/// rounds late by 30 and 20 minutes make 50); ranks count only schools with
/// overtime (competition ranking: 1, 2, 2, 4); ties are listed by school.
pub fn rank(reports: &[DrillReport], now: DateTime<FixedOffset>, policy: &Policy) -> DrillRanking {
    let drills: Vec<DrillCheck> = reports.iter().map(|r| evaluate(r, now, policy)).collect();
    let mut per: BTreeMap<&str, SchoolOvertime> = BTreeMap::new();
    for (r, c) in reports.iter().zip(&drills) {
        let s = per
            .entry(r.school.as_str())
            .or_insert_with(|| SchoolOvertime {
                rank: None,
                school: r.school.clone(),
                school_name: None,
                drills: 0,
                late: 0,
                overdue: 0,
                open: 0,
                overtime_minutes: 0,
                overtime: String::new(),
                overtime_zh: String::new(),
            });
        if s.school_name.is_none() {
            s.school_name = r.school_name.clone().filter(|n| !n.trim().is_empty());
        }
        s.drills += 1;
        match c.status {
            Status::Late => s.late += 1,
            Status::Overdue => s.overdue += 1,
            Status::Open => s.open += 1,
            Status::Met | Status::Unknown => {}
        }
        s.overtime_minutes = s.overtime_minutes.saturating_add(c.overtime_minutes);
    }
    let mut schools: Vec<SchoolOvertime> = per.into_values().collect();
    schools.sort_by(|a, b| {
        b.overtime_minutes
            .cmp(&a.overtime_minutes)
            .then_with(|| a.school.cmp(&b.school))
    });
    let values: Vec<i64> = schools.iter().map(|s| s.overtime_minutes).collect();
    for (s, r) in schools.iter_mut().zip(competition_ranks(&values)) {
        s.rank = r;
        s.overtime = text_en(s.overtime_minutes);
        s.overtime_zh = text_zh(s.overtime_minutes);
    }
    DrillRanking {
        edition: policy.edition.clone(),
        limit_hours: match drills.first() {
            Some(f) if drills.iter().all(|c| c.limit_hours == f.limit_hours) => Some(f.limit_hours),
            _ => policy
                .drill
                .report_limit_hours
                .filter(|_| drills.is_empty()),
        },
        late_schools: schools.iter().filter(|s| s.overtime_minutes > 0).count(),
        schools,
        drills,
    }
}

/// Competition ranks of values sorted descending: equal values share a rank, the
/// next rank skips (1, 2, 2, 4); values ≤ 0 get none.
pub(crate) fn competition_ranks(sorted_desc: &[i64]) -> Vec<Option<u32>> {
    let mut out = Vec::with_capacity(sorted_desc.len());
    let mut current = 0u32;
    for (i, v) in sorted_desc.iter().enumerate() {
        if *v <= 0 {
            out.push(None);
            continue;
        }
        if i == 0 || sorted_desc[i - 1] != *v {
            current = u32::try_from(i + 1).unwrap_or(u32::MAX);
        }
        out.push(Some(current));
    }
    out
}

/// The header table of [`DrillReport`].
pub const DRILL_SCHEMA: Schema = Schema {
    record: "drill report",
    record_zh: "演練通報",
    columns: &[
        ColumnSpec {
            field: "school",
            headers: &["學校代碼", "學校", "通報單位", "school", "school_code"],
            required: true,
        },
        ColumnSpec {
            field: "school_name",
            headers: &["學校名稱", "校名", "school_name"],
            required: false,
        },
        ColumnSpec {
            field: "drill",
            headers: &["梯次", "演練梯次", "drill"],
            required: false,
        },
        ColumnSpec {
            field: "notified_at",
            headers: &["通知時間", "演練通知時間", "notified_at"],
            required: true,
        },
        ColumnSpec {
            field: "reported_at",
            headers: &["通報時間", "完成通報時間", "reported_at"],
            required: false,
        },
    ],
    skip_prefixes: &[],
    groups: None,
    unique: None,
};

/// Reads drill reports from a CSV/TSV file (see [`crate::import`]).
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, drill};
/// let csv = "學校代碼,梯次,通知時間,通報時間\n014601,第一梯,110/09/06 09:00,110/09/06 09:59\n";
/// let got = drill::import(csv.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(got.records[0].drill.as_deref(), Some("第一梯"));
/// ```
pub fn import(data: &[u8], options: &ImportOptions, policy: &Policy) -> Result<DrillImport> {
    import::import_with(data, &DRILL_SCHEMA, options, policy, report_of)
}

fn report_of(row: &Row) -> std::result::Result<DrillReport, RowError> {
    Ok(DrillReport {
        school: row.required("school")?.to_owned(),
        school_name: row.get("school_name").map(str::to_owned),
        drill: row.get("drill").map(str::to_owned),
        notified_at: row.parse_date_required("notified_at", calendar::parse_datetime)?,
        reported_at: row.parse_date("reported_at", calendar::parse_datetime)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_like_a_competition() {
        assert_eq!(
            competition_ranks(&[9, 5, 5, 2, 0, 0]),
            [Some(1), Some(2), Some(2), Some(4), None, None]
        );
        assert!(competition_ranks(&[]).is_empty());
    }
}
