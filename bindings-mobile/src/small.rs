//! The smaller rules (RULES §9), the importer's helpers, and the code table.

use crate::policy::{Policy, or_default};
use crate::{Result, date};
use ntpc_policy::codes::CodeInfo;
use ntpc_policy::import::{self, Decoded};
use ntpc_policy::network::{self, EmsAddressCheck, EmsAllocation};
use ntpc_policy::schedule::{self, Schedule};
use ntpc_policy::training::{
    self, SchoolCertification, SecurityTrainingCheck, SmartLearningProgress, TeacherCertification,
    TeacherHours,
};
use std::sync::Arc;

/// Security training hours against the 3 hours a year.
#[uniffi::export(default(policy = None))]
pub fn security_training(hours: f64, policy: Option<Arc<Policy>>) -> Result<SecurityTrainingCheck> {
    Ok(training::security_training(hours, or_default(&policy))?)
}

/// Smart-learning certification against ⌈1/5⌉ of the teacher quota.
#[uniffi::export(default(policy = None))]
pub fn smart_learning_progress(
    teacher_quota: u32,
    certified: u32,
    policy: Option<Arc<Policy>>,
) -> Result<SmartLearningProgress> {
    Ok(training::smart_learning_progress(
        teacher_quota,
        certified,
        or_default(&policy),
    )?)
}

/// One teacher's smart-learning certification on `today` (3 h city course + 3 h
/// platform, every teacher by 114/12/31).
#[uniffi::export(default(policy = None))]
pub fn smart_learning_teacher(
    teacher: TeacherHours,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<TeacherCertification> {
    Ok(training::smart_learning_teacher(
        &teacher,
        date(&today)?,
        or_default(&policy),
    )?)
}

/// A school's smart-learning certification on `today`: each teacher, the
/// ⌈1/5⌉ share due 111/07/31 and every teacher due 114/12/31.
#[uniffi::export(default(teacher_quota = None, policy = None))]
pub fn smart_learning_school(
    teachers: Vec<TeacherHours>,
    today: String,
    teacher_quota: Option<u32>,
    policy: Option<Arc<Policy>>,
) -> Result<SchoolCertification> {
    Ok(training::smart_learning_school(
        &teachers,
        teacher_quota,
        date(&today)?,
        or_default(&policy),
    )?)
}

/// The year's security work calendar on `today`: each item later, upcoming,
/// open or past.
#[uniffi::export(default(school_year = None, policy = None))]
pub fn schedule_on(
    today: String,
    school_year: Option<i32>,
    policy: Option<Arc<Policy>>,
) -> Result<Schedule> {
    Ok(schedule::on(
        date(&today)?,
        school_year,
        or_default(&policy),
    )?)
}

/// The year's security work calendar as iCalendar (RFC 5545) text.
#[uniffi::export(default(school_year = None, policy = None))]
pub fn schedule_ics(
    today: String,
    school_year: Option<i32>,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    Ok(schedule::ics(
        date(&today)?,
        school_year,
        or_default(&policy),
    )?)
}

/// A school's EMS addresses: VLAN 70, `10.239.<school no>.101`–`.110`.
#[uniffi::export(default(policy = None))]
pub fn ems_allocation(school_no: u32, policy: Option<Arc<Policy>>) -> Result<EmsAllocation> {
    Ok(network::ems_allocation(school_no, or_default(&policy))?)
}

/// Whether an address is one of a school's EMS addresses (and whose it is).
#[uniffi::export(default(policy = None))]
pub fn check_ems_address(
    address: String,
    school_no: u32,
    policy: Option<Arc<Policy>>,
) -> Result<EmsAddressCheck> {
    Ok(network::check_ems_address(
        &address,
        school_no,
        or_default(&policy),
    )?)
}

/// File bytes as text: UTF-8, UTF-16 with a BOM, else Big5/CP950.
#[uniffi::export]
pub fn decode_text(data: Vec<u8>) -> Result<Decoded> {
    Ok(import::decode(&data)?)
}

/// A cell made safe for a spreadsheet.
#[uniffi::export]
pub fn csv_escape_cell(value: String) -> Result<String> {
    Ok(import::csv_escape_cell(&value))
}

/// A count cell: a whole number ≥ 0, or yes/no words as 1/0.
#[uniffi::export]
pub fn parse_count(text: String) -> Result<u32> {
    Ok(import::parse_count(&text)?)
}

/// Every finding and error code with its kind and both message templates.
#[uniffi::export]
pub fn code_table() -> Result<Vec<CodeInfo>> {
    Ok(ntpc_policy::code_table())
}
