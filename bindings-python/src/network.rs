//! EMS address functions (RULES §9) for Python.

use crate::args::enum_str;
use crate::classes::{result_class, untracked};
use crate::errors::{core, guard};
use crate::policy::{PyFinding, PyPolicy, findings};
use ntpc_policy::network as net;
use pyo3::prelude::*;

result_class!(
    PyEmsAllocation,
    net::EmsAllocation,
    "EmsAllocation",
    "A school's EMS VLAN and addresses.",
    {
        /// The school's network number.
        #[getter]
        fn school_no(&self) -> u32 {
            self.inner.school_no
        }
        /// The EMS VLAN (70).
        #[getter]
        fn vlan(&self) -> u32 {
            self.inner.vlan
        }
        /// First address.
        #[getter]
        fn first(&self) -> String {
            self.inner.first.clone()
        }
        /// Last address.
        #[getter]
        fn last(&self) -> String {
            self.inner.last.clone()
        }
        /// Every address.
        #[getter]
        fn addresses(&self) -> Vec<String> {
            self.inner.addresses.clone()
        }
    }
);

result_class!(
    PyEmsAddressCheck,
    net::EmsAddressCheck,
    "EmsAddressCheck",
    "Whether an address is in a school's EMS range.",
    {
        /// `pass` or `fail`.
        #[getter]
        fn verdict(&self) -> String {
            enum_str(&self.inner.verdict)
        }
        /// The address, normalised.
        #[getter]
        fn address(&self) -> String {
            self.inner.address.clone()
        }
        /// Inside the school's own range.
        #[getter]
        fn in_range(&self) -> bool {
            self.inner.in_range
        }
        /// The school whose EMS range holds the address, if any.
        #[getter]
        fn ems_school_no(&self) -> Option<u32> {
            self.inner.ems_school_no
        }
        /// The findings.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            findings(&self.inner.findings)
        }
    }
);

/// The EMS VLAN and the ten addresses of a school (`10.239.N.101`–`.110`).
#[pyfunction]
#[pyo3(signature = (school_no, policy = None))]
pub fn ems_allocation<'py>(
    py: Python<'py>,
    school_no: i64,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyEmsAllocation>> {
    guard(py, || {
        let school_no = crate::args::count(py, "school_no", school_no)?;
        let r = core(
            py,
            net::ems_allocation(school_no, crate::args::policy(&policy)),
        )?;
        untracked(py, PyEmsAllocation::from(r))
    })
}

/// Whether an address is in a school's EMS range, and whose range it is in otherwise.
#[pyfunction]
#[pyo3(signature = (address, school_no, policy = None))]
pub fn check_ems_address<'py>(
    py: Python<'py>,
    address: &str,
    school_no: i64,
    policy: Option<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyEmsAddressCheck>> {
    guard(py, || {
        let school_no = crate::args::count(py, "school_no", school_no)?;
        let r = core(
            py,
            net::check_ems_address(address, school_no, crate::args::policy(&policy)),
        )?;
        untracked(py, PyEmsAddressCheck::from(r))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEmsAllocation>()?;
    m.add_class::<PyEmsAddressCheck>()?;
    m.add_function(wrap_pyfunction!(ems_allocation, m)?)?;
    m.add_function(wrap_pyfunction!(check_ems_address, m)?)?;
    Ok(())
}
