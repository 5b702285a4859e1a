//! Error mapping: every core `PolicyError` becomes `ntpc_policy.PolicyError`
//! (a `ValueError`) or one of its subclasses, with `.code`, `.params`,
//! `.message_zh` and `.message_en`. A Rust panic is caught here and raised as
//! `PolicyError` with code `internal`, never as pyo3's `PanicException`.

use exceptions::PolicyError as PyPolicyError;
pub use exceptions::PolicyError as PyPolicyErrorType;
pub use exceptions::{DateParseError, InputTooLargeError, InternalError, PolicyFileError};
use ntpc_policy::PolicyError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The exception classes, under their Python names.
mod exceptions {
    use super::PyValueError;
    pyo3::create_exception!(
        ntpc_policy,
        PolicyError,
        PyValueError,
        "Input that could not be evaluated. `.code` is stable across languages."
    );
    pyo3::create_exception!(
        ntpc_policy,
        DateParseError,
        PolicyError,
        "A date or time that does not exist or is in no known style (codes calendar.*)."
    );
    pyo3::create_exception!(
        ntpc_policy,
        PolicyFileError,
        PolicyError,
        "A policy document or edition that cannot be used (codes policy.*)."
    );
    pyo3::create_exception!(
        ntpc_policy,
        InputTooLargeError,
        PolicyError,
        "An input over a documented size limit (code input.too_large)."
    );
    pyo3::create_exception!(
        ntpc_policy,
        InternalError,
        PolicyError,
        "A bug inside ntpc-policy (code internal); please report it."
    );
}

/// Converts a core error into the matching Python exception instance.
pub fn to_py(py: Python<'_>, e: &PolicyError) -> PyErr {
    let code = e.code().as_str();
    let msg = e.message_en();
    let err = if code.starts_with("calendar.") {
        DateParseError::new_err(msg.clone())
    } else if code.starts_with("policy.") {
        PolicyFileError::new_err(msg.clone())
    } else if code == "input.too_large" {
        InputTooLargeError::new_err(msg.clone())
    } else if code == "internal" {
        InternalError::new_err(msg.clone())
    } else {
        PyPolicyError::new_err(msg.clone())
    };
    let value = err.value(py);
    let params = crate::convert::to_py(py, &e.params()).unwrap_or_else(|_| py.None());
    let _ = value.setattr("code", code);
    let _ = value.setattr("params", params);
    let _ = value.setattr("message_zh", e.message_zh());
    let _ = value.setattr("message_en", msg);
    err
}

/// An argument the binding itself rejects, with the core's stable code.
pub fn invalid(py: Python<'_>, field: &str, reason: impl Into<String>) -> PyErr {
    to_py(py, &PolicyError::invalid(field, reason))
}

/// Core result → Python result, mapping the error.
pub fn core<T>(py: Python<'_>, r: Result<T, PolicyError>) -> PyResult<T> {
    r.map_err(|e| to_py(py, &e))
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

/// Test builds only (feature `test-hooks`): panics inside the guard every
/// function uses, so the test-suite proves a panic reaches Python as
/// `PolicyError(code="internal")`.
#[cfg(feature = "test-hooks")]
#[pyfunction]
pub fn panic_for_test(py: Python<'_>) -> PyResult<()> {
    guard(py, || -> PyResult<()> {
        panic!("deliberate panic for the test-suite")
    })
}
