//! The record shapes of the record rules (mailbox, account, parent, permission,
//! incident, drill, audit) as uniffi records and enums: Kotlin data classes and
//! Swift structs. The declarations (`people.rs`, …) are shared with the Node
//! binding and read by `tests/tools/gen_shapes.py` for the Python types; this
//! module gives the two macros their uniffi meaning and the serde bridge that
//! carries values to and from the core's records. No rule lives here.

use crate::errors::{Result, invalid};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::identity::AccountNameCheck;
pub use crate::policy::{Finding, Verdict};

/// A record: a uniffi record that crosses to the core by serde, field for field.
macro_rules! shape {
    ($(#[doc = $d:tt])* pub struct $name:ident { $( $(#[doc = $fd:tt])* pub $f:ident : $t:ty ),* $(,)? }) => {
        $(#[doc = $d])*
        #[derive(Debug, Clone, uniffi::Record, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $( $(#[doc = $fd])* pub $f: $t ),* }
    };
}

/// A choice: an enum whose serde names are the core's stable strings.
macro_rules! choice {
    ($(#[doc = $d:tt])* pub enum $name:ident { $( $(#[doc = $vd:tt])* $v:ident = $s:tt ),* $(,)? }) => {
        $(#[doc = $d])*
        #[allow(clippy::enum_variant_names)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize, serde::Deserialize)]
        pub enum $name { $( $(#[doc = $vd])* #[serde(rename = $s)] $v ),* }
    };
}

/// A core error, as data: one bad row of a bulk input.
#[derive(Debug, Clone, uniffi::Record, Serialize)]
pub struct ErrorInfo {
    /// Stable code, e.g. `calendar.invalid_date`.
    pub code: String,
    /// The figures behind the message, as a JSON object.
    pub params_json: String,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

impl<'de> Deserialize<'de> for ErrorInfo {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Json {
            code: String,
            params: Value,
            message_zh: String,
            message_en: String,
        }
        let j = Json::deserialize(d)?;
        Ok(ErrorInfo {
            code: j.code,
            params_json: j.params.to_string(),
            message_zh: j.message_zh,
            message_en: j.message_en,
        })
    }
}

/// One row of a bulk input that could not be evaluated; the others still are.
#[derive(Debug, Clone, uniffi::Record, Serialize, Deserialize)]
pub struct RowError {
    /// Position of the row in the input (0-based).
    pub index: u32,
    /// Why.
    pub error: ErrorInfo,
}

/// A row of a file that could not be read, with its position.
#[derive(Debug, Clone, uniffi::Record, Serialize)]
pub struct ImportError {
    /// Line (1-based) the row starts on.
    pub line: u32,
    /// Column (1-based) of the bad cell.
    pub column: Option<u32>,
    /// That column's header as written.
    pub header: Option<String>,
    /// The record field of that column.
    pub field: Option<String>,
    /// Stable code, e.g. `import.invalid_value`.
    pub code: String,
    /// The figures behind the message, as a JSON object.
    pub params_json: String,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

impl<'de> Deserialize<'de> for ImportError {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Json {
            line: u32,
            column: Option<u32>,
            header: Option<String>,
            field: Option<String>,
            code: String,
            params: Value,
            message_zh: String,
            message_en: String,
        }
        let j = Json::deserialize(d)?;
        Ok(ImportError {
            line: j.line,
            column: j.column,
            header: j.header,
            field: j.field,
            code: j.code,
            params_json: j.params.to_string(),
            message_zh: j.message_zh,
            message_en: j.message_en,
        })
    }
}

mod people;
pub use people::*;
mod secops;
pub use secops::*;

/// A core result as its shape.
pub fn output<A: Serialize, B: DeserializeOwned>(value: &A) -> Result<B> {
    let internal = |e: serde_json::Error| ntpc_policy::PolicyError::Internal {
        reason: format!("shape mismatch: {e}"),
    };
    let json = serde_json::to_value(value).map_err(internal)?;
    Ok(serde_json::from_value(json).map_err(internal)?)
}

/// A shape argument as the core's record; an absent optional field is left out.
pub fn input<A: Serialize, B: DeserializeOwned>(field: &str, value: &A) -> Result<B> {
    let mut json = serde_json::to_value(value).map_err(|e| invalid(field, e.to_string()))?;
    strip_nulls(&mut json);
    serde_json::from_value(json).map_err(|e| invalid(field, e.to_string()))
}

fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}
