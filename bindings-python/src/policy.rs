//! `Policy`, findings and the code table for Python.

use crate::classes::result_class;
use crate::convert::{params_to_py, to_dict};
use crate::errors::core;
use ntpc_policy::policy as p;
use pyo3::prelude::*;

result_class!(
    PyPolicy,
    p::Policy,
    "Policy",
    "Every number of every rule (RULES §0). `Policy()` is the edition in force.",
    {
        #[new]
        fn new() -> Self {
            p::Policy::default().into()
        }

        /// A named edition, e.g. `Policy.edition("ntpc-109")`.
        #[staticmethod]
        fn edition(py: Python<'_>, name: &str) -> PyResult<Self> {
            crate::errors::guard(py, || core(py, p::Policy::edition(name)).map(Into::into))
        }

        /// Reads a (partial) policy document; unknown keys raise `PolicyFileError`.
        #[staticmethod]
        fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
            crate::errors::guard(py, || core(py, p::Policy::from_json(text)).map(Into::into))
        }

        /// The names of all editions, oldest first.
        #[staticmethod]
        fn editions() -> Vec<&'static str> {
            p::EDITIONS.to_vec()
        }

        /// The edition in force on a date.
        #[staticmethod]
        fn in_force_on(day: chrono::NaiveDate) -> Self {
            p::Policy::in_force_on(day).into()
        }

        /// The edition name this policy starts from.
        #[getter]
        fn name(&self) -> &str {
            &self.inner.edition
        }
    }
);

result_class!(
    PyFinding,
    ntpc_policy::Finding,
    "Finding",
    "One explained outcome of a rule: a stable code, severity, parameters and two messages.",
    {
        /// Stable code, e.g. `password.too_short`.
        #[getter]
        fn code(&self) -> &'static str {
            self.inner.code.as_str()
        }
        /// `violation`, `warning` or `info`.
        #[getter]
        fn severity(&self) -> &'static str {
            self.inner.severity.as_str()
        }
        /// The figures the rule used.
        #[getter]
        fn params(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
            params_to_py(py, &self.inner.params)
        }
        /// Traditional Chinese message.
        #[getter]
        fn message_zh(&self) -> String {
            self.inner.message_zh()
        }
        /// English message.
        #[getter]
        fn message_en(&self) -> String {
            self.inner.message_en()
        }
    }
);

/// Converts core findings to Python ones.
#[allow(dead_code)] // used by every result class with findings
pub fn findings(list: &[ntpc_policy::Finding]) -> Vec<PyFinding> {
    list.iter().cloned().map(Into::into).collect()
}

/// Every code with its kind and both message templates.
#[pyfunction]
pub fn code_table(py: Python<'_>) -> PyResult<Py<PyAny>> {
    to_dict(py, &ntpc_policy::code_table())
}

/// Test-only: panics inside the same guard every function uses, so the test-suite
/// can prove a Rust panic reaches Python as `PolicyError(code="internal")`.
#[pyfunction]
pub fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    crate::errors::guard(py, || -> PyResult<()> {
        panic!("deliberate panic for the test-suite")
    })
}
