//! Workbooks in (issue 21 §1; docs/workbooks.md): `.xlsx`, `.xls` (BIFF8) and
//! `.ods` read through calamine, their rows handed to the same table reader as
//! CSV so the header mapping, the row errors and the limits are the same.
//!
//! - **Format by first bytes** (`document::sniff`): zip → xlsx when it has
//!   `xl/workbook.xml`, ods when it has `content.xml`; a zip that is a Word or
//!   Writer document is `workbook.not_a_workbook`. OLE2 → xls, unless it is an
//!   encrypted Office Open XML package (`workbook.password_protected`).
//! - **Limits first**: the file size (`import_max_bytes`), then every zip
//!   entry unpacked once under `archive_max_uncompressed_bytes` and
//!   `archive_max_entries`, with DTDs refused (`document::zip`). calamine
//!   parses only what passed.
//! - **Sheet**: the first by default, `ImportOptions::sheet` by name (exact,
//!   then ignoring case and width); an unknown name is
//!   `workbook.sheet_not_found` listing the sheets.
//! - **Rows**: a row's `line` is its row number in the sheet (1-based, as the
//!   spreadsheet shows it) and errors name the sheet. Cells are placed by
//!   column from A, so a header that starts in column B still maps. Rows a
//!   spreadsheet does not store (empty) are not rows, as empty lines are not.
//! - **Cells as text**, as the CSV importer would see them typed: text as is;
//!   a whole number without `.0` (so `900001` stays a school code); a date
//!   cell (an Excel serial number with a date format, or an ODS date) as
//!   `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`, which every date parser of the
//!   core accepts; a date typed as text in any calendar style stays text and
//!   is read by the same parsers as CSV. A number cell in a *date column*
//!   with five digits before any fraction (`44477`, `44477.75`) is an Excel
//!   serial date, as a date column saved without a date format shows it
//!   ([`serial_date`], through `Row::parse_date`); other numbers (a ROC
//!   `1100207` typed as a number) stay numbers and the date parser
//!   judges it. Booleans are `TRUE`/`FALSE`; error cells (`#N/A`) their text.
//! - **xlsx is streamed** cell by cell (calamine's cell reader), so a sheet
//!   whose few cells claim a huge bounding box costs only its cells; at most
//!   `2 × import_max_rows + 1 000` non-empty rows are kept, then reading stops
//!   with `import.too_many_rows` (group lines of a grouped export also count).

use super::split::{Next, Record, RowSource};
use super::table::ReadAs;
use super::{Delimiter, FileFormat, ImportOptions, TextEncoding};
use crate::codes::Code;
use crate::document::{Container, is_encrypted_ooxml, sniff, zip};
use crate::error::{PolicyError, Result};
use crate::finding::Params;
use crate::policy::Policy;
use calamine::{DataType, Reader};
use std::io::Cursor;

/// The rows of one worksheet, kept in memory, as the table reader takes them.
pub(super) struct SheetRows {
    /// (row number, cells by column from A) of each non-empty row, in order.
    rows: std::vec::IntoIter<(u64, Vec<String>)>,
    width: usize,
    cut_at: Option<u64>,
}

impl RowSource for SheetRows {
    fn next_row(&mut self, keep: usize) -> Next {
        let Some((line, mut cells)) = self.rows.next() else {
            return Next::End;
        };
        // A spreadsheet stores no trailing empty cells: count to the last
        // non-empty one, and pad to the header's width.
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        let count = cells.len().max(self.width);
        let blank = cells.iter().all(|c| c.trim().is_empty());
        let mut buf = String::with_capacity(cells.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(count.min(keep));
        for i in 0..count.min(keep) {
            if let Some(c) = cells.get(i) {
                buf.push_str(c);
            }
            ends.push(buf.len());
        }
        Next::Record(Record {
            line,
            start: 0,
            buf,
            ends,
            count,
            blank,
            multiline: false,
        })
    }

    fn skip_row(&mut self, _start: usize, _line: u64) {}

    fn set_width(&mut self, width: usize) {
        self.width = width;
    }

    fn cut_at(&self) -> Option<u64> {
        self.cut_at
    }
}

/// `workbook.unreadable` for a format, with the parser's reason.
fn unreadable(format: &str, reason: impl std::fmt::Display) -> PolicyError {
    PolicyError::File {
        code: Code::WorkbookUnreadable,
        params: Params::new()
            .with("format", format.to_owned())
            .with("reason", crate::calendar::clip(&reason.to_string()))
            .with("reason_zh", "內部結構無法解析"),
    }
}

fn password(format: &str) -> PolicyError {
    PolicyError::File {
        code: Code::WorkbookPasswordProtected,
        params: Params::new().with("format", format.to_owned()),
    }
}

fn not_a_workbook(format: &str) -> PolicyError {
    PolicyError::File {
        code: Code::WorkbookNotAWorkbook,
        params: Params::new().with("format", format.to_owned()),
    }
}

/// Which workbook format a checked zip holds.
pub(crate) fn zip_format(names: &[String]) -> Option<FileFormat> {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") {
        Some(FileFormat::Xlsx)
    } else if has("content.xml") && !has("word/document.xml") {
        Some(FileFormat::Ods)
    } else {
        None
    }
}

