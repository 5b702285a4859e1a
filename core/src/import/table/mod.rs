//! Header mapping and row reading shared by every importer.

use super::decode::decode_cow;
use super::split::{Next, Record, RowSource, Splitter, detect};
use super::{Delimiter, ImportOptions, ImportResult, RowError};
use crate::calendar;
use crate::error::{PolicyError, Result};
use crate::policy::Policy;
use unicode_normalization::UnicodeNormalization;

/// One column a record type reads: its field and the header names that mean it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The record field (snake_case, as in the record's JSON).
    pub field: &'static str,
    /// Header names in Chinese and English; the first is the one shown in errors.
    /// Matching ignores case, width, spaces, `_` and `-`.
    pub headers: &'static [&'static str],
    /// Whether the header line must have this column.
    pub required: bool,
}

/// The header table of one record type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schema {
    /// The record type in English (`incident`), for errors.
    pub record: &'static str,
    /// The record type in Chinese (`資安事件`), for errors.
    pub record_zh: &'static str,
    /// Its columns.
    pub columns: &'static [ColumnSpec],
    /// Rows whose first cell starts with one of these are not data and are skipped.
    pub skip_prefixes: &'static [&'static str],
    /// The group lines of a grouped table, when the record type has them (the
    /// department's incident export: `▲ 通報單位: <school>` … `筆數: N`).
    pub groups: Option<GroupLines>,
    /// A field whose value names the record (an incident's 編號, a school's
    /// code): a later row with the same value is `import.duplicate_key` at that
    /// row, naming the line of the first, so a file edited by hand cannot count
    /// one incident twice.
    pub unique: Option<&'static str>,
}

/// The group lines of a grouped export (seed 000 PART FOUR 各校通報事件統計): an
/// opening line `▲ 通報單位: 新北市三重區三重國民小學` names the value of one field
/// for the rows below it, and a closing line `筆數: 3` states how many rows the
/// group has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupLines {
    /// The first cell of an opening line starts with this (`▲`).
    pub opener: &'static str,
    /// The field the group names (`unit`): [`Row::group`] gives its value.
    pub field: &'static str,
    /// The first cell of a closing line starts with this (`筆數`).
    pub subtotal: &'static str,
}

/// The group being read: its name, the line that opened it, the rows read since.
struct OpenGroup {
    name: Option<String>,
    line: Option<u64>,
    rows: u64,
}

/// The value after the first `:` or `：` (or the whole text without one), trimmed.
fn after_colon(text: &str) -> &str {
    text.split_once([':', '：']).map_or(text, |(_, v)| v).trim()
}

/// One data row, with its cells addressed by field name. It borrows the row
/// as the splitter cut it and the header line's names: reading a row copies no
/// cell (a copy of each cell and of its header was two allocations per cell, a
/// third of the incident import's instructions; issue 9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The line (1-based) the row starts on.
    pub line: u64,
    schema: Schema,
    record: &'a Record,
    /// For each schema column, the header cell feeding it: its index and its
    /// trimmed name.
    slots: &'a [Option<(usize, String)>],
    group: Option<&'a str>,
    /// The row comes from a workbook, whose number cells may be dates
    /// ([`Row::parse_date`]).
    workbook: bool,
}

