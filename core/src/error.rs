//! The one error type: input that could not be evaluated (RULES §0 "Bad input").
//!
//! A rule's *answer* is never an error (a weak password is a verdict with
//! findings); an error means the input itself was unusable. Every variant maps to
//! one stable [`Code`] of the code table, which gives both messages.
//!
//! **Reasons in both languages** (issues 14, 16 item 9). A variant that explains
//! *why* carries the reason twice: `reason` (English, rendered into
//! `message_en`) and `reason_zh` (Traditional Chinese, rendered into
//! `message_zh`), so a zh-TW message never contains an English sentence. Both are
//! parameters of the error (`params.reason`, `params.reason_zh`); the JSON shape
//! `{code, params, message_zh, message_en}` is otherwise unchanged. Build them
//! with [`PolicyError::invalid_bilingual`], [`PolicyError::policy_file`] and the
//! calendar's own constructors. [`PolicyError::invalid`] (English only: its
//! `reason_zh` repeats the English) stays for callers not yet converted.
//! `internal` errors are bug reports and keep an English diagnostic.

use crate::codes::Code;
use crate::finding::Params;

/// Why an input could not be evaluated. `code()` is stable across bindings.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.message_en())]
#[non_exhaustive]
pub enum PolicyError {
    /// A date that does not exist in the calendar (`110/02/30`).
    InvalidDate {
        /// The text as given.
        input: String,
        /// What is wrong with it, in English.
        reason: String,
        /// What is wrong with it, in Chinese.
        reason_zh: String,
    },
    /// Text in no known date style.
    UnrecognizedDate {
        /// The text as given.
        input: String,
    },
    /// A date outside the supported range.
    DateOutOfRange {
        /// The text or value as given.
        input: String,
        /// Which bound it crossed, in English.
        reason: String,
        /// Which bound it crossed, in Chinese.
        reason_zh: String,
    },
    /// A weekday written beside a date that falls on another weekday
    /// (`110年12月7日（星期三）`: 2021-12-07 is a Tuesday).
    WeekdayMismatch {
        /// The text as given.
        input: String,
        /// The date read (ISO).
        date: String,
        /// The weekday written, as its Chinese numeral (`三`).
        written: String,
        /// The weekday of the date, as its Chinese numeral (`二`).
        actual: String,
    },
    /// A date style name that does not exist.
    UnknownStyle {
        /// The name as given.
        style: String,
    },
    /// An argument of the wrong shape or value.
    InvalidArgument {
        /// The argument's name.
        field: String,
        /// What is wrong with it, in English.
        reason: String,
        /// What is wrong with it, in Chinese.
        reason_zh: String,
    },
    /// An input over a documented size limit.
    InputTooLarge {
        /// What was too large.
        field: String,
        /// The limit.
        limit: u64,
        /// The size given.
        actual: u64,
    },
    /// A policy file that cannot be used.
    PolicyFile {
        /// What is wrong with it, in English.
        reason: String,
        /// What is wrong with it, in Chinese.
        reason_zh: String,
    },
    /// A policy edition name that does not exist.
    UnknownEdition {
        /// The name as given.
        name: String,
        /// The names that exist, comma-separated.
        known: String,
    },
    /// A bug caught at a boundary (a panic turned into an error).
    Internal {
        /// What failed.
        reason: String,
    },
    /// An app or web module name that is not in the permission table.
    UnknownModule {
        /// The name as given.
        name: String,
    },
    /// A workbook, archive or document that cannot be read (issue 21): the
    /// code says why (`workbook.*`, `archive.*`, `document.*`), the parameters
    /// fill its templates. One variant for the family keeps each reader small.
    File {
        /// The stable code.
        code: Code,
        /// Its parameters.
        params: Params,
    },
    /// An import file with no header line.
    ImportEmpty,
    /// An import file in no supported encoding.
    ImportEncoding {
        /// First line (1-based) that cannot be decoded.
        line: u64,
    },
    /// Required columns missing from an import file's header line.
    ImportMissingColumns {
        /// The kind of record, in English (`incident`).
        record: String,
        /// The kind of record, in Chinese (`資安事件`).
        record_zh: String,
        /// The missing columns, each as `中文 (field)`, comma-separated.
        columns: String,
        /// The line read as the header (1-based).
        line: u64,
        /// That line's filled cells, comma-separated (clipped).
        header: String,
    },
    /// Two header cells of an import file name the same field.
    ImportDuplicateColumn {
        /// The later header cell as written.
        header: String,
        /// The field both name.
        field: String,
        /// Its column (1-based).
        column: u64,
        /// The column of the first one.
        first_column: u64,
    },
    /// A row with a different number of cells than the header line.
    ImportColumnCount {
        /// Cells in the header line.
        expected: u64,
        /// Cells in the row.
        actual: u64,
    },
    /// A cell over `policy.limits.import_max_field_chars`.
    ImportFieldTooLong {
        /// The limit in characters.
        limit: u64,
        /// The cell's length in characters.
        actual: u64,
    },
    /// A header line wider than `policy.limits.import_max_columns`.
    ImportTooManyColumns {
        /// The limit.
        limit: u64,
        /// Cells in the header line.
        actual: u64,
    },
    /// A quote that does not close where a cell can end.
    ImportBrokenQuote {
        /// The line (1-based) of the row the quote opens on.
        line: u64,
    },
    /// Overrides changing more roles than `policy.limits.permission_max_overrides`.
    TooManyOverrides {
        /// The limit.
        limit: u64,
        /// Roles added and removed by the overrides given.
        actual: u64,
    },
    /// Rows past `policy.limits.import_max_rows`.
    ImportTooManyRows {
        /// The limit.
        limit: u64,
    },
    /// A row repeating the value of the schema's unique field.
    ImportDuplicateKey {
        /// The column as written in the header line.
        field: String,
        /// The repeated value (at most 64 characters of it).
        value: String,
        /// The line of the first row with it.
        first_line: u64,
    },
    /// A required cell is blank.
    ImportMissingValue {
        /// The column as written in the header line.
        field: String,
    },
    /// A cell whose value cannot be used.
    ImportInvalidValue {
        /// The column as written in the header line.
        field: String,
        /// The value (at most 64 characters of it).
        value: String,
        /// What is wrong, in English.
        reason: String,
        /// What is wrong, in Chinese.
        reason_zh: String,
    },
}

