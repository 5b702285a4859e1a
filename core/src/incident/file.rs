//! The incident check of a file (RULES §7): one call from the department's
//! export to each incident's deadlines and the statistics of the charts.

use super::{evaluate, import, stats};
use crate::error::Result;
use crate::files::{FileSummary, IncidentFile, IncidentFileRow, source_findings};
use crate::import::{ImportOptions, ImportResult, RowError};
use crate::policy::Policy;
use chrono::{DateTime, FixedOffset};

/// Reads the department's incident table (CSV/TSV as exported or pasted, any
/// supported encoding) and judges every incident on `now`; the statistics
/// count every incident read.
pub fn check_file(
    data: &[u8],
    options: &ImportOptions,
    now: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<IncidentFile> {
    let imp = import(data, options, policy)?;
    let source = imp.source();
    let findings = source_findings(&imp);
    let mut errors = imp.errors;
    let mut rows = Vec::with_capacity(imp.records.len());
    for (incident, &line) in imp.records.iter().zip(&imp.lines) {
        match evaluate(incident, now, policy) {
            Ok(result) => rows.push(IncidentFileRow {
                line,
                sheet: source.sheet.clone(),
                result,
            }),
            Err(e) => errors.push(RowError::at_line(line, e)),
        }
    }
    errors.sort_by_key(|e| e.line);
    crate::files::name_sheet(&mut errors, &source);
    let summary = FileSummary::of(rows.iter().map(|r| r.result.verdict), errors.len());
    Ok(IncidentFile {
        findings,
        source,
        total: stats(&imp.records, now, policy),
        rows,
        errors,
        summary,
    })
}