/// What a zip that is no workbook is, for the error.
pub(crate) fn zip_kind(names: &[String]) -> &'static str {
    if names.iter().any(|n| n == "word/document.xml") {
        "docx"
    } else if names.iter().any(|n| n == "ppt/presentation.xml") {
        "pptx"
    } else {
        "zip"
    }
}

/// The sheet to read: `wanted` by name (exact, then folded), or the first.
pub(crate) fn pick_sheet(names: &[String], wanted: Option<&str>) -> Result<String> {
    let not_found = |sheet: &str| PolicyError::File {
        code: Code::WorkbookSheetNotFound,
        params: Params::new()
            .with("sheet", crate::calendar::clip(sheet))
            .with("sheets", crate::calendar::clip(&names.join("、"))),
    };
    match wanted {
        None => names.first().cloned().ok_or_else(|| not_found("")),
        Some(w) => {
            let fold = |s: &str| -> String {
                unicode_normalization::UnicodeNormalization::nfkc(s.trim())
                    .flat_map(char::to_lowercase)
                    .collect()
            };
            names
                .iter()
                .find(|n| n.as_str() == w)
                .or_else(|| names.iter().find(|n| fold(n) == fold(w)))
                .cloned()
                .ok_or_else(|| not_found(w))
        }
    }
}

/// A cell as the text the CSV importer would have read (see the module docs).
pub(crate) fn cell_text<T: DataType>(cell: &T) -> String {
    if cell.is_empty() {
        return String::new();
    }
    if let Some(s) = cell.get_string() {
        return s.to_owned();
    }
    if let Some(i) = cell.get_int() {
        return i.to_string();
    }
    if let Some(dt) = cell.get_datetime() {
        if !dt.is_duration()
            && let Some(t) = dt.as_datetime()
        {
            return date_text(t);
        }
        return number_text(dt.as_f64());
    }
    if let Some(f) = cell.get_float() {
        return number_text(f);
    }
    if let Some(b) = cell.get_bool() {
        return if b { "TRUE" } else { "FALSE" }.to_owned();
    }
    if let Some(s) = cell.get_datetime_iso() {
        // ODS: `2021-02-08T17:50:00`, or a date alone.
        return match chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
            Ok(t) => date_text(t),
            Err(_) => s.to_owned(),
        };
    }
    if let Some(s) = cell.get_duration_iso() {
        return s.to_owned();
    }
    if let Some(e) = cell.get_error() {
        return e.to_string();
    }
    String::new()
}

