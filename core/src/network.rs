//! EMS (air-conditioning power management) addresses (RULES §9; seed 001 案由五).
//!
//! The department gave the EMS vendor VLAN 70, and each school the ten addresses
//! `10.239.<school no>.101`–`.110`. Decided (RULES §9): the school number is the
//! school's network number, 1–254. Every number comes from `policy.network`.
//!
//! ```
//! use ntpc_policy::{Policy, Verdict, network};
//! let p = Policy::default();
//! let a = network::ems_allocation(37, &p).unwrap();
//! assert_eq!((a.vlan, a.first.as_str(), a.last.as_str()), (70, "10.239.37.101", "10.239.37.110"));
//! assert_eq!(network::check_ems_address("10.239.37.105", 37, &p).unwrap().verdict, Verdict::Pass);
//! ```

use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::{Finding, Verdict};
use crate::policy::{NetworkPolicy, Policy};
use serde::Serialize;
use std::net::Ipv4Addr;

/// A school's EMS allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EmsAllocation {
    /// The school's network number.
    pub school_no: u32,
    /// The VLAN for EMS devices (70).
    pub vlan: u32,
    /// First address of the range.
    pub first: String,
    /// Last address of the range.
    pub last: String,
    /// Every address, in order.
    pub addresses: Vec<String>,
}

/// Whether an address belongs to a school's EMS range.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EmsAddressCheck {
    /// `pass` inside the school's range, else `fail`.
    pub verdict: Verdict,
    /// The address, normalised (`10.239.37.105`).
    pub address: String,
    /// Inside the school's own EMS range.
    pub in_range: bool,
    /// The school whose EMS range holds the address, if any.
    pub ems_school_no: Option<u32>,
    /// Why.
    pub findings: Vec<Finding>,
}

fn school(no: u32, n: &NetworkPolicy) -> Result<u8> {
    u8::try_from(no)
        .ok()
        .filter(|s| (n.school_no_min..=n.school_no_max).contains(s))
        .ok_or_else(|| {
            PolicyError::invalid_bilingual(
                "school_no",
                format!(
                    "{no} is not a school network number ({}–{})",
                    n.school_no_min, n.school_no_max
                ),
                format!(
                    "{no} 不是學校網路編號（{}–{}）",
                    n.school_no_min, n.school_no_max
                ),
            )
        })
}

fn addr(n: &NetworkPolicy, school: u8, host: u8) -> Ipv4Addr {
    Ipv4Addr::new(n.ems_prefix[0], n.ems_prefix[1], school, host)
}

/// The EMS VLAN and the ten addresses of a school (`10.239.N.101`–`.110`).
///
/// ```
/// use ntpc_policy::{Policy, network::ems_allocation};
/// assert_eq!(ems_allocation(1, &Policy::default()).unwrap().addresses.len(), 10);
/// assert!(ems_allocation(255, &Policy::default()).is_err());
/// ```
pub fn ems_allocation(school_no: u32, policy: &Policy) -> Result<EmsAllocation> {
    let n = &policy.network;
    let s = school(school_no, n)?;
    let addresses = (n.ems_first_host..=n.ems_last_host)
        .map(|h| addr(n, s, h).to_string())
        .collect();
    Ok(EmsAllocation {
        school_no,
        vlan: n.ems_vlan,
        first: addr(n, s, n.ems_first_host).to_string(),
        last: addr(n, s, n.ems_last_host).to_string(),
        addresses,
    })
}

/// Checks that an address is in a school's EMS range; says whose range it is in
/// otherwise. An address that is not IPv4 text is `input.invalid_argument`.
///
/// ```
/// use ntpc_policy::{Policy, Verdict, network::check_ems_address};
/// let r = check_ems_address("10.239.12.101", 37, &Policy::default()).unwrap();
/// assert_eq!((r.verdict, r.ems_school_no), (Verdict::Fail, Some(12)));
/// ```
pub fn check_ems_address(
    address: &str,
    school_no: u32,
    policy: &Policy,
) -> Result<EmsAddressCheck> {
    let n = &policy.network;
    let s = school(school_no, n)?;
    let text = crate::identity::normalize(address);
    let ip: Ipv4Addr = text.parse().map_err(|_| {
        let shown: String = address.chars().take(64).collect();
        PolicyError::invalid_bilingual(
            "address",
            format!("{shown:?} is not an IPv4 address"),
            format!("{shown:?} 不是 IPv4 位址"),
        )
    })?;
    let [a, b, c, d] = ip.octets();
    let ems_school = (a == n.ems_prefix[0]
        && b == n.ems_prefix[1]
        && (n.ems_first_host..=n.ems_last_host).contains(&d)
        && (n.school_no_min..=n.school_no_max).contains(&c))
    .then_some(u32::from(c));
    let in_range = ems_school == Some(u32::from(s));
    let mut findings = Vec::new();
    if !in_range {
        findings.push(
            Finding::new(Code::NetworkNotEmsRange)
                .with("address", ip.to_string())
                .with("school_no", school_no)
                .with("vlan", n.ems_vlan)
                .with("first", addr(n, s, n.ems_first_host).to_string())
                .with("last", addr(n, s, n.ems_last_host).to_string()),
        );
        if let Some(other) = ems_school {
            findings.push(
                Finding::new(Code::NetworkOtherSchool)
                    .with("address", ip.to_string())
                    .with("other_school_no", other),
            );
        }
    }
    Ok(EmsAddressCheck {
        verdict: Verdict::of(&findings),
        address: ip.to_string(),
        in_range,
        ems_school_no: ems_school,
        findings,
    })
}