impl<'a> Row<'a> {
    /// The name of the group the row is in (the value its opening line gives for
    /// the schema's group field), when the file is grouped.
    pub fn group(&self) -> Option<&'a str> {
        self.group
    }

    /// Whether the row comes from a workbook (xlsx, xls, ods).
    pub fn from_workbook(&self) -> bool {
        self.workbook
    }

    /// Whether the header line has a column for `field`.
    pub fn has_column(&self, field: &str) -> bool {
        self.slot(field).is_some()
    }

    fn slot(&self, field: &str) -> Option<&'a (usize, String)> {
        let i = self.schema.columns.iter().position(|c| c.field == field)?;
        self.slots.get(i).and_then(Option::as_ref)
    }

    /// The text of a field's cell, untrimmed, when the header has its column.
    fn cell(&self, field: &str) -> Option<&'a str> {
        self.slot(field).map(|(i, _)| self.record.cell(*i))
    }

    /// The trimmed cell of a field; `None` when the column is absent or the cell blank.
    pub fn get(&self, field: &str) -> Option<&'a str> {
        self.cell(field).map(str::trim).filter(|t| !t.is_empty())
    }

    /// The trimmed cell of a field, or `import.missing_value` at its position.
    pub fn required(&self, field: &str) -> std::result::Result<&'a str, RowError> {
        self.get(field).ok_or_else(|| {
            let header = self.header_of(field);
            self.error(field, PolicyError::ImportMissingValue { field: header })
        })
    }

    /// The cell of a field read by `f`; a blank cell is `None`, an error of `f`
    /// becomes a [`RowError`] at the cell. An `import.invalid_value` error with an
    /// empty `field` gets the column's header filled in.
    pub fn parse<T>(
        &self,
        field: &str,
        f: impl FnOnce(&str) -> Result<T>,
    ) -> std::result::Result<Option<T>, RowError> {
        match self.get(field) {
            None => Ok(None),
            Some(text) => f(text).map(Some).map_err(|e| self.error(field, e)),
        }
    }

    /// Like [`Row::parse`], for a date or date-time column: in a workbook, a
    /// cell holding an Excel serial number (a number with five digits before
    /// any fraction: 1927-05-18 to 2173-10-13) is read as the date it stands
    /// for, `44477` → `2021-10-08`, `44477.75` → `2021-10-08 18:00`, since a
    /// date column saved without a date format shows just that (issue 21 §1).
    /// Other numbers stay as typed, so a ROC date typed as a number
    /// (`1100207`) is still read as one. CSV cells are never serials.
    pub fn parse_date<T>(
        &self,
        field: &str,
        f: impl FnOnce(&str) -> Result<T>,
    ) -> std::result::Result<Option<T>, RowError> {
        match self.get(field) {
            None => Ok(None),
            Some(text) => f(&self.serial_as_date(text))
                .map(Some)
                .map_err(|e| self.error(field, e)),
        }
    }

    /// Like [`Row::parse_date`], for a required field.
    pub fn parse_date_required<T>(
        &self,
        field: &str,
        f: impl FnOnce(&str) -> Result<T>,
    ) -> std::result::Result<T, RowError> {
        let text = self.required(field)?;
        f(&self.serial_as_date(text)).map_err(|e| self.error(field, e))
    }

    fn serial_as_date<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        match self.workbook.then(|| super::workbook::serial_date(text)) {
            Some(Some(date)) => date.into(),
            _ => text.into(),
        }
    }

    /// Like [`Row::parse`], for a required field.
    pub fn parse_required<T>(
        &self,
        field: &str,
        f: impl FnOnce(&str) -> Result<T>,
    ) -> std::result::Result<T, RowError> {
        let text = self.required(field)?;
        f(text).map_err(|e| self.error(field, e))
    }

    /// An error at the cell of `field` (or the row, when the column is absent).
    pub fn error(&self, field: &str, error: PolicyError) -> RowError {
        let slot = self.slot(field);
        let header = self.header_of(field);
        let error = match error {
            PolicyError::ImportInvalidValue {
                field: f,
                value,
                reason,
                reason_zh,
            } if f.is_empty() => PolicyError::ImportInvalidValue {
                field: header.clone(),
                value,
                reason,
                reason_zh,
            },
            e => e,
        };
        RowError {
            line: self.line,
            column: slot.map(|(i, _)| *i as u64 + 1),
            header: Some(header),
            field: Some(field.to_owned()),
            sheet: None,
            file: None,
            error: Box::new(error),
        }
    }

    fn header_of(&self, field: &str) -> String {
        match self.slot(field) {
            Some((_, h)) => h.clone(),
            None => self
                .schema
                .columns
                .iter()
                .find(|c| c.field == field)
                .and_then(|c| c.headers.first())
                .map_or_else(|| field.to_owned(), |h| (*h).to_owned()),
        }
    }
}

/// An `import.invalid_value` error for a cell parser; [`Row::parse`] fills in the column.
pub fn invalid_value(value: &str, reason: &str, reason_zh: &str) -> PolicyError {
    PolicyError::ImportInvalidValue {
        field: String::new(),
        value: calendar::clip(value),
        reason: reason.to_owned(),
        reason_zh: reason_zh.to_owned(),
    }
}

/// Most title lines looked past for the header line (decided: 5; a title, a
/// date line and a unit line are the most seen above an export's header).
const TITLE_LINES: usize = 5;

/// Header text folded for matching: NFKC, lowercase, no spaces, `_` or `-`.
fn fold(header: &str) -> String {
    if header.is_ascii() {
        // NFKC leaves ASCII as it is.
        return header
            .chars()
            .map(|c| c.to_ascii_lowercase())
            .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
            .collect();
    }
    header
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect()
}

