//! Calendar functions (RULES §3) for Python.

use crate::args::{date, enum_str, instant};
use crate::classes::result_class;
use crate::errors::{core, guard};
use crate::policy::PyPolicy;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use ntpc_policy::calendar as cal;
use pyo3::prelude::*;

result_class!(
    PyParsedDate,
    cal::ParsedDate,
    "ParsedDate",
    "A date read from text, with its style.",
    {
        /// The calendar date.
        #[getter]
        fn date(&self) -> NaiveDate {
            self.inner.date
        }
        /// The time of day, if the text had one.
        #[getter]
        fn time(&self) -> Option<NaiveTime> {
            self.inner.time
        }
        /// The style it was written in, e.g. `roc_slash`.
        #[getter]
        fn style(&self) -> String {
            enum_str(&self.inner.style)
        }
        /// The ROC year (民國年).
        #[getter]
        fn roc_year(&self) -> i32 {
            self.inner.roc_year()
        }
        /// The moment it names, in Asia/Taipei (midnight when no time was given).
        #[getter]
        fn datetime(&self) -> DateTime<FixedOffset> {
            self.inner.to_datetime()
        }
    }
);

result_class!(
    PyRocDate,
    cal::RocDate,
    "RocDate",
    "A date in the ROC calendar (民國).",
    {
        /// ROC year.
        #[getter]
        fn year(&self) -> i32 {
            self.inner.year
        }
        /// Month 1–12.
        #[getter]
        fn month(&self) -> u32 {
            self.inner.month
        }
        /// Day of month.
        #[getter]
        fn day(&self) -> u32 {
            self.inner.day
        }
        fn __str__(&self) -> String {
            self.inner.to_string()
        }
    }
);

result_class!(
    PySchoolTerm,
    cal::SchoolTerm,
    "SchoolTerm",
    "The school year (學年度) and semester of a date.",
    {
        /// School year as a ROC year.
        #[getter]
        fn school_year(&self) -> i32 {
            self.inner.school_year
        }
        /// Semester 1 (Aug–Jan) or 2 (Feb–Jul).
        #[getter]
        fn semester(&self) -> u8 {
            self.inner.semester
        }
        /// First day of the school year.
        #[getter]
        fn school_year_start(&self) -> NaiveDate {
            self.inner.school_year_start
        }
        /// Last day of the school year.
        #[getter]
        fn school_year_end(&self) -> NaiveDate {
            self.inner.school_year_end
        }
        /// First day of the semester.
        #[getter]
        fn semester_start(&self) -> NaiveDate {
            self.inner.semester_start
        }
        /// Last day of the semester.
        #[getter]
        fn semester_end(&self) -> NaiveDate {
            self.inner.semester_end
        }
    }
);

/// Reads a date in any style of the department's documents (`110年12月7日`, `110/12/07`, …).
#[pyfunction]
pub fn parse_date(py: Python<'_>, text: &str) -> PyResult<PyParsedDate> {
    guard(py, || core(py, cal::parse(text)).map(Into::into))
}

/// Reads a date-time; a naive time means Asia/Taipei.
#[pyfunction]
pub fn parse_datetime(py: Python<'_>, text: &str) -> PyResult<DateTime<FixedOffset>> {
    guard(py, || core(py, cal::parse_datetime(text)))
}

/// Formats a date in a style (`roc_slash`, `roc_chinese`, `iso`, …).
#[pyfunction]
#[pyo3(signature = (value, style = "roc_slash"))]
pub fn format_date(py: Python<'_>, value: &Bound<'_, PyAny>, style: &str) -> PyResult<String> {
    guard(py, || {
        let d = date(py, "value", value)?;
        let s = core(py, style.parse::<cal::DateStyle>())?;
        core(py, cal::format(d, s))
    })
}

/// Formats an instant in Taipei time: the date in `style`, then `HH:MM`.
#[pyfunction]
#[pyo3(signature = (value, style = "roc_slash"))]
pub fn format_datetime(py: Python<'_>, value: &Bound<'_, PyAny>, style: &str) -> PyResult<String> {
    guard(py, || {
        let at = instant(py, "value", value)?;
        let s = core(py, style.parse::<cal::DateStyle>())?;
        core(py, cal::format_datetime(at, s))
    })
}

/// The ROC date of a Gregorian date.
#[pyfunction]
pub fn to_roc(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<PyRocDate> {
    guard(py, || {
        core(py, cal::to_roc(date(py, "value", value)?)).map(Into::into)
    })
}

/// The Gregorian date of a ROC date.
#[pyfunction]
pub fn from_roc(py: Python<'_>, year: i32, month: i64, day: i64) -> PyResult<NaiveDate> {
    guard(py, || {
        let month = crate::args::count(py, "month", month)?;
        let day = crate::args::count(py, "day", day)?;
        core(py, cal::from_roc(year, month, day))
    })
}

/// The school year and semester of a date.
#[pyfunction]
#[pyo3(signature = (value, policy = None))]
pub fn school_term(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<PySchoolTerm> {
    guard(py, || {
        let d = date(py, "value", value)?;
        Ok(cal::school_term(d, crate::args::policy(&policy)).into())
    })
}

/// The government fiscal year (the calendar year) as a ROC year.
#[pyfunction]
pub fn fiscal_year(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<i32> {
    guard(py, || Ok(cal::fiscal_year(date(py, "value", value)?)))
}

/// The names of every date style.
#[pyfunction]
pub fn date_styles() -> Vec<String> {
    cal::DateStyle::ALL.iter().map(enum_str).collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyParsedDate>()?;
    m.add_class::<PyRocDate>()?;
    m.add_class::<PySchoolTerm>()?;
    for f in [
        wrap_pyfunction!(parse_date, m)?,
        wrap_pyfunction!(parse_datetime, m)?,
        wrap_pyfunction!(format_date, m)?,
        wrap_pyfunction!(format_datetime, m)?,
        wrap_pyfunction!(to_roc, m)?,
        wrap_pyfunction!(from_roc, m)?,
        wrap_pyfunction!(school_term, m)?,
        wrap_pyfunction!(fiscal_year, m)?,
        wrap_pyfunction!(date_styles, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}