impl PolicyError {
    /// The stable code, e.g. `calendar.invalid_date`.
    pub fn code(&self) -> Code {
        match self {
            PolicyError::InvalidDate { .. } => Code::CalendarInvalidDate,
            PolicyError::UnrecognizedDate { .. } => Code::CalendarUnrecognized,
            PolicyError::DateOutOfRange { .. } => Code::CalendarOutOfRange,
            PolicyError::WeekdayMismatch { .. } => Code::CalendarWeekdayMismatch,
            PolicyError::UnknownStyle { .. } => Code::CalendarUnknownStyle,
            PolicyError::InvalidArgument { .. } => Code::InputInvalidArgument,
            PolicyError::InputTooLarge { .. } => Code::InputTooLarge,
            PolicyError::PolicyFile { .. } => Code::PolicyInvalidFile,
            PolicyError::UnknownEdition { .. } => Code::PolicyUnknownEdition,
            PolicyError::Internal { .. } => Code::Internal,
            PolicyError::UnknownModule { .. } => Code::PermissionUnknownModule,
            PolicyError::File { code, .. } => *code,
            PolicyError::ImportEmpty => Code::ImportEmptyFile,
            PolicyError::ImportEncoding { .. } => Code::ImportBadEncoding,
            PolicyError::ImportMissingColumns { .. } => Code::ImportMissingColumn,
            PolicyError::ImportDuplicateColumn { .. } => Code::ImportDuplicateColumn,
            PolicyError::ImportColumnCount { .. } => Code::ImportColumnCount,
            PolicyError::ImportFieldTooLong { .. } => Code::ImportFieldTooLong,
            PolicyError::ImportTooManyRows { .. } => Code::ImportTooManyRows,
            PolicyError::ImportTooManyColumns { .. } => Code::ImportTooManyColumns,
            PolicyError::ImportBrokenQuote { .. } => Code::ImportBrokenQuote,
            PolicyError::TooManyOverrides { .. } => Code::PermissionTooManyOverrides,
            PolicyError::ImportMissingValue { .. } => Code::ImportMissingValue,
            PolicyError::ImportDuplicateKey { .. } => Code::ImportDuplicateKey,
            PolicyError::ImportInvalidValue { .. } => Code::ImportInvalidValue,
        }
    }