/// The folded header names of a schema, each with its column: built once per
/// file, so mapping a header line costs one fold and one look-up per cell
/// (issue 14 §4: it was every alias of every field, folded again, per cell).
fn header_index(schema: &Schema) -> std::collections::HashMap<String, usize> {
    let mut index = std::collections::HashMap::new();
    for (k, c) in schema.columns.iter().enumerate() {
        for a in c.headers {
            index.entry(fold(a)).or_insert(k);
        }
    }
    index
}

/// Reads a file's rows against a schema and converts each with `convert`.
pub(super) fn read<O: ImportResult>(
    data: &[u8],
    schema: &Schema,
    options: &ImportOptions,
    policy: &Policy,
    convert: impl Fn(&Row) -> std::result::Result<O::Record, RowError>,
) -> Result<O> {
    let limits = &policy.limits;
    if data.len() as u64 > limits.import_max_bytes {
        return Err(PolicyError::InputTooLarge {
            field: "file".into(),
            limit: limits.import_max_bytes,
            actual: data.len() as u64,
        });
    }
    if crate::document::sniff(data) != crate::document::Container::Text {
        // A workbook, by its first bytes (never its name; issue 21 §1).
        let (rows, read_as) = super::workbook::open(data, options, policy)?;
        return read_rows(rows, read_as, schema, policy, convert);
    }
    // Valid UTF-8 is read in place, not copied (the rows borrow from it).
    let (text, encoding, bom) = decode_cow(data)?;
    if text.trim().is_empty() {
        return Err(PolicyError::ImportEmpty);
    }
    let delim = match options.delimiter {
        Delimiter::Auto => detect(&text),
        Delimiter::Comma => b',',
        Delimiter::Tab => b'\t',
    };
    let rows = Splitter::new(&text, delim);
    let read_as = ReadAs {
        encoding,
        bom,
        delimiter: if delim == b'\t' {
            Delimiter::Tab
        } else {
            Delimiter::Comma
        },
        format: super::FileFormat::Csv,
        sheet: None,
    };
    read_rows(rows, read_as, schema, policy, convert)
}

/// How a file was read, before its rows: what the result's `source` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadAs {
    /// The text encoding (`utf-8` for a workbook).
    pub encoding: super::TextEncoding,
    /// Whether the text started with a byte-order mark.
    pub bom: bool,
    /// The cell separator (`comma` for a workbook).
    pub delimiter: Delimiter,
    /// The file format, from its first bytes.
    pub format: super::FileFormat,
    /// The worksheet read, for a workbook.
    pub sheet: Option<String>,
}

