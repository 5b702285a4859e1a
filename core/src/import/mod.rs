//! Reading CSV and TSV files: the one importer every record type uses (RULES §0
//! "Bad input"; §4, §7, §8 bulk inputs).
//!
//! A record type declares a [`Schema`] — its fields and the Chinese and English
//! header names of each — and a conversion from a [`Row`]; [`import_with`] does
//! the rest the same way for every type:
//!
//! - **Bytes → text** by [`decode`]: UTF-8 with or without a BOM, UTF-16 with a
//!   BOM, else Big5/CP950 as Excel in Taiwan saves it; the result says which, and
//!   undecodable bytes are an error, never mojibake.
//! - **Delimiter**: comma or tab, detected on the header line (more tabs than
//!   commas outside quotes → TSV), or given. Quoting follows Excel (`"a,b"`, `""`
//!   inside quotes, newlines inside quoted cells); CRLF and LF both end lines.
//! - **Header line**: the first non-blank line. Each cell is matched, ignoring
//!   case, width, spaces, `_` and `-`, against the schema's names. Decided:
//!   unknown columns are ignored and listed in `ignored_columns` (exports carry
//!   extra columns; a typo of an optional header is visible there); a header
//!   naming a field twice is `import.duplicate_column`; missing required columns
//!   are one `import.missing_column` error listing all of them.
//! - **Empty files** (nothing but whitespace) are `import.empty_file`. Decided: a
//!   header-only file is *not* an error — it is an empty result (a week without
//!   incidents exports just the header line).
//! - **Rows**: blank rows and rows starting with a schema's skip prefix are
//!   skipped (counted).
//! - **Groups** (the department's incident export, seed 000 PART FOUR): a line
//!   `▲ 通報單位: <school>` opens a group whose name the rows below take for the
//!   group's field ([`Row::group`]), and `筆數: N` closes it; both are skipped
//!   (counted), and a closing count that differs from the data rows read in the
//!   group (good and bad) is an `import.group_count` finding of the file. A
//!   single-cell title line above the header line (`↑ 通報單位 ×`, as pasted from
//!   the page) is passed over. A row with the wrong number of cells, a cell over
//!   `policy.limits.import_max_field_chars`, or a value the record cannot use is a
//!   [`RowError`] `{line, column, header, field, code, params, message_zh,
//!   message_en}`; the good rows are still returned. After
//!   `policy.limits.import_max_rows` data rows one `import.too_many_rows` error is
//!   reported and reading stops (`truncated: true`); a file over
//!   `policy.limits.import_max_bytes` is refused whole (`input.too_large`).
//! - **Formula-looking cells** (`=…`, `+…`, `-…`, `@…`) are kept verbatim:
//!   escaping belongs to writing, see [`csv_escape_cell`].
//!
//! ```
//! use ntpc_policy::{Policy, import::ImportOptions, mailbox};
//! let data = "\u{feff}帳號,開通日期,備註\r\nwang@ntpc.edu.tw,110/02/01,\"a, b\"\r\n,110/02/01,x\r\n";
//! let got = mailbox::import(data.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
//! assert_eq!(got.records[0].account, "wang@ntpc.edu.tw");
//! assert_eq!(got.ignored_columns, ["備註"]);
//! assert_eq!((got.errors[0].line, got.errors[0].code().as_str()), (3, "import.missing_value"));
//! ```

mod cell;
mod decode;
mod escape;
mod split;
mod table;
mod unique;
mod workbook;

pub(crate) use cell::fold_cell;
pub(crate) use decode::decode_cow;
pub use decode::{Decoded, TextEncoding, decode};
pub use escape::csv_escape_cell;
pub use table::{ColumnSpec, GroupLines, ReadAs, Row, Schema, invalid_value};
pub(crate) use workbook::workbook_cells;

use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::policy::Policy;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// The cell separator of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// Detect from the header line (the default).
    #[default]
    Auto,
    /// `,` (CSV).
    Comma,
    /// Tab (TSV, and text copied from a web page or Excel).
    Tab,
}

/// How to read a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields, default)]
pub struct ImportOptions {
    /// The cell separator; `auto` detects it.
    pub delimiter: Delimiter,
    /// The worksheet of a workbook to read (its name as shown on its tab);
    /// `None` reads the first. A CSV/TSV file has one table: there it is
    /// ignored (issue 21 §1; docs/workbooks.md).
    pub sheet: Option<String>,
}

/// The format of a file, from its first bytes (never its name; issue 21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    /// CSV or TSV text (any supported encoding).
    #[default]
    Csv,
    /// Office Open XML workbook (Excel 2007 and later).
    Xlsx,
    /// Excel 97–2003 workbook (BIFF8).
    Xls,
    /// OpenDocument spreadsheet (LibreOffice, Google Sheets export).
    Ods,
    /// A JSON list (the family file).
    Json,
}

