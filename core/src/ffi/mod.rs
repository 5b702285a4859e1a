//! The foreign shapes of the core's types for Kotlin and Swift (feature
//! `uniffi`), as matrix-rust-sdk declares them for the types it owns: custom
//! types for values that are not plain records (dates as ISO text, codes and
//! parameters as text, the static texts of the seed's tables), and the record
//! views of the few types whose JSON is computed (a finding's messages, an ID
//! number's mask, an error's messages). Declarations only; no rule lives here.

use crate::calendar::ParsedDate;
use crate::codes::Code;
use crate::finding::{Finding, Params, Severity};
use crate::identity::{Area, Gender, IdInfo, IdKind, NewCertCategory};
use crate::import::RowError;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use std::net::IpAddr;

mod exports;
pub use exports::or_default;

/// The error of every Kotlin and Swift function: `PolicyException` in Kotlin,
/// `PolicyError` in Swift, with the core's stable `code` and both messages (the
/// field names avoid `message`, which clashes with Kotlin's `Throwable.message`).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum PolicyError {
    /// A core error, with its stable code (e.g. `calendar.invalid_date`).
    #[error("{code}: {message_en}")]
    Failed {
        /// Stable code, identical in every language.
        code: String,
        /// English message.
        message_en: String,
        /// Traditional Chinese message.
        message_zh: String,
        /// The parameters behind the message, as a JSON object.
        params_json: String,
    },
}

impl From<crate::PolicyError> for PolicyError {
    fn from(e: crate::PolicyError) -> Self {
        PolicyError::Failed {
            code: e.code().as_str().to_owned(),
            message_en: e.message_en(),
            message_zh: e.message_zh(),
            params_json: serde_json::to_string(&e.params()).unwrap_or_else(|_| "{}".into()),
        }
    }
}

/// A value Kotlin or Swift handed in that cannot be read (a record's date that
/// does not exist): the functions' own error, `input.invalid_argument`, never
/// an internal error.
fn bad_input(what: &str, reason: impl std::fmt::Display) -> uniffi::deps::anyhow::Error {
    uniffi::deps::anyhow::Error::new(PolicyError::from(crate::PolicyError::invalid(
        what,
        reason.to_string(),
    )))
}

/// Values that only ever leave the core (the seed's tables) cannot come back.
fn output_only<T>(what: &str) -> uniffi::Result<T> {
    Err(bad_input(what, "read-only: a result, not an argument"))
}

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| crate::records::read_date(&s).map_err(|e| bad_input("date", e.message_en())),
});

type Instant = DateTime<FixedOffset>;
uniffi::custom_type!(Instant, String, {
    remote,
    lower: |d| d.to_rfc3339(),
    try_lift: |s| crate::calendar::parse_datetime(&s).map_err(|e| bad_input("instant", e.message_en())),
});

uniffi::custom_type!(NaiveTime, String, {
    remote,
    // As the JSON writes it: `HH:MM`, or `HH:MM:SS` when there are seconds.
    lower: |t| {
        use chrono::Timelike;
        if t.second() == 0 { t.format("%H:%M") } else { t.format("%H:%M:%S") }.to_string()
    },
    try_lift: |s| NaiveTime::parse_from_str(&s, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M"))
        .map_err(|e| bad_input("time", e)),
});

uniffi::custom_type!(IpAddr, String, {
    remote,
    lower: |a| a.to_string(),
    try_lift: |s| s.parse().map_err(|e| bad_input("address", e)),
});

uniffi::custom_type!(usize, u64, {
    remote,
    lower: |n| n as u64,
    try_lift: |n| usize::try_from(n).map_err(|e| bad_input("count", e)),
});

uniffi::custom_type!(char, String, {
    remote,
    lower: |c| c.to_string(),
    try_lift: |s| {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(bad_input("letter", "one character is required")),
        }
    },
});

type StaticText = &'static str;
uniffi::custom_type!(StaticText, String, {
    remote,
    lower: |s| s.to_owned(),
    try_lift: |_s| output_only("a text of the seed's tables"),
});

type StaticList = &'static [&'static str];
uniffi::custom_type!(StaticList, Vec<String>, {
    remote,
    lower: |l| l.iter().map(|s| (*s).to_owned()).collect(),
    try_lift: |_l| output_only("a list of the seed's tables"),
});

uniffi::custom_type!(Code, String, {
    lower: |c| c.as_str().to_owned(),
    try_lift: |s| Code::from_code_str(&s).ok_or_else(|| bad_input("code", format!("unknown code {s:?}"))),
});

uniffi::custom_type!(Params, String, {
    lower: |p| serde_json::to_string(&p).unwrap_or_default(),
    try_lift: |_s| output_only("finding parameters"),
});

