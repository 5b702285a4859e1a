//! ID-number functions (RULES §2) for Python.

use crate::args::enum_str;
use crate::classes::{result_class, untracked, untracked_list};
use crate::convert::to_dict;
use crate::errors::{core, guard};
use crate::policy::{PyFinding, PyPolicy, findings};
use ntpc_policy::identity as id;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyList};

result_class!(
    PyIdInfo,
    id::IdInfo,
    "IdInfo",
    "What an ID number is: kind, validity, gender, area (masked).",
    {
        /// `national_id`, `resident_old`, `resident_new` or `none`.
        #[getter]
        fn kind(&self) -> String {
            enum_str(&self.inner.kind)
        }
        /// Letter, valid second character and eight digits.
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
            self.inner.gender.as_ref().map(enum_str)
        }
        /// The area of the first letter as a dict (letter, name_zh, name_en, retired), or None.
        #[getter]
        fn area(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
            match &self.inner.area() {
                Some(a) => to_dict(py, a),
                None => Ok(py.None()),
            }
        }
        /// For new unified certificates: `foreign`, `national_without_household`, `hong_kong_macao`, `mainland_china`.
        #[getter]
        fn category(&self) -> Option<String> {
            self.inner.category.as_ref().map(enum_str)
        }
        /// The number with characters 4–7 hidden (`A12****789`), or None when not an ID.
        #[getter]
        fn masked(&self) -> Option<String> {
            self.inner.masked(&crate::args::DEFAULT_POLICY.identity)
        }
    }
);

result_class!(
    PyAccountNameCheck,
    id::AccountNameCheck,
    "AccountNameCheck",
    "The custom-account rule applied to one account name.",
    {
        /// `pass`, `warn` or `fail`.
        #[getter]
        fn verdict(&self) -> String {
            enum_str(&self.inner.verdict)
        }
        /// The local part has the format of an ID number.
        #[getter]
        fn id_format(&self) -> bool {
            self.inner.id_format
        }
        /// …and a valid checksum (a real number is likely exposed).
        #[getter]
        fn checksum_valid(&self) -> bool {
            self.inner.checksum_valid
        }
        /// The kind of ID the name looks like.
        #[getter]
        fn kind(&self) -> String {
            enum_str(&self.inner.kind)
        }
        /// The local part, masked when it is ID-shaped.
        #[getter]
        fn local_part_masked(&self) -> String {
            self.inner.local_part_masked.clone()
        }
        /// The findings.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            findings(&self.inner.findings)
        }
    }
);

result_class!(
    PyIdMatch,
    id::IdMatch,
    "IdMatch",
    "An ID number found in a text, with offsets (masked).",
    {
        /// Byte offset of the start (UTF-8).
        #[getter]
        fn start(&self) -> usize {
            self.inner.start
        }
        /// Byte offset after the end (UTF-8).
        #[getter]
        fn end(&self) -> usize {
            self.inner.end
        }
        /// Index of the first character (as Python indexes str).
        #[getter]
        fn char_start(&self) -> usize {
            self.inner.char_start
        }
        /// Index after the last character.
        #[getter]
        fn char_end(&self) -> usize {
            self.inner.char_end
        }
        /// The kind of ID.
        #[getter]
        fn kind(&self) -> String {
            enum_str(&self.inner.kind)
        }
        /// The check digit matches.
        #[getter]
        fn checksum_valid(&self) -> bool {
            self.inner.checksum_valid
        }
        /// Written with full-width characters.
        #[getter]
        fn fullwidth(&self) -> bool {
            self.inner.fullwidth
        }
        /// The match, masked.
        #[getter]
        fn masked(&self) -> String {
            self.inner.masked.clone()
        }
    }
);

result_class!(
    PyUbnCheck,
    id::UbnCheck,
    "UbnCheck",
    "A Unified Business Number (統一編號) check.",
    {
        /// Eight digits.
        #[getter]
        fn format_valid(&self) -> bool {
            self.inner.format_valid
        }
        /// The weighted sum rule holds (2023 rule).
        #[getter]
        fn checksum_valid(&self) -> bool {
            self.inner.checksum_valid
        }
        /// The 7th-digit-is-7 special case decided it.
        #[getter]
        fn seventh_digit_rule(&self) -> bool {
            self.inner.seventh_digit_rule
        }
    }
);

