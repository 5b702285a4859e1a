//! Training functions (RULES §9) for Kotlin and Swift.

use crate::errors::Result;
use crate::policy::{Finding, Policy, Verdict, findings, policy};
use ntpc_policy::training as tr;
use std::sync::Arc;

/// One person's security training this year.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SecurityTrainingCheck {
    /// Pass or fail.
    pub verdict: Verdict,
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
#[derive(Debug, Clone, uniffi::Record)]
pub struct SmartLearningProgress {
    /// Pass or fail.
    pub verdict: Verdict,
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
#[uniffi::export(default(policy = None))]
pub fn security_training(hours: f64, policy: Option<Arc<Policy>>) -> Result<SecurityTrainingCheck> {
    let r = tr::security_training(hours, self::policy(&policy))?;
    Ok(SecurityTrainingCheck {
        verdict: r.verdict.into(),
        hours: r.hours,
        required_hours: r.required_hours,
        missing_hours: r.missing_hours,
        findings: findings(&r.findings),
    })
}

/// A school's progress against its smart-learning quota (ceil of 1/5 of the teacher quota).
#[uniffi::export(default(policy = None))]
pub fn smart_learning_progress(
    teacher_quota: u32,
    certified: u32,
    policy: Option<Arc<Policy>>,
) -> Result<SmartLearningProgress> {
    let r = tr::smart_learning_progress(teacher_quota, certified, self::policy(&policy))?;
    Ok(SmartLearningProgress {
        verdict: r.verdict.into(),
        teacher_quota: r.teacher_quota,
        required: r.required,
        certified: r.certified,
        remaining: r.remaining,
        hours_per_teacher: r.hours_per_teacher,
        all_teachers_by_roc_year: r.all_teachers_by_roc_year,
        findings: findings(&r.findings),
    })
}
