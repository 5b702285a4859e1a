//! Training quotas (RULES §9).
//!
//! Every staff member takes **3 hours** of security training a year (seed 000
//! PART FOUR (一)3, (二)3). Smart-learning certification (seed 001 §陸.一.(五)):
//! 6 hours; this school year at least **1/5** of each school's teacher quota —
//! Decided (RULES §9): rounded up — and every teacher by ROC 114. The numbers
//! come from `policy.training`.
//!
//! ```
//! use ntpc_policy::{Policy, Verdict, training};
//! let p = Policy::default();
//! assert_eq!(training::security_training(2.5, &p).unwrap().verdict, Verdict::Fail);
//! assert_eq!(training::smart_learning_progress(48, 10, &p).unwrap().required, 10); // ceil(48/5)
//! ```

use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::{Finding, Verdict};
use crate::policy::Policy;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One person's security training this year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SecurityTrainingCheck {
    /// `pass` when the hours are enough.
    pub verdict: Verdict,
    /// Hours completed.
    pub hours: f64,
    /// Hours required a year (3).
    pub required_hours: u32,
    /// Hours still missing (0 when done).
    pub missing_hours: f64,
    /// Why.
    pub findings: Vec<Finding>,
}

/// A school's smart-learning certification progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SmartLearningProgress {
    /// `pass` when the quota is met.
    pub verdict: Verdict,
    /// The school's teacher quota (教師員額).
    pub teacher_quota: u32,
    /// Teachers to certify this year: ceil(quota × 1/5).
    pub required: u32,
    /// Teachers certified.
    pub certified: u32,
    /// Still to certify (0 when met).
    pub remaining: u32,
    /// Hours of the certification (6).
    pub hours_per_teacher: u32,
    /// ROC year by which every teacher is certified (114).
    pub all_teachers_by_roc_year: i32,
    /// The day the share is due (111/07/31).
    pub quota_due: NaiveDate,
    /// The day every teacher is due (114/12/31).
    pub all_due: NaiveDate,
    /// Why.
    pub findings: Vec<Finding>,
}

/// Checks one person's security-training hours for the year. Hours must be a
/// finite number ≥ 0 (`input.invalid_argument` otherwise).
///
/// ```
/// use ntpc_policy::{Policy, training::security_training};
/// assert_eq!(security_training(3.0, &Policy::default()).unwrap().missing_hours, 0.0);
/// assert!(security_training(-1.0, &Policy::default()).is_err());
/// ```
pub fn security_training(hours: f64, policy: &Policy) -> Result<SecurityTrainingCheck> {
    if !hours.is_finite() || hours < 0.0 {
        return Err(PolicyError::invalid_bilingual(
            "hours",
            format!("{hours} is not a number of hours ≥ 0"),
            format!("{hours} 不是 0 以上的時數"),
        ));
    }
    let required = policy.training.security_hours_per_year;
    let missing = (f64::from(required) - hours).max(0.0);
    let mut findings = Vec::new();
    if missing > 0.0 {
        findings.push(
            Finding::new(Code::TrainingSecurityHoursShort)
                .with("hours", hours)
                .with("required", required)
                .with("missing", missing),
        );
    }
    Ok(SecurityTrainingCheck {
        verdict: Verdict::of(&findings),
        hours,
        required_hours: required,
        missing_hours: missing,
        findings,
    })
}

