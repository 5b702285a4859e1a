//! Plumbing shared by the input records of the rule modules: dates in any
//! calendar style, and the per-row errors of bulk functions (RULES §0).
//!
//! Input records are plain serde structures so that a binding passes a dict or an
//! object through and a CSV row maps onto a record field by field. A school's
//! export writes dates as `110/12/07`, `2021/12/07 08:30` or `2021-12-07`; the
//! date fields of every record read all of them through
//! [`calendar::parse_datetime`](crate::calendar::parse_datetime) (an instant is
//! taken as its Asia/Taipei date) and write ISO dates back. An empty optional
//! date (`""`, as an empty CSV cell arrives) is `None`.
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Row {
//!     #[serde(with = "ntpc_policy::records::date")]
//!     day: chrono::NaiveDate,
//! }
//! let r: Row = serde_json::from_str(r#"{"day": "110/12/07"}"#).unwrap();
//! assert_eq!(r.day.to_string(), "2021-12-07");
//! ```

use crate::error::PolicyError;
use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;

thread_local! {
    /// The last error a core deserializer raised on this thread. Serde carries
    /// only a message (English); keeping the error lets
    /// [`PolicyError::from_serde`] give the Chinese reason too.
    static RAISED: RefCell<Option<PolicyError>> = const { RefCell::new(None) };
}

/// A serde error for a core error met inside a deserializer (a date cell, a CVSS
/// version): its English message, and the error kept for [`PolicyError::from_serde`].
pub(crate) fn de_error<E: serde::de::Error>(e: PolicyError) -> E {
    let message = e.message_en();
    RAISED.with(|r| *r.borrow_mut() = Some(e));
    E::custom(message)
}

/// The error kept by the last [`de_error`] on this thread, taken.
pub(crate) fn take_raised() -> Option<PolicyError> {
    RAISED.with(|r| r.borrow_mut().take())
}

/// Reads a record from a JSON value, as a binding receives a dict or an object:
/// a bad record is `input.invalid_argument` naming `field`, its reason in English
/// and Chinese (the Chinese of a bad date or version inside it included).
///
/// ```
/// use ntpc_policy::incident::Incident;
/// let v = serde_json::json!({"id": "A", "unit": "U", "level": 1, "reported_at": "110/02/30 10:00"});
/// let e = ntpc_policy::records::from_json_value::<Incident>("incident", v).unwrap_err();
/// assert!(e.message_zh().contains("2 月沒有 30 日"), "{}", e.message_zh());
/// ```
pub fn from_json_value<T: DeserializeOwned>(
    field: &str,
    value: serde_json::Value,
) -> Result<T, PolicyError> {
    take_raised();
    serde_json::from_value(value).map_err(|e| PolicyError::from_serde(field, &e))
}

/// Reads a date in any calendar style; the Asia/Taipei date of an instant.
pub(crate) fn read_date(text: &str) -> Result<NaiveDate, PolicyError> {
    crate::calendar::parse_datetime(text).map(|t| t.date_naive())
}

/// `#[serde(with = "ntpc_policy::records::date")]` for a required date.
pub mod date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Reads a date in any calendar style (`2021-12-07`, `110/12/07`, RFC 3339, …).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::read_date(&text).map_err(super::de_error)
    }

    /// Writes the ISO date (`2021-12-07`).
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }
}

/// `#[serde(default, with = "ntpc_policy::records::opt_date")]` for an optional
/// date: `null`, a missing key and a blank string are all `None`.
pub mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Reads an optional date in any calendar style.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(t) if t.trim().is_empty() => Ok(None),
            Some(t) => super::read_date(&t).map(Some).map_err(super::de_error),
        }
    }

    /// Writes the ISO date or `null`.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }
}

/// One row of a bulk input that could not be evaluated; the other rows still are.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RowError {
    /// Position of the row in the input list (0-based).
    pub index: usize,
    /// Why it could not be evaluated; the field is named with the row's position.
    pub error: PolicyError,
}

/// Names the row in an error's field: `last_login` becomes `mailboxes[3].last_login`.
pub(crate) fn in_row(error: PolicyError, list: &str, index: usize) -> PolicyError {
    error.map_field(|field| format!("{list}[{index}].{field}"))
}

/// A date in the style of the department's tables (`110/12/07`), for zh-TW messages.
pub(crate) fn roc(d: NaiveDate) -> String {
    crate::calendar::format(d, crate::calendar::DateStyle::RocSlash)
        .unwrap_or_else(|_| d.to_string())
}

/// Text that holds something other than spaces.
pub(crate) fn filled(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, Serialize)]
    struct Row {
        #[serde(with = "date")]
        day: NaiveDate,
        #[serde(default, with = "opt_date")]
        other: Option<NaiveDate>,
    }

    #[test]
    fn reads_every_style_and_blank_optionals() {
        for text in [
            "2021-12-07",
            "110/12/07",
            "1101207",
            "2021-12-07T23:30:00+08:00",
        ] {
            let r: Row = serde_json::from_value(serde_json::json!({ "day": text })).unwrap();
            assert_eq!(r.day.to_string(), "2021-12-07", "{text}");
            assert_eq!(r.other, None);
        }
        // 2021-12-06T16:00Z is already 2021-12-07 in Taipei.
        let r: Row = serde_json::from_value(
            serde_json::json!({"day": "2021-12-06T16:00:00Z", "other": " "}),
        )
        .unwrap();
        assert_eq!((r.day.to_string(), r.other), ("2021-12-07".into(), None));
        let bad = serde_json::from_value::<Row>(serde_json::json!({"day": "110/02/30"}));
        assert!(bad.unwrap_err().to_string().contains("110/02/30"));
        let back = serde_json::to_value(Row {
            day: read_date("110/12/07").unwrap(),
            other: None,
        })
        .unwrap();
        assert_eq!(
            back,
            serde_json::json!({"day": "2021-12-07", "other": null})
        );
    }

    #[test]
    fn names_the_row() {
        let e = in_row(PolicyError::invalid("last_login", "x"), "mailboxes", 3);
        assert_eq!(
            e.params().get("field").unwrap().to_string(),
            "mailboxes[3].last_login"
        );
    }
}
