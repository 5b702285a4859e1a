//! EMS address functions (RULES §9) for JS.

use crate::convert::enum_str;
use crate::errors::{Result, core, guard};
use crate::policy::{Finding, JsPolicy, findings, policy};
use napi_derive::napi;
use ntpc_policy::network as net;

/// A school's EMS VLAN and addresses.
#[napi(object)]
pub struct EmsAllocation {
    /// The school's network number.
    pub school_no: u32,
    /// The EMS VLAN (70).
    pub vlan: u32,
    /// First address.
    pub first: String,
    /// Last address.
    pub last: String,
    /// Every address.
    pub addresses: Vec<String>,
}

/// Whether an address is in a school's EMS range.
#[napi(object)]
pub struct EmsAddressCheck {
    /// `pass` or `fail`.
    #[napi(ts_type = "'pass' | 'warn' | 'fail'")]
    pub verdict: String,
    /// The address, normalised.
    pub address: String,
    /// Inside the school's own range.
    pub in_range: bool,
    /// The school whose EMS range holds the address, if any.
    pub ems_school_no: Option<u32>,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// The EMS VLAN and the ten addresses of a school (`10.239.N.101`–`.110`).
#[napi(strict)]
pub fn ems_allocation(school_no: f64, policy: Option<&JsPolicy>) -> Result<EmsAllocation> {
    guard(|| {
        let school_no = crate::convert::count("school_no", school_no)?;
        let r = core(net::ems_allocation(school_no, self::policy(&policy)))?;
        Ok(EmsAllocation {
            school_no: r.school_no,
            vlan: r.vlan,
            first: r.first,
            last: r.last,
            addresses: r.addresses,
        })
    })
}

/// Whether an address is in a school's EMS range, and whose range it is in otherwise.
#[napi(strict)]
pub fn check_ems_address(
    address: String,
    school_no: f64,
    policy: Option<&JsPolicy>,
) -> Result<EmsAddressCheck> {
    guard(|| {
        let school_no = crate::convert::count("school_no", school_no)?;
        let r = core(net::check_ems_address(
            &address,
            school_no,
            self::policy(&policy),
        ))?;
        Ok(EmsAddressCheck {
            verdict: enum_str(&r.verdict),
            address: r.address,
            in_range: r.in_range,
            ems_school_no: r.ems_school_no,
            findings: findings(&r.findings),
        })
    })
}