/// A school's progress against its smart-learning quota (ceil of 1/5 of the
/// teacher quota). More certified teachers than the quota is `input.invalid_argument`.
///
/// ```
/// use ntpc_policy::{Policy, Verdict, training::smart_learning_progress};
/// let r = smart_learning_progress(50, 10, &Policy::default()).unwrap();
/// assert_eq!((r.required, r.remaining, r.verdict), (10, 0, Verdict::Pass));
/// ```
pub fn smart_learning_progress(
    teacher_quota: u32,
    certified: u32,
    policy: &Policy,
) -> Result<SmartLearningProgress> {
    let t = &policy.training;
    if certified > teacher_quota {
        return Err(PolicyError::invalid_bilingual(
            "certified",
            format!("{certified} certified teachers exceed the teacher quota of {teacher_quota}"),
            format!("已認證 {certified} 人，超過教師員額 {teacher_quota} 人"),
        ));
    }
    if t.smart_learning_share_denominator == 0 {
        return Err(PolicyError::invalid_bilingual(
            "policy.training",
            "the share's denominator is 0",
            "比例的分母為 0",
        ));
    }
    let num = u64::from(teacher_quota) * u64::from(t.smart_learning_share_numerator);
    let required = u32::try_from(num.div_ceil(u64::from(t.smart_learning_share_denominator)))
        .unwrap_or(u32::MAX)
        .min(teacher_quota);
    let remaining = required.saturating_sub(certified);
    let mut findings = Vec::new();
    if remaining > 0 {
        findings.push(
            Finding::new(Code::TrainingSmartLearningShort)
                .with("required", required)
                .with("teacher_quota", teacher_quota)
                .with(
                    "share",
                    format!(
                        "{}/{}",
                        t.smart_learning_share_numerator, t.smart_learning_share_denominator
                    ),
                )
                .with("certified", certified)
                .with("remaining", remaining),
        );
    }
    Ok(SmartLearningProgress {
        verdict: Verdict::of(&findings),
        teacher_quota,
        required,
        certified,
        remaining,
        hours_per_teacher: t.smart_learning_hours,
        all_teachers_by_roc_year: t.smart_learning_all_by_roc_year,
        quota_due: t.smart_learning_quota_due,
        all_due: t.smart_learning_all_due,
        findings,
    })
}

/// One teacher's smart-learning hours (seed 001 §陸.一.(五): 3 h of the city's
/// required course + 3 h on a learning platform).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct TeacherHours {
    /// Whatever tells teachers apart (a name, a staff number); echoed back.
    pub teacher: String,
    /// Hours of the city's required course (新北必修課) completed.
    #[serde(default)]
    pub city_hours: f64,
    /// Hours on a learning platform (學習平台必選修) completed.
    #[serde(default)]
    pub platform_hours: f64,
}

/// Where a target stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// Reached.
    Met,
    /// Not reached; the due day is today or ahead.
    Open,
    /// Not reached; the due day has passed.
    Overdue,
}

/// One teacher's certification on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TeacherCertification {
    /// The teacher, as given.
    pub teacher: String,
    /// City-course hours completed.
    pub city_hours: f64,
    /// City-course hours still missing (0 when done).
    pub city_missing: f64,
    /// Platform hours completed.
    pub platform_hours: f64,
    /// Platform hours still missing (0 when done).
    pub platform_missing: f64,
    /// Both parts complete: certified.
    pub certified: bool,
    /// The day every teacher is due (114/12/31).
    pub due: NaiveDate,
    /// Days from `today` to `due` (negative once past).
    pub days_left: i64,
    /// Met, open or overdue.
    pub status: TargetStatus,
    /// `fail` once overdue.
    pub verdict: Verdict,
    /// Why.
    pub findings: Vec<Finding>,
}

/// One target of a school on a day: the ⌈1/5⌉ share, or every teacher.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchoolTarget {
    /// Teachers the target needs.
    pub required: u32,
    /// Teachers certified.
    pub certified: u32,
    /// Still to certify (0 when met).
    pub remaining: u32,
    /// The due day.
    pub due: NaiveDate,
    /// Days from `today` to `due` (negative once past).
    pub days_left: i64,
    /// Met, open or overdue.
    pub status: TargetStatus,
}

