//! The security-operations functions (RULES §7–§8): incidents, drills and the
//! pick of schools for on-site checks, with their charts.

use super::{Bytes, Instant, api_table};
use crate::audit::{
    self, AuditPick, AuditSchool, CvssBand, CvssVersion, ScanFinding, ScanRanking, ScanRound,
};
use crate::chart;
use crate::drill::{self, DrillCheck, DrillRanking, DrillReport};
use crate::files::{AuditFile, DrillFile, IncidentFile};
use crate::import::{DrillImport, ImportOptions, IncidentImport, ScanImport, SchoolImport};
use crate::incident::{self, Incident, IncidentCheck, IncidentStats, IpInfo};

api_table! { ALL, policy;
    /// An incident's deadlines (notify, review, recover, report) by the edition
    /// of the regulation in force on its date, with each duty's status on `now`.
    "incident.evaluate" => fn evaluate_incident(incident: Incident, now: Instant) with [policy] -> IncidentCheck {
        incident::evaluate(&incident, now.0, policy)
    }

    /// Counts by month, subtype, school, year and level, and how many were late,
    /// as the department's charts show them.
    "incident.stats" => fn incident_stats(incidents: Vec<Incident>, now: Instant) with [policy] -> IncidentStats {
        Ok(incident::stats(&incidents, now.0, policy))
    }

    /// The monthly bar chart of the statistics, as SVG text; the title carries
    /// the year (`110 年度各月份通報案件統計`) unless `title` is given.
    "incident.monthly_svg" => fn incident_monthly_svg(incidents: Vec<Incident>, now: Instant, title: Option<String> = None) with [policy] -> String as "svg" {
        Ok(chart::monthly_svg(&incident::stats(&incidents, now.0, policy), title.as_deref()))
    }

    /// The subtype chart of the statistics (其他 last), as SVG text; the title
    /// carries the year unless `title` is given.
    "incident.subtype_svg" => fn incident_subtype_svg(incidents: Vec<Incident>, now: Instant, title: Option<String> = None) with [policy] -> String as "svg" {
        Ok(chart::subtype_svg(&incident::stats(&incidents, now.0, policy), title.as_deref()))
    }

    /// Incidents from the department's table as CSV/TSV (Chinese or English
    /// headers, UTF-8/UTF-16/Big5); bad rows are listed with their lines.
    "incident.import" => fn import_incidents(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> IncidentImport {
        incident::import(&data.0, &options.unwrap_or_default(), policy)
    }

    /// The department's incident table checked in one call: each incident's
    /// deadlines at its line, every bad row at its line, the counts, and the
    /// statistics of the charts.
    "incident.check_file" => fn check_incident_file(data: Bytes, now: Instant, options: Option<ImportOptions> = None) with [policy] -> IncidentFile {
        incident::check_file(&data.0, &options.unwrap_or_default(), now.0, policy)
    }

    /// An IP cell as the table writes it (partly redacted, `(natIP)`).
    "incident.parse_ip" => fn parse_incident_ip(raw: String) -> IpInfo {
        Ok(incident::parse_ip(&raw))
    }

    /// A level cell (`1級`, `第2級`, `3`) as a number 0–4.
    "incident.parse_level" => fn parse_incident_level(text: String) -> u8 as "level" {
        incident::parse_level(&text)
    }

    /// A drill report against the reporting limit of the edition in force on its
    /// notice date (4 h in 109, 1 h from 110).
    "drill.evaluate" => fn evaluate_drill(report: DrillReport, now: Instant) with [policy] -> DrillCheck {
        Ok(drill::evaluate(&report, now.0, policy))
    }

    /// Overtime per school, ranked (the first criterion of the on-site pick).
    "drill.rank" => fn rank_drills(reports: Vec<DrillReport>, now: Instant) with [policy] -> DrillRanking {
        Ok(drill::rank(&reports, now.0, policy))
    }

    /// Drill reports from a CSV/TSV file.
    "drill.import" => fn import_drills(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> DrillImport {
        drill::import(&data.0, &options.unwrap_or_default(), policy)
    }

    /// A drill list ranked in one call: each report's overtime at its line and
    /// the ranking of schools.
    "drill.rank_file" => fn rank_drill_file(data: Bytes, now: Instant, options: Option<ImportOptions> = None) with [policy] -> DrillFile {
        drill::rank_file(&data.0, &options.unwrap_or_default(), now.0, policy)
    }

    /// The on-site pick from the schools' file (`data`) and, when given, the
    /// website scans' file, in one call.
    "audit.pick_file" => fn pick_audit_file(data: Bytes, scans: Option<Bytes> = None, capacity: Option<u32> = None, options: Option<ImportOptions> = None) with [policy] -> AuditFile {
        let scans = scans.map(|b| b.0);
        audit::pick_file(&data.0, scans.as_deref(), &options.unwrap_or_default(), capacity, policy)
    }

    /// The schools picked for on-site security checks, each with the criteria it
    /// met and their figures, in a deterministic order; `capacity` takes the first N.
    "audit.pick" => fn pick_audit_schools(schools: Vec<AuditSchool>, scans: Option<Vec<ScanFinding>> = None, capacity: Option<u32> = None) with [policy] -> AuditPick {
        audit::pick(&schools, &scans.unwrap_or_default(), capacity, policy)
    }

    /// The website-scan ranking on its own: schools by re-scan findings of CVSS ≥
    /// 7.0, highest re-scan score, initial-scan findings ≥ 7.0, school code; and
    /// the schools that must fix and report back. `schools` only supplies names.
    "audit.scan_ranking" => fn audit_scan_ranking(scans: Vec<ScanFinding>, schools: Option<Vec<AuditSchool>> = None) with [policy] -> ScanRanking {
        audit::scan_ranking(&scans, &schools.unwrap_or_default(), policy)
    }

    /// The pick list's criteria table, as SVG text (`title` replaces the default).
    "audit.criteria_svg" => fn audit_criteria_svg(schools: Vec<AuditSchool>, scans: Option<Vec<ScanFinding>> = None, capacity: Option<u32> = None, title: Option<String> = None) with [policy] -> String as "svg" {
        let picked = audit::pick(&schools, &scans.unwrap_or_default(), capacity, policy)?;
        Ok(chart::criteria_table_svg(&picked, title.as_deref()))
    }

    /// The CVSS band of a score (`none` … `critical`); v2 scores have no `critical`.
    "audit.cvss_band" => fn cvss_band(score: f64, version: Option<CvssVersion> = None) -> CvssBand as "band" {
        audit::cvss_band(score, version)
    }

    /// A CVSS version as scanners write it (`3.1`, `CVSS:3.1/…`, `v2`).
    "audit.parse_cvss_version" => fn parse_cvss_version(text: String) -> CvssVersion as "version" {
        audit::parse_cvss_version(&text)
    }

    /// A scan round as written (`初掃`, `複掃`, `initial`, `rescan`).
    "audit.parse_scan_round" => fn parse_scan_round(text: String) -> ScanRound as "scan" {
        audit::parse_scan_round(&text)
    }

    /// The schools' figures for the pick from a CSV/TSV file.
    "audit.import_schools" => fn import_audit_schools(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> SchoolImport {
        audit::import_schools(&data.0, &options.unwrap_or_default(), policy)
    }

    /// Website scan findings from a CSV/TSV file.
    "audit.import_scans" => fn import_audit_scans(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> ScanImport {
        audit::import_scans(&data.0, &options.unwrap_or_default(), policy)
    }
}
