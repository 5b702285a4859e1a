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
use serde::Serialize;

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
        findings,
    })
}