    /// The named parameters behind the message.
    pub fn params(&self) -> Params {
        let p = Params::new();
        match self {
            PolicyError::InvalidDate {
                input,
                reason,
                reason_zh,
            }
            | PolicyError::DateOutOfRange {
                input,
                reason,
                reason_zh,
            } => p
                .with("input", input.clone())
                .with("reason", reason.clone())
                .with("reason_zh", reason_zh.clone()),
            PolicyError::WeekdayMismatch {
                input,
                date,
                written,
                actual,
            } => p
                .with("input", input.clone())
                .with("date", date.clone())
                .with("written", weekday_en(written))
                .with("written_zh", written.clone())
                .with("actual", weekday_en(actual))
                .with("actual_zh", actual.clone()),
            PolicyError::UnrecognizedDate { input } => p.with("input", input.clone()),
            PolicyError::UnknownStyle { style } => p.with("style", style.clone()),
            PolicyError::InvalidArgument {
                field,
                reason,
                reason_zh,
            } => p
                .with("field", field.clone())
                .with("reason", reason.clone())
                .with("reason_zh", reason_zh.clone()),
            PolicyError::InputTooLarge {
                field,
                limit,
                actual,
            } => p
                .with("field", field.clone())
                .with("limit", *limit)
                .with("actual", *actual),
            PolicyError::PolicyFile { reason, reason_zh } => p
                .with("reason", reason.clone())
                .with("reason_zh", reason_zh.clone()),
            PolicyError::UnknownEdition { name, known } => {
                p.with("name", name.clone()).with("known", known.clone())
            }
            PolicyError::Internal { reason } => p.with("reason", reason.clone()),
            PolicyError::UnknownModule { name } => p.with("name", name.clone()),
            PolicyError::File { params, .. } => params.clone(),
            PolicyError::ImportEmpty => p,
            PolicyError::ImportEncoding { line } => p.with("line", *line),
            PolicyError::ImportMissingColumns {
                record,
                record_zh,
                columns,
                line,
                header,
            } => p
                .with("record", record.clone())
                .with("record_zh", record_zh.clone())
                .with("columns", columns.clone())
                .with("line", *line)
                .with("header", header.clone()),
            PolicyError::ImportDuplicateColumn {
                header,
                field,
                column,
                first_column,
            } => p
                .with("header", header.clone())
                .with("field", field.clone())
                .with("column", *column)
                .with("first_column", *first_column),
            PolicyError::ImportColumnCount { expected, actual } => {
                p.with("expected", *expected).with("actual", *actual)
            }
            PolicyError::ImportFieldTooLong { limit, actual } => {
                p.with("limit", *limit).with("actual", *actual)
            }
            PolicyError::ImportTooManyRows { limit } => p.with("limit", *limit),
            PolicyError::ImportTooManyColumns { limit, actual }
            | PolicyError::TooManyOverrides { limit, actual } => {
                p.with("limit", *limit).with("actual", *actual)
            }
            PolicyError::ImportBrokenQuote { line } => p.with("line", *line),
            PolicyError::ImportMissingValue { field } => p.with("field", field.clone()),
            PolicyError::ImportDuplicateKey {
                field,
                value,
                first_line,
            } => p
                .with("field", field.clone())
                .with("value", value.clone())
                .with("first_line", *first_line),
            PolicyError::ImportInvalidValue {
                field,
                value,
                reason,
                reason_zh,
            } => p
                .with("field", field.clone())
                .with("value", value.clone())
                .with("reason", reason.clone())
                .with("reason_zh", reason_zh.clone()),
        }
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.params().render(self.code().template_en())
    }

    /// The Traditional Chinese message.
    pub fn message_zh(&self) -> String {
        self.params().render(self.code().template_zh())
    }

