//! The people rules for Python (RULES §4–§6): mailbox retention, education-account
//! access, parent registration and app/web permissions. Records in, dicts out
//! (`records`); every decision is the core's.

use crate::args::{date, policy as pick};
use crate::errors::{core, guard};
use crate::policy::PyPolicy;
use crate::records::{record, records, result};
use ntpc_policy::{account, mailbox, parent, permission};
use pyo3::prelude::*;

type Obj = Py<PyAny>;

fn bytes(py: Python<'_>, field: &str, n: i64) -> PyResult<u64> {
    u64::try_from(n).map_err(|_| crate::errors::invalid(py, field, "a number of bytes ≥ 0"))
}

fn right(py: Python<'_>, s: &str) -> PyResult<permission::Right> {
    core(py, s.parse())
}

/// The retention state of one mailbox on `today`.
#[pyfunction]
#[pyo3(signature = (mailbox, today, policy = None))]
pub fn mailbox_status(
    py: Python<'_>,
    mailbox: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let r: mailbox::MailboxRecord = record(py, "mailbox", mailbox)?;
        let today = date(py, "today", today)?;
        result(py, &core(py, mailbox::status(&r, today, pick(&policy)))?)
    })
}

/// Every mailbox's state on `today`, with the notice and deletion lists; a bad row
/// is listed in `errors` and the others are still evaluated.
#[pyfunction]
#[pyo3(signature = (mailboxes, today, policy = None))]
pub fn sweep_mailboxes(
    py: Python<'_>,
    mailboxes: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let rows: Vec<mailbox::MailboxRecord> = record(py, "mailboxes", mailboxes)?;
        let today = date(py, "today", today)?;
        let p = pick(&policy);
        let sweep = py.detach(|| mailbox::sweep(&rows, today, p));
        result(py, &sweep)
    })
}

/// Mailboxes from a CSV/TSV file (Chinese or English headers); bad rows are
/// listed in `errors` with their line numbers and the others are still read.
#[pyfunction]
#[pyo3(signature = (data, options = None, policy = None))]
pub fn import_mailboxes(
    py: Python<'_>,
    data: &[u8],
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let o = crate::secops::options(py, options)?;
        result(py, &core(py, mailbox::import(data, &o, pick(&policy)))?)
    })
}

/// People (status, class, dates, custom account) from a CSV/TSV file.
#[pyfunction]
#[pyo3(signature = (data, options = None, policy = None))]
pub fn import_accounts(
    py: Python<'_>,
    data: &[u8],
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let o = crate::secops::options(py, options)?;
        result(py, &core(py, account::import(data, &o, pick(&policy)))?)
    })
}

/// A mailbox's use against the quota.
#[pyfunction]
#[pyo3(signature = (used_bytes, policy = None))]
pub fn mailbox_quota(
    py: Python<'_>,
    used_bytes: i64,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let used = bytes(py, "used_bytes", used_bytes)?;
        result(py, &core(py, mailbox::quota(used, pick(&policy)))?)
    })
}

/// A message's size against the per-message limit.
#[pyfunction]
#[pyo3(signature = (size_bytes, policy = None))]
pub fn check_message_size(
    py: Python<'_>,
    size_bytes: i64,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let size = bytes(py, "size_bytes", size_bytes)?;
        result(py, &mailbox::message_size(size, pick(&policy)))
    })
}

/// Whether a student or staff member has education-account access on `today`.
#[pyfunction]
#[pyo3(signature = (record, today, policy = None))]
pub fn account_access(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let r: account::AccountRecord = crate::records::record(py, "record", record)?;
        let today = date(py, "today", today)?;
        result(py, &account::check(&r, today, pick(&policy)))
    })
}

/// [`account_access`] over many records.
#[pyfunction]
#[pyo3(signature = (records, today, policy = None))]
pub fn account_access_many(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let rows: Vec<account::AccountRecord> = record(py, "records", records)?;
        let today = date(py, "today", today)?;
        let p = pick(&policy);
        let out = py.detach(|| account::check_many(&rows, today, p));
        result(py, &out)
    })
}

/// Who of a student's family can register in the parent app, and what is missing.
#[pyfunction]
pub fn check_family(py: Python<'_>, family: &Bound<'_, PyAny>) -> PyResult<Obj> {
    guard(py, || {
        let r: parent::FamilyRecord = record(py, "family", family)?;
        result(py, &parent::check(&r))
    })
}

