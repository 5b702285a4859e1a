//! File checks: a file of a department export in, one answer out (RULES §0
//! "Bad input"; §4–§8 bulk inputs).
//!
//! Every workflow that starts from a file — incidents (check and statistics),
//! drills (ranking), the on-site pick, the mailbox sweep, education-account
//! access, parent registration — is one core call that reads the file, judges
//! every row, keeps every bad row with its line, and sums up. The command line,
//! the HTTP service and every binding show the same answer; none of them repeats
//! the bookkeeping.
//!
//! One shape serves them all, declared once below and instantiated per workflow
//! (Kotlin and Swift have no generic records):
//!
//! - `source`: how the file was read (encoding, BOM, delimiter, the header line,
//!   the columns used and the columns ignored);
//! - `rows`: each judged row with its line (and sheet, for workbooks) and result;
//! - `errors`: each row that could not be read or judged, at its line;
//! - `findings`: what concerns the file as a whole (e.g. ignored columns);
//! - `summary`: counts that agree with `rows` and `errors` by construction, and
//!   the overall verdict;
//! - `total`: the workflow's aggregate (statistics, ranking, pick, sweep lists).
//!
//! Decided: the summary's `verdict` is the worst verdict of the rows (`pass`
//! with no rows); errors do not change it, `errors` counts them. A program
//! exits 2 when `errors > 0`, else 1 when the verdict is `fail`, else 0 — the
//! command line does exactly that.

use crate::codes::Code;
use crate::finding::{Finding, Verdict};
use crate::import::{ColumnUse, Delimiter, FileFormat, ImportResult, RowError, TextEncoding};
use serde::Serialize;

/// How a file was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FileSource {
    /// The encoding it was read in.
    pub encoding: TextEncoding,
    /// Whether it started with a byte-order mark.
    pub bom: bool,
    /// The cell separator used (`comma` or `tab`; `comma` for a workbook).
    pub delimiter: Delimiter,
    /// The file format, from its first bytes (issue 21).
    pub format: FileFormat,
    /// The worksheet read, for a workbook (rows and errors name it too).
    pub sheet: Option<String>,
    /// The header cells that fed fields, in column order.
    pub columns: Vec<ColumnUse>,
    /// Header cells no field uses (ignored), as written.
    pub ignored_columns: Vec<String>,
    /// Data rows read (good and bad; not counting blank or skipped rows).
    pub rows: u64,
    /// Blank rows and group lines skipped.
    pub skipped_rows: u64,
    /// Whether reading stopped at `policy.limits.import_max_rows`.
    pub truncated: bool,
}

/// The counts of a file check. They agree with its `rows` and `errors`:
/// `checked = passed + warned + failed = rows.len()`, `errors = errors.len()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FileSummary {
    /// Rows judged.
    pub checked: u64,
    /// Rows whose verdict is `pass`.
    pub passed: u64,
    /// Rows whose verdict is `warn`.
    pub warned: u64,
    /// Rows whose verdict is `fail`.
    pub failed: u64,
    /// Rows that could not be read or judged.
    pub errors: u64,
    /// The worst verdict of the rows.
    pub verdict: Verdict,
}

impl FileSummary {
    /// The summary of judged rows' verdicts and a number of errors.
    pub fn of(verdicts: impl IntoIterator<Item = Verdict>, errors: usize) -> Self {
        let mut s = FileSummary {
            checked: 0,
            passed: 0,
            warned: 0,
            failed: 0,
            errors: errors as u64,
            verdict: Verdict::Pass,
        };
        for v in verdicts {
            s.checked += 1;
            match v {
                Verdict::Pass => s.passed += 1,
                Verdict::Warn => s.warned += 1,
                Verdict::Fail => s.failed += 1,
            }
            s.verdict = worst(s.verdict, v);
        }
        s
    }
}

