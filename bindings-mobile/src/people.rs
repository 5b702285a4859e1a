//! The people rules' functions (RULES §4–§6): mailbox retention, education
//! accounts, parent registration and app/web permissions.

use crate::policy::{Policy, or_default};
use crate::{Result, date};
use ntpc_policy::account::{self, AccountAccess, AccountRecord};
use ntpc_policy::import::{AccountImport, ImportOptions, MailboxImport};
use ntpc_policy::mailbox::{
    self, MailboxRecord, MailboxStatus, MailboxSweep, MessageSizeCheck, QuotaCheck,
};
use ntpc_policy::parent::{self, FamilyCheck, FamilyRecord, PhoneCheck};
use ntpc_policy::permission::{
    self, AbsentCounts, AppModule, AttendanceAccess, AttendanceRecord, Decision, Lookup, Override,
    Person, Right, TitleRight, WhoCan,
};
use std::sync::Arc;

fn right(text: &str) -> Result<Right> {
    Ok(text.parse()?)
}

/// The retention state of one mailbox on `today`.
#[uniffi::export(default(policy = None))]
pub fn mailbox_status(
    mailbox: MailboxRecord,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<MailboxStatus> {
    Ok(mailbox::status(
        &mailbox,
        date(&today)?,
        or_default(&policy),
    )?)
}

/// Every mailbox's state on `today`, with the notice and deletion lists.
#[uniffi::export(default(policy = None))]
pub fn sweep_mailboxes(
    mailboxes: Vec<MailboxRecord>,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<MailboxSweep> {
    Ok(mailbox::sweep(
        &mailboxes,
        date(&today)?,
        or_default(&policy),
    ))
}

/// Mailboxes from a CSV/TSV file; bad rows are listed with their lines.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_mailboxes(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<MailboxImport> {
    Ok(mailbox::import(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// A mailbox's use against the 1 GiB quota.
#[uniffi::export(default(policy = None))]
pub fn mailbox_quota(used_bytes: u64, policy: Option<Arc<Policy>>) -> Result<QuotaCheck> {
    Ok(mailbox::quota(used_bytes, or_default(&policy))?)
}

/// A message's size against the 20 MiB per-message limit.
#[uniffi::export(default(policy = None))]
pub fn check_message_size(
    size_bytes: u64,
    policy: Option<Arc<Policy>>,
) -> Result<MessageSizeCheck> {
    Ok(mailbox::message_size(size_bytes, or_default(&policy)))
}

/// Whether a student or staff member has education-account access on `today`.
#[uniffi::export(default(policy = None))]
pub fn account_access(
    record: AccountRecord,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<AccountAccess> {
    Ok(account::check(&record, date(&today)?, or_default(&policy)))
}

/// `account_access` over many records, in order.
#[uniffi::export(default(policy = None))]
pub fn account_access_many(
    records: Vec<AccountRecord>,
    today: String,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<AccountAccess>> {
    Ok(account::check_many(
        &records,
        date(&today)?,
        or_default(&policy),
    ))
}

/// People (status, class, dates, custom account) from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_accounts(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<AccountImport> {
    Ok(account::import(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// Who of a student's family can register in the parent app.
#[uniffi::export]
pub fn check_family(family: FamilyRecord) -> Result<FamilyCheck> {
    Ok(parent::check(&family))
}

/// `check_family` over many families, in order.
#[uniffi::export]
pub fn check_families(families: Vec<FamilyRecord>) -> Result<Vec<FamilyCheck>> {
    Ok(parent::check_many(&families))
}

/// A Taiwan mobile number in its one written form.
#[uniffi::export]
pub fn normalize_mobile(text: String) -> Result<PhoneCheck> {
    Ok(parent::normalize_mobile(&text))
}

/// The 16-row table of apps and web modules with their default holders.
#[uniffi::export]
pub fn permission_table() -> Result<Vec<AppModule>> {
    Ok(permission::table().to_vec())
}

/// The table row of an app or web module name.
#[uniffi::export]
pub fn permission_lookup(name: String) -> Result<Lookup> {
    Ok(permission::lookup(&name)?)
}

/// Who holds a right on a module, after the school's overrides.
#[uniffi::export(default(overrides = None, policy = None))]
pub fn who_can(
    module: String,
    right: String,
    overrides: Option<Vec<Override>>,
    policy: Option<Arc<Policy>>,
) -> Result<WhoCan> {
    Ok(permission::who_can(
        &module,
        self::right(&right)?,
        &overrides.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// Whether a person holds a right on an app or module, and the rule that decided.
#[uniffi::export(default(overrides = None, policy = None))]
pub fn can(
    person: Person,
    app_or_module: String,
    right: String,
    overrides: Option<Vec<Override>>,
    policy: Option<Arc<Policy>>,
) -> Result<Decision> {
    Ok(permission::can(
        &person,
        &app_or_module,
        self::right(&right)?,
        &overrides.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// The contact book's right for a job title.
#[uniffi::export]
pub fn contact_book_right(title: String) -> Result<TitleRight> {
    Ok(permission::contact_book_right(&title))
}

/// Whether a person sees attendance per student or only per-class counts.
#[uniffi::export(default(overrides = None, policy = None))]
pub fn attendance_view(
    person: Person,
    overrides: Option<Vec<Override>>,
    policy: Option<Arc<Policy>>,
) -> Result<AttendanceAccess> {
    Ok(permission::attendance_view(
        &person,
        &overrides.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// Per-class daily counts of absent students, with no names.
#[uniffi::export]
pub fn absent_counts(records: Vec<AttendanceRecord>) -> Result<AbsentCounts> {
    Ok(permission::absent_counts(&records))
}

/// A mailbox export swept in one call: each mailbox's state at its line, the
/// notices due today and the deletable mailboxes, and every bad row.
#[uniffi::export(default(options = None, policy = None))]
pub fn sweep_mailbox_file(
    data: Vec<u8>,
    today: String,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::files::MailboxFile> {
    Ok(mailbox::sweep_file(
        &data,
        &options.unwrap_or_default(),
        date(&today)?,
        or_default(&policy),
    )?)
}

/// A people export checked in one call: each person's access at their line.
#[uniffi::export(default(options = None, policy = None))]
pub fn check_account_file(
    data: Vec<u8>,
    today: String,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::files::AccountFile> {
    Ok(account::check_file(
        &data,
        &options.unwrap_or_default(),
        date(&today)?,
        or_default(&policy),
    )?)
}

/// A file of families (a JSON list, or a table with one row per student)
/// checked in one call, at each record number or line.
#[uniffi::export(default(options = None, policy = None))]
pub fn check_family_file(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::files::FamilyFile> {
    Ok(parent::check_file(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// Families (one row per student) from a table: CSV, TSV or a workbook.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_families(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::import::FamilyImport> {
    Ok(parent::import(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}
