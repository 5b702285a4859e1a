//! The functions the core's table marks `fast`: they run over hundreds of
//! thousands of values in nightly sweeps (`make bench` measures them), so they
//! read their `str` arguments without copying, work without the GIL and, for ID
//! numbers, return a compact result class instead of one dict per value.

use crate::convert::{text, to_json, to_py};
use crate::errors::{core, guard, invalid};
use crate::policy::{PyPolicy, or_default};
use ntpc_policy::api::Date;
use ntpc_policy::identity::{self as id, IdInfo};
use ntpc_policy::password::{self as pw, PasswordContext, PasswordProfile};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyList};

/// What a value is as an ID number (the core's `IdInfo`; the number itself
/// appears only masked). Attributes follow its JSON; `to_dict()` gives it.
#[pyclass(frozen, module = "ntpc_policy", name = "IdInfo")]
pub struct PyIdInfo {
    inner: IdInfo,
}

fn name<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

#[pymethods]
impl PyIdInfo {
    /// `national_id`, `resident_old`, `resident_new` or `none`.
    #[getter]
    fn kind(&self) -> Option<String> {
        name(&self.inner.kind)
    }
    /// Letter, one of `1 2 A B C D 8 9`, and eight digits, after normalising.
    #[getter]
    fn format_valid(&self) -> bool {
        self.inner.format_valid
    }
    /// The check digit matches.
    #[getter]
    fn checksum_valid(&self) -> bool {
        self.inner.checksum_valid
    }
    /// `male`, `female` or None.
    #[getter]
    fn gender(&self) -> Option<String> {
        self.inner.gender.as_ref().and_then(name)
    }
    /// The area of the first letter (letter, name_zh, name_en, retired), or None.
    #[getter]
    fn area(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_py(py, &self.inner.area())
    }
    /// For new unified certificates, the category of the third character.
    #[getter]
    fn category(&self) -> Option<String> {
        self.inner.category.as_ref().and_then(name)
    }
    /// The number with characters 4–7 hidden (`A12****789`), or None.
    #[getter]
    fn masked(&self) -> Option<String> {
        self.inner
            .masked(&ntpc_policy::policy::IdentityPolicy::DEFAULT)
    }
    /// The shared JSON shape, as a dict.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_py(py, &self.inner)
    }
    /// The shared JSON shape, as text.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }
    fn __repr__(&self) -> String {
        format!("IdInfo({})", self.to_json())
    }
    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

/// Creates result objects outside the cyclic garbage collector: they hold no
/// Python references, so the collector has nothing to find in them, and a sweep
/// of a million IDs otherwise spends most of its time traversing them.
fn untracked(py: Python<'_>, inner: IdInfo) -> PyResult<Bound<'_, PyIdInfo>> {
    let obj = Bound::new(py, PyIdInfo { inner })?;
    // SAFETY: `obj` is a live object we own; untracking is always allowed
    // (CPython checks whether it is tracked), and PyIdInfo holds no Python objects.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(obj.as_ptr().cast()) };
    Ok(obj)
}

/// A list argument of str, read without copying; a non-str or a lone surrogate
/// is `input.invalid_argument` naming its position.
fn texts(py: Python<'_>, field: &str, v: &Bound<'_, PyAny>) -> PyResult<Vec<PyBackedStr>> {
    if v.is_instance_of::<pyo3::types::PyString>() {
        return Err(invalid(py, field, "a list of str is required, not a str"));
    }
    let iter = v
        .try_iter()
        .map_err(|_| invalid(py, field, "a list of str is required"))?;
    let mut out = Vec::with_capacity(v.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        let item = item?;
        // The position is written out only for an error (issue 20: a million
        // names otherwise cost a million `format!`s).
        out.push(match text(py, field, &item) {
            Ok(t) => t,
            Err(_) => text(py, &format!("{field}[{i}]"), &item)?,
        });
    }
    Ok(out)
}

/// What a value is as an ID number.
#[pyfunction]
pub fn classify_id<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyIdInfo>> {
    guard(py, || {
        untracked(py, id::classify(&text(py, "value", value)?))
    })
}

/// `classify_id` over many values, in order; the collector is paused while the
/// list is built (a million allocations would otherwise trigger full
/// collections that traverse the caller's input list) and restored after.
///
/// A `list` is read in place and the result list filled as it goes: no copy of
/// the input and no intermediate vectors (issue 20: they were a fifth of the
/// call). Any other iterable is read into a vector first. Either way the first
/// bad element is `input.invalid_argument` naming its position, before any
/// result is returned.
#[pyfunction]
pub fn classify_ids<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        crate::typed::paused_gc(py, || match values.cast::<PyList>() {
            Ok(list) => classify_list(py, list),
            Err(_) => texts(py, "values", values).and_then(|values| {
                let objs = values
                    .iter()
                    .map(|v| untracked(py, id::classify(v)))
                    .collect::<PyResult<Vec<_>>>()?;
                PyList::new(py, objs)
            }),
        })
    })
}

