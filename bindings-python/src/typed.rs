//! Typed fast paths behind the generic door ([`crate::call::call`]): for the
//! few table functions that nightly sweeps call over hundreds of thousands of
//! values, the door reads the arguments without JSON and builds the result's
//! Python objects straight from the core value. The result is the one the JSON
//! path gives, object for object and key for key, in the same order (tests:
//! `tests/python/test_typed_door.py`); any argument the fast path does not
//! expect goes the JSON way, so errors are the JSON path's too.
//!
//! `identity.check_account_many` (`check_accounts`, 650,000 names; issue 20):
//! through JSON, each name was copied twice (into a `serde_json::Value`, then a
//! `String`) and each result became a `Value` tree before its dicts, and the
//! two messages of every finding were rendered and decoded anew.

use crate::findings::{Findings, KeyOrder};
use ntpc_policy::Policy;
use ntpc_policy::identity::{self, AccountNameCheck};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use serde::Serialize;

/// The typed path of `id`, when there is one and the arguments are what it
/// expects; `None` sends the call the JSON way.
pub fn call(
    py: Python<'_>,
    id: &str,
    args: &Bound<'_, PyDict>,
    policy: &Policy,
) -> PyResult<Option<Py<PyAny>>> {
    match id {
        "identity.check_account_many" => check_accounts(py, args, policy),
        _ => Ok(None),
    }
}

/// `{"names": [str, …]}` (a list or tuple of str, nothing else in the dict),
/// each name's UTF-8 borrowed from Python.
fn names(args: &Bound<'_, PyDict>) -> PyResult<Option<Vec<PyBackedStr>>> {
    if args.len() != 1 {
        return Ok(None);
    }
    let Some(v) = args.get_item("names")? else {
        return Ok(None);
    };
    if !(v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>()) {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(v.len().unwrap_or(0));
    for item in v.try_iter()? {
        let item = item?;
        let Ok(s) = item.cast::<PyString>() else {
            return Ok(None);
        };
        match PyBackedStr::try_from(s.clone()) {
            Ok(t) => out.push(t),
            Err(_) => return Ok(None),
        }
    }
    Ok(Some(out))
}

fn check_accounts(
    py: Python<'_>,
    args: &Bound<'_, PyDict>,
    policy: &Policy,
) -> PyResult<Option<Py<PyAny>>> {
    let Some(names) = names(args)? else {
        return Ok(None);
    };
    let out: Vec<AccountNameCheck> = py.detach(|| {
        names
            .iter()
            .map(|n| identity::check_account(n, policy))
            .collect()
    });
    drop(names);
    let mut b = Builder::new(py);
    let built = paused_gc(py, || {
        let items = out
            .iter()
            .map(|r| b.account(py, r))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any().unbind())
    })?;
    Ok(Some(built))
}

/// Runs `f` with the cyclic collector off (restored after): a list of 650,000
/// fresh dicts otherwise triggers collections that traverse the caller's
/// input list again and again.
pub(crate) fn paused_gc<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let gc = py.import("gc")?;
    let was_enabled: bool = gc.call_method0("isenabled")?.extract()?;
    if was_enabled {
        gc.call_method0("disable")?;
    }
    let r = f();
    if was_enabled {
        gc.call_method0("enable")?;
    }
    r
}

/// The name a value serialises to (`"national_id"`), from its `Serialize`.
fn serialized_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

/// One Python `str` per distinct value of a small enum, made from the value's
/// own serialised name.
struct Names<T>(Vec<(T, Py<PyString>)>);

impl<T: PartialEq + Copy + Serialize> Names<T> {
    fn get(&mut self, py: Python<'_>, v: T) -> Py<PyString> {
        if let Some((_, s)) = self.0.iter().find(|(k, _)| *k == v) {
            return s.clone_ref(py);
        }
        let s = PyString::new(py, &serialized_name(&v)).unbind();
        self.0.push((v, s.clone_ref(py)));
        s
    }
}

/// The dict keys of the results, each one `str` made once.
struct Keys {
    checksum_valid: Py<PyString>,
    findings: Py<PyString>,
    id_format: Py<PyString>,
    kind: Py<PyString>,
    local_part_masked: Py<PyString>,
    verdict: Py<PyString>,
}

/// Builds the result dicts, with each key `str` made once and the parts of
/// repeated findings shared.
struct Builder {
    keys: Keys,
    kinds: Names<identity::IdKind>,
    verdicts: Names<ntpc_policy::Verdict>,
    findings: Findings,
}

impl Builder {
    fn new(py: Python<'_>) -> Self {
        let k = |s: &str| PyString::new(py, s).unbind();
        Builder {
            keys: Keys {
                checksum_valid: k("checksum_valid"),
                findings: k("findings"),
                id_format: k("id_format"),
                kind: k("kind"),
                local_part_masked: k("local_part_masked"),
                verdict: k("verdict"),
            },
            kinds: Names(Vec::new()),
            verdicts: Names(Vec::new()),
            findings: Findings::new(py, KeyOrder::Sorted),
        }
    }

    /// `AccountNameCheck` as the JSON path gives it: keys in code-point
    /// order (serde_json's object order).
    fn account(&mut self, py: Python<'_>, r: &AccountNameCheck) -> PyResult<Py<PyAny>> {
        let findings = r
            .findings
            .iter()
            .map(|f| self.findings.dict(py, f))
            .collect::<PyResult<Vec<_>>>()?;
        let kind = self.kinds.get(py, r.kind);
        let verdict = self.verdicts.get(py, r.verdict);
        let k = &self.keys;
        let d = PyDict::new(py);
        d.set_item(&k.checksum_valid, r.checksum_valid)?;
        d.set_item(&k.findings, PyList::new(py, findings)?)?;
        d.set_item(&k.id_format, r.id_format)?;
        d.set_item(&k.kind, kind)?;
        d.set_item(&k.local_part_masked, &r.local_part_masked)?;
        d.set_item(&k.verdict, verdict)?;
        Ok(d.into_any().unbind())
    }
}
