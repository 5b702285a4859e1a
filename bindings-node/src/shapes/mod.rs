//! The record shapes of the record rules, as JS objects (camelCase keys) and
//! string enums, with types in index.d.ts. The declarations are shared with the
//! mobile binding (`bindings-mobile/src/shapes/`); this module gives the two
//! macros their napi meaning and the serde bridge that carries values to and from
//! the core's records. No rule lives here.

use crate::errors::{JsResult, core, invalid};
use ntpc_policy::PolicyError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use crate::identity::AccountNameCheck;
pub use crate::policy::Finding;

/// A record: a napi object that crosses to the core by serde, field for field.
///
/// The fields are re-emitted token by token, not as `ty` fragments: napi-derive
/// recognises an optional field by the literal path `Option<…>`, which a `ty`
/// fragment would hide inside an invisible group.
macro_rules! shape {
    ($(#[doc = $d:tt])* pub struct $name:ident { $($body:tt)* }) => {
        shape!(@munch [$(#[doc = $d])*] $name [] [] $($body)*);
    };
    (@munch [$($attrs:tt)*] $name:ident [$($fields:tt)*] []) => {
        $($attrs)*
        #[napi_derive::napi(object)]
        #[derive(Clone, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $($fields)* }
    };
    (@munch $attrs:tt $name:ident [$($fields:tt)*] [$($cur:tt)+] , $($rest:tt)*) => {
        shape!(@munch $attrs $name [$($fields)* $($cur)+ ,] [] $($rest)*);
    };
    (@munch $attrs:tt $name:ident [$($fields:tt)*] [$($cur:tt)+]) => {
        shape!(@munch $attrs $name [$($fields)* $($cur)+ ,] []);
    };
    (@munch $attrs:tt $name:ident [$($fields:tt)*] [$($cur:tt)*] $next:tt $($rest:tt)*) => {
        shape!(@munch $attrs $name [$($fields)*] [$($cur)* $next] $($rest)*);
    };
}

/// A choice: a string enum whose values are the core's stable strings.
macro_rules! choice {
    ($(#[doc = $d:tt])* pub enum $name:ident { $( $(#[doc = $vd:tt])* $v:ident = $s:tt ),* $(,)? }) => {
        $(#[doc = $d])*
        #[allow(clippy::enum_variant_names)]
        #[napi_derive::napi(string_enum)]
        #[derive(Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub enum $name { $( $(#[doc = $vd])* #[napi(value = $s)] #[serde(rename = $s)] $v ),* }
    };
}

choice! {
    /// The overall answer of a check.
    pub enum Verdict { Pass = "pass", Warn = "warn", Fail = "fail" }
}

/// A core error, as data: one bad row of a bulk input.
#[napi_derive::napi(object)]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct ErrorInfo {
    /// Stable code, e.g. `calendar.invalid_date`.
    pub code: String,
    /// The figures behind the message.
    #[napi(ts_type = "Record<string, string | number | boolean>")]
    pub params: std::collections::HashMap<String, Value>,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

/// One row of a bulk input that could not be evaluated; the others still are.
#[napi_derive::napi(object)]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct RowError {
    /// Position of the row in the input (0-based).
    pub index: u32,
    /// Why.
    pub error: ErrorInfo,
}

/// A row of a file that could not be read, with its position.
#[napi_derive::napi(object)]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
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
    /// The figures behind the message.
    #[napi(ts_type = "Record<string, string | number | boolean>")]
    pub params: std::collections::HashMap<String, Value>,
    /// Traditional Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

// Input records are read as JSON (`input`); their shapes give index.d.ts its types.
#[allow(dead_code)]
#[path = "../../../bindings-mobile/src/shapes/people.rs"]
mod people;
pub use people::*;

#[allow(dead_code)]
#[path = "../../../bindings-mobile/src/shapes/secops.rs"]
mod secops;
pub use secops::*;

/// A core result as its shape.
pub fn output<A: Serialize, B: DeserializeOwned>(value: &A) -> JsResult<B> {
    let internal = |e: serde_json::Error| PolicyError::Internal {
        reason: format!("shape mismatch: {e}"),
    };
    let json = core(serde_json::to_value(value).map_err(internal))?;
    core(serde_json::from_value(json).map_err(internal))
}

/// A record argument as the core's record. JS objects arrive as JSON so that
/// every problem — an unknown key, a wrong type, a missing field — is the core's
/// `input.invalid_argument` naming the field; camelCase keys become the core's
/// snake_case, and `null` reads as an absent optional field.
pub fn input<B: DeserializeOwned>(field: &str, mut json: Value) -> JsResult<B> {
    normalize(&mut json);
    serde_json::from_value(json).map_err(|e| invalid(field, e.to_string()))
}

fn normalize(v: &mut Value) {
    match v {
        Value::Object(m) => {
            let entries = std::mem::take(m);
            for (k, mut x) in entries {
                if x.is_null() {
                    continue;
                }
                normalize(&mut x);
                m.insert(snake(&k), x);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize),
        _ => {}
    }
}

/// `activatedOn` → `activated_on` (keys already in snake_case stay as they are).
fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
