//! The people rules for Kotlin and Swift (RULES §4–§6): mailbox retention,
//! education-account access, parent registration and app/web permissions.
//! Shapes in, shapes out; every decision is the core's.

use crate::convert::date;
use crate::errors::Result;
use crate::policy::{Policy, policy};
use crate::shapes::{self as s, input, output};
use ntpc_policy::{account, mailbox, parent, permission};
use std::sync::Arc;

fn overrides(list: Option<Vec<s::Override>>) -> Result<Vec<permission::Override>> {
    input("overrides", &list.unwrap_or_default())
}

fn right(text: &str) -> Result<permission::Right> {
    Ok(text.parse()?)
}

fn bytes(field: &str, n: i64) -> Result<u64> {
    u64::try_from(n).map_err(|_| crate::errors::invalid(field, "a number of bytes ≥ 0"))
}

/// The retention state of one mailbox on `today` (ISO or any calendar style).
#[uniffi::export(default(policy = None))]
pub fn mailbox_status(
    mailbox: s::MailboxRecord,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<s::MailboxStatus> {
    let r: mailbox::MailboxRecord = input("mailbox", &mailbox)?;
    output(&mailbox::status(&r, date(&today)?, self::policy(&policy))?)
}

/// Every mailbox's state on `today`, with the notice and deletion lists; a bad
/// row is listed in `errors` and the others are still evaluated.
#[uniffi::export(default(policy = None))]
pub fn sweep_mailboxes(
    mailboxes: Vec<s::MailboxRecord>,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<s::MailboxSweep> {
    let rows: Vec<mailbox::MailboxRecord> = input("mailboxes", &mailboxes)?;
    output(&mailbox::sweep(&rows, date(&today)?, self::policy(&policy)))
}

/// Mailboxes from a CSV/TSV file (Chinese or English headers); bad rows are
/// listed in `errors` with their line numbers and the others are still read.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_mailboxes(
    data: Vec<u8>,
    options: Option<s::ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<s::MailboxImport> {
    let o = crate::secops::options(options)?;
    output(&mailbox::import(&data, &o, self::policy(&policy))?)
}

/// People (status, class, dates, custom account) from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_accounts(
    data: Vec<u8>,
    options: Option<s::ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<s::AccountImport> {
    let o = crate::secops::options(options)?;
    output(&account::import(&data, &o, self::policy(&policy))?)
}

/// A mailbox's use against the quota.
#[uniffi::export(default(policy = None))]
pub fn mailbox_quota(used_bytes: i64, policy: Option<Arc<Policy>>) -> Result<s::QuotaCheck> {
    let used = bytes("used_bytes", used_bytes)?;
    output(&mailbox::quota(used, self::policy(&policy))?)
}

/// A message's size against the per-message limit.
#[uniffi::export(default(policy = None))]
pub fn check_message_size(
    size_bytes: i64,
    policy: Option<Arc<Policy>>,
) -> Result<s::MessageSizeCheck> {
    let size = bytes("size_bytes", size_bytes)?;
    output(&mailbox::message_size(size, self::policy(&policy)))
}

/// Whether a student or staff member has education-account access on `today`.
#[uniffi::export(default(policy = None))]
pub fn account_access(
    record: s::AccountRecord,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<s::AccountAccess> {
    let r: account::AccountRecord = input("record", &record)?;
    output(&account::check(&r, date(&today)?, self::policy(&policy)))
}

/// `accountAccess` over many records.
#[uniffi::export(default(policy = None))]
pub fn account_access_many(
    records: Vec<s::AccountRecord>,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<s::AccountAccess>> {
    let rows: Vec<account::AccountRecord> = input("records", &records)?;
    output(&account::check_many(
        &rows,
        date(&today)?,
        self::policy(&policy),
    ))
}

/// Who of a student's family can register in the parent app, and what is missing.
#[uniffi::export]
pub fn check_family(family: s::FamilyRecord) -> Result<s::FamilyCheck> {
    let r: parent::FamilyRecord = input("family", &family)?;
    output(&parent::check(&r))
}

/// `checkFamily` over many families.
#[uniffi::export]
pub fn check_families(families: Vec<s::FamilyRecord>) -> Result<Vec<s::FamilyCheck>> {
    let rows: Vec<parent::FamilyRecord> = input("families", &families)?;
    output(&parent::check_many(&rows))
}

/// A phone number read as a Taiwan mobile number (`0912-345-678` → `0912345678`).
#[uniffi::export]
pub fn normalize_mobile(text: String) -> Result<s::PhoneCheck> {
    output(&parent::normalize_mobile(&text))
}

/// The 16 rows of the app ↔ web-module table.
#[uniffi::export]
pub fn permission_table() -> Result<Vec<s::AppModule>> {
    output(&permission::table())
}

/// The table row of an app, web module or alias.
#[uniffi::export]
pub fn permission_lookup(name: String) -> Result<s::Lookup> {
    output(&permission::lookup(&name)?)
}

/// Who holds `right` (`manage`/`edit`, 管理權/編輯權) on a module, after the overrides.
#[uniffi::export(default(overrides = None))]
pub fn who_can(
    module: String,
    right: String,
    overrides: Option<Vec<s::Override>>,
) -> Result<s::WhoCan> {
    let o = self::overrides(overrides)?;
    output(&permission::who_can(&module, self::right(&right)?, &o)?)
}

/// Whether a person has `right` on an app or module, and the rule that decided.
#[uniffi::export(default(overrides = None))]
pub fn can(
    person: s::Person,
    app_or_module: String,
    right: String,
    overrides: Option<Vec<s::Override>>,
) -> Result<s::Decision> {
    let who: permission::Person = input("person", &person)?;
    let o = self::overrides(overrides)?;
    output(&permission::can(
        &who,
        &app_or_module,
        self::right(&right)?,
        &o,
    )?)
}

/// 電子聯絡簿's right for a job title (management wins).
#[uniffi::export]
pub fn contact_book_right(title: String) -> Result<s::TitleRight> {
    output(&permission::contact_book_right(&title))
}

/// The attendance view a person gets: per student, or per-class counts only.
#[uniffi::export(default(overrides = None))]
pub fn attendance_view(
    person: s::Person,
    overrides: Option<Vec<s::Override>>,
) -> Result<s::AttendanceAccess> {
    let who: permission::Person = input("person", &person)?;
    let o = self::overrides(overrides)?;
    output(&permission::attendance_view(&who, &o)?)
}

/// Per-student attendance records as per-class daily absent counts, with no names.
#[uniffi::export]
pub fn absent_counts(records: Vec<s::AttendanceRecord>) -> Result<s::AbsentCounts> {
    let rows: Vec<permission::AttendanceRecord> = input("records", &records)?;
    output(&permission::absent_counts(&rows))
}
