//! The one door of every function of the core's table.

use crate::convert::{json_to_py, text, to_json};
use crate::errors::{core, guard, invalid};
use crate::json_text;
use crate::policy::{PyPolicy, or_default};
use ntpc_policy::api;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyDict, PyString};

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
        json_to_py(py, &run(py, f, args, &policy, data)?)
    })
}

/// The same call answered as JSON text (`bytes`, UTF-8), with the answer's
/// `summary` (or `None`): the text is what `json.dumps(answer,
/// ensure_ascii=False, indent=2)` writes of the answer `call` returns, and a
/// newline; with `lines`, one `json.dumps` line per row of a file answer, then
/// one per error (`{"line", "sheet", "error"}`). For the command line's
/// `--json` and `--jsonl`: the rows never become Python objects.
#[pyfunction]
#[pyo3(signature = (id, args, policy = None, data = None, lines = false))]
pub fn call_json(
    py: Python<'_>,
    id: &str,
    args: &Bound<'_, PyDict>,
    policy: Option<Bound<'_, PyPolicy>>,
    data: Option<&Bound<'_, PyAny>>,
    lines: bool,
) -> PyResult<(Py<PyBytes>, Py<PyAny>)> {
    guard(py, || {
        let f =
            api::function(id).ok_or_else(|| invalid(py, "id", format!("no function {id:?}")))?;
        let value = run(py, f, args, &policy, data)?;
        let text = py.detach(|| {
            if lines {
                json_text::lines(&value)
            } else {
                json_text::indented(&value)
            }
        });
        let summary = match value.get("summary") {
            Some(s) => json_to_py(py, s)?,
            None => py.None(),
        };
        Ok((PyBytes::new(py, &text).unbind(), summary))
    })
}

/// Converts the arguments and the data, and runs the function without the GIL.
fn run(
    py: Python<'_>,
    f: &api::Function,
    args: &Bound<'_, PyDict>,
    policy: &Option<Bound<'_, PyPolicy>>,
    data: Option<&Bound<'_, PyAny>>,
) -> PyResult<serde_json::Value> {
    let json = to_json(py, "args", args.as_any(), 0)?;
    let bytes: Option<Vec<u8>> = match data {
        None => None,
        Some(d) if d.is_none() => None,
        Some(d) if d.is_instance_of::<PyString>() => Some(text(py, "data", d)?.as_bytes().to_vec()),
        Some(d) => Some(
            d.extract::<PyBackedBytes>()
                .map_err(|_| invalid(py, "data", "bytes (or str) are required"))?
                .to_vec(),
        ),
    };
    let p = or_default(policy);
    let out = py.detach(|| f.run(&json, bytes.as_deref(), p));
    core(py, out)
}
