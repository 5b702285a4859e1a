//! JS values ↔ the core's JSON, the one conversion of every function of the
//! table. No rule lives here.
//!
//! In: objects (own enumerable string keys, camelCase or snake_case), arrays,
//! strings, finite numbers, booleans, `null`/`undefined` (absent), and `Date`s
//! (as RFC 3339 text, which every core date and instant reads). `NaN`,
//! `±Infinity`, an invalid `Date`, a `BigInt`, a function or a symbol is the
//! core's `input.invalid_argument` naming the argument — never a silent pass.
//! Out: JSON text with camelCase keys (the keys of finding and error `params`
//! stay as written), built into objects by `JSON.parse`, which V8 does far
//! faster than one N-API property write per field.

use napi::sys;
use ntpc_policy::PolicyError;
use serde_json::{Map, Number, Value};
use std::io;
use std::ptr;

/// Deeper than any record of the core; stops a self-referencing object.
const MAX_DEPTH: usize = 32;

fn invalid(field: &str, reason: impl Into<String>) -> PolicyError {
    PolicyError::invalid(field, reason)
}

fn ok(st: sys::napi_status, field: &str) -> Result<(), PolicyError> {
    if st == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(invalid(field, "a value that cannot be read"))
    }
}

/// `activatedOn` → `activated_on` (snake_case keys stay as they are).
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

unsafe fn string(
    env: sys::napi_env,
    v: sys::napi_value,
    field: &str,
) -> Result<String, PolicyError> {
    let mut len = 0usize;
    ok(
        unsafe { sys::napi_get_value_string_utf8(env, v, ptr::null_mut(), 0, &mut len) },
        field,
    )?;
    let mut buf = vec![0u8; len + 1];
    let mut written = 0usize;
    ok(
        unsafe {
            sys::napi_get_value_string_utf8(env, v, buf.as_mut_ptr().cast(), len + 1, &mut written)
        },
        field,
    )?;
    buf.truncate(written);
    // V8 writes UTF-8 (a lone surrogate becomes U+FFFD).
    String::from_utf8(buf).map_err(|_| invalid(field, "text that is not valid Unicode"))
}

/// A JS value as JSON; `undefined` members are left out, like `null` ones.
///
/// # Safety
/// `env` and `v` must be live for the current callback.
pub unsafe fn to_json(
    env: sys::napi_env,
    v: sys::napi_value,
    field: &str,
    depth: usize,
) -> Result<Value, PolicyError> {
    if depth > MAX_DEPTH {
        return Err(invalid(field, "nested too deeply"));
    }
    let mut t = 0;
    ok(unsafe { sys::napi_typeof(env, v, &mut t) }, field)?;
    match t {
        sys::ValueType::napi_undefined | sys::ValueType::napi_null => Ok(Value::Null),
        sys::ValueType::napi_boolean => {
            let mut b = false;
            ok(unsafe { sys::napi_get_value_bool(env, v, &mut b) }, field)?;
            Ok(Value::Bool(b))
        }
        sys::ValueType::napi_number => {
            let mut x = 0f64;
            ok(unsafe { sys::napi_get_value_double(env, v, &mut x) }, field)?;
            number(x, field)
        }
        sys::ValueType::napi_string => Ok(Value::String(unsafe { string(env, v, field)? })),
        sys::ValueType::napi_object => unsafe { object(env, v, field, depth) },
        sys::ValueType::napi_bigint => Err(invalid(field, "a number, not a BigInt")),
        _ => Err(invalid(field, "a plain value, not a function or symbol")),
    }
}

fn number(x: f64, field: &str) -> Result<Value, PolicyError> {
    if !x.is_finite() {
        return Err(invalid(field, format!("a finite number, not {x}")));
    }
    // Whole numbers cross as integers, so `110.5` or `2**32 + 110` where a
    // whole number of a range goes is the core's error, not a rounding.
    if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_992.0 {
        return Ok(Value::from(x as i64));
    }
    Ok(Number::from_f64(x).map_or(Value::Null, Value::Number))
}