/// A header cell that fed a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ColumnUse {
    /// Column number (1-based).
    pub column: u64,
    /// The header as written.
    pub header: String,
    /// The record field it feeds.
    pub field: String,
}

/// A row that could not be read, with its position. Serialises as `{line, column,
/// header, field, code, params, message_zh, message_en}`.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// Line (1-based) the row starts on.
    pub line: u64,
    /// Column (1-based) of the bad cell, when one cell is to blame.
    pub column: Option<u64>,
    /// That column's header as written in the file.
    pub header: Option<String>,
    /// The record field of that column.
    pub field: Option<String>,
    /// The worksheet, for a workbook.
    pub sheet: Option<Box<str>>,
    /// Which file, when a workflow reads more than one (`scans`).
    pub file: Option<&'static str>,
    /// What is wrong (boxed: rows are read in bulk and most are fine).
    pub error: Box<PolicyError>,
}

impl RowError {
    /// An error about a whole row.
    pub fn at_line(line: u64, error: PolicyError) -> Self {
        RowError {
            line,
            column: None,
            header: None,
            field: None,
            sheet: None,
            file: None,
            error: Box::new(error),
        }
    }

    /// The stable code of the error.
    pub fn code(&self) -> Code {
        self.error.code()
    }
}

impl Serialize for RowError {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(10))?;
        m.serialize_entry("line", &self.line)?;
        m.serialize_entry("column", &self.column)?;
        m.serialize_entry("header", &self.header)?;
        m.serialize_entry("field", &self.field)?;
        m.serialize_entry("sheet", &self.sheet)?;
        m.serialize_entry("file", &self.file)?;
        m.serialize_entry("code", self.error.code().as_str())?;
        m.serialize_entry("params", &self.error.params())?;
        m.serialize_entry("message_zh", &self.error.message_zh())?;
        m.serialize_entry("message_en", &self.error.message_en())?;
        m.end()
    }
}

/// Declares the result type of reading a file of one record type: the good
/// records, the errors of the bad rows, and how the file was read. The shape is
/// declared once, here; each record type gets a concrete type of it (Kotlin and
/// Swift have no generic records), listed below.
macro_rules! import_results {
    ($( $(#[doc = $doc:literal])* $name:ident($record:ty); )*) => {$(
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $name {
            /// The records of the good rows, in file order.
            pub records: Vec<$record>,
            /// The line each record starts on (parallel to `records`).
            pub lines: Vec<u64>,
            /// One error per bad row, in file order.
            pub errors: Vec<$crate::import::RowError>,
            /// The encoding the file was read in.
            pub encoding: $crate::import::TextEncoding,
            /// Whether it started with a byte-order mark.
            pub bom: bool,
            /// The cell separator used (`comma` or `tab`; `comma` for a workbook).
            pub delimiter: $crate::import::Delimiter,
            /// The file format, from its first bytes.
            pub format: $crate::import::FileFormat,
            /// The worksheet read, for a workbook.
            pub sheet: Option<String>,
            /// The header cells that fed fields, in column order.
            pub columns: Vec<$crate::import::ColumnUse>,
            /// Header cells no field uses (ignored), as written.
            pub ignored_columns: Vec<String>,
            /// Data rows read (good and bad; not counting skipped rows).
            pub rows: u64,
            /// Blank rows and group lines skipped.
            pub skipped_rows: u64,
            /// Whether reading stopped at `policy.limits.import_max_rows`.
            pub truncated: bool,
            /// About the file as a whole: a group subtotal (`筆數: N`) that
            /// disagrees with the rows read, columns the record's duties need
            /// that the file lacks.
            pub findings: Vec<$crate::finding::Finding>,
        }

        impl $crate::import::ImportResult for $name {
            type Record = $record;
            fn source(&self) -> $crate::files::FileSource {
                $crate::files::FileSource {
                    encoding: self.encoding,
                    bom: self.bom,
                    delimiter: self.delimiter,
                    format: self.format,
                    sheet: self.sheet.clone(),
                    columns: self.columns.clone(),
                    ignored_columns: self.ignored_columns.clone(),
                    rows: self.rows,
                    skipped_rows: self.skipped_rows,
                    truncated: self.truncated,
                }
            }
            fn findings(&self) -> &[$crate::finding::Finding] {
                &self.findings
            }
            fn new(read_as: $crate::import::ReadAs) -> Self {
                $name {
                    records: Vec::new(),
                    lines: Vec::new(),
                    errors: Vec::new(),
                    encoding: read_as.encoding,
                    bom: read_as.bom,
                    delimiter: read_as.delimiter,
                    format: read_as.format,
                    sheet: read_as.sheet,
                    columns: Vec::new(),
                    ignored_columns: Vec::new(),
                    rows: 0,
                    skipped_rows: 0,
                    truncated: false,
                    findings: Vec::new(),
                }
            }
            fn parts(&mut self) -> $crate::import::Parts<'_, $record> {
                $crate::import::Parts {
                    records: &mut self.records,
                    lines: &mut self.lines,
                    errors: &mut self.errors,
                    columns: &mut self.columns,
                    ignored_columns: &mut self.ignored_columns,
                    rows: &mut self.rows,
                    skipped_rows: &mut self.skipped_rows,
                    truncated: &mut self.truncated,
                    findings: &mut self.findings,
                }
            }
        }
    )*};
}
#[cfg(test)]
pub(crate) use import_results;

