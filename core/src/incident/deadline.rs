//! The deadlines of an incident and whether each was kept (RULES §7).

use super::clock::{add_hours, delay_minutes, local_text, margin_minutes, text_en, text_zh};
use super::record::{Incident, IpInfo, check_level, parse_ip};
use crate::calendar;
use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::{Finding, Verdict};
use crate::policy::{IncidentRegulation, Policy};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// An obligation of the regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// 通報: notify within 1 h of awareness.
    Notify,
    /// 審核: the reviewing authority rates the level within 8 h / 2 h of the notice.
    Review,
    /// 損害控制或復原: within 72 h / 36 h of awareness.
    Recover,
    /// 調查、處理及改善報告: within 1 month after recovery.
    Report,
}

impl Obligation {
    /// All four, in the order they fall due.
    pub const ALL: [Obligation; 4] = [
        Obligation::Notify,
        Obligation::Review,
        Obligation::Recover,
        Obligation::Report,
    ];

    pub(crate) fn names(self) -> (&'static str, &'static str) {
        match self {
            Obligation::Notify => ("Notification", "通報"),
            Obligation::Review => ("Level review", "等級審核"),
            Obligation::Recover => ("Damage control or recovery", "損害控制或復原"),
            Obligation::Report => (
                "Investigation and improvement report",
                "調查、處理及改善報告",
            ),
        }
    }
}

/// Where an obligation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done by the deadline (exactly on it counts).
    Met,
    /// Done after the deadline.
    Late,
    /// Not done; the deadline is still ahead (or is now).
    Open,
    /// Not done; the deadline has passed.
    Overdue,
    /// The deadline cannot be computed: its starting time is missing.
    Unknown,
}

/// A time field of the record that a clock runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum TimeField {
    /// 發生時間.
    OccurredAt,
    /// 知悉時間.
    AwareAt,
    /// 通報時間.
    ReportedAt,
    /// 審核時間.
    ReviewedAt,
    /// 復原時間.
    RecoveredAt,
    /// 報告時間.
    ReportFiledAt,
}

impl TimeField {
    /// Every time field, in the order of the steps.
    pub const ALL: [TimeField; 6] = [
        TimeField::OccurredAt,
        TimeField::AwareAt,
        TimeField::ReportedAt,
        TimeField::ReviewedAt,
        TimeField::RecoveredAt,
        TimeField::ReportFiledAt,
    ];

    /// The record's field name (`aware_at`).
    pub const fn as_str(self) -> &'static str {
        match self {
            TimeField::OccurredAt => "occurred_at",
            TimeField::AwareAt => "aware_at",
            TimeField::ReportedAt => "reported_at",
            TimeField::ReviewedAt => "reviewed_at",
            TimeField::RecoveredAt => "recovered_at",
            TimeField::ReportFiledAt => "report_filed_at",
        }
    }

    pub(crate) fn names(self) -> (&'static str, &'static str) {
        match self {
            TimeField::OccurredAt => ("occurrence time", "發生時間"),
            TimeField::AwareAt => ("awareness time", "知悉時間"),
            TimeField::ReportedAt => ("notification time", "通報時間"),
            TimeField::ReviewedAt => ("review time", "審核時間"),
            TimeField::RecoveredAt => ("recovery time", "復原時間"),
            TimeField::ReportFiledAt => ("report time", "報告時間"),
        }
    }
}

/// One obligation: its deadline and whether it was kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ObligationCheck {
    /// Which obligation.
    pub obligation: Obligation,
    /// The time its clock runs from, when known.
    pub from: Option<TimeField>,
    /// That time.
    pub start: Option<DateTime<FixedOffset>>,
    /// The limit in hours (notify, review, recover).
    pub limit_hours: Option<u32>,
    /// The limit in calendar months (report).
    pub limit_months: Option<u32>,
    /// The deadline, when the start is known.
    pub deadline: Option<DateTime<FixedOffset>>,
    /// The day a period in months ends on (report), after any move for a day off.
    pub last_day: Option<NaiveDate>,
    /// The last day as counted, when it was not an office day and the deadline
    /// moved (行政程序法 §48 ③④; report).
    pub shifted_from: Option<NaiveDate>,
    /// When it was done, when it was.
    pub done_at: Option<DateTime<FixedOffset>>,
    /// Met, late, open, overdue or unknown.
    pub status: Status,
    /// Whole minutes to spare (met) or left (open), rounded down.
    pub margin_minutes: Option<i64>,
    /// Whole minutes late (late, overdue), rounded up.
    pub delay_minutes: Option<i64>,
}

