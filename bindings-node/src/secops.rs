//! The security-operations rules for JS (RULES §7–§8): incident deadlines and
//! statistics, drills, the on-site check pick, the CSV imports and the SVG charts.
//! Shapes in, shapes out; every decision is the core's.

use crate::convert::{enum_str, instant};
use crate::errors::{Result, core, guard};
use crate::policy::{JsPolicy, policy};
use crate::shapes::{self as s, input, output};
use chrono::{DateTime, Utc};
use napi::Either;
use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;
use ntpc_policy::import::{self, ImportOptions};
use ntpc_policy::{audit, chart, drill, incident};
use serde_json::Value;

type Instant = Either<DateTime<Utc>, String>;

pub(crate) fn options(given: Option<Value>) -> Result<ImportOptions> {
    match given {
        None | Some(Value::Null) => Ok(ImportOptions::default()),
        Some(v) => input("options", v),
    }
}

fn list<T: serde::de::DeserializeOwned>(field: &str, v: Option<Value>) -> Result<Vec<T>> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(v) => input(field, v),
    }
}

/// Bytes of a file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Big5/CP950 as Excel in Taiwan saves CSV.
#[napi(strict)]
pub fn decode_text(data: Uint8Array) -> Result<s::Decoded> {
    guard(|| output(&core(import::decode(&data))?))
}

/// A cell made safe for a spreadsheet: `=`, `+`, `-`, `@` … at the start is quoted.
#[napi(strict)]
pub fn csv_escape_cell(value: String) -> Result<String> {
    guard(|| Ok(import::csv_escape_cell(&value)))
}

/// A count as people write it in a cell (`3`, `3件`, `３`).
#[napi(strict)]
pub fn parse_count(text: String) -> Result<u32> {
    guard(|| core(import::parse_count(&text)))
}

/// An incident's duties (notify, review, recover, report) with deadlines and status at `now`.
#[napi(ts_args_type = "incident: Incident, now: Date | string, policy?: Policy | undefined | null")]
pub fn evaluate_incident(
    incident: Value,
    now: Instant,
    policy: Option<&JsPolicy>,
) -> Result<s::IncidentCheck> {
    guard(|| {
        let r: incident::Incident = input("incident", incident)?;
        output(&core(incident::evaluate(
            &r,
            instant(now)?,
            self::policy(&policy),
        ))?)
    })
}

fn stats(
    incidents: Value,
    now: Instant,
    p: &ntpc_policy::Policy,
) -> Result<incident::IncidentStats> {
    let rows: Vec<incident::Incident> = input("incidents", incidents)?;
    Ok(incident::stats(&rows, instant(now)?, p))
}

/// Counts by month, subtype, school, year and level, and late duties.
#[napi(
    ts_args_type = "incidents: Array<Incident>, now: Date | string, policy?: Policy | undefined | null"
)]
pub fn incident_stats(
    incidents: Value,
    now: Instant,
    policy: Option<&JsPolicy>,
) -> Result<s::IncidentStats> {
    guard(|| output(&stats(incidents, now, self::policy(&policy))?))
}

/// The monthly bar chart of the statistics, as SVG text.
#[napi(
    ts_args_type = "incidents: Array<Incident>, now: Date | string, policy?: Policy | undefined | null"
)]
pub fn incident_monthly_svg(
    incidents: Value,
    now: Instant,
    policy: Option<&JsPolicy>,
) -> Result<String> {
    guard(|| {
        Ok(chart::monthly_svg(&stats(
            incidents,
            now,
            self::policy(&policy),
        )?))
    })
}

/// The subtype chart of the statistics, as SVG text.
#[napi(
    ts_args_type = "incidents: Array<Incident>, now: Date | string, policy?: Policy | undefined | null"
)]
pub fn incident_subtype_svg(
    incidents: Value,
    now: Instant,
    policy: Option<&JsPolicy>,
) -> Result<String> {
    guard(|| {
        Ok(chart::subtype_svg(&stats(
            incidents,
            now,
            self::policy(&policy),
        )?))
    })
}

/// Incidents from a CSV/TSV file (Chinese or English headers); bad rows are
/// listed in `errors` with their line numbers and the others are still read.
#[napi(
    ts_args_type = "data: Uint8Array, options?: ImportOptions | undefined | null, policy?: Policy | undefined | null"
)]
pub fn import_incidents(
    data: Uint8Array,
    options: Option<Value>,
    policy: Option<&JsPolicy>,
) -> Result<s::IncidentImport> {
    guard(|| {
        let o = self::options(options)?;
        output(&core(incident::import(&data, &o, self::policy(&policy)))?)
    })
}

/// An IP cell: kept raw, with the address when it is one (`163.20.[REDACTED] (natIP)`).
#[napi(strict)]
pub fn parse_incident_ip(raw: String) -> Result<s::IpInfo> {
    guard(|| output(&incident::parse_ip(&raw)))
}

/// An incident level as written (`1級`, `第2級`, `3`).
#[napi(strict)]
pub fn parse_incident_level(text: String) -> Result<u32> {
    guard(|| core(incident::parse_level(&text)).map(u32::from))
}

