//! The security-operations rules for Kotlin and Swift (RULES §7–§8): incident
//! deadlines and statistics, drills, the on-site check pick, the CSV imports and
//! the SVG charts. Shapes in, shapes out; every decision is the core's. Instants
//! are RFC 3339 or any calendar style (`110/08/23 10:00`; naive = Asia/Taipei).

use crate::errors::Result;
use crate::policy::{Policy, policy};
use crate::shapes::{self as s, input, output};
use ntpc_policy::import::{self, ImportOptions};
use ntpc_policy::{audit, calendar, chart, drill, incident};
use std::sync::Arc;

pub(crate) fn options(given: Option<s::ImportOptions>) -> Result<ImportOptions> {
    match given {
        None => Ok(ImportOptions::default()),
        Some(o) => input("options", &o),
    }
}

fn now(text: &str) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    Ok(calendar::parse_datetime(text)?)
}

/// Bytes of a file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Big5/CP950 as Excel in Taiwan saves CSV.
#[uniffi::export]
pub fn decode_text(data: Vec<u8>) -> Result<s::Decoded> {
    output(&import::decode(&data)?)
}

/// A cell made safe for a spreadsheet: `=`, `+`, `-`, `@` … at the start is quoted.
#[uniffi::export]
pub fn csv_escape_cell(value: String) -> Result<String> {
    Ok(import::csv_escape_cell(&value))
}

/// A count as people write it in a cell (`3`, `3件`, `３`).
#[uniffi::export]
pub fn parse_count(text: String) -> Result<u32> {
    Ok(import::parse_count(&text)?)
}