/// An incident judged against the regulation of its date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IncidentCheck {
    /// 編號.
    pub id: String,
    /// 通報單位: the group's name in a grouped export, else the cell verbatim.
    pub unit: String,
    /// The row's own 通報單位 cell, when `unit` came from its group line.
    pub unit_as_written: Option<String>,
    /// The reviewed level.
    pub level: u8,
    /// The level of the notice, when given.
    pub reported_level: Option<u8>,
    /// The regulation edition applied (its name, e.g. `2021-08-23`).
    pub regulation: String,
    /// What the notify and recover clocks run from: `aware_at`, or `occurred_at`
    /// when no awareness time is given; `None` when neither is.
    pub basis: Option<TimeField>,
    /// The IP cell read, when there is one.
    pub ip: Option<IpInfo>,
    /// Notify, review, recover, report (level 0: notify and review only).
    pub obligations: Vec<ObligationCheck>,
    /// `fail` when an obligation is late or overdue; `warn` for suspicious times.
    pub verdict: Verdict,
    /// Why.
    pub findings: Vec<Finding>,
}

/// The regulation edition for a day: the latest in force on it; a day before
/// every edition gets the earliest (and `true`).
pub(crate) fn regulation_for(
    day: NaiveDate,
    policy: &Policy,
) -> Result<(&IncidentRegulation, bool)> {
    let regs = &policy.incident.regulations;
    let first = regs.first().ok_or_else(|| {
        PolicyError::invalid_bilingual(
            "policy.incident.regulations",
            "no regulation edition",
            "沒有任何辦法版本",
        )
    })?;
    Ok(regs
        .iter()
        .filter(|r| r.effective_from <= day)
        .max_by_key(|r| r.effective_from)
        .map_or((first, day < first.effective_from), |r| (r, false)))
}

