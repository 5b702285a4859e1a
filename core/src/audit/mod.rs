//! Picking schools for on-site security checks (資安健檢到校輔導之選校依據; RULES
//! §8; seed 000 PART FOUR (三), and the website scans of (一)5, (二)4).
//!
//! Per school: drill overtime, the previous year's incident count, unresolved
//! self-report gaps, citizen complaints, the security grade; per website scan
//! finding: initial scan or re-scan, CVSS score and version, the scanner's label.
//! [`pick`] applies the seed's five criteria (the re-scan only with the opt-in
//! `policy.audit.rescan_is_criterion`), with the tie and ordering rules of RULES
//! §8 and an optional capacity; [`scan_ranking`] ranks the schools by their
//! website scans and lists those that must fix and report back (seed 001
//! §陸.三.(一)); [`import_schools`] and [`import_scans`] read both lists from CSV.
//!
//! ```
//! use ntpc_policy::{Policy, audit::{self, AuditSchool, ScanFinding}};
//! let schools: Vec<AuditSchool> = serde_json::from_value(serde_json::json!([
//!   {"school": "014601", "drill_overtime_minutes": 95, "security_grade": "C"}])).unwrap();
//! let scans: Vec<ScanFinding> = serde_json::from_value(serde_json::json!([
//!   {"school": "014601", "scan": "rescan", "cvss": 7.0, "cvss_version": "v2", "label": "Medium"}])).unwrap();
//! let p = audit::pick(&schools, &scans, Some(4), &Policy::default()).unwrap();
//! assert_eq!(p.picked[0].criteria_met, 2); // overtime rank 1, grade C
//! assert_eq!(p.scan_ranking.must_fix[0].school, "014601"); // re-scan 7.0: fix, report back
//! ```

mod file;
mod import;
mod pick;
mod record;

pub use file::pick_file;
pub use import::{SCAN_SCHEMA, SCHOOL_SCHEMA, import_scans, import_schools};
pub use pick::{
    AuditPick, Criterion, CriterionMet, MustFix, PickedSchool, ScanRank, ScanRanking, ScanSummary,
    ScanView, pick, scan_ranking,
};
pub use record::{
    AuditSchool, CvssBand, CvssVersion, ScanFinding, ScanRound, cvss_band, parse_cvss_version,
    parse_scan_round,
};
