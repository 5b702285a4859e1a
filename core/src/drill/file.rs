//! The drill ranking of a file (RULES §7): one call from the drill list to
//! each report's overtime and the ranking of schools.

use crate::drill::{import, rank};
use crate::error::Result;
use crate::files::{DrillFile, DrillFileRow, FileSummary, source_findings};
use crate::import::{ImportOptions, ImportResult};
use crate::policy::Policy;
use chrono::{DateTime, FixedOffset};

/// Reads a drill list (CSV/TSV) and ranks the schools by overtime on `now`;
/// every report at its line.
pub fn rank_file(
    data: &[u8],
    options: &ImportOptions,
    now: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<DrillFile> {
    let imp = import(data, options, policy)?;
    let source = imp.source();
    let findings = source_findings(&imp);
    let ranking = rank(&imp.records, now, policy);
    let rows: Vec<DrillFileRow> = ranking
        .drills
        .iter()
        .zip(&imp.lines)
        .map(|(d, &line)| DrillFileRow {
            line,
            sheet: source.sheet.clone(),
            result: d.clone(),
        })
        .collect();
    let summary = FileSummary::of(rows.iter().map(|r| r.result.verdict), imp.errors.len());
    Ok(DrillFile {
        findings,
        source,
        rows,
        errors: imp.errors,
        summary,
        total: ranking,
    })
}