/// A result type of one record type (declared once by a macro of this module): what the reader fills.
pub trait ImportResult {
    /// The record of a good row.
    type Record;
    /// An empty result for a file read as given.
    fn new(read_as: ReadAs) -> Self;
    /// How the file was read.
    fn source(&self) -> crate::files::FileSource;
    /// What the reader found about the file as a whole.
    fn findings(&self) -> &[crate::finding::Finding];
    /// The parts the reader fills.
    fn parts(&mut self) -> Parts<'_, Self::Record>;
}

/// The parts of an import result the reader fills.
pub struct Parts<'a, T> {
    /// The records of the good rows.
    pub records: &'a mut Vec<T>,
    /// The line of each record.
    pub lines: &'a mut Vec<u64>,
    /// The errors of the bad rows.
    pub errors: &'a mut Vec<RowError>,
    /// The header cells that fed fields.
    pub columns: &'a mut Vec<ColumnUse>,
    /// Header cells no field uses.
    pub ignored_columns: &'a mut Vec<String>,
    /// Data rows read.
    pub rows: &'a mut u64,
    /// Rows skipped.
    pub skipped_rows: &'a mut u64,
    /// Reading stopped at the row limit.
    pub truncated: &'a mut bool,
    /// Findings about the file as a whole.
    pub findings: &'a mut Vec<crate::finding::Finding>,
}

import_results! {
    /// Incidents read from the department's table (RULES §7).
    IncidentImport(crate::incident::Incident);
    /// Drill reports read from a file (RULES §7).
    DrillImport(crate::drill::DrillReport);
    /// The schools' figures for the on-site pick, read from a file (RULES §8).
    SchoolImport(crate::audit::AuditSchool);
    /// Website scan findings read from a file (RULES §8).
    ScanImport(crate::audit::ScanFinding);
    /// Mailboxes read from a mail-system or school-admin export (RULES §4).
    MailboxImport(crate::mailbox::MailboxRecord);
    /// People read from a school-admin export (RULES §5).
    AccountImport(crate::account::AccountRecord);
    /// Families read from a table (RULES §5; issue 21 §1).
    FamilyImport(crate::parent::FamilyRecord);
}

/// Reads a CSV/TSV file of one record type. See the module docs.
///
/// File-level problems (size, encoding, empty file, header line) are an `Err`;
/// row-level problems are [`RowError`]s beside the good records.
pub fn import_with<O: ImportResult>(
    data: &[u8],
    schema: &Schema,
    options: &ImportOptions,
    policy: &Policy,
    convert: impl Fn(&Row) -> std::result::Result<O::Record, RowError>,
) -> Result<O> {
    table::read(data, schema, options, policy, convert)
}

/// A count cell: a whole number ≥ 0, or yes/no words read as 1/0 (`是`, `有`,
/// `Y`, `yes`, `true`, `V`, `✓` → 1; `否`, `無`, `N`, `no`, `false` → 0).
///
/// ```
/// use ntpc_policy::import::parse_count;
/// assert_eq!(parse_count("3").unwrap(), 3);
/// assert_eq!(parse_count("是").unwrap(), 1);
/// assert_eq!(parse_count("無").unwrap(), 0);
/// assert!(parse_count("-1").is_err());
/// ```
pub fn parse_count(text: &str) -> Result<u32> {
    let t: String = unicode_normalization::UnicodeNormalization::nfkc(text.trim()).collect();
    match t.to_lowercase().as_str() {
        "是" | "有" | "y" | "yes" | "true" | "v" | "✓" | "✔" => return Ok(1),
        "否" | "無" | "n" | "no" | "false" | "" => return Ok(0),
        _ => {}
    }
    t.parse::<u32>().map_err(|_| {
        invalid_value(
            text,
            "expected a whole number of 0 or more, or yes/no",
            "須為 0 以上的整數，或 是／否",
        )
    })
}
