//! Education-account access of a file (RULES §5): one call from the school
//! admin system's people export to each person's access, at their lines.

use super::{check, import};
use crate::error::Result;
use crate::files::{AccountFile, AccountFileRow, FileSummary, source_findings};
use crate::import::{ImportOptions, ImportResult};
use crate::policy::Policy;
use chrono::NaiveDate;

/// Reads a people export (CSV/TSV) and checks every person's access on `today`.
pub fn check_file(
    data: &[u8],
    options: &ImportOptions,
    today: NaiveDate,
    policy: &Policy,
) -> Result<AccountFile> {
    let imp = import(data, options, policy)?;
    let source = imp.source();
    let findings = source_findings(&imp);
    let rows: Vec<AccountFileRow> = imp
        .records
        .iter()
        .zip(&imp.lines)
        .map(|(r, &line)| AccountFileRow {
            line,
            sheet: source.sheet.clone(),
            result: check(r, today, policy),
        })
        .collect();
    let summary = FileSummary::of(rows.iter().map(|r| r.result.verdict), imp.errors.len());
    Ok(AccountFile {
        findings,
        source,
        rows,
        errors: imp.errors,
        summary,
    })
}