    /// Shorthand for [`PolicyError::InvalidArgument`] with an English reason
    /// only: the zh-TW message repeats it. Prefer
    /// [`PolicyError::invalid_bilingual`]; this one stays for call sites not yet
    /// converted (and for the bindings' own argument errors).
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        PolicyError::InvalidArgument {
            field: field.into(),
            reason_zh: reason.clone(),
            reason,
        }
    }

    /// [`PolicyError::InvalidArgument`] with its reason in both languages: `en`
    /// goes into `message_en`, `zh` into `message_zh`.
    ///
    /// ```
    /// use ntpc_policy::PolicyError;
    /// let e = PolicyError::invalid_bilingual("hours", "-1 is not a number of hours ≥ 0", "-1 不是 0 以上的時數");
    /// assert_eq!(e.message_zh(), "參數 hours 不正確：-1 不是 0 以上的時數。");
    /// assert_eq!(e.message_en(), "Invalid argument hours: -1 is not a number of hours ≥ 0.");
    /// ```
    pub fn invalid_bilingual(
        field: impl Into<String>,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) -> Self {
        PolicyError::InvalidArgument {
            field: field.into(),
            reason: en.into(),
            reason_zh: zh.into(),
        }
    }

    /// [`PolicyError::InvalidArgument`] for a record that serde could not read
    /// (a binding's dict or object): the English reason is serde's message; the
    /// Chinese one is the Chinese message of the core error met inside the record
    /// (a bad date, a bad CVSS version), or serde's message quoted.
    /// [`crate::records::from_json_value`] reads a record this way.
    pub fn from_serde(field: impl Into<String>, error: &impl std::fmt::Display) -> Self {
        let en = hide_values(&error.to_string());
        let zh = match crate::records::take_raised() {
            Some(inner) if en.contains(&inner.message_en()) => {
                inner.message_zh().trim_end_matches('。').to_owned()
            }
            _ => format!("資料無法讀取：「{en}」"),
        };
        PolicyError::invalid_bilingual(field, en, zh)
    }

    /// [`PolicyError::PolicyFile`] with its reason in both languages.
    pub fn policy_file(en: impl Into<String>, zh: impl Into<String>) -> Self {
        PolicyError::PolicyFile {
            reason: en.into(),
            reason_zh: zh.into(),
        }
    }

    /// The same error with its field (when it has one) renamed by `f`, e.g. to
    /// say which row of a list it came from (`last_login` → `mailboxes[3].last_login`).
    pub fn map_field(self, f: impl FnOnce(String) -> String) -> Self {
        match self {
            PolicyError::InvalidArgument {
                field,
                reason,
                reason_zh,
            } => PolicyError::InvalidArgument {
                field: f(field),
                reason,
                reason_zh,
            },
            other => other,
        }
    }
}

/// A serde message without the value it quotes (`invalid type: string "…"`,
/// ``unknown variant `…` ``): a value given in the wrong field may be a password
/// or an ID number, and no error repeats one (RULES §0). What was expected, and
/// field names, stay.
fn hide_values(message: &str) -> String {
    const MARKERS: [&str; 3] = ["invalid type: ", "invalid value: ", "unknown variant "];
    let Some((at, marker)) = MARKERS
        .iter()
        .filter_map(|m| message.find(m).map(|i| (i, *m)))
        .min_by_key(|(i, _)| *i)
    else {
        return message.to_owned();
    };
    let after = at + marker.len();
    let tail = &message[after..];
    // The value ends where serde's own ", expected …" begins: the last one, as
    // the value itself may contain those words. Without one, the rest goes.
    let end = tail.rfind(", expected").unwrap_or(tail.len());
    let span = &tail[..end];
    // The kind of value stays (`string`, `integer`, `floating point`).
    let kind = span.find(['"', '`']).map_or("", |q| span[..q].trim_end());
    let mut out = String::with_capacity(message.len());
    out.push_str(&message[..after]);
    if !kind.is_empty() {
        out.push_str(kind);
        out.push(' ');
    }
    out.push_str("(value not shown)");
    out.push_str(&tail[end..]);
    out
}

/// The English name of a weekday written as its Chinese numeral (`二` → Tuesday).
fn weekday_en(zh: &str) -> &'static str {
    match zh {
        "一" => "Monday",
        "二" => "Tuesday",
        "三" => "Wednesday",
        "四" => "Thursday",
        "五" => "Friday",
        "六" => "Saturday",
        _ => "Sunday",
    }
}

impl serde::Serialize for PolicyError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", self.code().as_str())?;
        m.serialize_entry("params", &self.params())?;
        m.serialize_entry("message_zh", &self.message_zh())?;
        m.serialize_entry("message_en", &self.message_en())?;
        m.end()
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = PolicyError> = std::result::Result<T, E>;

#[cfg(test)]
mod hide_values_tests {
    use super::hide_values;

    #[test]
    fn quoted_values_go_and_what_was_expected_stays() {
        assert_eq!(
            hide_values(r#"invalid type: string "Aa1234567!", expected a date"#),
            "invalid type: string (value not shown), expected a date"
        );
        assert_eq!(
            hide_values("unknown variant `A123456789`, expected one of `roc_slash`, `iso`"),
            "unknown variant (value not shown), expected one of `roc_slash`, `iso`"
        );
        assert_eq!(
            hide_values("invalid value: integer `12345678`, expected u8 at line 1 column 9"),
            "invalid value: integer (value not shown), expected u8 at line 1 column 9"
        );
        assert_eq!(
            hide_values("missing field `today`"),
            "missing field `today`"
        );
    }
}