/// A date cell: the date alone at midnight, else minutes (and seconds when set).
fn date_text(t: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    if t.time() == chrono::NaiveTime::MIN {
        t.format("%Y-%m-%d").to_string()
    } else if t.second() == 0 {
        t.format("%Y-%m-%d %H:%M").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// The date an Excel serial number stands for, as [`date_text`] writes a date
/// cell: five digits before an optional fraction (`44477`, `44477.75`), the
/// days since 1899-12-30 in Excel's 1900 date system, the time of day rounded
/// to the second. Anything else is `None` (see [`super::Row::parse_date`]).
pub(crate) fn serial_date(text: &str) -> Option<String> {
    let (days, fraction) = match text.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (text, ""),
    };
    if days.len() != 5
        || !days.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || days.starts_with('0')
    {
        return None;
    }
    let days: i64 = days.parse().ok()?;
    let fraction: f64 = if fraction.is_empty() {
        0.0
    } else {
        format!("0.{fraction}").parse().ok()?
    };
    let seconds = (fraction * 86_400.0).round() as i64;
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(chrono::NaiveTime::MIN);
    let t = epoch
        .checked_add_signed(chrono::TimeDelta::try_days(days)?)?
        .checked_add_signed(chrono::TimeDelta::try_seconds(seconds)?)?;
    Some(date_text(t))
}

/// A number as typed: whole numbers without `.0`, others in shortest form.
fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Keeps non-empty rows of cells (by absolute position) up to a cap.
struct Collect {
    rows: Vec<(u64, Vec<String>)>,
    cap: usize,
    max_columns: usize,
    cut_at: Option<u64>,
}

impl Collect {
    fn new(policy: &Policy) -> Self {
        let max_rows = usize::try_from(policy.limits.import_max_rows).unwrap_or(usize::MAX);
        Collect {
            rows: Vec::new(),
            cap: max_rows.saturating_mul(2).saturating_add(1000),
            max_columns: usize::try_from(policy.limits.import_max_columns).unwrap_or(usize::MAX),
            cut_at: None,
        }
    }

    /// Adds a non-empty cell; `false` once the cap is reached.
    fn push(&mut self, row: u32, col: u32, text: String) -> bool {
        if text.is_empty() {
            return true;
        }
        let line = u64::from(row) + 1;
        let col = col as usize;
        let same = self.rows.last().is_some_and(|(l, _)| *l == line);
        if !same {
            if self.rows.len() >= self.cap {
                self.cut_at = Some(line);
                return false;
            }
            if self.rows.last().is_some_and(|(l, _)| *l > line) {
                // Out of order (hostile or odd writer): find its row.
                if let Some(pos) = self.rows.iter().position(|(l, _)| *l == line) {
                    return self.set(pos, col, text);
                }
                let pos = self.rows.partition_point(|(l, _)| *l < line);
                self.rows.insert(pos, (line, Vec::new()));
                return self.set(pos, col, text);
            }
            self.rows.push((line, Vec::new()));
        }
        let last = self.rows.len() - 1;
        self.set(last, col, text)
    }

    fn set(&mut self, pos: usize, col: usize, text: String) -> bool {
        // One cell past the column limit is enough for the reader to refuse
        // the header or see a row too wide; a hostile `XFD1` costs nothing.
        if col > self.max_columns {
            return true;
        }
        let cells = &mut self.rows[pos].1;
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        cells[col] = text;
        true
    }

    fn done(self, width: usize) -> SheetRows {
        SheetRows {
            rows: self.rows.into_iter(),
            width,
            cut_at: self.cut_at,
        }
    }
}

/// Runs a calamine read so that a panic inside the parser is a
/// `workbook.unreadable` error, not a crash of the caller's process. Fuzzing
/// found such panics in calamine 0.38 on damaged files: an out-of-range slice
/// in its OLE2 sector reader (`cfb.rs`) and an assertion in `utils.rs` on a
/// truncated xls record (tests/fuzz-regressions/workbook_import,
/// document_scan). calamine holds no state of ours across the call, so
/// nothing is left half-changed when it unwinds.
fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(unreadable(
            "workbook",
            "the workbook's internal structure is damaged (the reader stopped)",
        ))
    })
}

/// calamine's ods reader over the bytes, a password its own error.
fn open_ods(data: &[u8]) -> Result<calamine::Ods<Cursor<&[u8]>>> {
    calamine::Ods::new(Cursor::new(data)).map_err(|e| match e {
        calamine::OdsError::Password => password("ods"),
        e => unreadable("ods", e),
    })
}

/// calamine's xls reader over the bytes (after the encrypted-xlsx check), a
/// password its own error.
fn open_xls(data: &[u8]) -> Result<calamine::Xls<Cursor<&[u8]>>> {
    if is_encrypted_ooxml(data) {
        return Err(password("xlsx"));
    }
    calamine::Xls::new(Cursor::new(data)).map_err(|e| match e {
        calamine::XlsError::Password => password("xls"),
        e => unreadable("xls", e),
    })
}

