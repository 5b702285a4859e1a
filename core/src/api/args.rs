//! Argument types of the JSON door: dates and instants in any calendar style,
//! and file bytes.

use crate::error::PolicyError;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// A date argument: any calendar style (`110/12/07`, `2021-12-07`, `民國110年12月7日`,
/// an RFC 3339 instant → its Asia/Taipei date). RULES §3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Date(pub NaiveDate);

/// An instant argument: RFC 3339, or any calendar style with an optional time
/// (a naive time is Asia/Taipei; a date alone is its midnight). RULES §0 "Time".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Instant(pub DateTime<FixedOffset>);

/// File bytes: the bytes a binding passes beside the JSON arguments, or in JSON
/// a string (its UTF-8 bytes) or `{"hex": "…"}` / `{"base64": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

/// A serde error that keeps the [`PolicyError`] behind it (see
/// [`crate::records`]), so an argument such as `today: "110/02/30"` fails with
/// `calendar.invalid_date`, not a generic `input.invalid_argument`.
pub(crate) fn arg_error<E: de::Error>(e: PolicyError) -> E {
    crate::records::de_error(e)
}

/// Reads a string argument through `FromStr`, keeping the typed error.
pub(crate) fn from_str_arg<'de, D, T>(d: D, what: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: std::str::FromStr<Err = PolicyError>,
{
    text_arg(d, what)?.parse().map_err(arg_error)
}

fn text_arg<'de, D: Deserializer<'de>>(d: D, what: &'static str) -> Result<String, D::Error> {
    struct V(&'static str);
    impl Visitor<'_> for V {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
    }
    d.deserialize_str(V(what))
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = text_arg(d, "a date (text in any calendar style)")?;
        crate::records::read_date(&text)
            .map(Date)
            .map_err(arg_error)
    }
}

/// The same reading as the JSON door, for a binding's native fast path.
impl std::str::FromStr for Date {
    type Err = PolicyError;
    fn from_str(text: &str) -> Result<Self, PolicyError> {
        crate::records::read_date(text).map(Date)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = text_arg(d, "an instant (RFC 3339 or any calendar style)")?;
        crate::calendar::parse_datetime(&text)
            .map(Instant)
            .map_err(arg_error)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("file bytes (text, or {\"hex\": …} / {\"base64\": …})")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Bytes, E> {
                Ok(Bytes(v.as_bytes().to_vec()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut m: A) -> Result<Bytes, A::Error> {
                let (key, value): (String, String) = m
                    .next_entry()?
                    .ok_or_else(|| de::Error::custom("an empty object"))?;
                let bytes = match key.as_str() {
                    "hex" => hex(&value),
                    "base64" => base64(&value),
                    _ => None,
                };
                bytes
                    .map(Bytes)
                    .ok_or_else(|| de::Error::custom(format!("not valid {key}")))
            }
        }
        d.deserialize_any(V)
    }
}

fn hex(text: &str) -> Option<Vec<u8>> {
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !clean.len().is_multiple_of(2) {
        return None;
    }
    clean
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
        .collect()
}

fn base64(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
    {
        let v = ALPHABET.iter().position(|&a| a == b)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(feature = "schema")]
mod schema {
    use super::{Bytes, Date, Instant};
    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
    use std::borrow::Cow;

    impl JsonSchema for Date {
        fn schema_name() -> Cow<'static, str> {
            "DateLike".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "description": "A date in any calendar style: 2021-12-07, 110/12/07, 民國110年12月7日, or an instant (its Asia/Taipei date).",
                "x-ntpc-kind": "date"
            })
        }
    }

    impl JsonSchema for Instant {
        fn schema_name() -> Cow<'static, str> {
            "InstantLike".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "description": "An instant: RFC 3339, or any calendar style with an optional time (Asia/Taipei when no offset is given).",
                "x-ntpc-kind": "instant"
            })
        }
    }

    impl JsonSchema for Bytes {
        fn schema_name() -> Cow<'static, str> {
            "FileBytes".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "File bytes. Bindings pass them natively (bytes, Buffer, ByteArray); in JSON: text, {\"hex\": …} or {\"base64\": …}.",
                "x-ntpc-kind": "bytes"
            })
        }
    }
}

/// Implements `Deserialize` for a type through its `FromStr` (whose error is a
/// [`PolicyError`]), keeping that error's code for the JSON door.
macro_rules! deserialize_from_str {
    ($t:ty, $what:literal) => {
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::api::from_str_arg(d, $what)
            }
        }
    };
}
pub(crate) use deserialize_from_str;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_dates_instants_and_bytes() {
        let d: Date = serde_json::from_value(json!("110/12/07")).unwrap();
        assert_eq!(d.0.to_string(), "2021-12-07");
        let t: Instant = serde_json::from_value(json!("2021-12-07 09:00")).unwrap();
        assert_eq!(t.0.to_rfc3339(), "2021-12-07T09:00:00+08:00");
        assert!(serde_json::from_value::<Date>(json!(20211207)).is_err());
        let b: Bytes = serde_json::from_value(json!({"hex": "e5 ad b8"})).unwrap();
        assert_eq!(b.0, "學".as_bytes());
        let b: Bytes = serde_json::from_value(json!({"base64": "5a2455Sf"})).unwrap();
        assert_eq!(b.0, "學生".as_bytes());
        let b: Bytes = serde_json::from_value(json!("a,b")).unwrap();
        assert_eq!(b.0, b"a,b");
    }
}
