//! The security-operations rules for Python (RULES §7–§8): incident deadlines and
//! statistics, drills, the on-site check pick, the CSV imports and the SVG charts.
//! Records in, dicts out (`records`); every decision is the core's.

use crate::args::{enum_str, instant, policy as pick};
use crate::errors::{core, guard};
use crate::policy::PyPolicy;
use crate::records::{record, records, result};
use ntpc_policy::import::{self, ImportOptions};
use ntpc_policy::{audit, chart, drill, incident};
use pyo3::prelude::*;

type Obj = Py<PyAny>;

pub(crate) fn options(py: Python<'_>, given: Option<&Bound<'_, PyAny>>) -> PyResult<ImportOptions> {
    match given {
        None => Ok(ImportOptions::default()),
        Some(v) if v.is_none() => Ok(ImportOptions::default()),
        Some(v) => record(py, "options", v),
    }
}

/// Bytes of a file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Big5/CP950 as Excel in Taiwan saves CSV.
#[pyfunction]
pub fn decode_text(py: Python<'_>, data: &[u8]) -> PyResult<Obj> {
    guard(py, || result(py, &core(py, import::decode(data))?))
}

/// A cell made safe for a spreadsheet: `=`, `+`, `-`, `@` … at the start is quoted.
#[pyfunction]
pub fn csv_escape_cell(value: &str) -> String {
    import::csv_escape_cell(value)
}

/// A count as people write it in a cell (`3`, `3件`, `３`).
#[pyfunction]
pub fn parse_count(py: Python<'_>, text: &str) -> PyResult<u32> {
    guard(py, || core(py, import::parse_count(text)))
}

/// An incident's duties (notify, review, recover, report) with deadlines and status at `now`.
#[pyfunction]
#[pyo3(signature = (incident, now, policy = None))]
pub fn evaluate_incident(
    py: Python<'_>,
    incident: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let r: incident::Incident = record(py, "incident", incident)?;
        let now = instant(py, "now", now)?;
        result(py, &core(py, incident::evaluate(&r, now, pick(&policy)))?)
    })
}

fn incident_list(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<Vec<incident::Incident>> {
    record(py, "incidents", v)
}

/// Counts by month, subtype, school, year and level, and late duties.
#[pyfunction]
#[pyo3(signature = (incidents, now, policy = None))]
pub fn incident_stats(
    py: Python<'_>,
    incidents: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let rows = incident_list(py, incidents)?;
        let now = instant(py, "now", now)?;
        result(py, &incident::stats(&rows, now, pick(&policy)))
    })
}

/// The monthly bar chart of the statistics, as SVG text.
#[pyfunction]
#[pyo3(signature = (incidents, now, policy = None))]
pub fn incident_monthly_svg(
    py: Python<'_>,
    incidents: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    guard(py, || {
        let rows = incident_list(py, incidents)?;
        let now = instant(py, "now", now)?;
        Ok(chart::monthly_svg(&incident::stats(
            &rows,
            now,
            pick(&policy),
        )))
    })
}

/// The subtype chart of the statistics, as SVG text.
#[pyfunction]
#[pyo3(signature = (incidents, now, policy = None))]
pub fn incident_subtype_svg(
    py: Python<'_>,
    incidents: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    guard(py, || {
        let rows = incident_list(py, incidents)?;
        let now = instant(py, "now", now)?;
        Ok(chart::subtype_svg(&incident::stats(
            &rows,
            now,
            pick(&policy),
        )))
    })
}

/// Incidents from a CSV/TSV file (Chinese or English headers); bad rows are
/// listed in `errors` with their line numbers and the others are still read.
#[pyfunction]
#[pyo3(signature = (data, options = None, policy = None))]
pub fn import_incidents(
    py: Python<'_>,
    data: &[u8],
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let o = self::options(py, options)?;
        result(py, &core(py, incident::import(data, &o, pick(&policy)))?)
    })
}

/// An IP cell: kept raw, with the address when it is one (`163.20.[REDACTED] (natIP)`).
#[pyfunction]
pub fn parse_incident_ip(py: Python<'_>, raw: &str) -> PyResult<Obj> {
    guard(py, || result(py, &incident::parse_ip(raw)))
}

/// An incident level as written (`1級`, `第2級`, `3`).
#[pyfunction]
pub fn parse_incident_level(py: Python<'_>, text: &str) -> PyResult<u8> {
    guard(py, || core(py, incident::parse_level(text)))
}

/// One drill report against the limit of its edition.
#[pyfunction]
#[pyo3(signature = (report, now, policy = None))]
pub fn evaluate_drill(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let r: drill::DrillReport = record(py, "report", report)?;
        let now = instant(py, "now", now)?;
        result(py, &drill::evaluate(&r, now, pick(&policy)))
    })
}

/// Schools by drill overtime, longest first.
#[pyfunction]
#[pyo3(signature = (reports, now, policy = None))]
pub fn rank_drills(
    py: Python<'_>,
    reports: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let rows: Vec<drill::DrillReport> = record(py, "reports", reports)?;
        let now = instant(py, "now", now)?;
        result(py, &drill::rank(&rows, now, pick(&policy)))
    })
}

/// Drill reports from a CSV/TSV file.
#[pyfunction]
#[pyo3(signature = (data, options = None, policy = None))]
pub fn import_drills(
    py: Python<'_>,
    data: &[u8],
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let o = self::options(py, options)?;
        result(py, &core(py, drill::import(data, &o, pick(&policy)))?)
    })
}

