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
        let out = py.detach(|| f.run(&json, bytes.as_deref(), p));
        json_to_py(py, &core(py, out)?)
    })
}