/// Trim, full-width → ASCII, uppercase.
#[pyfunction]
pub fn normalize_id(py: Python<'_>, value: &str) -> PyResult<String> {
    guard(py, || Ok(id::normalize(value).into_owned()))
}

/// Classifies one value as an ID number.
#[pyfunction]
pub fn classify_id<'py>(py: Python<'py>, value: &str) -> PyResult<Bound<'py, PyIdInfo>> {
    guard(py, || untracked(py, PyIdInfo::from(id::classify(value))))
}

/// Classifies many values at once, without holding the GIL while it works.
#[pyfunction]
pub fn classify_ids<'py>(
    py: Python<'py>,
    values: Vec<PyBackedStr>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let out = py.detach(|| values.iter().map(|v| id::classify(v)).collect::<Vec<_>>());
        untracked_list(py, out.into_iter().map(PyIdInfo::from))
    })
}

/// Classifies many values into one byte each (`IdInfo::packed` of the core:
/// bits 0–1 kind, 4 `format_valid`, 8 `checksum_valid`, bits 4–5 gender), as
/// `bytes`: the form for sweeps that want a verdict per name, not an object.
#[pyfunction]
pub fn classify_ids_packed<'py>(
    py: Python<'py>,
    values: Vec<PyBackedStr>,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(py, || {
        let out = py.detach(|| id::classify_packed(values.iter().map(|v| &**v)));
        Ok(PyBytes::new(py, &out))
    })
}

/// Masks a value (`A12****789` by default).
#[pyfunction]
#[pyo3(signature = (value, policy = None))]
pub fn mask_id(
    py: Python<'_>,
    value: &str,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    guard(py, || {
        Ok(id::mask(value, &crate::args::policy(&policy).identity))
    })
}

/// The custom-account rule: an account name shaped like an ID number must be reset.
#[pyfunction]
#[pyo3(signature = (name, policy = None))]
pub fn check_account<'py>(
    py: Python<'py>,
    name: &str,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyAccountNameCheck>> {
    guard(py, || {
        let r = id::check_account(name, crate::args::policy(&policy));
        untracked(py, PyAccountNameCheck::from(r))
    })
}

/// The custom-account rule over many names, without holding the GIL.
#[pyfunction]
#[pyo3(signature = (names, policy = None))]
pub fn check_accounts<'py>(
    py: Python<'py>,
    names: Vec<PyBackedStr>,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let p = crate::args::policy(&policy);
        let out = py.detach(|| {
            names
                .iter()
                .map(|n| id::check_account(n, p))
                .collect::<Vec<_>>()
        });
        untracked_list(py, out.into_iter().map(PyAccountNameCheck::from))
    })
}

/// Every ID number in a text, with byte and character offsets.
#[pyfunction]
#[pyo3(signature = (text, policy = None))]
pub fn scan_ids<'py>(
    py: Python<'py>,
    text: &str,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let p = crate::args::policy(&policy);
        let found = core(py, py.detach(|| id::scan(text, p)))?;
        untracked_list(py, found.into_iter().map(PyIdMatch::from))
    })
}

/// The text with every ID number masked.
#[pyfunction]
#[pyo3(signature = (text, policy = None))]
pub fn redact_ids(
    py: Python<'_>,
    text: &str,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    guard(py, || {
        let p = crate::args::policy(&policy);
        core(py, py.detach(|| id::redact(text, p)))
    })
}

/// Checks a Unified Business Number (統一編號).
#[pyfunction]
pub fn check_ubn(py: Python<'_>, value: &str) -> PyResult<PyUbnCheck> {
    guard(py, || Ok(id::check_ubn(value).into()))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyIdInfo>()?;
    m.add_class::<PyAccountNameCheck>()?;
    m.add_class::<PyIdMatch>()?;
    m.add_class::<PyUbnCheck>()?;
    for f in [
        wrap_pyfunction!(normalize_id, m)?,
        wrap_pyfunction!(classify_id, m)?,
        wrap_pyfunction!(classify_ids, m)?,
        wrap_pyfunction!(classify_ids_packed, m)?,
        wrap_pyfunction!(mask_id, m)?,
        wrap_pyfunction!(check_account, m)?,
        wrap_pyfunction!(check_accounts, m)?,
        wrap_pyfunction!(scan_ids, m)?,
        wrap_pyfunction!(redact_ids, m)?,
        wrap_pyfunction!(check_ubn, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}
