//! Error mapping: every core `PolicyError` becomes `ntpc_policy.PolicyError`
//! (a `ValueError`) or one of its subclasses, with `.code`, `.params`,
//! `.message_zh` and `.message_en`. A Rust panic is caught here and raised as
//! `PolicyError` with code `internal`, never as pyo3's `PanicException`.

use crate::convert::params_to_py;
use ntpc_policy::{CodeKind, PolicyError};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

pyo3::create_exception!(
    _core,
    PyPolicyError,
    PyValueError,
    "Input that could not be evaluated. `.code` is stable across languages."
);
pyo3::create_exception!(
    _core,
    DateParseError,
    PyPolicyError,
    "A date or time that does not exist or is in no known style (codes calendar.*)."
);
pyo3::create_exception!(
    _core,
    PolicyFileError,
    PyPolicyError,
    "A policy document or edition that cannot be used (codes policy.*)."
);
pyo3::create_exception!(
    _core,
    InputTooLargeError,
    PyPolicyError,
    "An input over a documented size limit (code input.too_large)."
);
pyo3::create_exception!(
    _core,
    InternalError,
    PyPolicyError,
    "A bug inside ntpc-policy (code internal); please report it."
);

/// Converts a core error into the matching Python exception instance.
pub fn to_py(py: Python<'_>, e: &PolicyError) -> PyErr {
    let code = e.code().as_str();
    let msg = e.message_en();
    let err = if code.starts_with("calendar.") {
        DateParseError::new_err(msg)
    } else if code.starts_with("policy.") {
        PolicyFileError::new_err(msg)
    } else if code == "input.too_large" {
        InputTooLargeError::new_err(msg)
    } else if code == "internal" {
        InternalError::new_err(msg)
    } else {
        PyPolicyError::new_err(msg)
    };
    debug_assert_eq!(e.code().kind(), CodeKind::Error);
    let value = err.value(py);
    let attrs: [(&str, Py<PyAny>); 4] = [
        (
            "code",
            code.into_pyobject(py)
                .map(|v| v.into_any().unbind())
                .unwrap_or_else(|_| py.None()),
        ),
        (
            "params",
            params_to_py(py, &e.params()).unwrap_or_else(|_| py.None()),
        ),
        (
            "message_zh",
            e.message_zh()
                .into_pyobject(py)
                .map(|v| v.into_any().unbind())
                .unwrap_or_else(|_| py.None()),
        ),
        ("message_en", msg_obj(py, &e.message_en())),
    ];
    for (k, v) in attrs {
        let _ = value.setattr(k, v);
    }
    err
}

fn msg_obj(py: Python<'_>, s: &str) -> Py<PyAny> {
    s.into_pyobject(py)
        .map(|v| v.into_any().unbind())
        .unwrap_or_else(|_| py.None())
}

/// A `TypeError`-free argument error with a stable code, for arguments the
/// binding itself rejects (e.g. an unknown enum string).
#[allow(dead_code)] // used by the rule functions that validate enum strings
pub fn invalid(py: Python<'_>, field: &str, reason: impl Into<String>) -> PyErr {
    to_py(py, &PolicyError::invalid(field, reason))
}

/// Runs `f`, turning a panic into `PolicyError(code="internal")`.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Err(to_py(py, &PolicyError::Internal { reason }))
        }
    }
}

/// Core result → Python result, mapping the error.
pub fn core<T>(py: Python<'_>, r: Result<T, PolicyError>) -> PyResult<T> {
    r.map_err(|e| to_py(py, &e))
}
