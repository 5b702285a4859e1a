//! The security-operations functions (RULES §7–§8).

use crate::policy::{Policy, or_default};
use crate::{Result, instant};
use ntpc_policy::audit::{
    self, AuditPick, AuditSchool, CvssBand, CvssVersion, ScanFinding, ScanRanking, ScanRound,
};
use ntpc_policy::chart;
use ntpc_policy::drill::{self, DrillCheck, DrillRanking, DrillReport};
use ntpc_policy::import::{DrillImport, ImportOptions, IncidentImport, ScanImport, SchoolImport};
use ntpc_policy::incident::{self, Incident, IncidentCheck, IncidentStats, IpInfo};
use std::sync::Arc;

/// An incident's deadlines and each duty's status on `now`.
#[uniffi::export(default(policy = None))]
pub fn evaluate_incident(
    incident: Incident,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<IncidentCheck> {
    Ok(incident::evaluate(
        &incident,
        instant(&now)?,
        or_default(&policy),
    )?)
}

/// Counts by month, subtype, school, year and level, and how many were late.
#[uniffi::export(default(policy = None))]
pub fn incident_stats(
    incidents: Vec<Incident>,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<IncidentStats> {
    Ok(incident::stats(
        &incidents,
        instant(&now)?,
        or_default(&policy),
    ))
}

/// The monthly bar chart of the statistics, as SVG text (the year in the
/// title unless `title` is given).
#[uniffi::export(default(title = None, policy = None))]
pub fn incident_monthly_svg(
    incidents: Vec<Incident>,
    now: String,
    title: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    Ok(chart::monthly_svg(
        &incident::stats(&incidents, instant(&now)?, or_default(&policy)),
        title.as_deref(),
    ))
}

/// The subtype chart of the statistics, as SVG text (the year in the title
/// unless `title` is given).
#[uniffi::export(default(title = None, policy = None))]
pub fn incident_subtype_svg(
    incidents: Vec<Incident>,
    now: String,
    title: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    Ok(chart::subtype_svg(
        &incident::stats(&incidents, instant(&now)?, or_default(&policy)),
        title.as_deref(),
    ))
}

/// Incidents from the department's table as CSV/TSV.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_incidents(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<IncidentImport> {
    Ok(incident::import(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// An IP cell as the table writes it.
#[uniffi::export]
pub fn parse_incident_ip(raw: String) -> Result<IpInfo> {
    Ok(incident::parse_ip(&raw))
}

/// A level cell (`1級`) as a number 0–4.
#[uniffi::export]
pub fn parse_incident_level(text: String) -> Result<u8> {
    Ok(incident::parse_level(&text)?)
}

/// A drill report against the reporting limit.
#[uniffi::export(default(policy = None))]
pub fn evaluate_drill(
    report: DrillReport,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<DrillCheck> {
    Ok(drill::evaluate(
        &report,
        instant(&now)?,
        or_default(&policy),
    ))
}

/// Overtime per school, ranked.
#[uniffi::export(default(policy = None))]
pub fn rank_drills(
    reports: Vec<DrillReport>,
    now: String,
    policy: Option<Arc<Policy>>,
) -> Result<DrillRanking> {
    Ok(drill::rank(&reports, instant(&now)?, or_default(&policy)))
}

/// Drill reports from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_drills(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<DrillImport> {
    Ok(drill::import(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// The schools picked for on-site security checks.
#[uniffi::export(default(scans = None, capacity = None, policy = None))]
pub fn pick_audit_schools(
    schools: Vec<AuditSchool>,
    scans: Option<Vec<ScanFinding>>,
    capacity: Option<u32>,
    policy: Option<Arc<Policy>>,
) -> Result<AuditPick> {
    Ok(audit::pick(
        &schools,
        &scans.unwrap_or_default(),
        capacity,
        or_default(&policy),
    )?)
}

/// The website-scan ranking on its own, and the schools that must fix and
/// report back; `schools` only supplies names.
#[uniffi::export(default(schools = None, policy = None))]
pub fn audit_scan_ranking(
    scans: Vec<ScanFinding>,
    schools: Option<Vec<AuditSchool>>,
    policy: Option<Arc<Policy>>,
) -> Result<ScanRanking> {
    Ok(audit::scan_ranking(
        &scans,
        &schools.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// The pick list's criteria table, as SVG text (`title` replaces the default).
#[uniffi::export(default(scans = None, capacity = None, title = None, policy = None))]
pub fn audit_criteria_svg(
    schools: Vec<AuditSchool>,
    scans: Option<Vec<ScanFinding>>,
    capacity: Option<u32>,
    title: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    let picked = audit::pick(
        &schools,
        &scans.unwrap_or_default(),
        capacity,
        or_default(&policy),
    )?;
    Ok(chart::criteria_table_svg(&picked, title.as_deref()))
}

/// The CVSS band of a score; v2 scores have no `critical`.
#[uniffi::export(default(version = None))]
pub fn cvss_band(score: f64, version: Option<String>) -> Result<CvssBand> {
    let version = version
        .as_deref()
        .map(audit::parse_cvss_version)
        .transpose()?;
    Ok(audit::cvss_band(score, version)?)
}

/// A CVSS version as scanners write it.
#[uniffi::export]
pub fn parse_cvss_version(text: String) -> Result<CvssVersion> {
    Ok(audit::parse_cvss_version(&text)?)
}

/// A scan round as written (`初掃`, `複掃`).
#[uniffi::export]
pub fn parse_scan_round(text: String) -> Result<ScanRound> {
    Ok(audit::parse_scan_round(&text)?)
}

/// The schools' figures for the pick from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_audit_schools(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<SchoolImport> {
    Ok(audit::import_schools(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// Website scan findings from a CSV/TSV file.
#[uniffi::export(default(options = None, policy = None))]
pub fn import_audit_scans(
    data: Vec<u8>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ScanImport> {
    Ok(audit::import_scans(
        &data,
        &options.unwrap_or_default(),
        or_default(&policy),
    )?)
}

/// The department's incident table checked in one call: each incident's
/// deadlines at its line, every bad row, the counts, and the statistics.
#[uniffi::export(default(options = None, policy = None))]
pub fn check_incident_file(
    data: Vec<u8>,
    now: String,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::files::IncidentFile> {
    Ok(incident::check_file(
        &data,
        &options.unwrap_or_default(),
        instant(&now)?,
        or_default(&policy),
    )?)
}

/// A drill list ranked in one call: each report's overtime at its line.
#[uniffi::export(default(options = None, policy = None))]
pub fn rank_drill_file(
    data: Vec<u8>,
    now: String,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::files::DrillFile> {
    Ok(drill::rank_file(
        &data,
        &options.unwrap_or_default(),
        instant(&now)?,
        or_default(&policy),
    )?)
}

/// The on-site pick from the schools' file and, when given, the scans' file.
#[uniffi::export(default(scans = None, capacity = None, options = None, policy = None))]
pub fn pick_audit_file(
    data: Vec<u8>,
    scans: Option<Vec<u8>>,
    capacity: Option<u32>,
    options: Option<ImportOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<ntpc_policy::files::AuditFile> {
    let o = options.unwrap_or_default();
    Ok(audit::pick_file(
        &data,
        scans.as_deref(),
        &o,
        capacity,
        or_default(&policy),
    )?)
}