fn worst(a: Verdict, b: Verdict) -> Verdict {
    let rank = |v: Verdict| match v {
        Verdict::Pass => 0,
        Verdict::Warn => 1,
        Verdict::Fail => 2,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// The findings about a file as a whole: the columns nobody reads, then what
/// the reader found (group subtotals that disagree, absent columns).
pub(crate) fn source_findings<O: ImportResult>(imp: &O) -> Vec<Finding> {
    let source = imp.source();
    let mut out = Vec::new();
    if !source.ignored_columns.is_empty() {
        out.push(
            Finding::new(Code::ImportIgnoredColumns)
                .with("count", source.ignored_columns.len())
                .with("columns", source.ignored_columns.join("、")),
        );
    }
    out.extend(imp.findings().iter().cloned());
    out
}

/// Names the worksheet of `source` on every error that does not name one yet
/// (errors a workflow adds after reading, at a row's line).
pub(crate) fn name_sheet(errors: &mut [RowError], source: &FileSource) {
    if let Some(sheet) = &source.sheet {
        for e in errors.iter_mut().filter(|e| e.sheet.is_none()) {
            e.sheet = Some(sheet.as_str().into());
        }
    }
}

/// Declares the result type of one file workflow, with its row type when the
/// workflow judges rows and its aggregate (`total`) when it has one.
macro_rules! file_checks {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { $(rows: $row:ident($result:ty),)? $(total: $total:ty,)? }
    )*) => {$(
        $(
            /// One judged row of a file, at its line.
            #[derive(Debug, Clone, PartialEq, Serialize)]
            #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
            #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
            pub struct $row {
                /// Line (1-based) the row starts on (for a JSON file, the record's number).
                pub line: u64,
                /// The worksheet, for a workbook.
                pub sheet: Option<String>,
                /// The row's result.
                pub result: $result,
            }
        )?

        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $name {
            /// How the file was read.
            pub source: FileSource,
            $(
                /// Every judged row, in file order.
                pub rows: Vec<$row>,
            )?
            /// Every row that could not be read or judged, in file order.
            pub errors: Vec<RowError>,
            /// About the file as a whole.
            pub findings: Vec<Finding>,
            /// Counts that agree with `rows` and `errors`, and the overall verdict.
            pub summary: FileSummary,
            $(
                /// The workflow's aggregate.
                pub total: $total,
            )?
        }
    )*};
}

file_checks! {
    /// An incident file checked (RULES §7): each incident's deadlines, and the
    /// statistics of the department's charts.
    IncidentFile { rows: IncidentFileRow(crate::incident::IncidentCheck), total: crate::incident::IncidentStats, }
    /// A drill file ranked (RULES §7): each report against its limit, and the
    /// overtime per school.
    DrillFile { rows: DrillFileRow(crate::drill::DrillCheck), total: crate::drill::DrillRanking, }
    /// The on-site pick from the schools' file and the scans' file (RULES §8).
    AuditFile { total: crate::audit::AuditPick, }
    /// A mailbox export swept (RULES §4): each mailbox's state, and the lists
    /// to act on today.
    MailboxFile { rows: MailboxFileRow(crate::mailbox::MailboxStatus), total: crate::mailbox::SweepLists, }
    /// A people export checked for education-account access (RULES §5).
    AccountFile { rows: AccountFileRow(crate::account::AccountAccess), }
    /// A family file checked for parent-app registration (RULES §5).
    FamilyFile { rows: FamilyFileRow(crate::parent::FamilyCheck), }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_agree() {
        let s = FileSummary::of(
            [Verdict::Pass, Verdict::Fail, Verdict::Warn, Verdict::Pass],
            2,
        );
        assert_eq!(
            (s.checked, s.passed, s.warned, s.failed, s.errors),
            (4, 2, 1, 1, 2)
        );
        assert_eq!(s.verdict, Verdict::Fail);
        assert_eq!(FileSummary::of([], 0).verdict, Verdict::Pass);
    }
}
