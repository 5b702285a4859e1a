//! Password results built with shared finding parts (issue 20): a batch of
//! checks repeats a few hundred distinct findings over and over, and building
//! each finding's two messages and decoding them into Python strings took most
//! of a `check_passwords` call (about 14 µs of 16 µs a password). Here each
//! distinct finding's code, severity and messages become Python strings once
//! per call; every result still gets its own `params` dict and its own finding
//! dict, with the keys in the order the generic conversion (`pythonize` of the
//! core's `Serialize`) gives them: code, severity, params, message_zh,
//! message_en. Tests: `tests/python/test_password_batch.py`.

use crate::convert::to_py;
use ntpc_policy::Finding;
use ntpc_policy::password::PasswordCheck;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// At most this many distinct findings are kept per call; others are
/// converted one by one.
const MAX_KEPT: usize = 512;

struct Parts {
    finding: Finding,
    code: Py<PyString>,
    severity: Py<PyAny>,
    params: Vec<(Py<PyString>, Py<PyAny>)>,
    message_zh: Py<PyString>,
    message_en: Py<PyString>,
}

/// Converts password checks, sharing the parts of repeated findings.
pub struct Builder {
    keys: [Py<PyString>; 6],
    kept: Vec<Parts>,
}

impl Builder {
    pub fn new(py: Python<'_>) -> Self {
        let k = |s: &str| PyString::intern(py, s).unbind();
        Builder {
            keys: [
                k("code"),
                k("severity"),
                k("params"),
                k("message_zh"),
                k("message_en"),
                k("findings"),
            ],
            kept: Vec::new(),
        }
    }

    /// One check as the generic conversion gives it.
    pub fn check(&mut self, py: Python<'_>, mut c: PasswordCheck) -> PyResult<Py<PyAny>> {
        let findings = std::mem::take(&mut c.findings);
        // The dict with `findings: []` in its place, then the list put in.
        let d = to_py(py, &c)?;
        let list = PyList::empty(py);
        for f in &findings {
            list.append(self.finding(py, f)?)?;
        }
        d.bind(py).set_item(&self.keys[5], list)?;
        Ok(d)
    }

    fn finding(&mut self, py: Python<'_>, f: &Finding) -> PyResult<Py<PyAny>> {
        let at = match self.kept.iter().position(|p| p.finding == *f) {
            Some(i) => i,
            None if self.kept.len() < MAX_KEPT => {
                self.kept.push(Parts {
                    finding: f.clone(),
                    code: PyString::new(py, f.code.as_str()).unbind(),
                    severity: to_py(py, &f.severity)?,
                    params: {
                        // In key order, as `Params` serialises them.
                        let mut sorted: Vec<_> = f.params.iter().collect();
                        sorted.sort_by_key(|(k, _)| *k);
                        sorted
                            .into_iter()
                            .map(|(k, v)| Ok((PyString::new(py, k).unbind(), to_py(py, v)?)))
                            .collect::<PyResult<_>>()?
                    },
                    message_zh: PyString::new(py, &f.message_zh()).unbind(),
                    message_en: PyString::new(py, &f.message_en()).unbind(),
                });
                self.kept.len() - 1
            }
            None => return to_py(py, f),
        };
        let (p, k) = (&self.kept[at], &self.keys);
        let params = PyDict::new(py);
        for (name, v) in &p.params {
            params.set_item(name, v)?;
        }
        let d = PyDict::new(py);
        d.set_item(&k[0], &p.code)?;
        d.set_item(&k[1], &p.severity)?;
        d.set_item(&k[2], params)?;
        d.set_item(&k[3], &p.message_zh)?;
        d.set_item(&k[4], &p.message_en)?;
        Ok(d.into_any().unbind())
    }
}
