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

/// Where a value sits in the arguments (`args.names[3]`), written out only
/// for an error: a 650,000-name list otherwise formats 650,000 names that are
/// never shown (issue 20).
#[derive(Clone, Copy)]
enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root(s) => f.write_str(s),
            Path::Key(p, k) => write!(f, "{p}.{k}"),
            Path::Index(p, i) => write!(f, "{p}[{i}]"),
        }
    }
}

/// [`text`] with the field named only on failure.
fn text_at(py: Python<'_>, path: &Path<'_>, v: &Bound<'_, PyAny>) -> PyResult<PyBackedStr> {
    if let Ok(s) = v.cast::<PyString>()
        && let Ok(t) = PyBackedStr::try_from(s.clone())
    {
        return Ok(t);
    }
    text(py, &path.to_string(), v)
}

/// A Python value as JSON; `None` members of dicts are left out, so an absent
/// optional field and `None` read the same.
pub fn to_json(py: Python<'_>, field: &str, v: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    to_json_at(py, &Path::Root(field), v, depth)
}

fn to_json_at(
    py: Python<'_>,
    path: &Path<'_>,
    v: &Bound<'_, PyAny>,
    depth: usize,
) -> PyResult<Value> {
    let field = &|| path.to_string();
    if depth > MAX_DEPTH {
        return Err(invalid(py, &field(), "nested too deeply"));
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
            _ => Err(invalid(py, &field(), "an integer out of range")),
        };
    }
    if v.is_instance_of::<PyFloat>() {
        let f: f64 = v.extract()?;
        return serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| invalid(py, &field(), "a finite number is required"));
    }
    if v.is_instance_of::<PyString>() {
        return Ok(Value::String(text_at(py, path, v)?.to_string()));
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
                return Err(invalid(py, &field(), "dict keys must be strings"));
            }
            let key = text_at(py, path, &k)?.to_string();
            let inner = to_json_at(py, &Path::Key(path, &key), &item, depth + 1)?;
            if !inner.is_null() {
                m.insert(key, inner);
            }
        }
        return Ok(Value::Object(m));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let mut out = Vec::with_capacity(v.len().unwrap_or(0));
        for (i, item) in v.try_iter()?.enumerate() {
            out.push(to_json_at(py, &Path::Index(path, i), &item?, depth + 1)?);
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
        &field(),
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

/// A JSON value as plain Python objects. A value with [`LARGE`] rows or more
/// is converted with the cyclic collector paused (and left as it was).
pub fn json_to_py(py: Python<'_>, v: &Value) -> PyResult<Py<PyAny>> {
    if rows(v) >= LARGE {
        crate::typed::paused_gc(py, || json_to_py_with(py, v, &mut Keys(Vec::new())))
    } else {
        json_to_py_with(py, v, &mut Keys(Vec::new()))
    }
}

/// Results with this many rows or more are converted with the cyclic collector
/// paused: every dict made while it runs may start a collection that traverses
/// all the dicts made before, and a 100,000-mailbox file took twice as long
/// (3.9 s against 2.1 s). Small results skip the pause, which costs a few calls.
const LARGE: usize = 1_000;

/// The longest list at the top of a result or one level down (a file check's
/// `rows`, a sweep's `notices`).
fn rows(v: &Value) -> usize {
    let len = |v: &Value| v.as_array().map_or(0, Vec::len);
    match v {
        Value::Array(a) => a.len(),
        Value::Object(m) => m.values().map(len).max().unwrap_or(0),
        _ => 0,
    }
}

/// The dict keys made so far in one conversion: a result list repeats the same
/// few keys on every element, and one `str` per key (its hash computed once)
/// costs the dicts less than a new `str` per element (issue 20).
struct Keys(Vec<(String, Py<PyString>)>);

impl Keys {
    /// At most this many keys are kept; later ones are made each time.
    const MAX: usize = 64;

    fn get(&mut self, py: Python<'_>, k: &str) -> Py<PyString> {
        if let Some((_, s)) = self.0.iter().find(|(c, _)| c == k) {
            return s.clone_ref(py);
        }
        let s = PyString::new(py, k).unbind();
        if self.0.len() < Self::MAX {
            self.0.push((k.to_owned(), s.clone_ref(py)));
        }
        s
    }
}

fn json_to_py_with(py: Python<'_>, v: &Value, keys: &mut Keys) -> PyResult<Py<PyAny>> {
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
                list.append(json_to_py_with(py, item, keys)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(keys.get(py, k), json_to_py_with(py, item, keys)?)?;
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
