//! `ntpc_policy.Policy`: every number of every rule (RULES §0), as a handle the
//! other functions take. The policy itself is the core's `Policy`.

use crate::convert::{json_to_py, text};
use crate::errors::{core, guard};
use ntpc_policy::policy::{EDITIONS, Policy};
use pyo3::prelude::*;
use std::sync::LazyLock;

/// The edition in force, built once: most calls pass no policy.
static DEFAULT: LazyLock<Policy> = LazyLock::new(Policy::default);

/// Every number of every rule. `Policy()` is the edition in force.
#[pyclass(frozen, module = "ntpc_policy", name = "Policy")]
pub struct PyPolicy {
    pub inner: Policy,
}

/// The caller's policy, or the edition in force.
pub fn or_default<'a>(given: &'a Option<Bound<'_, PyPolicy>>) -> &'a Policy {
    match given {
        Some(p) => &p.get().inner,
        None => &DEFAULT,
    }
}

#[pymethods]
impl PyPolicy {
    #[new]
    fn new() -> Self {
        PyPolicy {
            inner: Policy::default(),
        }
    }

    /// A named edition, e.g. `Policy.edition("ntpc-109")`.
    #[staticmethod]
    fn edition(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let name = text(py, "name", name)?;
            core(py, Policy::edition(&name)).map(|inner| PyPolicy { inner })
        })
    }

    /// Reads a (partial) policy document over its edition; unknown keys and
    /// out-of-range numbers raise `PolicyFileError`.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let text = crate::convert::text(py, "text", text)?;
            core(py, Policy::from_json(&text)).map(|inner| PyPolicy { inner })
        })
    }

    /// The names of all editions, oldest first.
    #[staticmethod]
    fn editions() -> Vec<&'static str> {
        EDITIONS.to_vec()
    }

    /// The edition in force on a date (`date`, `datetime` or text in any calendar style).
    #[staticmethod]
    fn in_force_on(py: Python<'_>, day: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let json = crate::convert::to_json(py, "day", day, 0)?;
            let day: ntpc_policy::api::Date = serde_json::from_value(json)
                .map_err(|e| crate::errors::invalid(py, "day", e.to_string()))?;
            Ok(PyPolicy {
                inner: Policy::in_force_on(day.0),
            })
        })
    }

    /// The edition name this policy starts from.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.edition
    }

    /// Every number, as plain Python objects (the policy JSON document).
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let json = serde_json::to_value(&self.inner).unwrap_or_default();
        json_to_py(py, &json)
    }

    /// The policy JSON document.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    fn __repr__(&self) -> String {
        format!("Policy(edition={:?})", self.inner.edition)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}
