//! Training functions (RULES §9) for Python.

use crate::args::enum_str;
use crate::classes::{result_class, untracked};
use crate::errors::{core, guard};
use crate::policy::{PyFinding, PyPolicy, findings};
use ntpc_policy::training as tr;
use pyo3::prelude::*;

result_class!(
    PySecurityTrainingCheck,
    tr::SecurityTrainingCheck,
    "SecurityTrainingCheck",
    "One person's security training this year.",
    {
        /// `pass` or `fail`.
        #[getter]
        fn verdict(&self) -> String {
            enum_str(&self.inner.verdict)
        }
        /// Hours completed.
        #[getter]
        fn hours(&self) -> f64 {
            self.inner.hours
        }
        /// Hours required a year.
        #[getter]
        fn required_hours(&self) -> u32 {
            self.inner.required_hours
        }
        /// Hours still missing.
        #[getter]
        fn missing_hours(&self) -> f64 {
            self.inner.missing_hours
        }
        /// The findings.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            findings(&self.inner.findings)
        }
    }
);

result_class!(
    PySmartLearningProgress,
    tr::SmartLearningProgress,
    "SmartLearningProgress",
    "A school's smart-learning certification progress.",
    {
        /// `pass` or `fail`.
        #[getter]
        fn verdict(&self) -> String {
            enum_str(&self.inner.verdict)
        }
        /// Teachers to certify this year.
        #[getter]
        fn required(&self) -> u32 {
            self.inner.required
        }
        /// Teachers certified.
        #[getter]
        fn certified(&self) -> u32 {
            self.inner.certified
        }
        /// Still to certify.
        #[getter]
        fn remaining(&self) -> u32 {
            self.inner.remaining
        }
        /// The findings.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            findings(&self.inner.findings)
        }
    }
);

/// One person's security-training hours against the yearly requirement (3 h).
#[pyfunction]
#[pyo3(signature = (hours, policy = None))]
pub fn security_training<'py>(
    py: Python<'py>,
    hours: f64,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PySecurityTrainingCheck>> {
    guard(py, || {
        let r = core(
            py,
            tr::security_training(hours, crate::args::policy(&policy)),
        )?;
        untracked(py, PySecurityTrainingCheck::from(r))
    })
}

/// A school's progress against its smart-learning quota (ceil of 1/5 of the teacher quota).
#[pyfunction]
#[pyo3(signature = (teacher_quota, certified, policy = None))]
pub fn smart_learning_progress<'py>(
    py: Python<'py>,
    teacher_quota: i64,
    certified: i64,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PySmartLearningProgress>> {
    guard(py, || {
        let teacher_quota = crate::args::count(py, "teacher_quota", teacher_quota)?;
        let certified = crate::args::count(py, "certified", certified)?;
        let r = core(
            py,
            tr::smart_learning_progress(teacher_quota, certified, crate::args::policy(&policy)),
        )?;
        untracked(py, PySmartLearningProgress::from(r))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySecurityTrainingCheck>()?;
    m.add_class::<PySmartLearningProgress>()?;
    m.add_function(wrap_pyfunction!(security_training, m)?)?;
    m.add_function(wrap_pyfunction!(smart_learning_progress, m)?)?;
    Ok(())
}
