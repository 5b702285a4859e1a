//! `ntpc_policy._core`: the Python binding of ntpc-policy.
//!
//! Thin by rule: every function of the core's table (`ntpc_policy::api`) is
//! reached through [`call::call`], which converts a dict of arguments to JSON,
//! runs the core without the GIL and converts the result to plain Python
//! objects; the typed wrappers that users call (`ntpc_policy._api`) are generated
//! from the same table (`make generate`). The few functions the table marks
//! `fast` are native here, because they run over hundreds of thousands of values
//! (measured in `make bench`). Errors map to `ntpc_policy.PolicyError` and its
//! subclasses. Every rule, number and message lives in the core crate.

use pyo3::prelude::*;

mod call;
mod convert;
mod errors;
mod fast;
mod findings;
mod json_text;
mod password_results;
mod policy;
mod typed;

/// mimalloc instead of the system allocator for everything Rust allocates in
/// this library: a sweep or an import makes a few blocks per row, and glibc's
/// malloc/free (with its free-list consolidation) were about half of a
/// 650,000-mailbox sweep's time; on mimalloc the same sweep ran 2.5× faster
/// (issue 20, BENCHMARKS.md). Only this library's own allocations use it;
/// the host's objects stay with the host's allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", ntpc_policy::VERSION)?;
    m.add("PolicyError", py.get_type::<errors::PyPolicyErrorType>())?;
    m.add("DateParseError", py.get_type::<errors::DateParseError>())?;
    m.add("PolicyFileError", py.get_type::<errors::PolicyFileError>())?;
    m.add(
        "InputTooLargeError",
        py.get_type::<errors::InputTooLargeError>(),
    )?;
    m.add("InternalError", py.get_type::<errors::InternalError>())?;
    m.add_class::<policy::PyPolicy>()?;
    m.add_function(wrap_pyfunction!(call::call, m)?)?;
    m.add_function(wrap_pyfunction!(call::call_json, m)?)?;
    #[cfg(feature = "test-hooks")]
    m.add_function(wrap_pyfunction!(errors::panic_for_test, m)?)?;
    #[cfg(feature = "test-hooks")]
    m.add_function(wrap_pyfunction!(python_float_for_test, m)?)?;
    fast::register(m)
}

/// Test hook: a float as the JSON text door writes it (`repr` in Python).
#[cfg(feature = "test-hooks")]
#[pyfunction]
fn python_float_for_test(x: f64) -> String {
    json_text::python_float(x)
}