/// Opens a workbook (see the module docs) and reads the chosen sheet's rows.
pub(super) fn open(
    data: &[u8],
    options: &ImportOptions,
    policy: &Policy,
) -> Result<(SheetRows, ReadAs)> {
    guarded(|| open_unguarded(data, options, policy))
}

fn open_unguarded(
    data: &[u8],
    options: &ImportOptions,
    policy: &Policy,
) -> Result<(SheetRows, ReadAs)> {
    let read_as = |format, sheet| ReadAs {
        encoding: TextEncoding::Utf8,
        bom: false,
        delimiter: Delimiter::Comma,
        format,
        sheet: Some(sheet),
    };
    let mut rows = Collect::new(policy);
    match sniff(data) {
        Container::Zip => {
            let checked = zip::check(data, policy)?;
            match zip_format(&checked.names) {
                Some(FileFormat::Xlsx) => {
                    let mut wb = calamine::Xlsx::new(Cursor::new(data))
                        .map_err(|e| unreadable("xlsx", e))?;
                    let sheet = pick_sheet(&wb.sheet_names(), options.sheet.as_deref())?;
                    let mut cells = wb
                        .worksheet_cells_reader(&sheet)
                        .map_err(|e| unreadable("xlsx", e))?;
                    while let Some(c) = cells.next_cell().map_err(|e| unreadable("xlsx", e))? {
                        let (r, col) = c.get_position();
                        if !rows.push(r, col, cell_text(c.get_value())) {
                            break;
                        }
                    }
                    Ok((rows.done(0), read_as(FileFormat::Xlsx, sheet)))
                }
                Some(FileFormat::Ods) => {
                    let mut wb = open_ods(data)?;
                    let sheet = pick_sheet(&wb.sheet_names(), options.sheet.as_deref())?;
                    let range = wb.worksheet_range(&sheet).map_err(|e| match e {
                        calamine::OdsError::Password => password("ods"),
                        e => unreadable("ods", e),
                    })?;
                    for (r, c, v) in range.used_cells() {
                        let (r0, c0) = range.start().unwrap_or((0, 0));
                        if !rows.push(r0 + r as u32, c0 + c as u32, cell_text(v)) {
                            break;
                        }
                    }
                    Ok((rows.done(0), read_as(FileFormat::Ods, sheet)))
                }
                _ => Err(not_a_workbook(zip_kind(&checked.names))),
            }
        }
        Container::Ole2 => {
            let mut wb = open_xls(data)?;
            let sheet = pick_sheet(&wb.sheet_names(), options.sheet.as_deref())?;
            let range = wb
                .worksheet_range(&sheet)
                .map_err(|e| unreadable("xls", e))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, v) in range.used_cells() {
                if !rows.push(r0 + r as u32, c0 + c as u32, cell_text(v)) {
                    break;
                }
            }
            Ok((rows.done(0), read_as(FileFormat::Xls, sheet)))
        }
        Container::Pdf => Err(not_a_workbook("pdf")),
        Container::Text => Err(unreadable("csv", "not a workbook")),
    }
}

/// Every used cell of every sheet of a workbook read whole (xls, ods), with its
/// position in the sheet, to `put`.
fn every_cell<'a, R: Reader<Cursor<&'a [u8]>>>(
    wb: &mut R,
    format: &str,
    put: &mut impl FnMut(&str, u32, u32, String),
) -> Result<()>
where
    R::Error: std::fmt::Display,
{
    for sheet in wb.sheet_names() {
        let range = wb
            .worksheet_range(&sheet)
            .map_err(|e| unreadable(format, e))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            put(&sheet, r0 + r as u32, c0 + c as u32, cell_text(v));
        }
    }
    Ok(())
}

/// Every non-empty cell of every sheet of a workbook, as `f(sheet, row, col,
/// text)` (0-based row and column), under the same checks as [`open`]: for
/// the ID scan of documents (issue 21 §2). Cells past `import_max_columns` or
/// rows past `2 × import_max_rows + 1 000` are not read.
pub(crate) fn workbook_cells(
    data: &[u8],
    policy: &Policy,
    f: impl FnMut(&str, u32, u32, String),
) -> Result<()> {
    guarded(|| workbook_cells_unguarded(data, policy, f))
}

