//! Header mapping and row reading shared by every importer.

use super::decode::decode;
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

/// A cell of a data row, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cell {
    text: String,
    column: u64,
    header: String,
}

/// One data row, with its cells addressed by field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line (1-based) the row starts on.
    pub line: u64,
    schema: Schema,
    cells: Vec<Option<Cell>>,
    group: Option<String>,
}

impl Row {
    /// The name of the group the row is in (the value its opening line gives for
    /// the schema's group field), when the file is grouped.
    pub fn group(&self) -> Option<&str> {
        self.group.as_deref()
    }

    /// Whether the header line has a column for `field`.
    pub fn has_column(&self, field: &str) -> bool {
        self.schema
            .columns
            .iter()
            .position(|c| c.field == field)
            .is_some_and(|i| self.cells.get(i).is_some_and(Option::is_some))
    }

    fn cell(&self, field: &str) -> Option<&Cell> {
        let i = self.schema.columns.iter().position(|c| c.field == field)?;
        self.cells.get(i).and_then(Option::as_ref)
    }

    /// The trimmed cell of a field; `None` when the column is absent or the cell blank.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.cell(field)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }

    /// The trimmed cell of a field, or `import.missing_value` at its position.
    pub fn required(&self, field: &str) -> std::result::Result<&str, RowError> {
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
        let cell = self.cell(field);
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
            column: cell.map(|c| c.column),
            header: Some(header),
            field: Some(field.to_owned()),
            sheet: None,
            file: None,
            error: Box::new(error),
        }
    }

    fn header_of(&self, field: &str) -> String {
        match self.cell(field) {
            Some(c) => c.header.clone(),
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

/// Header text folded for matching: NFKC, lowercase, no spaces, `_` or `-`.
fn fold(header: &str) -> String {
    header
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect()
}

/// Tab when the header line has more tabs than commas (outside quotes), else
/// comma. The header line is the first non-blank line with a separator (a title
/// line of one cell above it says nothing).
fn detect(text: &str) -> u8 {
    let count = |line: &str| {
        let (mut tabs, mut commas, mut quoted) = (0usize, 0usize, false);
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                '\t' if !quoted => tabs += 1,
                ',' if !quoted => commas += 1,
                _ => {}
            }
        }
        (tabs, commas)
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or_default();
    let (tabs, commas) = match count(first) {
        (0, 0) => lines.next().map_or((0, 0), count),
        c => c,
    };
    if tabs > commas { b'\t' } else { b',' }
}

/// Line numbers from the csv reader's byte positions. The reader's own line count
/// is off after CRLF endings and skipped empty lines, and a record's byte position
/// is where the reader *started* (before any empty lines it skipped), so those
/// line endings are stepped over here. Records come in order: counting is linear.
struct Lines<'a> {
    text: &'a [u8],
    pos: usize,
    line: u64,
}