/// Reads rows from a source against a schema (see [`read`]).
fn read_rows<O: ImportResult>(
    mut rows: impl RowSource,
    read_as: ReadAs,
    schema: &Schema,
    policy: &Policy,
    convert: impl Fn(&Row) -> std::result::Result<O::Record, RowError>,
) -> Result<O> {
    let limits = &policy.limits;
    let sheet: Option<Box<str>> = read_as.sheet.as_deref().map(Box::from);
    let max_columns = usize::try_from(limits.import_max_columns).unwrap_or(usize::MAX);

    // Which header cell feeds each schema column (folded header → column).
    let index = header_index(schema);
    // The header line: the first row that is not blank, after at most
    // [`TITLE_LINES`] title lines. A file saved from Excel or pasted from the
    // department's page may carry a title above its header (`110 年度資安事件`,
    // `製表日期：…`, the page's sort control `↑ 通報單位 ×`): a line that names no
    // column and has at most two filled cells is passed over when a later line
    // names a column (issue 17 §4). When none does, the first line is the
    // header, and a missing-column error names it.
    let names_a_column = |r: &Record| r.cells().any(|h| index.contains_key(&fold(h)));
    let title_like =
        |r: &Record| !names_a_column(r) && r.cells().filter(|c| !c.trim().is_empty()).count() <= 2;
    let mut first_title: Option<Record> = None;
    let mut titles = 0;
    let header = loop {
        match rows.next_row(max_columns) {
            Next::End => match first_title.take() {
                Some(r) => break r,
                None => return Err(PolicyError::ImportEmpty),
            },
            Next::Broken { line } => return Err(PolicyError::ImportBrokenQuote { line }),
            Next::Record(r) if r.blank => continue,
            Next::Record(r) if titles < TITLE_LINES && title_like(&r) => {
                titles += 1;
                first_title.get_or_insert(r);
            }
            Next::Record(r) if first_title.is_some() && !names_a_column(&r) => {
                break first_title.take().unwrap_or(r);
            }
            Next::Record(r) => break r,
        }
    };
    let header_line = header.line;
    if header.count > max_columns {
        return Err(PolicyError::ImportTooManyColumns {
            limit: limits.import_max_columns,
            actual: header.count as u64,
        });
    }
    let header: Vec<String> = header.cells().map(str::to_owned).collect();
    rows.set_width(header.len());
    // First line of each value of the schema's unique field, folded as the
    // account rule folds names (identity::normalize: case, width, invisible
    // characters; issue 14 §5).
    let mut seen = super::unique::Seen::new();
    let workbook = matches!(
        read_as.format,
        super::FileFormat::Xlsx | super::FileFormat::Xls | super::FileFormat::Ods
    );
    let mut result = O::new(read_as);
    let out = result.parts();
    // Which header cell feeds each schema column.
    let mut slots: Vec<Option<(usize, String)>> = vec![None; schema.columns.len()];
    for (i, h) in header.iter().enumerate() {
        let folded = fold(h);
        if folded.is_empty() {
            continue;
        }
        match index.get(&folded).copied() {
            None => out.ignored_columns.push(h.trim().to_owned()),
            Some(k) => {
                if let Some((first, _)) = &slots[k] {
                    return Err(PolicyError::ImportDuplicateColumn {
                        header: calendar::clip(h.trim()),
                        field: schema.columns[k].field.to_owned(),
                        column: i as u64 + 1,
                        first_column: *first as u64 + 1,
                    });
                }
                slots[k] = Some((i, h.trim().to_owned()));
            }
        }
    }
    let missing: Vec<String> = schema
        .columns
        .iter()
        .zip(&slots)
        .filter(|(c, s)| c.required && s.is_none())
        .map(|(c, _)| format!("{} ({})", c.headers.first().unwrap_or(&c.field), c.field))
        .collect();
    if !missing.is_empty() {
        return Err(PolicyError::ImportMissingColumns {
            record: schema.record.to_owned(),
            record_zh: schema.record_zh.to_owned(),
            columns: missing.join(", "),
            line: header_line,
            header: calendar::clip(
                &header
                    .iter()
                    .map(|h| h.trim())
                    .filter(|h| !h.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        });
    }
    *out.columns = slots
        .iter()
        .zip(schema.columns)
        .filter_map(|(s, c)| s.as_ref().map(|(i, h)| (c.field, i + 1, h.clone())))
        .map(|(field, column, header)| super::ColumnUse {
            column: column as u64,
            header,
            field: field.to_owned(),
        })
        .collect();
    out.columns.sort_by_key(|c| c.column);

    let mut group = OpenGroup {
        name: None,
        line: None,
        rows: 0,
    };
    // One cell more than the header is enough to see a row is too wide.
    let keep = header.len() + 1;
    // Sized once from the line ends left (a row takes a line at least; the
    // rows are capped): growing by doubling copied the records and rehashed
    // the keys (issue 9). Capacity no row fills is never written to.
    let hint = rows
        .rows_left_hint()
        .min(usize::try_from(limits.import_max_rows).unwrap_or(usize::MAX));
    out.records.reserve(hint);
    out.lines.reserve(hint);
    if schema.unique.is_some() {
        seen.reserve(hint);
    }
    // The row read last, handed back to the source for its buffers when the
    // next one is read.
    let mut last: Option<Record> = None;
    loop {
        if let Some(done) = last.take() {
            rows.recycle(done);
        }
        let (line, record) = match rows.next_row(keep) {
            Next::End => break,
            Next::Broken { line } => (line, None),
            Next::Record(r) => {
                if r.blank
                    || schema.skip_prefixes.iter().any(|p| {
                        r.cells()
                            .next()
                            .is_some_and(|c| c.trim_start().starts_with(p))
                    })
                {
                    *out.skipped_rows += 1;
                    continue;
                }
                (r.line, Some(r))
            }
        };
        last = record;
        let record = last.as_ref();
        let first = record
            .as_ref()
            .and_then(|r| r.cells().next())
            .unwrap_or_default()
            .trim();
        if let Some(g) = &schema.groups {
            if let Some(rest) = first.strip_prefix(g.opener) {
                let name = after_colon(rest);
                group = OpenGroup {
                    name: (!name.is_empty()).then(|| name.to_owned()),
                    line: Some(line),
                    rows: 0,
                };
                *out.skipped_rows += 1;
                continue;
            }
            if let Some(rest) = first.strip_prefix(g.subtotal) {
                let stated = after_colon(rest);
                let agrees = stated.parse::<u64>().ok() == Some(group.rows);
                if !agrees {
                    let (name, name_zh) = match (&group.name, group.line) {
                        (Some(n), _) => (n.clone(), n.clone()),
                        (None, Some(l)) => {
                            (format!("the group of line {l}"), format!("第 {l} 行的分組"))
                        }
                        (None, None) => ("the rows above".to_owned(), "上方各列".to_owned()),
                    };
                    out.findings.push(
                        crate::finding::Finding::new(crate::codes::Code::ImportGroupCount)
                            .with("group", name)
                            .with("group_zh", name_zh)
                            .with("line", line)
                            .with("stated", calendar::clip(stated))
                            .with("counted", group.rows),
                    );
                }
                group = OpenGroup {
                    name: None,
                    line: None,
                    rows: 0,
                };
                *out.skipped_rows += 1;
                continue;
            }
        }
        if *out.rows >= limits.import_max_rows {
            *out.truncated = true;
            out.errors.push(RowError::at_line(
                line,
                PolicyError::ImportTooManyRows {
                    limit: limits.import_max_rows,
                },
            ));
            break;
        }
        *out.rows += 1;
        group.rows += 1;
        let Some(record) = record else {
            out.errors.push(RowError::at_line(
                line,
                PolicyError::ImportBrokenQuote { line },
            ));
            continue;
        };
        if record.count != header.len() {
            if record.multiline {
                // A quoted cell over several lines that leaves the row the wrong
                // width: most likely a stray quote. Only its first line is lost.
                rows.skip_row(record.start, record.line);
                out.errors.push(RowError::at_line(
                    line,
                    PolicyError::ImportBrokenQuote { line },
                ));
                continue;
            }
            out.errors.push(RowError::at_line(
                line,
                PolicyError::ImportColumnCount {
                    expected: header.len() as u64,
                    actual: record.count as u64,
                },
            ));
            continue;
        }
        // A cell has no more characters than bytes: only long ones are counted.
        let max_chars = limits.import_max_field_chars;
        if let Some((i, len)) = record
            .cells()
            .map(|c| {
                if c.len() as u64 <= max_chars {
                    0
                } else {
                    c.chars().count() as u64
                }
            })
            .enumerate()
            .find(|(_, n)| *n > max_chars)
        {
            out.errors.push(RowError {
                line,
                column: Some(i as u64 + 1),
                header: header.get(i).map(|h| h.trim().to_owned()),
                field: None,
                sheet: None,
                file: None,
                error: Box::new(PolicyError::ImportFieldTooLong {
                    limit: limits.import_max_field_chars,
                    actual: len,
                }),
            });
            continue;
        }
        let row = Row {
            line,
            schema: *schema,
            record,
            slots: &slots,
            group: group.name.as_deref(),
            workbook,
        };
        let key = schema.unique.and_then(|f| row.get(f).map(|v| (f, v)));
        let folded = key.map(|(_, v)| {
            let folded = crate::identity::normalize(v);
            let hash = seen.hash(&folded);
            (folded, hash)
        });
        if let (Some((field, value)), Some((folded, hash))) = (key, &folded)
            && let Some(first_line) = seen.line_of(folded, *hash)
        {
            let mut e = row.error(field, PolicyError::ImportEmpty);
            e.error = Box::new(PolicyError::ImportDuplicateKey {
                field: e.header.clone().unwrap_or_default(),
                value: value.chars().take(64).collect(),
                first_line,
            });
            out.errors.push(e);
            continue;
        }
        match convert(&row) {
            Ok(r) => {
                if let Some((folded, hash)) = folded {
                    seen.insert(&folded, hash, line);
                }
                out.records.push(r);
                out.lines.push(line);
            }
            Err(e) => out.errors.push(e),
        }
    }
    if let Some(line) = rows.cut_at()
        && !*out.truncated
    {
        // The worksheet had more rows than the reader keeps in memory.
        *out.truncated = true;
        out.errors.push(RowError::at_line(
            line,
            PolicyError::ImportTooManyRows {
                limit: limits.import_max_rows,
            },
        ));
    }
    if sheet.is_some() {
        for e in out.errors.iter_mut() {
            e.sheet.clone_from(&sheet);
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests;
