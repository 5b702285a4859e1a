//! Vector calls of the shared import module, and the argument helpers the
//! importer calls of other modules use (`data` as text, or `data_hex` as bytes).

use crate::support::{Args, json};
use ntpc_policy::PolicyError;
use ntpc_policy::import::{self, ImportOptions};
use serde::de::DeserializeOwned;
use serde_json::{Value, json as j};

/// The file bytes: `data` (a string, taken as its UTF-8 bytes) or `data_hex`.
pub fn data(a: &Args) -> Result<Vec<u8>, PolicyError> {
    if let Some(hex) = a.opt_str("data_hex") {
        let clean: Vec<u8> = hex.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        if !clean.len().is_multiple_of(2) {
            return Err(PolicyError::invalid("data_hex", "odd number of hex digits"));
        }
        return clean
            .chunks(2)
            .map(|p| {
                std::str::from_utf8(p)
                    .ok()
                    .and_then(|s| u8::from_str_radix(s, 16).ok())
                    .ok_or_else(|| PolicyError::invalid("data_hex", "not hex"))
            })
            .collect();
    }
    Ok(a.str("data")?.as_bytes().to_vec())
}

/// The optional `options` argument.
pub fn options(a: &Args) -> Result<ImportOptions, PolicyError> {
    match a.raw("options") {
        None => Ok(ImportOptions::default()),
        Some(_) => record(a, "options"),
    }
}

/// A record (or list of records) argument, deserialised as bindings will.
pub fn record<T: DeserializeOwned>(a: &Args, key: &str) -> Result<T, PolicyError> {
    let v = a.raw(key).cloned().unwrap_or(Value::Null);
    ntpc_policy::records::from_json_value(key, v)
}

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    match call {
        "import.decode" => json(&import::decode(&data(a)?)?),
        "import.csv_escape_cell" => Ok(j!({ "cell": import::csv_escape_cell(a.str("value")?) })),
        "import.parse_count" => Ok(j!({ "count": import::parse_count(a.str("text")?)? })),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
