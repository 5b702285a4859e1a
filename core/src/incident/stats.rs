//! Counts as the department's charts show them (RULES §7; seed 000 PART FOUR
//! 各月份通報案件統計圖, 攻擊分類案件統計圖, 各校通報事件統計, 各年度通報件數統計表).

use super::deadline::{Obligation, Status, evaluate};
use super::record::Incident;
use crate::calendar::{self, ROC_OFFSET};
use crate::policy::Policy;
use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;
use std::collections::BTreeMap;

/// Incidents in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MonthCount {
    /// `2021-02`.
    pub month: String,
    /// The same month in the ROC calendar: `110/02`.
    pub roc_month: String,
    /// Incidents.
    pub count: usize,
}

/// Incidents with one label (subtype or school); `label` is `None` when blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LabelCount {
    /// The text as written, or `None` for a blank cell.
    pub label: Option<String>,
    /// Incidents.
    pub count: usize,
}

/// Incidents in one calendar year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct YearCount {
    /// Gregorian year.
    pub year: i32,
    /// ROC year (民國年).
    pub roc_year: i32,
    /// Incidents.
    pub count: usize,
}

/// Incidents of one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LevelCount {
    /// The level.
    pub level: u8,
    /// Incidents.
    pub count: usize,
}

/// A count per obligation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ObligationCounts {
    /// Notification.
    pub notify: usize,
    /// Level review.
    pub review: usize,
    /// Damage control or recovery.
    pub recover: usize,
    /// Investigation and improvement report.
    pub report: usize,
}

impl ObligationCounts {
    fn bump(&mut self, o: Obligation) {
        match o {
            Obligation::Notify => self.notify += 1,
            Obligation::Review => self.review += 1,
            Obligation::Recover => self.recover += 1,
            Obligation::Report => self.report += 1,
        }
    }
}

/// The statistics of a list of incidents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IncidentStats {
    /// Incidents counted.
    pub total: usize,
    /// Per month, oldest first, every month from the first to the last (gaps as 0).
    pub by_month: Vec<MonthCount>,
    /// Per subtype, most first, then by label.
    pub by_subtype: Vec<LabelCount>,
    /// Per school (通報單位, verbatim), most first, then by label.
    pub by_school: Vec<LabelCount>,
    /// Per year, oldest first (only years with incidents).
    pub by_year: Vec<YearCount>,
    /// Per level, lowest first.
    pub by_level: Vec<LevelCount>,
    /// Incidents with no time to place in a month or year.
    pub undated: usize,
    /// Obligations done after the deadline.
    pub late: ObligationCounts,
    /// Obligations not done with the deadline passed at `now`.
    pub overdue: ObligationCounts,
    /// Incidents with at least one late or overdue obligation.
    pub incidents_late: usize,
    /// Ids of incidents that could not be judged (level out of range).
    pub not_evaluated: Vec<String>,
}

/// Counts incidents by month, subtype, school, year and level, and how many
/// obligations were late or are overdue at `now` (each judged by [`evaluate`]).
///
/// Decided: an incident is placed in the month and year of its notification
/// (通報時間: the charts count reports), else of its occurrence, else of its
/// awareness, in Asia/Taipei; with none it is `undated`. Ties in the label lists
/// are ordered by label (code point order), blank last.
///
/// ```
/// use ntpc_policy::{Policy, incident::{self, Incident}};
/// let rows: Vec<Incident> = serde_json::from_value(serde_json::json!([
///   {"id": "1", "unit": "A", "level": 1, "subtype": "對外攻擊", "reported_at": "2021/03/10 12:06"},
///   {"id": "2", "unit": "A", "level": 1, "subtype": "對外攻擊", "reported_at": "2021/05/01 08:00"}
/// ])).unwrap();
/// let now = ntpc_policy::calendar::parse_datetime("2021-12-07T00:00:00+08:00").unwrap();
/// let s = incident::stats(&rows, now, &Policy::default());
/// assert_eq!(s.by_month.len(), 3); // March, April (0), May
/// assert_eq!(s.by_subtype[0].count, 2);
/// ```
pub fn stats(incidents: &[Incident], now: DateTime<FixedOffset>, policy: &Policy) -> IncidentStats {
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    let mut subtypes: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    let mut schools: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    let mut levels: BTreeMap<u8, usize> = BTreeMap::new();
    let mut s = IncidentStats {
        total: incidents.len(),
        by_month: Vec::new(),
        by_subtype: Vec::new(),
        by_school: Vec::new(),
        by_year: Vec::new(),
        by_level: Vec::new(),
        undated: 0,
        late: ObligationCounts::default(),
        overdue: ObligationCounts::default(),
        incidents_late: 0,
        not_evaluated: Vec::new(),
    };
    for i in incidents {
        match i.reported_at.or(i.occurred_at).or(i.aware_at) {
            Some(t) => {
                let d = t.with_timezone(&calendar::taipei()).date_naive();
                *months.entry((d.year(), d.month())).or_default() += 1;
                *years.entry(d.year()).or_default() += 1;
            }
            None => s.undated += 1,
        }
        *subtypes.entry(label(i.subtype.as_deref())).or_default() += 1;
        *schools.entry(label(Some(&i.unit))).or_default() += 1;
        *levels.entry(i.level).or_default() += 1;
        match evaluate(i, now, policy) {
            Ok(check) => {
                let mut any = false;
                for c in &check.obligations {
                    match c.status {
                        Status::Late => s.late.bump(c.obligation),
                        Status::Overdue => s.overdue.bump(c.obligation),
                        _ => continue,
                    }
                    any = true;
                }
                s.incidents_late += usize::from(any);
            }
            Err(_) => s.not_evaluated.push(i.id.clone()),
        }
    }
    if let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) {
        let mut at = first;
        while at <= last {
            s.by_month.push(MonthCount {
                month: format!("{}-{:02}", at.0, at.1),
                roc_month: format!("{}/{:02}", at.0 - ROC_OFFSET, at.1),
                count: months.get(&at).copied().unwrap_or(0),
            });
            at = if at.1 == 12 {
                (at.0 + 1, 1)
            } else {
                (at.0, at.1 + 1)
            };
        }
    }
    s.by_year = years
        .into_iter()
        .map(|(year, count)| YearCount {
            year,
            roc_year: year - ROC_OFFSET,
            count,
        })
        .collect();
    s.by_level = levels
        .into_iter()
        .map(|(level, count)| LevelCount { level, count })
        .collect();
    s.by_subtype = ranked(subtypes);
    s.by_school = ranked(schools);
    s
}

/// A trimmed label; blank is `None`.
fn label(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// Most first; ties by label, blank (`None`) last.
fn ranked(counts: BTreeMap<Option<&str>, usize>) -> Vec<LabelCount> {
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|(la, ca), (lb, cb)| {
        cb.cmp(ca)
            .then_with(|| la.is_none().cmp(&lb.is_none()))
            .then_with(|| la.cmp(lb))
    });
    v.into_iter()
        .map(|(l, count)| LabelCount {
            label: l.map(str::to_owned),
            count,
        })
        .collect()
}
