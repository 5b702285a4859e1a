//! The mailbox sweep of a file (RULES §4): one call from an export to the
//! notice and deletion lists, each mailbox at its line.

use super::{MailboxState, StateCounts, SweepLists, import, sweep};
use crate::error::Result;
use crate::files::{FileSummary, MailboxFile, MailboxFileRow, source_findings};
use crate::import::{ImportOptions, ImportResult, RowError};
use crate::policy::Policy;
use chrono::NaiveDate;

/// Reads a mail-system or school-admin export (CSV/TSV, Chinese or English
/// headers) and sweeps it on `today`: every mailbox's state at its line, the
/// notices due today and the deletable mailboxes, and every bad row at its line.
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, mailbox};
/// let file = "帳號,開通日期,最後登入\nlin@ntpc.edu.tw,108/09/01,109/07/25\nwang,110/02/30,\n";
/// let today = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
/// let r = mailbox::sweep_file(file.as_bytes(), &ImportOptions::default(), today, &Policy::default()).unwrap();
/// assert_eq!(r.total.deletable[0].line, Some(2));
/// assert_eq!((r.summary.checked, r.summary.errors, r.total.counts.errors), (1, 1, 1));
/// assert_eq!(r.errors[0].line, 3);
/// ```
pub fn sweep_file(
    data: &[u8],
    options: &ImportOptions,
    today: NaiveDate,
    policy: &Policy,
) -> Result<MailboxFile> {
    let imp = import(data, options, policy)?;
    let source = imp.source();
    let findings = source_findings(&imp);
    let swept = sweep(&imp.records, today, policy);
    let line = |i: usize| imp.lines.get(i).copied().unwrap_or(0);
    let mut errors = imp.errors;
    errors.extend(
        swept
            .errors
            .into_iter()
            .map(|e| RowError::at_line(line(e.index), e.error)),
    );
    errors.sort_by_key(|e| e.line);
    crate::files::name_sheet(&mut errors, &source);
    let with_lines = |list: Vec<super::SweepEntry>| {
        list.into_iter()
            .map(|mut e| {
                e.line = Some(line(e.index));
                e
            })
            .collect()
    };
    let rows: Vec<MailboxFileRow> = swept
        .rows
        .into_iter()
        .map(|r| MailboxFileRow {
            line: line(r.index),
            sheet: source.sheet.clone(),
            result: r.status,
        })
        .collect();
    let mut counts = StateCounts::default();
    for r in &rows {
        match r.result.state {
            MailboxState::Active => counts.active += 1,
            MailboxState::Notice => counts.notice += 1,
            MailboxState::Deletable => counts.deletable += 1,
            MailboxState::Disabled => counts.disabled += 1,
        }
    }
    counts.errors = errors.len();
    let summary = FileSummary::of(rows.iter().map(|r| r.result.verdict), errors.len());
    Ok(MailboxFile {
        findings,
        source,
        rows,
        errors,
        summary,
        total: SweepLists {
            today,
            counts,
            notices: with_lines(swept.notices),
            deletable: with_lines(swept.deletable),
        },
    })
}
