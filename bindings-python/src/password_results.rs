//! Password results with shared finding parts (issue 20): building each
//! finding's two messages anew took most of a `check_passwords` call (about
//! 14 µs of 16 µs a password). The check's dict is the generic conversion's
//! (`pythonize`), its findings come from [`Findings`] in the same key order.
//! Tests: `tests/python/test_password_batch.py`.

use crate::convert::to_py;
use crate::findings::{Findings, KeyOrder};
use ntpc_policy::password::PasswordCheck;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// Converts password checks, sharing the parts of repeated findings.
pub struct Builder {
    findings_key: Py<PyString>,
    findings: Findings,
}

impl Builder {
    pub fn new(py: Python<'_>) -> Self {
        Builder {
            findings_key: PyString::intern(py, "findings").unbind(),
            findings: Findings::new(py, KeyOrder::Declared),
        }
    }

    /// One check as the generic conversion gives it.
    pub fn check(&mut self, py: Python<'_>, mut c: PasswordCheck) -> PyResult<Py<PyAny>> {
        let findings = std::mem::take(&mut c.findings);
        // The dict with `findings: []` in its place, then the list put in.
        let d = to_py(py, &c)?;
        let list = PyList::empty(py);
        for f in &findings {
            list.append(self.findings.dict(py, f)?)?;
        }
        d.bind(py).set_item(&self.findings_key, list)?;
        Ok(d)
    }
}
