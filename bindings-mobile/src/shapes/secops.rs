use super::{Finding, ImportError, Verdict};

// The FFI shapes of the security-operations rules (RULES §7–§8): incidents,
// drills, the on-site check pick, and the CSV imports. Shared like people.rs
// (see shapes/mod.rs). Instants are RFC 3339 text in +08:00; as arguments they
// also read as any calendar style (a date alone is midnight in Asia/Taipei).

// ---- import (shared by every CSV reader) ----

choice! {
    /// The text encoding a file was read in.
    pub enum TextEncoding { Utf8 = "utf-8", Utf16Le = "utf-16le", Utf16Be = "utf-16be", Big5 = "big5" }
}

choice! {
    /// The cell delimiter of a file.
    pub enum Delimiter { Auto = "auto", Comma = "comma", Tab = "tab" }
}

shape! {
    /// Bytes read as text.
    pub struct Decoded {
        /// The text.
        pub text: String,
        /// The encoding it was in.
        pub encoding: TextEncoding,
        /// It started with a byte-order mark.
        pub bom: bool,
    }
}

shape! {
    /// A header cell that was used.
    pub struct ColumnUse {
        /// Its column (1-based).
        pub column: u32,
        /// As written.
        pub header: String,
        /// The record field it feeds.
        pub field: String,
    }
}

shape! {
    /// How to read a file.
    pub struct ImportOptions {
        /// `auto` (default), `comma` or `tab`.
        pub delimiter: Option<String>,
    }
}

// ---- incident (RULES §7) ----

shape! {
    /// One row of the department's incident table.
    pub struct Incident {
        /// 編號.
        pub id: String,
        /// 通報單位.
        pub unit: String,
        /// 等級 after review, 0–4.
        pub level: u32,
        /// The level first reported, when the review changed it.
        pub reported_level: Option<u32>,
        /// 事件類型.
        pub event_type: Option<String>,
        /// 子類型.
        pub subtype: Option<String>,
        /// 發生時間.
        pub occurred_at: Option<String>,
        /// 知悉時間.
        pub aware_at: Option<String>,
        /// 通報時間.
        pub reported_at: Option<String>,
        /// 審核時間.
        pub reviewed_at: Option<String>,
        /// Damage controlled or service recovered.
        pub recovered_at: Option<String>,
        /// Investigation/improvement report filed.
        pub report_filed_at: Option<String>,
        /// IP as written (may be redacted).
        pub ip: Option<String>,
    }
}

shape! {
    /// An IP cell: kept raw, with the address when it is one.
    pub struct IpInfo {
        /// As written.
        pub raw: String,
        /// The address, when the cell is a valid one.
        pub address: Option<String>,
        /// Marked `(natIP)`.
        pub nat: bool,
        /// Partly hidden (`[REDACTED]`).
        pub redacted: bool,
    }
}

choice! {
    /// A duty after an incident.
    pub enum Obligation { Notify = "notify", Review = "review", Recover = "recover", Report = "report" }
}

choice! {
    /// Where a duty stands.
    pub enum Status { Met = "met", Late = "late", Open = "open", Overdue = "overdue", Unknown = "unknown" }
}

choice! {
    /// A time column of the incident record.
    pub enum TimeField {
        OccurredAt = "occurred_at", AwareAt = "aware_at", ReportedAt = "reported_at",
        ReviewedAt = "reviewed_at", RecoveredAt = "recovered_at", ReportFiledAt = "report_filed_at"
    }
}

shape! {
    /// One duty's deadline and status.
    pub struct ObligationCheck {
        /// The duty.
        pub obligation: Obligation,
        /// The time it counts from.
        pub from: Option<TimeField>,
        /// That time.
        pub start: Option<String>,
        /// The limit in hours.
        pub limit_hours: Option<u32>,
        /// The limit in months.
        pub limit_months: Option<u32>,
        /// The deadline.
        pub deadline: Option<String>,
        /// When it was done.
        pub done_at: Option<String>,
        /// met, late, open, overdue or unknown.
        pub status: Status,
        /// Minutes to spare.
        pub margin_minutes: Option<i64>,
        /// Minutes late.
        pub delay_minutes: Option<i64>,
    }
}