/// [`check_family`] over many families.
#[pyfunction]
pub fn check_families(py: Python<'_>, families: &Bound<'_, PyAny>) -> PyResult<Obj> {
    guard(py, || {
        let rows: Vec<parent::FamilyRecord> = record(py, "families", families)?;
        result(py, &parent::check_many(&rows))
    })
}

/// A phone number read as a Taiwan mobile number (`0912-345-678` → `0912345678`).
#[pyfunction]
pub fn normalize_mobile(py: Python<'_>, text: &str) -> PyResult<Obj> {
    guard(py, || result(py, &parent::normalize_mobile(text)))
}

/// The 16 rows of the app ↔ web-module table.
#[pyfunction]
pub fn permission_table(py: Python<'_>) -> PyResult<Obj> {
    guard(py, || result(py, &permission::table()))
}

/// The table row of an app, web module or alias.
#[pyfunction]
pub fn permission_lookup(py: Python<'_>, name: &str) -> PyResult<Obj> {
    guard(py, || result(py, &core(py, permission::lookup(name))?))
}

/// Who holds `right` (`manage`/`edit`, 管理權/編輯權) on a module, after the overrides.
#[pyfunction]
#[pyo3(signature = (module, right, overrides = None))]
pub fn who_can(
    py: Python<'_>,
    module: &str,
    right: &str,
    overrides: Option<&Bound<'_, PyAny>>,
) -> PyResult<Obj> {
    guard(py, || {
        let o: Vec<permission::Override> = records(py, "overrides", overrides)?;
        let r = self::right(py, right)?;
        result(py, &core(py, permission::who_can(module, r, &o))?)
    })
}

/// Whether a person (`{"title": …, "roles": […]}`) has `right` on an app or module,
/// and the rule that decided.
#[pyfunction]
#[pyo3(signature = (person, app_or_module, right, overrides = None))]
pub fn can(
    py: Python<'_>,
    person: &Bound<'_, PyAny>,
    app_or_module: &str,
    right: &str,
    overrides: Option<&Bound<'_, PyAny>>,
) -> PyResult<Obj> {
    guard(py, || {
        let who: permission::Person = record(py, "person", person)?;
        let o: Vec<permission::Override> = records(py, "overrides", overrides)?;
        let r = self::right(py, right)?;
        result(py, &core(py, permission::can(&who, app_or_module, r, &o))?)
    })
}

/// 電子聯絡簿's right for a job title (management wins).
#[pyfunction]
pub fn contact_book_right(py: Python<'_>, title: &str) -> PyResult<Obj> {
    guard(py, || result(py, &permission::contact_book_right(title)))
}

/// The attendance view a person gets: per student, or per-class counts only.
#[pyfunction]
#[pyo3(signature = (person, overrides = None))]
pub fn attendance_view(
    py: Python<'_>,
    person: &Bound<'_, PyAny>,
    overrides: Option<&Bound<'_, PyAny>>,
) -> PyResult<Obj> {
    guard(py, || {
        let who: permission::Person = record(py, "person", person)?;
        let o: Vec<permission::Override> = records(py, "overrides", overrides)?;
        result(py, &core(py, permission::attendance_view(&who, &o))?)
    })
}

/// Per-student attendance records as per-class daily absent counts, with no names.
#[pyfunction]
pub fn absent_counts(py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<Obj> {
    guard(py, || {
        let rows: Vec<permission::AttendanceRecord> = record(py, "records", records)?;
        result(py, &permission::absent_counts(&rows))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mailbox_status, m)?)?;
    m.add_function(wrap_pyfunction!(sweep_mailboxes, m)?)?;
    m.add_function(wrap_pyfunction!(mailbox_quota, m)?)?;
    m.add_function(wrap_pyfunction!(import_mailboxes, m)?)?;
    m.add_function(wrap_pyfunction!(import_accounts, m)?)?;
    m.add_function(wrap_pyfunction!(check_message_size, m)?)?;
    m.add_function(wrap_pyfunction!(account_access, m)?)?;
    m.add_function(wrap_pyfunction!(account_access_many, m)?)?;
    m.add_function(wrap_pyfunction!(check_family, m)?)?;
    m.add_function(wrap_pyfunction!(check_families, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_mobile, m)?)?;
    m.add_function(wrap_pyfunction!(permission_table, m)?)?;
    m.add_function(wrap_pyfunction!(permission_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(who_can, m)?)?;
    m.add_function(wrap_pyfunction!(can, m)?)?;
    m.add_function(wrap_pyfunction!(contact_book_right, m)?)?;
    m.add_function(wrap_pyfunction!(attendance_view, m)?)?;
    m.add_function(wrap_pyfunction!(absent_counts, m)?)?;
    Ok(())
}