/// A school's smart-learning certification on a day, per teacher and against
/// both dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchoolCertification {
    /// The day judged.
    pub today: NaiveDate,
    /// The teacher quota (教師員額) the share is taken of.
    pub teacher_quota: u32,
    /// The share, e.g. `1/5`.
    pub share: String,
    /// The share of the quota, due 111/07/31.
    pub quota: SchoolTarget,
    /// Every teacher of the quota, due 114/12/31.
    pub all: SchoolTarget,
    /// Each teacher, in input order.
    pub teachers: Vec<TeacherCertification>,
    /// `fail` when a target is overdue.
    pub verdict: Verdict,
    /// Why: the school's targets, then nothing per teacher (see `teachers`).
    pub findings: Vec<Finding>,
}

fn hours_ok(field: &str, h: f64) -> Result<()> {
    if h.is_finite() && h >= 0.0 {
        Ok(())
    } else {
        Err(PolicyError::invalid_bilingual(
            field,
            format!("{h} is not a number of hours ≥ 0"),
            format!("{h} 不是 0 以上的時數"),
        ))
    }
}

fn status_on(done: bool, due: NaiveDate, today: NaiveDate) -> TargetStatus {
    if done {
        TargetStatus::Met
    } else if today <= due {
        TargetStatus::Open
    } else {
        TargetStatus::Overdue
    }
}

fn roc_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{}/{:02}/{:02}",
        d.year() - crate::calendar::ROC_OFFSET,
        d.month(),
        d.day()
    )
}

/// One teacher's smart-learning certification on `today` (seed 001 §陸.一.(五)).
///
/// Decided: each part counts on its own — hours over 3 in one part do not make
/// up for the other (the seed names 3 h of each); a teacher is certified with
/// both parts complete. Not certified by `policy.training.smart_learning_all_due`
/// (114/12/31) is overdue (a violation); before it, open (information).
/// Hours must be finite and ≥ 0.
///
/// ```
/// use ntpc_policy::{Policy, training::{self, TeacherHours, TargetStatus}};
/// let t = TeacherHours { teacher: "王老師".into(), city_hours: 3.0, platform_hours: 1.5 };
/// let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
/// let c = training::smart_learning_teacher(&t, today, &Policy::default()).unwrap();
/// assert_eq!((c.certified, c.platform_missing, c.status), (false, 1.5, TargetStatus::Open));
/// ```
pub fn smart_learning_teacher(
    hours: &TeacherHours,
    today: NaiveDate,
    policy: &Policy,
) -> Result<TeacherCertification> {
    hours_ok("city_hours", hours.city_hours)?;
    hours_ok("platform_hours", hours.platform_hours)?;
    let t = &policy.training;
    let city_missing = (f64::from(t.smart_learning_city_hours) - hours.city_hours).max(0.0);
    let platform_missing =
        (f64::from(t.smart_learning_platform_hours) - hours.platform_hours).max(0.0);
    let certified = city_missing == 0.0 && platform_missing == 0.0;
    let due = t.smart_learning_all_due;
    let status = status_on(certified, due, today);
    let mut findings = Vec::new();
    let code = match status {
        TargetStatus::Met => None,
        TargetStatus::Open => Some(Code::TrainingSmartLearningTeacherOpen),
        TargetStatus::Overdue => Some(Code::TrainingSmartLearningTeacherOverdue),
    };
    if let Some(code) = code {
        findings.push(
            Finding::new(code)
                .with("teacher", hours.teacher.clone())
                .with("city_missing", city_missing)
                .with("platform_missing", platform_missing)
                .with("due", due.to_string())
                .with("due_zh", roc_text(due)),
        );
    }
    Ok(TeacherCertification {
        teacher: hours.teacher.clone(),
        city_hours: hours.city_hours,
        city_missing,
        platform_hours: hours.platform_hours,
        platform_missing,
        certified,
        due,
        days_left: (due - today).num_days(),
        status,
        verdict: Verdict::of(&findings),
        findings,
    })
}

