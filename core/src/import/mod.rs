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
//!   skipped (counted). A row with the wrong number of cells, a cell over
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
//! use ntpc_policy::{Policy, import::{self, ColumnSpec, ImportOptions, Schema}};
//! const SCHEMA: Schema = Schema {
//!     record: "school", record_zh: "學校", skip_prefixes: &[], unique: None,
//!     columns: &[ColumnSpec { field: "school", headers: &["學校代碼", "school"], required: true }],
//! };
//! let data = "\u{feff}學校代碼,備註\r\n014601,\"a, b\"\r\n,x\r\n";
//! let got = import::import_with(data.as_bytes(), &SCHEMA, &ImportOptions::default(),
//!     &Policy::default(), |row| row.required("school").map(str::to_owned)).unwrap();
//! assert_eq!(got.records, ["014601"]);
//! assert_eq!(got.ignored_columns, ["備註"]);
//! assert_eq!((got.errors[0].line, got.errors[0].code().as_str()), (3, "import.missing_value"));
//! ```

mod decode;
mod escape;
mod table;

pub(crate) use decode::decode_cow;
pub use decode::{Decoded, TextEncoding, decode};
pub use escape::csv_escape_cell;
pub use table::{ColumnSpec, Row, Schema, invalid_value};

use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::policy::Policy;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// The cell separator of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
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
#[serde(deny_unknown_fields, default)]
pub struct ImportOptions {
    /// The cell separator; `auto` detects it.
    pub delimiter: Delimiter,
}

/// A header cell that fed a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("line", &self.line)?;
        m.serialize_entry("column", &self.column)?;
        m.serialize_entry("header", &self.header)?;
        m.serialize_entry("field", &self.field)?;
        m.serialize_entry("code", self.error.code().as_str())?;
        m.serialize_entry("params", &self.error.params())?;
        m.serialize_entry("message_zh", &self.error.message_zh())?;
        m.serialize_entry("message_en", &self.error.message_en())?;
        m.end()
    }
}

/// The good records of a file, the errors of the bad rows, and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Imported<T> {
    /// The records of the good rows, in file order.
    pub records: Vec<T>,
    /// The line each record starts on (parallel to `records`).
    pub lines: Vec<u64>,
    /// One error per bad row, in file order.
    pub errors: Vec<RowError>,
    /// The encoding the file was read in.
    pub encoding: TextEncoding,
    /// Whether it started with a byte-order mark.
    pub bom: bool,
    /// The cell separator used (`comma` or `tab`).
    pub delimiter: Delimiter,
    /// The header cells that fed fields, in column order.
    pub columns: Vec<ColumnUse>,
    /// Header cells no field uses (ignored), as written.
    pub ignored_columns: Vec<String>,
    /// Data rows read (good and bad; not counting skipped rows).
    pub rows: usize,
    /// Blank rows and group lines skipped.
    pub skipped_rows: usize,
    /// Whether reading stopped at `policy.limits.import_max_rows`.
    pub truncated: bool,
}

impl<T> Imported<T> {
    fn new(encoding: TextEncoding, bom: bool, delimiter: Delimiter) -> Self {
        Imported {
            records: Vec::new(),
            lines: Vec::new(),
            errors: Vec::new(),
            encoding,
            bom,
            delimiter,
            columns: Vec::new(),
            ignored_columns: Vec::new(),
            rows: 0,
            skipped_rows: 0,
            truncated: false,
        }
    }
}

/// Reads a CSV/TSV file of one record type. See the module docs.
///
/// File-level problems (size, encoding, empty file, header line) are an `Err`;
/// row-level problems are [`RowError`]s beside the good records.
pub fn import_with<T>(
    data: &[u8],
    schema: &Schema,
    options: &ImportOptions,
    policy: &Policy,
    convert: impl Fn(&Row) -> std::result::Result<T, RowError>,
) -> Result<Imported<T>> {
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