impl Lines<'_> {
    fn of(&mut self, position: Option<&csv::Position>) -> u64 {
        let target = position
            .map_or(self.pos, |p| p.byte() as usize)
            .min(self.text.len());
        if target >= self.pos {
            self.line += self.text[self.pos..target]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.pos = target;
        }
        while let Some(&b) = self
            .text
            .get(self.pos)
            .filter(|b| matches!(b, b'\r' | b'\n'))
        {
            self.line += u64::from(b == b'\n');
            self.pos += 1;
        }
        self.line
    }
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
    let decoded = decode(data)?;
    if decoded.text.trim().is_empty() {
        return Err(PolicyError::ImportEmpty);
    }
    let delim = match options.delimiter {
        Delimiter::Auto => detect(&decoded.text),
        Delimiter::Comma => b',',
        Delimiter::Tab => b'\t',
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(decoded.text.as_bytes());
    let mut lines = Lines {
        text: decoded.text.as_bytes(),
        pos: 0,
        line: 1,
    };
    let mut records = reader.records();
    let blank = |r: &csv::StringRecord| r.iter().all(|c| c.trim().is_empty());

    // The header line: the first record that is not blank. A grouped export
    // pasted from the web page may carry a title line above it (`↑ 通報單位 ×`, a
    // sort control): one cell that names no column is passed over when a later
    // line does name one.
    let names_a_column = |r: &csv::StringRecord| {
        r.iter().any(|h| {
            let f = fold(h);
            schema
                .columns
                .iter()
                .any(|c| c.headers.iter().any(|a| fold(a) == f))
        })
    };
    let mut preamble: Option<csv::StringRecord> = None;
    let header = loop {
        match records.next() {
            None => match preamble.take() {
                Some(r) => break r,
                None => return Err(PolicyError::ImportEmpty),
            },
            Some(Err(e)) => {
                return Err(PolicyError::invalid_bilingual(
                    "file",
                    e.to_string(),
                    format!("CSV 無法讀取：「{e}」"),
                ));
            }
            Some(Ok(r)) if blank(&r) => continue,
            Some(Ok(r))
                if schema.groups.is_some()
                    && preamble.is_none()
                    && !names_a_column(&r)
                    && r.iter().filter(|c| !c.trim().is_empty()).count() == 1 =>
            {
                preamble = Some(r);
            }
            Some(Ok(r)) if preamble.is_some() && !names_a_column(&r) => {
                break preamble.take().unwrap_or(r);
            }
            Some(Ok(r)) => break r,
        }
    };
    // First line of each value of the schema's unique field.
    let mut seen: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let mut result = O::new(
        decoded.encoding,
        decoded.bom,
        if delim == b'\t' {
            Delimiter::Tab
        } else {
            Delimiter::Comma
        },
    );
    let out = result.parts();
    // Which header cell feeds each schema column.
    let mut slots: Vec<Option<(usize, String)>> = vec![None; schema.columns.len()];
    for (i, h) in header.iter().enumerate() {
        let folded = fold(h);
        if folded.is_empty() {
            continue;
        }
        let found = schema
            .columns
            .iter()
            .position(|c| c.headers.iter().any(|a| fold(a) == folded));
        match found {
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
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = lines.of(e.position());
                out.errors.push(RowError::at_line(
                    line,
                    PolicyError::invalid_bilingual(
                        "row",
                        e.to_string(),
                        format!("CSV 無法讀取：「{e}」"),
                    ),
                ));
                continue;
            }
        };
        let line = lines.of(record.position());
        let first = record.get(0).unwrap_or_default().trim();
        if blank(&record) || schema.skip_prefixes.iter().any(|p| first.starts_with(p)) {
            *out.skipped_rows += 1;
            continue;
        }
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
        if record.len() != header.len() {
            out.errors.push(RowError::at_line(
                line,
                PolicyError::ImportColumnCount {
                    expected: header.len() as u64,
                    actual: record.len() as u64,
                },
            ));
            continue;
        }
        if let Some((i, len)) = record
            .iter()
            .map(|c| c.chars().count() as u64)
            .enumerate()
            .find(|(_, n)| *n > limits.import_max_field_chars)
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
            cells: slots
                .iter()
                .map(|s| {
                    s.as_ref().map(|(i, h)| Cell {
                        text: record.get(*i).unwrap_or_default().to_owned(),
                        column: *i as u64 + 1,
                        header: h.clone(),
                    })
                })
                .collect(),
            group: group.name.clone(),
        };
        let key = schema
            .unique
            .and_then(|f| row.get(f).map(|v| (f, v.to_owned())));
        if let Some((field, value)) = &key
            && let Some(&first_line) = seen.get(value)
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
                if let Some((_, value)) = key {
                    seen.insert(value, line);
                }
                out.records.push(r);
                out.lines.push(line);
            }
            Err(e) => out.errors.push(e),
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_headers_and_detects_delimiters() {
        assert_eq!(fold(" Occurred_At "), "occurredat");
        assert_eq!(fold("ＩＰ"), "ip");
        assert_eq!(detect("a\tb,c\td\n"), b'\t');
        assert_eq!(detect("\"a\tb\",c\n"), b',');
        assert_eq!(detect("\n\nid\n"), b',');
    }

    const ONE: Schema = Schema {
        record: "thing",
        record_zh: "項目",
        columns: &[ColumnSpec {
            field: "v",
            headers: &["值", "value"],
            required: true,
        }],
        skip_prefixes: &["#"],
        groups: None,
        unique: None,
    };

    crate::import::import_results! {
        /// Values of one column, for the reader's own tests.
        Values(String);
    }

    fn lines_of(text: &str) -> Vec<u64> {
        let got: Values = read(
            text.as_bytes(),
            &ONE,
            &ImportOptions::default(),
            &Policy::default(),
            |r| r.required("v").map(str::to_owned),
        )
        .unwrap();
        let mut all: Vec<u64> = got.lines.clone();
        all.extend(got.errors.iter().map(|e| e.line));
        all.sort_unstable();
        all
    }

    #[test]
    fn counts_lines_like_an_editor() {
        assert_eq!(lines_of("value\na\nb\n"), [2, 3]);
        assert_eq!(lines_of("value\r\na\r\nb\r\n"), [2, 3]);
        assert_eq!(lines_of("\n\nvalue\n\n\na\n\"b\nc\"\nd"), [6, 7, 9]);
        assert_eq!(
            lines_of("value\r\n\r\n\"x\r\ny\"\r\n#skip\r\n\r\nw,\r\nz"),
            [3, 7, 8]
        );
    }
}
