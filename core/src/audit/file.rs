//! The on-site pick from files (RULES §8): one call from the schools' figures
//! and the website scans to the pick list.

use super::{import_scans, import_schools, pick};
use crate::error::Result;
use crate::files::{AuditFile, FileSummary, source_findings};
use crate::import::{ImportOptions, ImportResult};
use crate::policy::Policy;

/// Reads the schools' figures (CSV/TSV) and, when given, the scan findings,
/// and picks the schools for on-site checks. Bad rows of either file are
/// errors at their lines; those of the scans' file are marked `file: "scans"`.
pub fn pick_file(
    schools: &[u8],
    scans: Option<&[u8]>,
    options: &ImportOptions,
    capacity: Option<u32>,
    policy: &Policy,
) -> Result<AuditFile> {
    let s = import_schools(schools, options, policy)?;
    let source = s.source();
    let mut findings = source_findings(&s);
    let mut errors = s.errors;
    let mut scan_rows = Vec::new();
    if let Some(data) = scans {
        let f = import_scans(data, options, policy)?;
        findings.extend(source_findings(&f));
        errors.extend(f.errors.into_iter().map(|mut e| {
            e.file = Some("scans");
            e
        }));
        scan_rows = f.records;
    }
    let total = pick(&s.records, &scan_rows, capacity, policy)?;
    Ok(AuditFile {
        source,
        summary: FileSummary::of([], errors.len()),
        errors,
        findings,
        total,
    })
}
