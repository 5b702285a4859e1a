//! Training functions (RULES §9) for JS.

use crate::convert::enum_str;
use crate::errors::{Result, core, guard};
use crate::policy::{Finding, JsPolicy, findings, policy};
use napi_derive::napi;
use ntpc_policy::training as tr;

/// One person's security training this year.
#[napi(object)]
pub struct SecurityTrainingCheck {
    /// `pass` or `fail`.
    #[napi(ts_type = "'pass' | 'warn' | 'fail'")]
    pub verdict: String,
    /// Hours completed.
    pub hours: f64,
    /// Hours required a year (3).
    pub required_hours: u32,
    /// Hours still missing.
    pub missing_hours: f64,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// A school's smart-learning certification progress.
#[napi(object)]
pub struct SmartLearningProgress {
    /// `pass` or `fail`.
    #[napi(ts_type = "'pass' | 'warn' | 'fail'")]
    pub verdict: String,
    /// The teacher quota.
    pub teacher_quota: u32,
    /// Teachers to certify this year.
    pub required: u32,
    /// Teachers certified.
    pub certified: u32,
    /// Still to certify.
    pub remaining: u32,
    /// Hours of the certification (6).
    pub hours_per_teacher: u32,
    /// ROC year by which every teacher is certified.
    pub all_teachers_by_roc_year: i32,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// One person's security-training hours against the yearly requirement (3 h).
#[napi(strict)]
pub fn security_training(hours: f64, policy: Option<&JsPolicy>) -> Result<SecurityTrainingCheck> {
    guard(|| {
        let r = core(tr::security_training(hours, self::policy(&policy)))?;
        Ok(SecurityTrainingCheck {
            verdict: enum_str(&r.verdict),
            hours: r.hours,
            required_hours: r.required_hours,
            missing_hours: r.missing_hours,
            findings: findings(&r.findings),
        })
    })
}

/// A school's progress against its smart-learning quota (ceil of 1/5 of the teacher quota).
#[napi(strict)]
pub fn smart_learning_progress(
    teacher_quota: f64,
    certified: f64,
    policy: Option<&JsPolicy>,
) -> Result<SmartLearningProgress> {
    guard(|| {
        let teacher_quota = crate::convert::count("teacher_quota", teacher_quota)?;
        let certified = crate::convert::count("certified", certified)?;
        let r = core(tr::smart_learning_progress(
            teacher_quota,
            certified,
            self::policy(&policy),
        ))?;
        Ok(SmartLearningProgress {
            verdict: enum_str(&r.verdict),
            teacher_quota: r.teacher_quota,
            required: r.required,
            certified: r.certified,
            remaining: r.remaining,
            hours_per_teacher: r.hours_per_teacher,
            all_teachers_by_roc_year: r.all_teachers_by_roc_year,
            findings: findings(&r.findings),
        })
    })
}