/// An incident's duties (notify, review, recover, report) with deadlines and status at `now`.
#[uniffi::export(default(policy = None))]
pub fn evaluate_incident(
    incident: s::Incident,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<s::IncidentCheck> {
    let r: incident::Incident = input("incident", &incident)?;
    output(&incident::evaluate(
        &r,
        self::now(&now)?,
        self::policy(&policy),
    )?)
}

fn stats(
    incidents: &[s::Incident],
    now: &str,
    policy: &Option<Arc<Policy>>,
) -> Result<incident::IncidentStats> {
    let rows: Vec<incident::Incident> = input("incidents", &incidents)?;
    Ok(incident::stats(
        &rows,
        self::now(now)?,
        self::policy(policy),
    ))
}

/// Counts by month, subtype, school, year and level, and late duties.
#[uniffi::export(default(policy = None))]
pub fn incident_stats(
    incidents: Vec<s::Incident>,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<s::IncidentStats> {
    output(&stats(&incidents, &now, &policy)?)
}

/// The monthly bar chart of the statistics, as SVG text.
#[uniffi::export(default(policy = None))]
pub fn incident_monthly_svg(
    incidents: Vec<s::Incident>,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    Ok(chart::monthly_svg(&stats(&incidents, &now, &policy)?))
}

/// The subtype chart of the statistics, as SVG text.
#[uniffi::export(default(policy = None))]
pub fn incident_subtype_svg(
    incidents: Vec<s::Incident>,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    Ok(chart::subtype_svg(&stats(&incidents, &now, &policy)?))
}

/// Incidents from a CSV/TSV file (Chinese or English headers); bad rows are
/// listed in `errors` with their line numbers and the others are still read.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_incidents(
    data: Vec<u8>,
    options: Option<s::ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<s::IncidentImport> {
    let o = self::options(options)?;
    output(&incident::import(&data, &o, self::policy(&policy))?)
}

/// An IP cell: kept raw, with the address when it is one (`163.20.[REDACTED] (natIP)`).
#[uniffi::export]
pub fn parse_incident_ip(raw: String) -> Result<s::IpInfo> {
    output(&incident::parse_ip(&raw))
}

/// An incident level as written (`1級`, `第2級`, `3`).
#[uniffi::export]
pub fn parse_incident_level(text: String) -> Result<u8> {
    Ok(incident::parse_level(&text)?)
}

/// One drill report against the limit of its edition.
#[uniffi::export(default(policy = None))]
pub fn evaluate_drill(
    report: s::DrillReport,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<s::DrillCheck> {
    let r: drill::DrillReport = input("report", &report)?;
    output(&drill::evaluate(
        &r,
        self::now(&now)?,
        self::policy(&policy),
    ))
}

/// Schools by drill overtime, longest first.
#[uniffi::export(default(policy = None))]
pub fn rank_drills(
    reports: Vec<s::DrillReport>,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<s::DrillRanking> {
    let rows: Vec<drill::DrillReport> = input("reports", &reports)?;
    output(&drill::rank(&rows, self::now(&now)?, self::policy(&policy)))
}

/// Drill reports from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_drills(
    data: Vec<u8>,
    options: Option<s::ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<s::DrillImport> {
    let o = self::options(options)?;
    output(&drill::import(&data, &o, self::policy(&policy))?)
}

fn audit_pick(
    schools: &[s::AuditSchool],
    scans: Option<Vec<s::ScanFinding>>,
    capacity: Option<u32>,
    policy: &Option<Arc<Policy>>,
) -> Result<audit::AuditPick> {
    let s: Vec<audit::AuditSchool> = input("schools", &schools)?;
    let f: Vec<audit::ScanFinding> = input("scans", &scans.unwrap_or_default())?;
    Ok(audit::pick(&s, &f, capacity, self::policy(policy))?)
}

/// The schools for on-site checks: the five criteria plus re-scan findings at or
/// above CVSS 7.0, with the tie and ordering rules and an optional capacity.
#[uniffi::export(default(scans = None, capacity = None, policy = None))]
pub fn pick_audit_schools(
    schools: Vec<s::AuditSchool>,
    scans: Option<Vec<s::ScanFinding>>,
    capacity: Option<u32>,
    policy: Option<Arc<Policy>>,
) -> Result<s::AuditPick> {
    output(&audit_pick(&schools, scans, capacity, &policy)?)
}

/// The pick list's criteria table, as SVG text.
#[uniffi::export(default(scans = None, capacity = None, policy = None))]
pub fn audit_criteria_svg(
    schools: Vec<s::AuditSchool>,
    scans: Option<Vec<s::ScanFinding>>,
    capacity: Option<u32>,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    Ok(chart::criteria_table_svg(&audit_pick(
        &schools, scans, capacity, &policy,
    )?))
}

/// The CVSS band of a score; v2 scores have no `critical`.
#[uniffi::export(default(version = None))]
pub fn cvss_band(score: f64, version: Option<String>) -> Result<s::CvssBand> {
    let v = match version {
        None => None,
        Some(t) => Some(audit::parse_cvss_version(&t)?),
    };
    output(&audit::cvss_band(score, v)?)
}

/// A CVSS version as scanners write it (`3.1`, `CVSS:3.1/AV:N/…`) → `v2`/`v3`/`v4`.
#[uniffi::export]
pub fn parse_cvss_version(text: String) -> Result<String> {
    Ok(audit::parse_cvss_version(&text)?.as_str().to_owned())
}

/// 初掃/複掃 (or `initial`/`rescan`) → `initial`/`rescan`.
#[uniffi::export]
pub fn parse_scan_round(text: String) -> Result<s::ScanRound> {
    output(&audit::parse_scan_round(&text)?)
}

/// Schools' figures from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_audit_schools(
    data: Vec<u8>,
    options: Option<s::ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<s::SchoolImport> {
    let o = self::options(options)?;
    output(&audit::import_schools(&data, &o, self::policy(&policy))?)
}

/// Scan findings from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_audit_scans(
    data: Vec<u8>,
    options: Option<s::ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<s::ScanImport> {
    let o = self::options(options)?;
    output(&audit::import_scans(&data, &o, self::policy(&policy))?)
}