/// [`classify_ids`] over a `list`: each element read as borrowed UTF-8 and its
/// result put straight into a list of the same length.
fn classify_list<'py>(py: Python<'py>, list: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyList>> {
    let n = list.len();
    let len = pyo3::ffi::Py_ssize_t::try_from(n).map_err(|_| invalid(py, "values", "too long"))?;
    // SAFETY: PyList_New returns a new reference (or NULL with an exception
    // set); a list whose slots are still NULL is valid to drop (its dealloc
    // skips them), so an early return below leaves nothing half-made.
    let out = unsafe { Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(len))? };
    for i in 0..n {
        let item = list.get_item(i)?;
        let info = match item
            .cast::<pyo3::types::PyString>()
            .ok()
            .and_then(|s| s.to_str().ok())
        {
            Some(t) => id::classify(t),
            // The same error as one value's, naming the position.
            None => id::classify(&text(py, &format!("values[{i}]"), &item)?),
        };
        let obj = untracked(py, info)?;
        // SAFETY: `out` is a list of length `n` and `i < n`; PyList_SetItem
        // steals the reference `into_ptr` hands over.
        let rc = unsafe {
            pyo3::ffi::PyList_SetItem(out.as_ptr(), i as pyo3::ffi::Py_ssize_t, obj.into_ptr())
        };
        if rc != 0 {
            return Err(PyErr::fetch(py));
        }
    }
    // SAFETY: PyList_New made a list.
    Ok(unsafe { out.cast_into_unchecked() })
}

/// Whether a value is an ID number with a valid check digit.
#[pyfunction]
pub fn is_valid_id(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    guard(py, || Ok(id::checksum_valid(&text(py, "value", value)?)))
}

/// One byte per value (`b & 8`: a valid ID number; layout in the core's
/// `IdInfo::packed`), as `bytes`.
#[pyfunction]
pub fn classify_ids_packed<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(py, || {
        let values = texts(py, "values", values)?;
        let out = py.detach(|| id::classify_packed(values.iter().map(|v| &**v)));
        Ok(PyBytes::new(py, &out))
    })
}

/// The scan options (`{"html": bool, "loose": bool}`), or the defaults.
fn scan_options(py: Python<'_>, v: Option<&Bound<'_, PyAny>>) -> PyResult<id::ScanOptions> {
    match v {
        Some(v) if !v.is_none() => {
            let json = crate::convert::to_json(py, "options", v, 0)?;
            core(py, ntpc_policy::records::from_json_value("options", json))
        }
        _ => Ok(id::ScanOptions::default()),
    }
}

/// Every ID number in a text, with byte, character and UTF-16 offsets (masked).
#[pyfunction]
#[pyo3(signature = (text, options = None, *, policy = None))]
pub fn scan_ids(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Py<PyAny>> {
    guard(py, || {
        let t = crate::convert::text(py, "text", text)?;
        let o = scan_options(py, options)?;
        let p = or_default(&policy);
        let found = core(py, py.detach(|| id::scan_with(&t, &o, p)))?;
        to_py(py, &found)
    })
}

/// The text with every ID number in it masked.
#[pyfunction]
#[pyo3(signature = (text, options = None, *, policy = None))]
pub fn redact_ids(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    guard(py, || {
        let t = crate::convert::text(py, "text", text)?;
        let o = scan_options(py, options)?;
        let p = or_default(&policy);
        core(py, py.detach(|| id::redact_with(&t, &o, p)))
    })
}

/// `profile` read like every other text argument: anything but `"default"` or
/// `"ad"` (a non-str, a lone surrogate) is `input.invalid_argument`.
fn profile(py: Python<'_>, v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<PasswordProfile>> {
    let bad = || invalid(py, "profile", "\"default\" or \"ad\"");
    opt_text(py, "profile", v)
        .map_err(|_| bad())?
        .map(|s| {
            serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|_| bad())
        })
        .transpose()
}

/// The optional context arguments of the password functions, read once.
struct Context {
    /// account, display_name, school_name, school_code.
    texts: [Option<PyBackedStr>; 4],
    profile: Option<PasswordProfile>,
    today: Option<Date>,
}