fn workbook_cells_unguarded(
    data: &[u8],
    policy: &Policy,
    mut f: impl FnMut(&str, u32, u32, String),
) -> Result<()> {
    let max_col = u32::try_from(policy.limits.import_max_columns).unwrap_or(u32::MAX);
    let max_row = u32::try_from(
        policy
            .limits
            .import_max_rows
            .saturating_mul(2)
            .saturating_add(1000),
    )
    .unwrap_or(u32::MAX);
    let mut put = |sheet: &str, r: u32, c: u32, text: String| {
        if !text.is_empty() && r < max_row && c < max_col {
            f(sheet, r, c, text);
        }
    };
    match sniff(data) {
        Container::Zip => {
            let checked = zip::check(data, policy)?;
            match zip_format(&checked.names) {
                Some(FileFormat::Xlsx) => {
                    let mut wb = calamine::Xlsx::new(Cursor::new(data))
                        .map_err(|e| unreadable("xlsx", e))?;
                    for sheet in wb.sheet_names() {
                        let mut cells = wb
                            .worksheet_cells_reader(&sheet)
                            .map_err(|e| unreadable("xlsx", e))?;
                        while let Some(c) = cells.next_cell().map_err(|e| unreadable("xlsx", e))? {
                            let (r, col) = c.get_position();
                            if r >= max_row {
                                break;
                            }
                            put(&sheet, r, col, cell_text(c.get_value()));
                        }
                    }
                    Ok(())
                }
                Some(FileFormat::Ods) => {
                    let mut wb = open_ods(data)?;
                    every_cell(&mut wb, "ods", &mut put)
                }
                _ => Err(not_a_workbook(zip_kind(&checked.names))),
            }
        }
        Container::Ole2 => {
            let mut wb = open_xls(data)?;
            every_cell(&mut wb, "xls", &mut put)
        }
        Container::Pdf => Err(not_a_workbook("pdf")),
        Container::Text => Err(unreadable("xlsx", "not a workbook: text")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_typed() {
        use calamine::Data;
        assert_eq!(cell_text(&Data::Float(900001.0)), "900001");
        assert_eq!(cell_text(&Data::Float(7.5)), "7.5");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(
            cell_text(&Data::DateTimeIso("2021-02-08T17:50:00".into())),
            "2021-02-08 17:50"
        );
        // 44235.74305… is 2021-02-08 17:50 (Excel's 1900 system).
        let dt = calamine::ExcelDateTime::new(
            44235.0 + (17.0 * 60.0 + 50.0) / 1440.0,
            calamine::ExcelDateTimeType::DateTime,
            false,
        );
        assert_eq!(cell_text(&Data::DateTime(dt)), "2021-02-08 17:50");
        let d = calamine::ExcelDateTime::new(44235.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(d)), "2021-02-08");
    }

    #[test]
    fn serial_numbers_are_dates() {
        // Worked out apart: date(1899, 12, 30) + timedelta(days) in Python.
        assert_eq!(serial_date("44477").as_deref(), Some("2021-10-08"));
        assert_eq!(serial_date("44477.75").as_deref(), Some("2021-10-08 18:00"));
        assert_eq!(
            serial_date("44235.7430555556").as_deref(),
            Some("2021-02-08 17:50")
        );
        assert_eq!(serial_date("10000").as_deref(), Some("1927-05-18"));
        assert_eq!(serial_date("99999").as_deref(), Some("2173-10-13"));
        for not in [
            "1100207",
            "690701",
            "9999",
            "04477",
            "44477.",
            "-44477",
            "4447a",
            "",
            "44477.5e1",
        ] {
            assert_eq!(serial_date(not), None, "{not}");
        }
    }

    #[test]
    fn picks_sheets_by_name() {
        let names = vec!["事件".to_owned(), "Drills".to_owned()];
        assert_eq!(pick_sheet(&names, None).unwrap(), "事件");
        assert_eq!(pick_sheet(&names, Some("drills")).unwrap(), "Drills");
        let e = pick_sheet(&names, Some("x")).unwrap_err();
        assert_eq!(e.code(), Code::WorkbookSheetNotFound);
        assert!(
            e.message_en().contains("事件、Drills"),
            "{}",
            e.message_en()
        );
    }
}