/// A school's smart-learning certification on `today`: each teacher, the share
/// of the teacher quota (⌈quota × 1/5⌉) due `policy.training.smart_learning_quota_due`
/// (111/07/31), and every teacher of the quota due `smart_learning_all_due`
/// (114/12/31). `teacher_quota` defaults to the number of teachers listed.
///
/// Decided: a target not reached is open up to and including its due day and
/// overdue after it (`training.smart_learning_quota_overdue`,
/// `training.smart_learning_all_overdue`, violations); open targets are
/// information. More certified teachers than the quota is
/// `input.invalid_argument`, as in [`smart_learning_progress`].
///
/// ```
/// use ntpc_policy::{Policy, training::{self, TeacherHours, TargetStatus}};
/// let t = |n: &str, c, p| TeacherHours { teacher: n.into(), city_hours: c, platform_hours: p };
/// let list = [t("A", 3.0, 3.0), t("B", 3.0, 0.0), t("C", 0.0, 0.0)];
/// let today = chrono::NaiveDate::from_ymd_opt(2022, 8, 1).unwrap();
/// let s = training::smart_learning_school(&list, Some(10), today, &Policy::default()).unwrap();
/// assert_eq!((s.quota.required, s.quota.certified, s.quota.status), (2, 1, TargetStatus::Overdue));
/// assert_eq!((s.all.required, s.all.remaining, s.all.status), (10, 9, TargetStatus::Open));
/// ```
pub fn smart_learning_school(
    teachers: &[TeacherHours],
    teacher_quota: Option<u32>,
    today: NaiveDate,
    policy: &Policy,
) -> Result<SchoolCertification> {
    let rows = teachers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            smart_learning_teacher(h, today, policy).map_err(|e| match e {
                PolicyError::InvalidArgument {
                    field,
                    reason,
                    reason_zh,
                } => PolicyError::InvalidArgument {
                    field: format!("teachers[{i}].{field}"),
                    reason,
                    reason_zh,
                },
                other => other,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let listed = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let quota = teacher_quota.unwrap_or(listed);
    let certified = u32::try_from(rows.iter().filter(|r| r.certified).count()).unwrap_or(u32::MAX);
    let progress = smart_learning_progress(quota, certified, policy)?;
    let t = &policy.training;
    let target = |required: u32, due: NaiveDate| {
        let remaining = required.saturating_sub(certified);
        SchoolTarget {
            required,
            certified,
            remaining,
            due,
            days_left: (due - today).num_days(),
            status: status_on(remaining == 0, due, today),
        }
    };
    let share_target = target(progress.required, t.smart_learning_quota_due);
    let all_target = target(quota, t.smart_learning_all_due);
    let share = format!(
        "{}/{}",
        t.smart_learning_share_numerator, t.smart_learning_share_denominator
    );
    let mut findings = Vec::new();
    for (target, open, overdue, what) in [
        (
            &share_target,
            Code::TrainingSmartLearningQuotaOpen,
            Code::TrainingSmartLearningQuotaOverdue,
            share.clone(),
        ),
        (
            &all_target,
            Code::TrainingSmartLearningAllOpen,
            Code::TrainingSmartLearningAllOverdue,
            String::new(),
        ),
    ] {
        let code = match target.status {
            TargetStatus::Met => continue,
            TargetStatus::Open => open,
            TargetStatus::Overdue => overdue,
        };
        let mut f = Finding::new(code)
            .with("required", target.required)
            .with("certified", certified)
            .with("remaining", target.remaining)
            .with("due", target.due.to_string())
            .with("due_zh", roc_text(target.due));
        if !what.is_empty() {
            f = f.with("share", what).with("teacher_quota", quota);
        }
        findings.push(f);
    }
    Ok(SchoolCertification {
        today,
        teacher_quota: quota,
        share,
        quota: share_target,
        all: all_target,
        teachers: rows,
        verdict: Verdict::of(&findings),
        findings,
    })
}