fn audit_inputs(
    py: Python<'_>,
    schools: &Bound<'_, PyAny>,
    scans: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Vec<audit::AuditSchool>, Vec<audit::ScanFinding>)> {
    Ok((
        record(py, "schools", schools)?,
        records(py, "scans", scans)?,
    ))
}

/// The schools for on-site checks: the five criteria plus re-scan findings at or
/// above CVSS 7.0, with the tie and ordering rules and an optional capacity.
#[pyfunction]
#[pyo3(signature = (schools, scans = None, capacity = None, policy = None))]
pub fn pick_audit_schools(
    py: Python<'_>,
    schools: &Bound<'_, PyAny>,
    scans: Option<&Bound<'_, PyAny>>,
    capacity: Option<i64>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let (s, f) = audit_inputs(py, schools, scans)?;
        let capacity = capacity
            .map(|c| crate::args::count(py, "capacity", c))
            .transpose()?;
        result(py, &core(py, audit::pick(&s, &f, capacity, pick(&policy)))?)
    })
}

/// The pick list's criteria table, as SVG text.
#[pyfunction]
#[pyo3(signature = (schools, scans = None, capacity = None, policy = None))]
pub fn audit_criteria_svg(
    py: Python<'_>,
    schools: &Bound<'_, PyAny>,
    scans: Option<&Bound<'_, PyAny>>,
    capacity: Option<i64>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    guard(py, || {
        let (s, f) = audit_inputs(py, schools, scans)?;
        let capacity = capacity
            .map(|c| crate::args::count(py, "capacity", c))
            .transpose()?;
        let picked = core(py, audit::pick(&s, &f, capacity, pick(&policy)))?;
        Ok(chart::criteria_table_svg(&picked))
    })
}

/// The CVSS band of a score (`none`, `low`, `medium`, `high`, `critical`); v2
/// scores have no `critical`.
#[pyfunction]
#[pyo3(signature = (score, version = None))]
pub fn cvss_band(py: Python<'_>, score: f64, version: Option<&str>) -> PyResult<String> {
    guard(py, || {
        let v = match version {
            None => None,
            Some(t) => Some(core(py, audit::parse_cvss_version(t))?),
        };
        Ok(enum_str(&core(py, audit::cvss_band(score, v))?))
    })
}

/// A CVSS version as scanners write it (`3.1`, `CVSS:3.1/AV:N/…`) → `v2`/`v3`/`v4`.
#[pyfunction]
pub fn parse_cvss_version(py: Python<'_>, text: &str) -> PyResult<String> {
    guard(py, || {
        Ok(enum_str(&core(py, audit::parse_cvss_version(text))?))
    })
}

/// 初掃/複掃 (or `initial`/`rescan`) → `initial`/`rescan`.
#[pyfunction]
pub fn parse_scan_round(py: Python<'_>, text: &str) -> PyResult<String> {
    guard(py, || {
        Ok(enum_str(&core(py, audit::parse_scan_round(text))?))
    })
}

/// Schools' figures from a CSV/TSV file.
#[pyfunction]
#[pyo3(signature = (data, options = None, policy = None))]
pub fn import_audit_schools(
    py: Python<'_>,
    data: &[u8],
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let o = self::options(py, options)?;
        result(
            py,
            &core(py, audit::import_schools(data, &o, pick(&policy)))?,
        )
    })
}

/// Scan findings from a CSV/TSV file.
#[pyfunction]
#[pyo3(signature = (data, options = None, policy = None))]
pub fn import_audit_scans(
    py: Python<'_>,
    data: &[u8],
    options: Option<&Bound<'_, PyAny>>,
    policy: Option<Bound<'_, PyPolicy>>,
) -> PyResult<Obj> {
    guard(py, || {
        let o = self::options(py, options)?;
        result(py, &core(py, audit::import_scans(data, &o, pick(&policy)))?)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(decode_text, m)?)?;
    m.add_function(wrap_pyfunction!(csv_escape_cell, m)?)?;
    m.add_function(wrap_pyfunction!(parse_count, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate_incident, m)?)?;
    m.add_function(wrap_pyfunction!(incident_stats, m)?)?;
    m.add_function(wrap_pyfunction!(incident_monthly_svg, m)?)?;
    m.add_function(wrap_pyfunction!(incident_subtype_svg, m)?)?;
    m.add_function(wrap_pyfunction!(import_incidents, m)?)?;
    m.add_function(wrap_pyfunction!(parse_incident_ip, m)?)?;
    m.add_function(wrap_pyfunction!(parse_incident_level, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate_drill, m)?)?;
    m.add_function(wrap_pyfunction!(rank_drills, m)?)?;
    m.add_function(wrap_pyfunction!(import_drills, m)?)?;
    m.add_function(wrap_pyfunction!(pick_audit_schools, m)?)?;
    m.add_function(wrap_pyfunction!(audit_criteria_svg, m)?)?;
    m.add_function(wrap_pyfunction!(cvss_band, m)?)?;
    m.add_function(wrap_pyfunction!(parse_cvss_version, m)?)?;
    m.add_function(wrap_pyfunction!(parse_scan_round, m)?)?;
    m.add_function(wrap_pyfunction!(import_audit_schools, m)?)?;
    m.add_function(wrap_pyfunction!(import_audit_scans, m)?)?;
    Ok(())
}
