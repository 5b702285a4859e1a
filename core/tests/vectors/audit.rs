//! Vector calls of the audit module.

use crate::import::{data, options, record};
use crate::support::{Args, json};
use ntpc_policy::{PolicyError, audit};
use serde_json::{Value, json as j};

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    match call {
        "audit.pick" => {
            let capacity = match a.raw("capacity") {
                None => None,
                Some(_) => Some(
                    u32::try_from(a.i64("capacity")?)
                        .map_err(|_| PolicyError::invalid("capacity", "out of range"))?,
                ),
            };
            let scans: Vec<audit::ScanFinding> = match a.raw("scans") {
                None => Vec::new(),
                Some(_) => record(a, "scans")?,
            };
            json(&audit::pick(
                &record::<Vec<audit::AuditSchool>>(a, "schools")?,
                &scans,
                capacity,
                &a.policy()?,
            )?)
        }
        "audit.cvss_band" => {
            let score = a
                .raw("score")
                .and_then(Value::as_f64)
                .ok_or_else(|| PolicyError::invalid("score", "a number is required"))?;
            let version = a
                .opt_str("version")
                .map(audit::parse_cvss_version)
                .transpose()?;
            Ok(j!({ "band": json(&audit::cvss_band(score, version)?)? }))
        }
        "audit.parse_cvss_version" => {
            Ok(j!({ "version": json(&audit::parse_cvss_version(a.str("text")?)?)? }))
        }
        "audit.parse_scan_round" => {
            Ok(j!({ "scan": json(&audit::parse_scan_round(a.str("text")?)?)? }))
        }
        "audit.import_schools" => json(&audit::import_schools(
            &data(a)?,
            &options(a)?,
            &a.policy()?,
        )?),
        "audit.import_scans" => json(&audit::import_scans(&data(a)?, &options(a)?, &a.policy()?)?),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