/// A finding as Kotlin and Swift see it: its messages written out.
#[derive(uniffi::Record)]
pub struct FindingView {
    /// Stable code, e.g. `password.too_short`.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// The figures the rule used, as a JSON object.
    pub params_json: String,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

uniffi::custom_type!(Finding, FindingView, {
    lower: |f| FindingView {
        code: f.code.as_str().to_owned(),
        severity: f.severity,
        params_json: serde_json::to_string(&f.params).unwrap_or_default(),
        message_zh: f.message_zh(),
        message_en: f.message_en(),
    },
    try_lift: |_v| output_only("a finding"),
});

/// An error of a bad row, as Kotlin and Swift see it.
#[derive(uniffi::Record)]
pub struct ErrorView {
    /// Stable code, e.g. `calendar.invalid_date`.
    pub code: String,
    /// The figures behind the message, as a JSON object.
    pub params_json: String,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

fn error_view(e: &crate::PolicyError) -> ErrorView {
    ErrorView {
        code: e.code().as_str().to_owned(),
        params_json: serde_json::to_string(&e.params()).unwrap_or_default(),
        message_zh: e.message_zh(),
        message_en: e.message_en(),
    }
}

type ErrorInfo = crate::PolicyError;
uniffi::custom_type!(ErrorInfo, ErrorView, {
    lower: |e| error_view(&e),
    try_lift: |_v| output_only("an error"),
});

/// A row of a file that could not be read, with its position.
#[derive(uniffi::Record)]
pub struct ImportErrorView {
    /// Line (1-based) the row starts on.
    pub line: u64,
    /// Column (1-based) of the bad cell.
    pub column: Option<u64>,
    /// That column's header as written.
    pub header: Option<String>,
    /// The record field of that column.
    pub field: Option<String>,
    /// The worksheet, for a workbook.
    pub sheet: Option<String>,
    /// Which file, when a workflow reads more than one.
    pub file: Option<String>,
    /// Stable code, e.g. `import.invalid_value`.
    pub code: String,
    /// The figures behind the message, as a JSON object.
    pub params_json: String,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

type ImportError = RowError;
uniffi::custom_type!(ImportError, ImportErrorView, {
    lower: |r| {
        let e = error_view(&r.error);
        ImportErrorView {
            line: r.line,
            column: r.column,
            header: r.header.clone(),
            field: r.field.clone(),
            sheet: r.sheet.as_deref().map(str::to_owned),
            file: r.file.map(str::to_owned),
            code: e.code,
            params_json: e.params_json,
            message_zh: e.message_zh,
            message_en: e.message_en,
        }
    },
    try_lift: |_v| output_only("an import error"),
});

/// A date read from text, as Kotlin and Swift see it.
#[derive(uniffi::Record)]
pub struct ParsedDateView {
    /// The calendar date (ISO).
    pub date: NaiveDate,
    /// The time of day, when the text had one.
    pub time: Option<NaiveTime>,
    /// How it was written.
    pub style: crate::calendar::DateStyle,
    /// The ROC year (民國年).
    pub roc_year: i32,
    /// The moment it names in Asia/Taipei.
    pub datetime: DateTime<FixedOffset>,
}

uniffi::custom_type!(ParsedDate, ParsedDateView, {
    lower: |p| ParsedDateView {
        date: p.date,
        time: p.time,
        style: p.style,
        roc_year: p.roc_year(),
        datetime: p.to_datetime(),
    },
    try_lift: |_v| output_only("a parsed date"),
});

/// What a value is as an ID number, as Kotlin and Swift see it.
#[derive(uniffi::Record)]
pub struct IdInfoView {
    /// The format, or `none`.
    pub kind: IdKind,
    /// Letter, one of `1 2 A B C D 8 9`, and eight digits.
    pub format_valid: bool,
    /// The check digit matches.
    pub checksum_valid: bool,
    /// Gender, when the format is valid.
    pub gender: Option<Gender>,
    /// Area of the first letter.
    pub area: Option<Area>,
    /// Category, for new unified certificates.
    pub category: Option<NewCertCategory>,
    /// The number with characters 4–7 hidden, or none.
    pub masked: Option<String>,
}

uniffi::custom_type!(IdInfo, IdInfoView, {
    lower: |i| IdInfoView {
        kind: i.kind,
        format_valid: i.format_valid,
        checksum_valid: i.checksum_valid,
        gender: i.gender,
        area: i.area(),
        category: i.category,
        masked: i.masked(&crate::policy::IdentityPolicy::DEFAULT),
    },
    try_lift: |_v| output_only("an ID classification"),
});
