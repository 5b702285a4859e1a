//! Python values ↔ the core's JSON. No rule lives here.
//!
//! In: dicts (string keys), lists and tuples, str, int, float, bool, None, and
//! `date`/`datetime` (as ISO text, which every core date argument reads; a naive
//! datetime means Asia/Taipei). Everything else — and an int outside 64 bits, a
//! NaN or infinite float, a str with lone surrogates — is the core's
//! `input.invalid_argument` naming the argument, never a raw Python error.
//! Out: plain dicts, lists, str, int, float, bool and None (the shared JSON shape).

use crate::errors::{core, invalid};
use ntpc_policy::PolicyError;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString,
    PyTuple,
};
use serde::Serialize;
use serde_json::{Map, Value};

/// Deeper than any record of the core; stops a self-referencing list.
const MAX_DEPTH: usize = 32;

/// A str argument as Rust text; lone surrogates are `input.invalid_argument`.
pub fn text(py: Python<'_>, field: &str, v: &Bound<'_, PyAny>) -> PyResult<PyBackedStr> {
    let Ok(s) = v.cast::<PyString>() else {
        let t = v
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        return Err(invalid(py, field, format!("a str is required, not {t}")));
    };
    PyBackedStr::try_from(s.clone()).map_err(|_| {
        invalid(
            py,
            field,
            "text that is not valid Unicode (a lone surrogate)",
        )
    })
}

/// A Python value as JSON; `None` members of dicts are left out, so an absent
/// optional field and `None` read the same.
pub fn to_json(py: Python<'_>, field: &str, v: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(invalid(py, field, "nested too deeply"));
    }
    if v.is_none() {
        return Ok(Value::Null);
    }
    if v.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(v.extract()?));
    }
    if v.is_instance_of::<PyInt>() {
        return match (v.extract::<i64>(), v.extract::<u64>()) {
            (Ok(i), _) => Ok(Value::from(i)),
            (_, Ok(u)) => Ok(Value::from(u)),
            _ => Err(invalid(py, field, "an integer out of range")),
        };
    }
    if v.is_instance_of::<PyFloat>() {
        let f: f64 = v.extract()?;
        return serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| invalid(py, field, "a finite number is required"));
    }
    if v.is_instance_of::<PyString>() {
        return Ok(Value::String(text(py, field, v)?.to_string()));
    }
    if v.is_instance_of::<PyBytes>() || v.is_instance_of::<PyByteArray>() {
        // File bytes (a second file of a workflow) cross as hex, which the core's
        // file-bytes arguments read.
        let bytes: Vec<u8> = v.extract()?;
        return Ok(serde_json::json!({ "hex": hex(&bytes) }));
    }
    if let Ok(d) = v.cast::<PyDict>() {
        let mut m = Map::new();
        for (k, item) in d.iter() {
            if !k.is_instance_of::<PyString>() {
                return Err(invalid(py, field, "dict keys must be strings"));
            }
            let key = text(py, field, &k)?.to_string();
            let inner = to_json(py, &format!("{field}.{key}"), &item, depth + 1)?;
            if !inner.is_null() {
                m.insert(key, inner);
            }
        }
        return Ok(Value::Object(m));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, item) in v.try_iter()?.enumerate() {
            out.push(to_json(py, &format!("{field}[{i}]"), &item?, depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    // Dates last: the first date check imports Python's `datetime` module, which
    // a call without dates (the command line's `date 110/12/07`) need not pay
    // for at start-up (issue 17 §9).
    if v.is_instance_of::<PyDateTime>() || v.is_instance_of::<PyDate>() {
        return Ok(Value::String(v.call_method0("isoformat")?.extract()?));
    }
    let t = v
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(invalid(
        py,
        field,
        format!("a dict, list, str, bytes, number, bool, date or None is required, not {t}"),
    ))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A JSON value as plain Python objects.
pub fn json_to_py(py: Python<'_>, v: &Value) -> PyResult<Py<PyAny>> {
    Ok(match v {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_py_any(py)?,
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_py_any(py)?,
            (None, Some(u)) => u.into_py_any(py)?,
            _ => n.as_f64().unwrap_or(f64::NAN).into_py_any(py)?,
        },
        Value::String(s) => s.into_py_any(py)?,
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, json_to_py(py, item)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

/// A core value as plain Python objects, straight from its `Serialize`.
pub fn to_py<T: Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    match pythonize::pythonize(py, value) {
        Ok(obj) => Ok(obj.unbind()),
        Err(e) => core(
            py,
            Err(PolicyError::Internal {
                reason: format!("result not convertible: {e}"),
            }),
        ),
    }
}
