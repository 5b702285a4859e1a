//! The people rules for JS (RULES §4–§6): mailbox retention, education-account
//! access, parent registration and app/web permissions. Shapes in, shapes out;
//! every decision is the core's.

use crate::convert::date;
use crate::errors::{Result, core, guard};
use crate::policy::{JsPolicy, policy};
use crate::shapes::{self as s, input, output};
use chrono::{DateTime, Utc};
use napi::Either;
use napi_derive::napi;
use ntpc_policy::{account, mailbox, parent, permission};
use serde_json::Value;

fn overrides(list: Option<Value>) -> Result<Vec<permission::Override>> {
    match list {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(v) => input("overrides", v),
    }
}

fn right(text: &str) -> Result<permission::Right> {
    core(text.parse())
}

/// The retention state of one mailbox on `today`.
#[napi(
    ts_args_type = "mailbox: MailboxRecord, today: string | Date, policy?: Policy | undefined | null"
)]
pub fn mailbox_status(
    mailbox: Value,
    today: Either<String, DateTime<Utc>>,
    policy: Option<&JsPolicy>,
) -> Result<s::MailboxStatus> {
    guard(|| {
        let r: mailbox::MailboxRecord = input("mailbox", mailbox)?;
        output(&core(mailbox::status(
            &r,
            date(today)?,
            self::policy(&policy),
        ))?)
    })
}

/// Every mailbox's state on `today`, with the notice and deletion lists; a bad
/// row is listed in `errors` and the others are still evaluated.
#[napi(
    ts_args_type = "mailboxes: Array<MailboxRecord>, today: string | Date, policy?: Policy | undefined | null"
)]
pub fn sweep_mailboxes(
    mailboxes: Value,
    today: Either<String, DateTime<Utc>>,
    policy: Option<&JsPolicy>,
) -> Result<s::MailboxSweep> {
    guard(|| {
        let rows: Vec<mailbox::MailboxRecord> = input("mailboxes", mailboxes)?;
        output(&mailbox::sweep(&rows, date(today)?, self::policy(&policy)))
    })
}

/// Mailboxes from a CSV/TSV file (Chinese or English headers); bad rows are
/// listed in `errors` with their line numbers and the others are still read.
#[napi(
    ts_args_type = "data: Uint8Array, options?: ImportOptions | undefined | null, policy?: Policy | undefined | null"
)]
pub fn import_mailboxes(
    data: napi::bindgen_prelude::Uint8Array,
    options: Option<Value>,
    policy: Option<&JsPolicy>,
) -> Result<s::MailboxImport> {
    guard(|| {
        let o = crate::secops::options(options)?;
        output(&core(mailbox::import(&data, &o, self::policy(&policy)))?)
    })
}

/// People (status, class, dates, custom account) from a CSV/TSV file.
#[napi(
    ts_args_type = "data: Uint8Array, options?: ImportOptions | undefined | null, policy?: Policy | undefined | null"
)]
pub fn import_accounts(
    data: napi::bindgen_prelude::Uint8Array,
    options: Option<Value>,
    policy: Option<&JsPolicy>,
) -> Result<s::AccountImport> {
    guard(|| {
        let o = crate::secops::options(options)?;
        output(&core(account::import(&data, &o, self::policy(&policy)))?)
    })
}

/// A mailbox's use against the quota.
#[napi(strict)]
pub fn mailbox_quota(used_bytes: i64, policy: Option<&JsPolicy>) -> Result<s::QuotaCheck> {
    guard(|| {
        let used = core(u64::try_from(used_bytes).map_err(|_| {
            ntpc_policy::PolicyError::invalid("used_bytes", "a number of bytes ≥ 0")
        }))?;
        output(&core(mailbox::quota(used, self::policy(&policy)))?)
    })
}

/// A message's size against the per-message limit.
#[napi(strict)]
pub fn check_message_size(
    size_bytes: i64,
    policy: Option<&JsPolicy>,
) -> Result<s::MessageSizeCheck> {
    guard(|| {
        let size = core(u64::try_from(size_bytes).map_err(|_| {
            ntpc_policy::PolicyError::invalid("size_bytes", "a number of bytes ≥ 0")
        }))?;
        output(&mailbox::message_size(size, self::policy(&policy)))
    })
}

