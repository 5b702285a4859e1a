//! Finding dicts built from shared parts (issue 20), for the fast paths that
//! return many results ([`crate::typed`], [`crate::password_results`]): a
//! batch repeats a few hundred distinct findings, and rendering and decoding
//! each one's two messages anew cost more than the rule. Each distinct
//! finding's code, severity, messages and parameter values become Python
//! objects once per call; every result still gets its own finding dict and
//! its own `params` dict (a caller may change one).

use crate::convert::to_py;
use ntpc_policy::Finding;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// At most this many distinct findings are kept per call; others are
/// converted one by one.
const MAX_KEPT: usize = 512;

/// The key order of a finding dict, as the path it stands for gives it.
#[derive(Clone, Copy)]
pub enum KeyOrder {
    /// The JSON door's (`serde_json` objects sort their keys): code,
    /// message_en, message_zh, params, severity.
    Sorted,
    /// The core's `Serialize` (through `pythonize`): code, severity, params,
    /// message_zh, message_en.
    Declared,
}

struct Parts {
    finding: Finding,
    code: Py<PyString>,
    severity: Py<PyAny>,
    params: Vec<(Py<PyString>, Py<PyAny>)>,
    message_zh: Py<PyString>,
    message_en: Py<PyString>,
}

/// Makes finding dicts for one call.
pub struct Findings {
    order: KeyOrder,
    /// code, severity, params, message_zh, message_en.
    keys: [Py<PyString>; 5],
    kept: Vec<Parts>,
}

impl Findings {
    pub fn new(py: Python<'_>, order: KeyOrder) -> Self {
        let k = |s: &str| PyString::intern(py, s).unbind();
        Findings {
            order,
            keys: [
                k("code"),
                k("severity"),
                k("params"),
                k("message_zh"),
                k("message_en"),
            ],
            kept: Vec::new(),
        }
    }

    /// The dict of one finding, as its path would give it.
    pub fn dict(&mut self, py: Python<'_>, f: &Finding) -> PyResult<Py<PyAny>> {
        let at = match self.kept.iter().position(|p| p.finding == *f) {
            Some(i) => i,
            None if self.kept.len() < MAX_KEPT => {
                self.kept.push(parts(py, f)?);
                self.kept.len() - 1
            }
            None => {
                let p = parts(py, f)?;
                return self.build(py, &p);
            }
        };
        self.build(py, &self.kept[at])
    }

    fn build(&self, py: Python<'_>, p: &Parts) -> PyResult<Py<PyAny>> {
        let params = PyDict::new(py);
        for (name, v) in &p.params {
            params.set_item(name, v)?;
        }
        let [code, severity, params_key, message_zh, message_en] = &self.keys;
        let d = PyDict::new(py);
        d.set_item(code, &p.code)?;
        match self.order {
            KeyOrder::Sorted => {
                d.set_item(message_en, &p.message_en)?;
                d.set_item(message_zh, &p.message_zh)?;
                d.set_item(params_key, params)?;
                d.set_item(severity, &p.severity)?;
            }
            KeyOrder::Declared => {
                d.set_item(severity, &p.severity)?;
                d.set_item(params_key, params)?;
                d.set_item(message_zh, &p.message_zh)?;
                d.set_item(message_en, &p.message_en)?;
            }
        }
        Ok(d.into_any().unbind())
    }
}

/// The parts of a finding, each value converted as the core serialises it
/// (parameters in key order, as `Params` writes them).
fn parts(py: Python<'_>, f: &Finding) -> PyResult<Parts> {
    let mut sorted: Vec<_> = f.params.iter().collect();
    sorted.sort_by_key(|(k, _)| *k);
    Ok(Parts {
        finding: f.clone(),
        code: PyString::new(py, f.code.as_str()).unbind(),
        severity: to_py(py, &f.severity)?,
        params: sorted
            .into_iter()
            .map(|(k, v)| Ok((PyString::new(py, k).unbind(), to_py(py, v)?)))
            .collect::<PyResult<_>>()?,
        message_zh: PyString::new(py, &f.message_zh()).unbind(),
        message_en: PyString::new(py, &f.message_en()).unbind(),
    })
}
