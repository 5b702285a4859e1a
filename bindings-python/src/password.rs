//! Password functions (RULES §1) for Python. Results never contain the password.

use crate::args::{enum_from, enum_str, instant};
use crate::classes::{result_class, untracked, untracked_list};
use crate::convert::to_dict;
use crate::errors::{core, guard};
use crate::policy::{PyFinding, PyPolicy, findings};
use chrono::NaiveDate;
use ntpc_policy::password as pw;
use ntpc_policy::policy::PasswordProfile;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyList;

result_class!(
    PyPasswordCheck,
    pw::PasswordCheck,
    "PasswordCheck",
    "The password rule's verdict, with findings (never the password).",
    {
        /// `pass`, `warn` or `fail`.
        #[getter]
        fn verdict(&self) -> String {
            enum_str(&self.inner.verdict)
        }
        /// `default` or `ad`.
        #[getter]
        fn profile(&self) -> String {
            enum_str(&self.inner.profile)
        }
        /// Length in characters.
        #[getter]
        fn length(&self) -> u32 {
            self.inner.length
        }
        /// Which character classes occur, as a dict of booleans.
        #[getter]
        fn classes(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
            to_dict(py, &self.inner.classes)
        }
        /// How many classes occur.
        #[getter]
        fn class_count(&self) -> u32 {
            self.inner.class_count
        }
        /// How many are required.
        #[getter]
        fn required_classes(&self) -> u32 {
            self.inner.required_classes
        }
        /// The findings.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            findings(&self.inner.findings)
        }
    }
);

result_class!(
    PyPasswordExpiry,
    pw::PasswordExpiry,
    "PasswordExpiry",
    "Rotation state of a password (every 90 days).",
    {
        /// `ok`, `expiring_soon`, `expired` or `must_change`.
        #[getter]
        fn state(&self) -> String {
            enum_str(&self.inner.state)
        }
        /// The last day the password is good.
        #[getter]
        fn due(&self) -> NaiveDate {
            self.inner.due
        }
        /// Days until the due date (negative when past).
        #[getter]
        fn days_left(&self) -> i64 {
            self.inner.days_left
        }
        /// The findings.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            findings(&self.inner.findings)
        }
    }
);

fn profile(py: Python<'_>, given: Option<&str>) -> PyResult<Option<PasswordProfile>> {
    given.map(|s| enum_from(py, "profile", s)).transpose()
}

/// Checks a password against the policy (length, classes, names, weak list…).
#[pyfunction]
#[pyo3(signature = (password, *, account = None, display_name = None, profile = None, policy = None))]
pub fn check_password<'py>(
    py: Python<'py>,
    password: &str,
    account: Option<&str>,
    display_name: Option<&str>,
    profile: Option<&str>,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyPasswordCheck>> {
    guard(py, || {
        let ctx = pw::PasswordContext {
            account,
            display_name,
            profile: self::profile(py, profile)?,
        };
        untracked(
            py,
            PyPasswordCheck::from(pw::check(password, &ctx, crate::args::policy(&policy))),
        )
    })
}

/// Checks many passwords of one account at once, without holding the GIL.
#[pyfunction]
#[pyo3(signature = (passwords, *, account = None, display_name = None, profile = None, policy = None))]
pub fn check_passwords<'py>(
    py: Python<'py>,
    passwords: Vec<PyBackedStr>,
    account: Option<&str>,
    display_name: Option<&str>,
    profile: Option<&str>,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let ctx = pw::PasswordContext {
            account,
            display_name,
            profile: self::profile(py, profile)?,
        };
        let p = crate::args::policy(&policy);
        let out = py.detach(|| {
            passwords
                .iter()
                .map(|s| pw::check(s, &ctx, p))
                .collect::<Vec<_>>()
        });
        untracked_list(py, out.into_iter().map(PyPasswordCheck::from))
    })
}

/// Whether a password is on the embedded list of well-known weak passwords.
#[pyfunction]
pub fn is_common_password(py: Python<'_>, password: &str) -> PyResult<bool> {
    guard(py, || Ok(pw::is_common(password)))
}

/// Rotation state: due date, days left, and whether it must change now.
#[pyfunction]
#[pyo3(signature = (last_changed, now, *, reset = false, alerts = Vec::new(), policy = None))]
pub fn password_expiry(
    py: Python<'_>,
    last_changed: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    reset: bool,
    alerts: Vec<Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<PyPasswordExpiry> {
    guard(py, || {
        let ctx = pw::ExpiryContext {
            reset,
            alerts: alerts
                .iter()
                .map(|a| instant(py, "alerts", a))
                .collect::<PyResult<_>>()?,
        };
        let last = instant(py, "last_changed", last_changed)?;
        let now = instant(py, "now", now)?;
        core(
            py,
            pw::expiry(last, now, &ctx, crate::args::policy(&policy)),
        )
        .map(Into::into)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPasswordCheck>()?;
    m.add_class::<PyPasswordExpiry>()?;
    for f in [
        wrap_pyfunction!(check_password, m)?,
        wrap_pyfunction!(check_passwords, m)?,
        wrap_pyfunction!(is_common_password, m)?,
        wrap_pyfunction!(password_expiry, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}
