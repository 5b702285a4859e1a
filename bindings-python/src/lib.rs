//! `ntpc_policy._core`: the Python binding of ntpc-policy.
//!
//! Thin by rule: functions convert Python values to core values, call the core,
//! and convert back; errors map to `ntpc_policy.PolicyError` and its subclasses.
//! Every rule, number and message lives in the core crate.

use pyo3::prelude::*;

mod args;
mod calendar;
mod classes;
mod convert;
mod errors;
mod identity;
mod network;
mod password;
mod people;
mod policy;
mod records;
mod secops;
mod training;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", ntpc_policy::VERSION)?;
    m.add("PolicyError", py.get_type::<errors::PyPolicyError>())?;
    m.add("DateParseError", py.get_type::<errors::DateParseError>())?;
    m.add("PolicyFileError", py.get_type::<errors::PolicyFileError>())?;
    m.add(
        "InputTooLargeError",
        py.get_type::<errors::InputTooLargeError>(),
    )?;
    m.add("InternalError", py.get_type::<errors::InternalError>())?;
    m.add_class::<policy::PyPolicy>()?;
    m.add_class::<policy::PyFinding>()?;
    m.add_function(wrap_pyfunction!(policy::code_table, m)?)?;
    m.add_function(wrap_pyfunction!(policy::_panic_for_test, m)?)?;
    calendar::register(m)?;
    identity::register(m)?;
    network::register(m)?;
    password::register(m)?;
    people::register(m)?;
    secops::register(m)?;
    training::register(m)?;
    Ok(())
}
