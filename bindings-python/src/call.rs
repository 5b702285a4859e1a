//! The one door of every function of the core's table.

use crate::convert::{json_to_py, text, to_json};
use crate::errors::{core, guard, invalid};
use crate::policy::{PyPolicy, or_default};
use ntpc_policy::api;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyDict, PyString};

/// Calls a function of the core by id (`mailbox.status`) with a dict of
/// arguments, an optional policy and the file bytes of a `data` parameter
/// (`bytes`, or `str` taken as UTF-8). The core runs without the GIL. The typed
/// wrappers in `ntpc_policy._api` call this; use them.
#[pyfunction]
#[pyo3(signature = (id, args, policy = None, data = None))]
pub fn call(
    py: Python<'_>,
    id: &str,
    args: &Bound<'_, PyDict>,
    policy: Option<Bound<'_, PyPolicy>>,
    data: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    guard(py, || {
        let f =
            api::function(id).ok_or_else(|| invalid(py, "id", format!("no function {id:?}")))?;
        if data.is_none_or(|d| d.is_none())
            && let Some(out) = crate::typed::call(py, id, args, or_default(&policy))?
        {
            return Ok(out);
        }
        let json = to_json(py, "args", args.as_any(), 0)?;
        let bytes: Option<Vec<u8>> = match data {
            None => None,
            Some(d) if d.is_none() => None,
            Some(d) if d.is_instance_of::<PyString>() => {
                Some(text(py, "data", d)?.as_bytes().to_vec())
            }
            Some(d) => Some(
                d.extract::<PyBackedBytes>()
                    .map_err(|_| invalid(py, "data", "bytes (or str) are required"))?
                    .to_vec(),
            ),
        };
        let p = or_default(&policy);
        let out = core(py, py.detach(|| f.run(&json, bytes.as_deref(), p)))?;
        if rows(&out) >= LARGE {
            crate::typed::paused_gc(py, || json_to_py(py, &out))
        } else {
            json_to_py(py, &out)
        }
    })
}

/// Results with this many rows or more are converted with the cyclic collector
/// paused: every dict made while it runs may start a collection that traverses
/// all the dicts made before, and a 100,000-mailbox file took twice as long
/// (3.9 s against 2.1 s). Small results skip the pause, which costs a few calls.
const LARGE: usize = 1_000;

/// The longest list at the top of a result or one level down (a file check's
/// `rows`, a sweep's `notices`).
fn rows(v: &serde_json::Value) -> usize {
    use serde_json::Value;
    let len = |v: &Value| v.as_array().map_or(0, Vec::len);
    match v {
        Value::Array(a) => a.len(),
        Value::Object(m) => m.values().map(len).max().unwrap_or(0),
        _ => 0,
    }
}