/// One drill report against the limit of its edition.
#[napi(
    ts_args_type = "report: DrillReport, now: Date | string, policy?: Policy | undefined | null"
)]
pub fn evaluate_drill(
    report: Value,
    now: Instant,
    policy: Option<&JsPolicy>,
) -> Result<s::DrillCheck> {
    guard(|| {
        let r: drill::DrillReport = input("report", report)?;
        output(&drill::evaluate(&r, instant(now)?, self::policy(&policy)))
    })
}

/// Schools by drill overtime, longest first.
#[napi(
    ts_args_type = "reports: Array<DrillReport>, now: Date | string, policy?: Policy | undefined | null"
)]
pub fn rank_drills(
    reports: Value,
    now: Instant,
    policy: Option<&JsPolicy>,
) -> Result<s::DrillRanking> {
    guard(|| {
        let rows: Vec<drill::DrillReport> = input("reports", reports)?;
        output(&drill::rank(&rows, instant(now)?, self::policy(&policy)))
    })
}

/// Drill reports from a CSV/TSV file.
#[napi(
    ts_args_type = "data: Uint8Array, options?: ImportOptions | undefined | null, policy?: Policy | undefined | null"
)]
pub fn import_drills(
    data: Uint8Array,
    options: Option<Value>,
    policy: Option<&JsPolicy>,
) -> Result<s::DrillImport> {
    guard(|| {
        let o = self::options(options)?;
        output(&core(drill::import(&data, &o, self::policy(&policy)))?)
    })
}

fn audit_pick(
    schools: Value,
    scans: Option<Value>,
    capacity: Option<f64>,
    p: &ntpc_policy::Policy,
) -> Result<audit::AuditPick> {
    let capacity = capacity
        .map(|c| crate::convert::count("capacity", c))
        .transpose()?;
    let s: Vec<audit::AuditSchool> = input("schools", schools)?;
    let f: Vec<audit::ScanFinding> = list("scans", scans)?;
    core(audit::pick(&s, &f, capacity, p))
}

/// The schools for on-site checks: the five criteria plus re-scan findings at or
/// above CVSS 7.0, with the tie and ordering rules and an optional capacity.
#[napi(
    ts_args_type = "schools: Array<AuditSchool>, scans?: Array<ScanFinding> | undefined | null, capacity?: number | undefined | null, policy?: Policy | undefined | null"
)]
pub fn pick_audit_schools(
    schools: Value,
    scans: Option<Value>,
    capacity: Option<f64>,
    policy: Option<&JsPolicy>,
) -> Result<s::AuditPick> {
    guard(|| {
        output(&audit_pick(
            schools,
            scans,
            capacity,
            self::policy(&policy),
        )?)
    })
}

/// The pick list's criteria table, as SVG text.
#[napi(
    ts_args_type = "schools: Array<AuditSchool>, scans?: Array<ScanFinding> | undefined | null, capacity?: number | undefined | null, policy?: Policy | undefined | null"
)]
pub fn audit_criteria_svg(
    schools: Value,
    scans: Option<Value>,
    capacity: Option<f64>,
    policy: Option<&JsPolicy>,
) -> Result<String> {
    guard(|| {
        let picked = audit_pick(schools, scans, capacity, self::policy(&policy))?;
        Ok(chart::criteria_table_svg(&picked))
    })
}

/// The CVSS band of a score; v2 scores have no `critical`.
#[napi(strict)]
pub fn cvss_band(score: f64, version: Option<String>) -> Result<s::CvssBand> {
    guard(|| {
        let v = match version {
            None => None,
            Some(t) => Some(core(audit::parse_cvss_version(&t))?),
        };
        output(&core(audit::cvss_band(score, v))?)
    })
}

/// A CVSS version as scanners write it (`3.1`, `CVSS:3.1/AV:N/…`) → `v2`/`v3`/`v4`.
#[napi(strict, ts_return_type = "'v2' | 'v3' | 'v4'")]
pub fn parse_cvss_version(text: String) -> Result<String> {
    guard(|| Ok(enum_str(&core(audit::parse_cvss_version(&text))?)))
}

/// 初掃/複掃 (or `initial`/`rescan`) → `initial`/`rescan`.
#[napi(strict)]
pub fn parse_scan_round(text: String) -> Result<s::ScanRound> {
    guard(|| output(&core(audit::parse_scan_round(&text))?))
}

/// Schools' figures from a CSV/TSV file.
#[napi(
    ts_args_type = "data: Uint8Array, options?: ImportOptions | undefined | null, policy?: Policy | undefined | null"
)]
pub fn import_audit_schools(
    data: Uint8Array,
    options: Option<Value>,
    policy: Option<&JsPolicy>,
) -> Result<s::SchoolImport> {
    guard(|| {
        let o = self::options(options)?;
        output(&core(audit::import_schools(
            &data,
            &o,
            self::policy(&policy),
        ))?)
    })
}

/// Scan findings from a CSV/TSV file.
#[napi(
    ts_args_type = "data: Uint8Array, options?: ImportOptions | undefined | null, policy?: Policy | undefined | null"
)]
pub fn import_audit_scans(
    data: Uint8Array,
    options: Option<Value>,
    policy: Option<&JsPolicy>,
) -> Result<s::ScanImport> {
    guard(|| {
        let o = self::options(options)?;
        output(&core(audit::import_scans(
            &data,
            &o,
            self::policy(&policy),
        ))?)
    })
}