impl Context {
    fn read(
        py: Python<'_>,
        texts: [Option<&Bound<'_, PyAny>>; 4],
        profile: Option<&Bound<'_, PyAny>>,
        today: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let names = ["account", "display_name", "school_name", "school_code"];
        let mut out: [Option<PyBackedStr>; 4] = Default::default();
        for ((slot, name), v) in out.iter_mut().zip(names).zip(texts) {
            *slot = opt_text(py, name, v)?;
        }
        let today = match today {
            Some(v) if !v.is_none() => {
                // A `date` or text in any calendar style, as the table reads it.
                let text = match to_json(py, "today", v, 0)? {
                    serde_json::Value::String(s) => s,
                    _ => return Err(invalid(py, "today", "a date or date text is required")),
                };
                Some(core(py, text.parse::<Date>())?)
            }
            _ => None,
        };
        Ok(Self {
            texts: out,
            profile: self::profile(py, profile)?,
            today,
        })
    }

    fn get(&self) -> PasswordContext<'_> {
        let [account, display_name, school_name, school_code] = &self.texts;
        PasswordContext {
            account: account.as_deref(),
            display_name: display_name.as_deref(),
            profile: self.profile,
            school_name: school_name.as_deref(),
            school_code: school_code.as_deref(),
            today: self.today.map(|d| d.0),
        }
    }
}

fn opt_text(
    py: Python<'_>,
    field: &str,
    v: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<PyBackedStr>> {
    match v {
        Some(v) if !v.is_none() => text(py, field, v).map(Some),
        _ => Ok(None),
    }
}

/// Checks a password: 8+ characters, 3 of 4 classes, no account or display
/// name, and warnings for well-known weak passwords and personal data.
// The Python/Kotlin signature: one parameter per context word.
#[allow(clippy::too_many_arguments)]
#[pyfunction]
#[pyo3(signature = (password, account = None, display_name = None, profile = None, school_name = None, school_code = None, today = None, *, policy = None))]
pub fn check_password(
    py: Python<'_>,
    password: &Bound<'_, PyAny>,
    account: Option<&Bound<'_, PyAny>>,
    display_name: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
    school_name: Option<&Bound<'_, PyAny>>,
    school_code: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Py<PyAny>> {
    guard(py, || {
        let password = text(py, "password", password)?;
        let context = Context::read(
            py,
            [account, display_name, school_name, school_code],
            profile,
            today,
        )?;
        let ctx = context.get();
        crate::password_results::Builder::new(py)
            .check(py, pw::check(&password, &ctx, or_default(&policy)))
    })
}

/// The verdict alone of `check_password`: `pass`, `warn` or `fail`.
// The Python/Kotlin signature: one parameter per context word.
#[allow(clippy::too_many_arguments)]
#[pyfunction]
#[pyo3(signature = (password, account = None, display_name = None, profile = None, school_name = None, school_code = None, today = None, *, policy = None))]
pub fn password_verdict(
    py: Python<'_>,
    password: &Bound<'_, PyAny>,
    account: Option<&Bound<'_, PyAny>>,
    display_name: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
    school_name: Option<&Bound<'_, PyAny>>,
    school_code: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<&'static str> {
    guard(py, || {
        let password = text(py, "password", password)?;
        let context = Context::read(
            py,
            [account, display_name, school_name, school_code],
            profile,
            today,
        )?;
        let ctx = context.get();
        Ok(pw::check(&password, &ctx, or_default(&policy))
            .verdict
            .as_str())
    })
}

/// `check_password` over many passwords of one account, without the GIL.
// The Python/Kotlin signature: one parameter per context word.
#[allow(clippy::too_many_arguments)]
#[pyfunction]
#[pyo3(signature = (passwords, account = None, display_name = None, profile = None, school_name = None, school_code = None, today = None, *, policy = None))]
pub fn check_passwords(
    py: Python<'_>,
    passwords: &Bound<'_, PyAny>,
    account: Option<&Bound<'_, PyAny>>,
    display_name: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
    school_name: Option<&Bound<'_, PyAny>>,
    school_code: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Py<PyAny>> {
    guard(py, || {
        let passwords = texts(py, "passwords", passwords)?;
        let context = Context::read(
            py,
            [account, display_name, school_name, school_code],
            profile,
            today,
        )?;
        let ctx = context.get();
        let p = or_default(&policy);
        let out = py.detach(|| {
            passwords
                .iter()
                .map(|s| pw::check(s, &ctx, p))
                .collect::<Vec<_>>()
        });
        // The collector paused while the results are made: each result is a
        // few dicts, and collections would traverse them (and the caller's
        // list) again and again.
        let mut b = crate::password_results::Builder::new(py);
        crate::typed::paused_gc(py, || {
            let items = out
                .into_iter()
                .map(|c| b.check(py, c))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, items)?.into_any().unbind())
        })
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyIdInfo>()?;
    for f in [
        wrap_pyfunction!(classify_id, m)?,
        wrap_pyfunction!(classify_ids, m)?,
        wrap_pyfunction!(classify_ids_packed, m)?,
        wrap_pyfunction!(is_valid_id, m)?,
        wrap_pyfunction!(password_verdict, m)?,
        wrap_pyfunction!(scan_ids, m)?,
        wrap_pyfunction!(redact_ids, m)?,
        wrap_pyfunction!(check_password, m)?,
        wrap_pyfunction!(check_passwords, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}