/// Judges one incident at `now`.
///
/// - **Edition** (decided): the regulation in force on the Taipei date of the
///   clock's basis — awareness, else occurrence, else notification; with none of
///   them, the date of `now`. A date before every edition on file uses the
///   earliest edition and says so (`incident.earliest_regulation`).
/// - **Basis** (RULES §7): notify (1 h) and recover (72 h / 36 h) run from
///   `aware_at`; the department's table has no awareness time, so without it they
///   run from `occurred_at` and the result says `basis: occurred_at`.
/// - **Review** runs from `reported_at`; **report** from `recovered_at`, plus
///   calendar months as 行政程序法 §48 counts them ([`calendar::add_months`]): the
///   day of recovery is not counted, the period ends at the end (24:00) of its
///   last day, a month without the corresponding day ends on its last day, and a
///   last day that is not an office day of the office calendar moves to the end
///   of the next office day (a Saturday: to noon of it). Recovered 2022-01-31
///   10:00 → due 2022-02-28 24:00. The move is explained by a
///   `calendar.period_shifted` finding; a last day in a year the office calendar
///   does not cover gives `calendar.not_covered` (a warning). Hour periods run
///   continuously (§48 ①).
/// - **Level change** (decided): `level` is the reviewed level. The review limit
///   follows the level of the notice (`reported_level` when given): the reviewer's
///   clock is set by what was reported. Recovery follows the reviewed level, still
///   from awareness: a 2→3 change shortens recovery from 72 h to 36 h.
/// - **Level 0** (decided): an unconfirmed ticket still must be notified and
///   reviewed (with the level 1–2 limit); recovery and the report apply only once
///   a level is confirmed, so they are not listed.
/// - **Status**: done by the deadline → `met` (exactly on it is met); done after →
///   `late`; not done → `open` until the deadline (inclusive), then `overdue`;
///   start unknown → `unknown`. Decided: margins are whole minutes rounded down,
///   delays whole minutes rounded up (one second late shows as 1 minute late).
///
/// A level over `policy.incident.max_level` is `input.invalid_argument`; a report
/// period ending after 9999-12-31 is `calendar.out_of_range`.
///
/// ```
/// use ntpc_policy::{Policy, incident::{self, Incident, Status}};
/// let row: Incident = serde_json::from_value(serde_json::json!({
///     "id": "190902", "unit": "新北市三重區 [REDACTED] 國民小學", "level": 1,
///     "occurred_at": "2021/03/29 07:42", "reported_at": "2021/03/29 08:37",
///     "reviewed_at": "2021/03/29 10:09" })).unwrap();
/// let now = ntpc_policy::calendar::parse_datetime("2021/03/29 12:00").unwrap();
/// let r = incident::evaluate(&row, now, &Policy::default()).unwrap();
/// assert_eq!((r.obligations[0].status, r.obligations[0].margin_minutes), (Status::Met, Some(5)));
/// assert_eq!(r.obligations[1].margin_minutes, Some(388));
/// assert_eq!(r.obligations[2].status, Status::Open);
/// ```
pub fn evaluate(
    incident: &Incident,
    now: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<IncidentCheck> {
    let max = policy.incident.max_level;
    check_level("level", incident.level, max)?;
    if let Some(l) = incident.reported_level {
        check_level("reported_level", l, max)?;
    }
    let mut findings = Vec::new();
    let basis = match (incident.aware_at, incident.occurred_at) {
        (Some(t), _) => Some((TimeField::AwareAt, t)),
        (None, Some(t)) => {
            // Without an awareness column the file says it once (item 2, issue 16).
            if !incident.not_recorded.contains(&TimeField::AwareAt) {
                findings.push(
                    Finding::new(Code::IncidentBasisOccurred).with("occurred_at", local_text(t)),
                );
            }
            Some((TimeField::OccurredAt, t))
        }
        (None, None) => None,
    };
    let dated = basis
        .map(|(_, t)| t)
        .or(incident.reported_at)
        .unwrap_or(now);
    let day = dated.with_timezone(&calendar::taipei()).date_naive();
    let (reg, before_all) = regulation_for(day, policy)?;
    if before_all {
        findings.push(
            Finding::new(Code::IncidentEarliestRegulation)
                .with("date", day.to_string())
                .with("regulation", reg.name.clone()),
        );
    }
    if incident.level == 0 {
        findings.push(Finding::new(Code::IncidentUnconfirmed));
    }
    if let Some(r) = incident.reported_level.filter(|r| *r != incident.level) {
        findings.push(
            Finding::new(Code::IncidentLevelChanged)
                .with("reported_level", r)
                .with("level", incident.level),
        );
    }
    time_order(incident, &mut findings);

    let mut period_findings = Vec::new();
    let high = |level: u8| level >= policy.incident.high_level_min;
    let review_level = incident.reported_level.unwrap_or(incident.level);
    let mut obligations = vec![
        by_hours(
            Obligation::Notify,
            basis,
            reg.notify_hours,
            incident.reported_at,
            now,
        )?,
        by_hours(
            Obligation::Review,
            incident.reported_at.map(|t| (TimeField::ReportedAt, t)),
            if high(review_level) {
                reg.review_hours_high
            } else {
                reg.review_hours_low
            },
            incident.reviewed_at,
            now,
        )?,
    ];
    if incident.level > 0 {
        obligations.push(by_hours(
            Obligation::Recover,
            basis,
            if high(incident.level) {
                reg.recover_hours_high
            } else {
                reg.recover_hours_low
            },
            incident.recovered_at,
            now,
        )?);
        let start = incident.recovered_at;
        let period = start
            .map(|s| calendar::add_months(s, reg.report_months, policy))
            .transpose()?;
        let mut c = judge(
            Obligation::Report,
            start.map(|t| (TimeField::RecoveredAt, t)),
            period.as_ref().map(|p| p.end),
            incident.report_filed_at,
            now,
        );
        c.limit_months = Some(reg.report_months);
        if let Some(p) = period {
            c.last_day = Some(p.last_day);
            c.shifted_from = p.shifted_from;
            period_findings = p.findings;
        }
        obligations.push(c);
    }
    // A duty done at a time the source does not record cannot be judged: its
    // status is `unknown`, not `overdue` (issue 16 item 2); a start time the
    // source does not record is not repeated per row either.
    let absent = |f: TimeField| incident.not_recorded.contains(&f);
    let fields = |o: Obligation| match o {
        Obligation::Notify => (
            &[TimeField::AwareAt, TimeField::OccurredAt][..],
            TimeField::ReportedAt,
        ),
        Obligation::Review => (&[TimeField::ReportedAt][..], TimeField::ReviewedAt),
        Obligation::Recover => (
            &[TimeField::AwareAt, TimeField::OccurredAt][..],
            TimeField::RecoveredAt,
        ),
        Obligation::Report => (&[TimeField::RecoveredAt][..], TimeField::ReportFiledAt),
    };
    for c in &mut obligations {
        if c.done_at.is_none() && absent(fields(c.obligation).1) {
            c.status = Status::Unknown;
            c.margin_minutes = None;
            c.delay_minutes = None;
        }
    }
    findings.extend(obligations.iter().filter_map(|c| {
        let (starts, done) = fields(c.obligation);
        let not_recorded = match c.deadline {
            Some(_) => absent(done),
            None => starts.iter().all(|f| absent(*f)),
        };
        if c.status == Status::Unknown && not_recorded {
            None
        } else {
            finding_of(c, now)
        }
    }));
    findings.extend(period_findings);
    Ok(IncidentCheck {
        id: incident.id.clone(),
        unit: incident.unit.clone(),
        unit_as_written: incident.unit_as_written.clone(),
        level: incident.level,
        reported_level: incident.reported_level,
        regulation: reg.name.clone(),
        basis: basis.map(|(f, _)| f),
        ip: incident.ip.as_deref().map(parse_ip),
        obligations,
        verdict: Verdict::of(&findings),
        findings,
    })
}

fn by_hours(
    obligation: Obligation,
    start: Option<(TimeField, DateTime<FixedOffset>)>,
    hours: u32,
    done: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
) -> Result<ObligationCheck> {
    let deadline = match start {
        // A deadline after 9999-12-31 cannot be written: out of range, never
        // an unknown deadline that would let the incident pass.
        Some((_, s)) => Some(
            add_hours(s, hours)
                .ok_or_else(|| calendar::range_error(&format!("{} + {hours} h", local_text(s))))?,
        ),
        None => None,
    };
    let mut c = judge(obligation, start, deadline, done, now);
    c.limit_hours = Some(hours);
    Ok(c)
}

fn judge(
    obligation: Obligation,
    start: Option<(TimeField, DateTime<FixedOffset>)>,
    deadline: Option<DateTime<FixedOffset>>,
    done_at: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
) -> ObligationCheck {
    let (status, margin, delay) = match (deadline, done_at) {
        (None, _) => (Status::Unknown, None, None),
        (Some(d), Some(done)) if done <= d => (Status::Met, Some(margin_minutes(d, done)), None),
        (Some(d), Some(done)) => (Status::Late, None, Some(delay_minutes(done, d))),
        (Some(d), None) if now <= d => (Status::Open, Some(margin_minutes(d, now)), None),
        (Some(d), None) => (Status::Overdue, None, Some(delay_minutes(now, d))),
    };
    ObligationCheck {
        obligation,
        from: start.map(|(f, _)| f),
        start: start.map(|(_, t)| t),
        limit_hours: None,
        limit_months: None,
        deadline,
        last_day: None,
        shifted_from: None,
        done_at,
        status,
        margin_minutes: margin,
        delay_minutes: delay,
    }
}

fn finding_of(c: &ObligationCheck, now: DateTime<FixedOffset>) -> Option<Finding> {
    let (en, zh) = c.obligation.names();
    let base = |code| {
        Finding::new(code)
            .with("obligation", en)
            .with("obligation_zh", zh)
    };
    // A period in months ends at the end of its last day: `2022-02-28 24:00`.
    let deadline = match (c.last_day, c.deadline) {
        (Some(day), Some(d)) if d.with_timezone(&calendar::taipei()).time() == NaiveTime::MIN => {
            format!("{day} 24:00")
        }
        (_, d) => d.map(local_text).unwrap_or_default(),
    };
    match c.status {
        Status::Met => None,
        Status::Late => {
            let m = c.delay_minutes.unwrap_or(0);
            Some(
                base(Code::IncidentLate)
                    .with("deadline", deadline)
                    .with("done_at", c.done_at.map(local_text).unwrap_or_default())
                    .with("delay_minutes", m)
                    .with("delay", text_en(m))
                    .with("delay_zh", text_zh(m)),
            )
        }
        Status::Overdue => {
            let m = c.delay_minutes.unwrap_or(0);
            Some(
                base(Code::IncidentOverdue)
                    .with("deadline", deadline)
                    .with("now", local_text(now))
                    .with("delay_minutes", m)
                    .with("delay", text_en(m))
                    .with("delay_zh", text_zh(m)),
            )
        }
        Status::Open => {
            let m = c.margin_minutes.unwrap_or(0);
            Some(
                base(Code::IncidentOpen)
                    .with("deadline", deadline)
                    .with("margin_minutes", m)
                    .with("margin", text_en(m))
                    .with("margin_zh", text_zh(m)),
            )
        }
        Status::Unknown => {
            let (m_en, m_zh) = match c.obligation {
                Obligation::Notify | Obligation::Recover => {
                    ("awareness or occurrence time", "知悉時間或發生時間")
                }
                Obligation::Review => TimeField::ReportedAt.names(),
                Obligation::Report => TimeField::RecoveredAt.names(),
            };
            Some(
                base(Code::IncidentDeadlineUnknown)
                    .with("missing", m_en)
                    .with("missing_zh", m_zh),
            )
        }
    }
}

/// A warning for each time that is before the step it follows.
fn time_order(i: &Incident, findings: &mut Vec<Finding>) {
    use TimeField as F;
    let start = i
        .aware_at
        .map(|t| (F::AwareAt, t))
        .or(i.occurred_at.map(|t| (F::OccurredAt, t)));
    let pairs = [
        (
            i.occurred_at.map(|t| (F::OccurredAt, t)),
            i.aware_at.map(|t| (F::AwareAt, t)),
        ),
        (start, i.reported_at.map(|t| (F::ReportedAt, t))),
        (
            i.reported_at.map(|t| (F::ReportedAt, t)),
            i.reviewed_at.map(|t| (F::ReviewedAt, t)),
        ),
        (start, i.recovered_at.map(|t| (F::RecoveredAt, t))),
        (
            i.recovered_at.map(|t| (F::RecoveredAt, t)),
            i.report_filed_at.map(|t| (F::ReportFiledAt, t)),
        ),
    ];
    for (earlier, later) in pairs {
        if let (Some((ef, et)), Some((lf, lt))) = (earlier, later)
            && lt < et
        {
            let (l_en, l_zh) = lf.names();
            let (e_en, e_zh) = ef.names();
            findings.push(
                Finding::new(Code::IncidentTimeOrder)
                    .with("later", l_en)
                    .with("later_zh", l_zh)
                    .with("later_at", local_text(lt))
                    .with("earlier", e_en)
                    .with("earlier_zh", e_zh)
                    .with("earlier_at", local_text(et)),
            );
        }
    }
}