unsafe fn object(
    env: sys::napi_env,
    v: sys::napi_value,
    field: &str,
    depth: usize,
) -> Result<Value, PolicyError> {
    let mut is = false;
    ok(unsafe { sys::napi_is_date(env, v, &mut is) }, field)?;
    if is {
        let mut ms = 0f64;
        ok(unsafe { sys::napi_get_date_value(env, v, &mut ms) }, field)?;
        return date(ms, field);
    }
    ok(unsafe { sys::napi_is_array(env, v, &mut is) }, field)?;
    if is {
        let mut len = 0u32;
        ok(
            unsafe { sys::napi_get_array_length(env, v, &mut len) },
            field,
        )?;
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len {
            let mut item = ptr::null_mut();
            ok(
                unsafe { sys::napi_get_element(env, v, i, &mut item) },
                field,
            )?;
            out.push(unsafe { to_json(env, item, &format!("{field}[{i}]"), depth + 1)? });
        }
        return Ok(Value::Array(out));
    }
    ok(unsafe { sys::napi_is_typedarray(env, v, &mut is) }, field)?;
    if is {
        // File bytes (a second file of a workflow) cross as hex, which the core's
        // file-bytes arguments read.
        let (mut kind, mut len) = (0, 0usize);
        let mut data: *mut std::ffi::c_void = ptr::null_mut();
        let (mut buffer, mut offset) = (ptr::null_mut(), 0usize);
        ok(
            unsafe {
                sys::napi_get_typedarray_info(
                    env,
                    v,
                    &mut kind,
                    &mut len,
                    &mut data,
                    &mut buffer,
                    &mut offset,
                )
            },
            field,
        )?;
        if kind != sys::TypedarrayType::uint8_array || (data.is_null() && len > 0) {
            return Err(invalid(field, "file bytes as a Uint8Array or Buffer"));
        }
        let bytes: &[u8] = if len == 0 {
            &[]
        } else {
            // SAFETY: V8 gave `data`/`len` for this live Uint8Array of the current callback.
            unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) }
        };
        let mut hex = String::with_capacity(len * 2);
        for b in bytes {
            use std::fmt::Write;
            let _ = write!(hex, "{b:02x}");
        }
        return Ok(serde_json::json!({ "hex": hex }));
    }
    let mut keys = ptr::null_mut();
    ok(
        unsafe {
            sys::napi_get_all_property_names(
                env,
                v,
                sys::KeyCollectionMode::own_only,
                sys::KeyFilter::enumerable | sys::KeyFilter::skip_symbols,
                sys::KeyConversion::numbers_to_strings,
                &mut keys,
            )
        },
        field,
    )?;
    let mut len = 0u32;
    ok(
        unsafe { sys::napi_get_array_length(env, keys, &mut len) },
        field,
    )?;
    let mut m = Map::new();
    for i in 0..len {
        let mut k = ptr::null_mut();
        ok(
            unsafe { sys::napi_get_element(env, keys, i, &mut k) },
            field,
        )?;
        let key = unsafe { string(env, k, field)? };
        let mut item = ptr::null_mut();
        ok(
            unsafe { sys::napi_get_property(env, v, k, &mut item) },
            field,
        )?;
        let value = unsafe { to_json(env, item, &format!("{field}.{key}"), depth + 1)? };
        if !value.is_null() {
            m.insert(snake(&key), value);
        }
    }
    Ok(Value::Object(m))
}

/// A JS `Date` (milliseconds since the epoch) as RFC 3339 text in UTC.
fn date(ms: f64, field: &str) -> Result<Value, PolicyError> {
    if !ms.is_finite() {
        return Err(invalid(field, "a valid Date, not an Invalid Date"));
    }
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .filter(|d| (1..=9999).contains(&chrono::Datelike::year(d)))
        .map(|d| Value::String(d.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)))
        .ok_or_else(|| invalid(field, "a Date between the years 1 and 9999"))
}

/// Writes JSON with camelCase object keys, except inside `params` objects.
struct CamelKeys {
    /// Per open object: its keys are kept as written.
    keep: Vec<bool>,
    in_key: bool,
    upper: bool,
    key: String,
    next_keep: bool,
}

impl serde_json::ser::Formatter for CamelKeys {
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        // Keys under `params` are kept, at any depth below it.
        let inherited = self.keep.last().copied().unwrap_or(false);
        self.keep.push(self.next_keep || inherited);
        self.next_keep = false;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.keep.pop();
        w.write_all(b"}")
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.next_keep = false;
        w.write_all(b"[")
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.in_key = true;
        self.upper = false;
        self.key.clear();
        if first { Ok(()) } else { w.write_all(b",") }
    }
    fn end_object_key<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.next_keep = self.key == "params";
        w.write_all(b":")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.next_keep = false;
        Ok(())
    }
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !self.in_key || self.keep.last().copied().unwrap_or(false) {
            return w.write_all(fragment.as_bytes());
        }
        self.key.push_str(fragment);
        let mut out = String::with_capacity(fragment.len());
        for c in fragment.chars() {
            if c == '_' {
                self.upper = true;
            } else if self.upper {
                out.extend(c.to_uppercase());
                self.upper = false;
            } else {
                out.push(c);
            }
        }
        w.write_all(out.as_bytes())
    }
}

/// A value as JSON text with camelCase keys.
pub fn camel_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, PolicyError> {
    let mut buf = Vec::with_capacity(256);
    let formatter = CamelKeys {
        keep: Vec::new(),
        in_key: false,
        upper: false,
        key: String::new(),
        next_keep: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    value
        .serialize(&mut ser)
        .map_err(|e| PolicyError::Internal {
            reason: format!("result not serialisable: {e}"),
        })?;
    String::from_utf8(buf).map_err(|e| PolicyError::Internal {
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_camel_case_except_params() {
        let v = serde_json::json!({
            "message_zh": "x",
            "findings": [{"code": "a.b", "params": {"delay_minutes": 3, "x_y": {"a_b": 1}}}],
            "roc_year": 110,
            "text_value": "keep_this_text"
        });
        assert_eq!(
            camel_json(&v).unwrap(),
            r#"{"findings":[{"code":"a.b","params":{"delay_minutes":3,"x_y":{"a_b":1}}}],"messageZh":"x","rocYear":110,"textValue":"keep_this_text"}"#
        );
        assert_eq!(snake("activatedOn"), "activated_on");
        assert_eq!(snake("activated_on"), "activated_on");
    }
}
