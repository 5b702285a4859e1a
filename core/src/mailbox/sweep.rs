//! A sweep over many mailboxes (RULES §4 "Bulk").

use super::record::MailboxRecord;
use super::state::{MailboxState, MailboxStatus, status};
use crate::policy::Policy;
use crate::records::{RowError, in_row};
use chrono::NaiveDate;
use serde::Serialize;

/// One evaluated row of a sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SweepRow {
    /// Position in the input list (0-based).
    pub index: usize,
    /// The mailbox's state.
    pub status: MailboxStatus,
}

/// A mailbox on the notice or deletion list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SweepEntry {
    /// Position in the input list (0-based).
    pub index: usize,
    /// The line of the file, when the sweep read one.
    pub line: Option<u64>,
    /// The account.
    pub account: String,
    /// First day it may be deleted.
    pub deletion_date: NaiveDate,
    /// Days from today to the deletion date (0 once it has come).
    pub days_left: i64,
}

/// How many mailboxes are in each state, and how many rows had errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StateCounts {
    /// `active` mailboxes.
    pub active: usize,
    /// `notice` mailboxes.
    pub notice: usize,
    /// `deletable` mailboxes.
    pub deletable: usize,
    /// `disabled` mailboxes.
    pub disabled: usize,
    /// Rows that could not be evaluated.
    pub errors: usize,
}

/// The lists a sweep of a file acts on today, with the counts per state
/// (`errors` counts every row of the file that could not be read or judged).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SweepLists {
    /// The day of the sweep.
    pub today: NaiveDate,
    /// Rows per state.
    pub counts: StateCounts,
    /// Mailboxes to mail a notice to today, by deletion date (then account, then line).
    pub notices: Vec<SweepEntry>,
    /// Mailboxes whose deletion date has come (disabled ones included), in the same order.
    pub deletable: Vec<SweepEntry>,
}

/// The result of a sweep: every row's state, the lists to act on, and the rows in error.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailboxSweep {
    /// The day of the sweep.
    pub today: NaiveDate,
    /// Rows given.
    pub total: usize,
    /// Rows per state.
    pub counts: StateCounts,
    /// Every evaluated row, in input order.
    pub rows: Vec<SweepRow>,
    /// Mailboxes to mail a notice to today, by deletion date (then account, then position).
    pub notices: Vec<SweepEntry>,
    /// Mailboxes whose deletion date has come (disabled ones included), in the same order.
    pub deletable: Vec<SweepEntry>,
    /// Rows that could not be evaluated; fields are named `mailboxes[i].field`.
    pub errors: Vec<RowError>,
}

/// Evaluates every mailbox on `today`. A bad row never hides the good ones: it is
/// listed in `errors` and the others are evaluated.
///
/// ```
/// use ntpc_policy::{Policy, mailbox::{sweep, MailboxRecord}};
/// let rows: Vec<MailboxRecord> = serde_json::from_str(r#"[
///   {"account": "a", "activated_on": "2019-01-01", "last_login": "2020-07-26"},
///   {"account": "b", "activated_on": "2019-01-01", "last_login": "2020-07-25"},
///   {"account": "c", "activated_on": "2030-01-01"}
/// ]"#).unwrap();
/// let s = sweep(&rows, chrono::NaiveDate::from_ymd_opt(2021, 11, 8).unwrap(), &Policy::default());
/// let order: Vec<&str> = s.notices.iter().map(|n| n.account.as_str()).collect();
/// assert_eq!(order, ["b", "a"]); // by deletion date
/// assert_eq!(s.errors[0].index, 2);
/// ```
pub fn sweep(records: &[MailboxRecord], today: NaiveDate, policy: &Policy) -> MailboxSweep {
    let mut out = MailboxSweep {
        today,
        total: records.len(),
        counts: StateCounts::default(),
        rows: Vec::with_capacity(records.len()),
        notices: Vec::new(),
        deletable: Vec::new(),
        errors: Vec::new(),
    };
    for (index, record) in records.iter().enumerate() {
        match status(record, today, policy) {
            Ok(s) => {
                let entry = || SweepEntry {
                    index,
                    line: None,
                    account: s.account.clone(),
                    deletion_date: s.deletion_date,
                    days_left: s.days_left,
                };
                match s.state {
                    MailboxState::Active => out.counts.active += 1,
                    MailboxState::Notice => out.counts.notice += 1,
                    MailboxState::Deletable => out.counts.deletable += 1,
                    MailboxState::Disabled => out.counts.disabled += 1,
                }
                if s.notice_due_today {
                    out.notices.push(entry());
                }
                if today >= s.deletion_date {
                    out.deletable.push(entry());
                }
                out.rows.push(SweepRow { index, status: s });
            }
            Err(e) => {
                out.counts.errors += 1;
                out.errors.push(RowError {
                    index,
                    error: in_row(e, "mailboxes", index),
                });
            }
        }
    }
    // Compared in place: a key function would clone the account for every
    // comparison (n log n allocations over 650,000 mailboxes; issue 20).
    let order = |a: &SweepEntry, b: &SweepEntry| {
        (a.deletion_date, a.account.as_str(), a.index).cmp(&(
            b.deletion_date,
            b.account.as_str(),
            b.index,
        ))
    };
    out.notices.sort_unstable_by(order);
    out.deletable.sort_unstable_by(order);
    out
}