shape! {
    /// An incident's duties, deadlines and status at a given time.
    pub struct IncidentCheck {
        /// 編號.
        pub id: String,
        /// 通報單位.
        pub unit: String,
        /// The level used.
        pub level: u32,
        /// The level first reported.
        pub reported_level: Option<u32>,
        /// The regulation edition applied.
        pub regulation: String,
        /// Counted from aware_at or occurred_at.
        pub basis: Option<TimeField>,
        /// The IP cell read.
        pub ip: Option<IpInfo>,
        /// Every duty.
        pub obligations: Vec<ObligationCheck>,
        /// Pass, warn or fail.
        pub verdict: Verdict,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// Incidents in one month.
    pub struct MonthCount {
        /// `YYYY-MM`.
        pub month: String,
        /// ROC month, e.g. `110/08`.
        pub roc_month: String,
        /// How many.
        pub count: u32,
    }
}

shape! {
    /// Incidents with one label (subtype or school).
    pub struct LabelCount {
        /// The label; none for blank cells.
        pub label: Option<String>,
        /// How many.
        pub count: u32,
    }
}

shape! {
    /// Incidents in one year.
    pub struct YearCount {
        /// Gregorian year.
        pub year: i32,
        /// ROC year.
        pub roc_year: i32,
        /// How many.
        pub count: u32,
    }
}

shape! {
    /// Incidents of one level.
    pub struct LevelCount {
        /// The level.
        pub level: u32,
        /// How many.
        pub count: u32,
    }
}

shape! {
    /// A count per duty.
    pub struct ObligationCounts {
        /// 通報.
        pub notify: u32,
        /// 審核.
        pub review: u32,
        /// 復原.
        pub recover: u32,
        /// 報告.
        pub report: u32,
    }
}

shape! {
    /// The department's statistics of a set of incidents.
    pub struct IncidentStats {
        /// Incidents.
        pub total: u32,
        /// By month of occurrence.
        pub by_month: Vec<MonthCount>,
        /// By subtype.
        pub by_subtype: Vec<LabelCount>,
        /// By school.
        pub by_school: Vec<LabelCount>,
        /// By year.
        pub by_year: Vec<YearCount>,
        /// By level.
        pub by_level: Vec<LevelCount>,
        /// Incidents with no date.
        pub undated: u32,
        /// Duties done late.
        pub late: ObligationCounts,
        /// Duties past their deadline and still open.
        pub overdue: ObligationCounts,
        /// Incidents with any late or overdue duty.
        pub incidents_late: u32,
        /// Incidents that could not be evaluated, with why.
        pub not_evaluated: Vec<String>,
    }
}

shape! {
    /// The incidents of a file, the errors of its bad rows, and how it was read.
    pub struct IncidentImport {
        /// The rows read.
        pub records: Vec<Incident>,
        /// The line each record starts on.
        pub lines: Vec<u32>,
        /// Rows that could not be read; the others still are.
        pub errors: Vec<ImportError>,
        /// The encoding.
        pub encoding: TextEncoding,
        /// A byte-order mark was present.
        pub bom: bool,
        /// The delimiter used.
        pub delimiter: Delimiter,
        /// The columns used.
        pub columns: Vec<ColumnUse>,
        /// Header cells that name no field.
        pub ignored_columns: Vec<String>,
        /// Data rows seen.
        pub rows: u32,
        /// Rows skipped (notes, totals).
        pub skipped_rows: u32,
        /// Stopped at the row limit.
        pub truncated: bool,
    }
}

// ---- drill (RULES §7) ----

shape! {
    /// A school's report of a drill.
    pub struct DrillReport {
        /// School code.
        pub school: String,
        /// School name.
        pub school_name: Option<String>,
        /// Which drill.
        pub drill: Option<String>,
        /// When the school was notified.
        pub notified_at: String,
        /// When it reported.
        pub reported_at: Option<String>,
    }
}

shape! {
    /// One drill report against the limit of its edition.
    pub struct DrillCheck {
        /// School code.
        pub school: String,
        /// Which drill.
        pub drill: Option<String>,
        /// The limit in hours.
        pub limit_hours: u32,
        /// Notified.
        pub notified_at: String,
        /// The deadline.
        pub deadline: Option<String>,
        /// Reported.
        pub reported_at: Option<String>,
        /// met, late, open or overdue.
        pub status: Status,
        /// Minutes over the limit.
        pub overtime_minutes: i64,
        /// Minutes to spare.
        pub margin_minutes: Option<i64>,
        /// Pass, warn or fail.
        pub verdict: Verdict,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// A school's drill overtime.
    pub struct SchoolOvertime {
        /// Rank by overtime (none when never late).
        pub rank: Option<u32>,
        /// School code.
        pub school: String,
        /// School name.
        pub school_name: Option<String>,
        /// Drills.
        pub drills: u32,
        /// Reported late.
        pub late: u32,
        /// Past the deadline, not reported.
        pub overdue: u32,
        /// Open, within the limit.
        pub open: u32,
        /// Total minutes over the limits.
        pub overtime_minutes: i64,
        /// The overtime in words (English).
        pub overtime: String,
        /// The overtime in words (Chinese).
        pub overtime_zh: String,
    }
}

shape! {
    /// Schools by drill overtime, longest first.
    pub struct DrillRanking {
        /// The edition applied.
        pub edition: String,
        /// Its limit in hours.
        pub limit_hours: u32,
        /// Schools with overtime.
        pub late_schools: u32,
        /// Every school.
        pub schools: Vec<SchoolOvertime>,
        /// Every drill.
        pub drills: Vec<DrillCheck>,
    }
}

shape! {
    /// The drill reports of a file, the errors of its bad rows, and how it was read.
    pub struct DrillImport {
        /// The rows read.
        pub records: Vec<DrillReport>,
        /// The line each record starts on.
        pub lines: Vec<u32>,
        /// Rows that could not be read; the others still are.
        pub errors: Vec<ImportError>,
        /// The encoding.
        pub encoding: TextEncoding,
        /// A byte-order mark was present.
        pub bom: bool,
        /// The delimiter used.
        pub delimiter: Delimiter,
        /// The columns used.
        pub columns: Vec<ColumnUse>,
        /// Header cells that name no field.
        pub ignored_columns: Vec<String>,
        /// Data rows seen.
        pub rows: u32,
        /// Rows skipped (notes, totals).
        pub skipped_rows: u32,
        /// Stopped at the row limit.
        pub truncated: bool,
    }
}

// ---- audit (RULES §8) ----

shape! {
    /// A school's figures for the on-site check pick.
    pub struct AuditSchool {
        /// School code.
        pub school: String,
        /// School name.
        pub name: Option<String>,
        /// Drill overtime in minutes.
        pub drill_overtime_minutes: Option<i64>,
        /// Incidents in the previous year.
        pub previous_year_incidents: Option<u32>,
        /// Unresolved self-report gaps.
        pub self_report_gaps: Option<u32>,
        /// Citizen complaints.
        pub citizen_complaints: Option<u32>,
        /// Security grade (A, B, C …).
        pub security_grade: Option<String>,
    }
}

choice! {
    /// Initial scan or re-scan.
    pub enum ScanRound { Initial = "initial", Rescan = "rescan" }
}

choice! {
    /// A CVSS severity band.
    pub enum CvssBand { None = "none", Low = "low", Medium = "medium", High = "high", Critical = "critical" }
}

shape! {
    /// One vulnerability finding of a school's scan.
    pub struct ScanFinding {
        /// School code.
        pub school: String,
        /// `initial` or `rescan` (初掃/複掃).
        pub scan: String,
        /// CVSS base score.
        pub cvss: f64,
        /// `v2`, `v3`, `v4` (or as scanners write it: `3.1`, `CVSS:3.1`).
        pub cvss_version: Option<String>,
        /// The scanner's label.
        pub label: Option<String>,
        /// The finding's title.
        pub title: Option<String>,
    }
}

choice! {
    /// A pick criterion (RULES §8).
    pub enum Criterion {
        DrillOvertime = "drill_overtime", IncidentCount = "incident_count",
        SelfReportGaps = "self_report_gaps", CitizenComplaint = "citizen_complaint",
        SecurityGrade = "security_grade", RescanHigh = "rescan_high"
    }
}

shape! {
    /// A criterion a school met, with the figures.
    pub struct CriterionMet {
        /// The criterion.
        pub criterion: Criterion,
        /// The school's rank on it, for ranked criteria.
        pub rank: Option<u32>,
        /// The explanation with its figures.
        pub finding: Finding,
    }
}

shape! {
    /// A scan finding as shown in the pick.
    pub struct ScanView {
        /// Initial or re-scan.
        pub scan: ScanRound,
        /// CVSS score.
        pub cvss: f64,
        /// CVSS version.
        pub cvss_version: Option<String>,
        /// Its band.
        pub band: CvssBand,
        /// The scanner's label.
        pub label: Option<String>,
        /// The title.
        pub title: Option<String>,
    }
}

shape! {
    /// A school's scan counts.
    pub struct ScanSummary {
        /// Initial-scan findings.
        pub initial: u32,
        /// Of them, at or above the threshold.
        pub initial_high: u32,
        /// Re-scan findings.
        pub rescan: u32,
        /// Of them, at or above the threshold.
        pub rescan_high: u32,
        /// The highest re-scan score.
        pub max_rescan_cvss: Option<f64>,
    }
}

shape! {
    /// A school picked for an on-site check, with the criteria it met.
    pub struct PickedSchool {
        /// Position in the pick list (1-based).
        pub order: u32,
        /// School code.
        pub school: String,
        /// School name.
        pub name: Option<String>,
        /// How many criteria it met.
        pub criteria_met: u32,
        /// Its worst (smallest) rank among ranked criteria.
        pub worst_rank: Option<u32>,
        /// The criteria, with figures.
        pub criteria: Vec<CriterionMet>,
        /// Its scans.
        pub scans: ScanSummary,
        /// Re-scan findings still to fix.
        pub to_fix: Vec<ScanView>,
    }
}

shape! {
    /// The pick list for on-site checks.
    pub struct AuditPick {
        /// Top N by drill overtime.
        pub drill_top_n: u32,
        /// Top N by incidents.
        pub incident_top_n: u32,
        /// The grade that is picked.
        pub picked_grade: String,
        /// Re-scan findings from this score count.
        pub rescan_min_cvss: f64,
        /// The capacity asked for.
        pub capacity: Option<u32>,
        /// Schools read.
        pub schools_considered: u32,
        /// Schools meeting any criterion.
        pub eligible: u32,
        /// The pick, in order.
        pub picked: Vec<PickedSchool>,
        /// Eligible schools past the capacity.
        pub over_capacity: Vec<PickedSchool>,
    }
}

shape! {
    /// The schools of a file, the errors of its bad rows, and how it was read.
    pub struct SchoolImport {
        /// The rows read.
        pub records: Vec<AuditSchool>,
        /// The line each record starts on.
        pub lines: Vec<u32>,
        /// Rows that could not be read; the others still are.
        pub errors: Vec<ImportError>,
        /// The encoding.
        pub encoding: TextEncoding,
        /// A byte-order mark was present.
        pub bom: bool,
        /// The delimiter used.
        pub delimiter: Delimiter,
        /// The columns used.
        pub columns: Vec<ColumnUse>,
        /// Header cells that name no field.
        pub ignored_columns: Vec<String>,
        /// Data rows seen.
        pub rows: u32,
        /// Rows skipped (notes, totals).
        pub skipped_rows: u32,
        /// Stopped at the row limit.
        pub truncated: bool,
    }
}

shape! {
    /// The scan findings of a file, the errors of its bad rows, and how it was read.
    pub struct ScanImport {
        /// The rows read.
        pub records: Vec<ScanFinding>,
        /// The line each record starts on.
        pub lines: Vec<u32>,
        /// Rows that could not be read; the others still are.
        pub errors: Vec<ImportError>,
        /// The encoding.
        pub encoding: TextEncoding,
        /// A byte-order mark was present.
        pub bom: bool,
        /// The delimiter used.
        pub delimiter: Delimiter,
        /// The columns used.
        pub columns: Vec<ColumnUse>,
        /// Header cells that name no field.
        pub ignored_columns: Vec<String>,
        /// Data rows seen.
        pub rows: u32,
        /// Rows skipped (notes, totals).
        pub skipped_rows: u32,
        /// Stopped at the row limit.
        pub truncated: bool,
    }
}
