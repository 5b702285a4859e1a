//! Record conversion for the rules that take and give records (mailbox, account,
//! parent, permission, incident, drill, audit): a dict/list argument becomes the
//! core's serde record, a core result becomes plain dicts and lists — the shared
//! JSON shape, typed by the `TypedDict`s in `_shapes.pyi`. No rule lives here.

use crate::errors::{core, invalid};
use ntpc_policy::PolicyError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Deeper than any record of the core; stops a self-referencing list.
const MAX_DEPTH: usize = 32;

/// A Python value as JSON: dicts (string keys), lists/tuples, str, int, float,
/// bool, None, and `date`/`datetime` (as ISO text, which every core date field reads).
fn to_json(py: Python<'_>, field: &str, v: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
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
        return match v.extract::<i64>() {
            Ok(i) => Ok(Value::from(i)),
            Err(_) => Err(invalid(py, field, "an integer out of range")),
        };
    }
    if v.is_instance_of::<PyFloat>() {
        let f: f64 = v.extract()?;
        return serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| invalid(py, field, "a finite number is required"));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if v.is_instance_of::<PyDateTime>() || v.is_instance_of::<PyDate>() {
        return Ok(Value::String(v.call_method0("isoformat")?.extract()?));
    }
    if let Ok(d) = v.cast::<PyDict>() {
        let mut m = Map::new();
        for (k, item) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(invalid(py, field, "dict keys must be strings"));
            };
            let key = key.to_cow()?.into_owned();
            let inner = format!("{field}.{key}");
            m.insert(key, to_json(py, &inner, &item, depth + 1)?);
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
    let type_name = v.get_type().name()?.to_string();
    Err(invalid(
        py,
        field,
        format!("a dict, list, str, number, bool, date or None is required, not {type_name}"),
    ))
}

/// Drops `None` members, so an absent optional field and `None` read the same.
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

/// A record argument (`field` names it in errors) as the core's serde type.
pub fn record<T: DeserializeOwned>(
    py: Python<'_>,
    field: &str,
    v: &Bound<'_, PyAny>,
) -> PyResult<T> {
    let mut json = to_json(py, field, v, 0)?;
    strip_nulls(&mut json);
    serde_json::from_value(json).map_err(|e| invalid(py, field, e.to_string()))
}

/// An optional list argument: `None` is the empty list.
pub fn records<T: DeserializeOwned>(
    py: Python<'_>,
    field: &str,
    v: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<T>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) if v.is_none() => Ok(Vec::new()),
        Some(v) => record(py, field, v),
    }
}

/// A core result as plain dicts and lists.
pub fn result<T: Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let json = core(
        py,
        serde_json::to_value(value).map_err(|e| PolicyError::Internal {
            reason: e.to_string(),
        }),
    )?;
    crate::convert::json_to_py(py, &json)
}