/// Whether a student or staff member has education-account access on `today`.
#[napi(
    ts_args_type = "record: AccountRecord, today: string | Date, policy?: Policy | undefined | null"
)]
pub fn account_access(
    record: Value,
    today: Either<String, DateTime<Utc>>,
    policy: Option<&JsPolicy>,
) -> Result<s::AccountAccess> {
    guard(|| {
        let r: account::AccountRecord = input("record", record)?;
        output(&account::check(&r, date(today)?, self::policy(&policy)))
    })
}

/// `accountAccess` over many records.
#[napi(
    ts_args_type = "records: Array<AccountRecord>, today: string | Date, policy?: Policy | undefined | null"
)]
pub fn account_access_many(
    records: Value,
    today: Either<String, DateTime<Utc>>,
    policy: Option<&JsPolicy>,
) -> Result<Vec<s::AccountAccess>> {
    guard(|| {
        let rows: Vec<account::AccountRecord> = input("records", records)?;
        output(&account::check_many(
            &rows,
            date(today)?,
            self::policy(&policy),
        ))
    })
}

/// Who of a student's family can register in the parent app, and what is missing.
#[napi(ts_args_type = "family: FamilyRecord")]
pub fn check_family(family: Value) -> Result<s::FamilyCheck> {
    guard(|| {
        let r: parent::FamilyRecord = input("family", family)?;
        output(&parent::check(&r))
    })
}

/// `checkFamily` over many families.
#[napi(ts_args_type = "families: Array<FamilyRecord>")]
pub fn check_families(families: Value) -> Result<Vec<s::FamilyCheck>> {
    guard(|| {
        let rows: Vec<parent::FamilyRecord> = input("families", families)?;
        output(&parent::check_many(&rows))
    })
}

/// A phone number read as a Taiwan mobile number (`0912-345-678` → `0912345678`).
#[napi(strict)]
pub fn normalize_mobile(text: String) -> Result<s::PhoneCheck> {
    guard(|| output(&parent::normalize_mobile(&text)))
}

/// The 16 rows of the app ↔ web-module table.
#[napi]
pub fn permission_table() -> Result<Vec<s::AppModule>> {
    guard(|| output(&permission::table()))
}

/// The table row of an app, web module or alias.
#[napi(strict)]
pub fn permission_lookup(name: String) -> Result<s::Lookup> {
    guard(|| output(&core(permission::lookup(&name))?))
}

/// Who holds `right` (`manage`/`edit`, 管理權/編輯權) on a module, after the overrides.
#[napi(
    ts_args_type = "module: string, right: Right | '管理權' | '編輯權', overrides?: Array<Override> | undefined | null"
)]
pub fn who_can(module: String, right: String, overrides: Option<Value>) -> Result<s::WhoCan> {
    guard(|| {
        let o = self::overrides(overrides)?;
        output(&core(permission::who_can(
            &module,
            self::right(&right)?,
            &o,
        ))?)
    })
}

/// Whether a person has `right` on an app or module, and the rule that decided.
#[napi(
    ts_args_type = "person: Person, appOrModule: string, right: Right | '管理權' | '編輯權', overrides?: Array<Override> | undefined | null"
)]
pub fn can(
    person: Value,
    app_or_module: String,
    right: String,
    overrides: Option<Value>,
) -> Result<s::Decision> {
    guard(|| {
        let who: permission::Person = input("person", person)?;
        let o = self::overrides(overrides)?;
        output(&core(permission::can(
            &who,
            &app_or_module,
            self::right(&right)?,
            &o,
        ))?)
    })
}

/// 電子聯絡簿's right for a job title (management wins).
#[napi(strict)]
pub fn contact_book_right(title: String) -> Result<s::TitleRight> {
    guard(|| output(&permission::contact_book_right(&title)))
}

/// The attendance view a person gets: per student, or per-class counts only.
#[napi(ts_args_type = "person: Person, overrides?: Array<Override> | undefined | null")]
pub fn attendance_view(person: Value, overrides: Option<Value>) -> Result<s::AttendanceAccess> {
    guard(|| {
        let who: permission::Person = input("person", person)?;
        let o = self::overrides(overrides)?;
        output(&core(permission::attendance_view(&who, &o))?)
    })
}

/// Per-student attendance records as per-class daily absent counts, with no names.
#[napi(ts_args_type = "records: Array<AttendanceRecord>")]
pub fn absent_counts(records: Value) -> Result<s::AbsentCounts> {
    guard(|| {
        let rows: Vec<permission::AttendanceRecord> = input("records", records)?;
        output(&permission::absent_counts(&rows))
    })
}
