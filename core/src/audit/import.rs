//! Reading the school list and the scan findings from CSV/TSV.

use super::record::{AuditSchool, ScanFinding, parse_cvss_version, parse_scan_round};
use crate::error::Result;
use crate::import::{
    self, ColumnSpec, ImportOptions, Row, RowError, ScanImport, Schema, SchoolImport,
    invalid_value, parse_count,
};
use crate::policy::Policy;

/// The header table of [`AuditSchool`].
pub const SCHOOL_SCHEMA: Schema = Schema {
    record: "school",
    record_zh: "學校",
    columns: &[
        ColumnSpec {
            field: "school",
            headers: &["學校代碼", "代碼", "school", "school_code"],
            required: true,
        },
        ColumnSpec {
            field: "name",
            headers: &["學校名稱", "校名", "學校", "name", "school_name"],
            required: false,
        },
        ColumnSpec {
            field: "drill_overtime_minutes",
            headers: &[
                "演練逾時(分)",
                "演練逾時(分鐘)",
                "演練逾時分鐘",
                "通報演練逾時",
                "drill_overtime_minutes",
                "drill_overtime(min)",
            ],
            required: false,
        },
        ColumnSpec {
            // The same figure in hours, as the department's summary sheets
            // write it (`演練逾時(時)`): read and turned into minutes, never taken
            // for minutes (issue 17 §4).
            field: "drill_overtime_hours",
            headers: &[
                "演練逾時(時)",
                "演練逾時(小時)",
                "演練逾時小時",
                "drill_overtime_hours",
                "drill_overtime(h)",
            ],
            required: false,
        },
        ColumnSpec {
            field: "previous_year_incidents",
            headers: &[
                "前年度通報件數",
                "前年度資安通報件數",
                "通報件數",
                "previous_year_incidents",
            ],
            required: false,
        },
        ColumnSpec {
            field: "self_report_gaps",
            headers: &["填報缺漏未改善", "填報缺漏", "稽核缺漏", "self_report_gaps"],
            required: false,
        },
        ColumnSpec {
            field: "citizen_complaints",
            headers: &["人民陳情", "陳情案件", "citizen_complaints"],
            required: false,
        },
        ColumnSpec {
            field: "security_grade",
            headers: &["資安等級", "security_grade", "grade"],
            required: false,
        },
    ],
    skip_prefixes: &[],
    groups: None,
    unique: Some("school"),
};

/// The header table of [`ScanFinding`].
pub const SCAN_SCHEMA: Schema = Schema {
    record: "scan finding",
    record_zh: "弱點掃描結果",
    columns: &[
        ColumnSpec {
            field: "school",
            headers: &["學校代碼", "代碼", "school", "school_code"],
            required: true,
        },
        ColumnSpec {
            field: "scan",
            headers: &["掃描別", "掃描", "掃描階段", "scan"],
            required: true,
        },
        ColumnSpec {
            field: "cvss",
            headers: &["CVSS", "CVSS分數", "分數", "cvss", "score"],
            required: true,
        },
        ColumnSpec {
            field: "cvss_version",
            headers: &["CVSS版本", "版本", "cvss_version", "version"],
            required: false,
        },
        ColumnSpec {
            field: "label",
            headers: &["風險等級", "嚴重性", "label", "severity"],
            required: false,
        },
        ColumnSpec {
            field: "title",
            headers: &["弱點名稱", "弱點", "title", "name"],
            required: false,
        },
    ],
    skip_prefixes: &[],
    groups: None,
    unique: None,
};

/// Reads the school list (see [`crate::import`]); counts accept yes/no words.
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, audit};
/// let csv = "學校代碼,學校名稱,人民陳情,資安等級\n014601,範例國小,有,C\n";
/// let got = audit::import_schools(csv.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(got.records[0].citizen_complaints, Some(1));
/// ```
pub fn import_schools(
    data: &[u8],
    options: &ImportOptions,
    policy: &Policy,
) -> Result<SchoolImport> {
    import::import_with(data, &SCHOOL_SCHEMA, options, policy, school_of)
}

/// Reads scan findings (see [`crate::import`]).
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, audit};
/// let csv = "學校代碼,掃描別,CVSS,CVSS版本,風險等級\n014601,複掃,7.5,3.1,High\n014601,複掃,11,3.1,\n";
/// let got = audit::import_scans(csv.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(got.records.len(), 1);
/// assert_eq!(got.errors[0].line, 3);
/// ```
pub fn import_scans(data: &[u8], options: &ImportOptions, policy: &Policy) -> Result<ScanImport> {
    import::import_with(data, &SCAN_SCHEMA, options, policy, scan_of)
}

fn school_of(row: &Row) -> std::result::Result<AuditSchool, RowError> {
    let minutes = |t: &str| {
        t.parse::<u64>().map_err(|_| {
            invalid_value(
                t,
                "expected whole minutes, 0 or more",
                "須為 0 以上的整數分鐘",
            )
        })
    };
    let in_minutes = row.parse("drill_overtime_minutes", minutes)?;
    let in_hours = row.parse("drill_overtime_hours", hours_as_minutes)?;
    // Both columns filled: they must say the same.
    let drill_overtime_minutes = match (in_minutes, in_hours) {
        (Some(m), Some(h)) if m != h => {
            return Err(row.error(
                "drill_overtime_hours",
                invalid_value(
                    row.get("drill_overtime_hours").unwrap_or_default(),
                    &format!("disagrees with the minutes column ({m} minutes)"),
                    &format!("與分鐘欄（{m} 分）不符"),
                ),
            ));
        }
        (m, h) => m.or(h),
    };
    Ok(AuditSchool {
        school: row.required("school")?.to_owned(),
        name: row.get("name").map(str::to_owned),
        drill_overtime_minutes,
        previous_year_incidents: row.parse("previous_year_incidents", parse_count)?,
        self_report_gaps: row.parse("self_report_gaps", parse_count)?,
        citizen_complaints: row.parse("citizen_complaints", parse_count)?,
        security_grade: row.get("security_grade").map(str::to_owned),
    })
}

/// Hours (`15`, `1.5`, `0.25`) as whole minutes; a figure that is no whole
/// number of minutes (`0.01`) is an error rather than a rounded guess.
fn hours_as_minutes(t: &str) -> Result<u64> {
    let bad = || {
        invalid_value(
            t,
            "expected hours, 0 or more, in whole minutes (1.5 = 90 minutes)",
            "須為 0 以上的時數，換算為整數分鐘（1.5 = 90 分）",
        )
    };
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 6
    {
        return Err(bad());
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    // The fraction in millionths of an hour; a minute is 1/60 hour.
    let micro: u64 = format!("{frac:0<6}").parse().map_err(|_| bad())?;
    let frac_minutes_x = micro * 60;
    if !frac_minutes_x.is_multiple_of(1_000_000) {
        return Err(bad());
    }
    whole
        .checked_mul(60)
        .and_then(|m| m.checked_add(frac_minutes_x / 1_000_000))
        .ok_or_else(bad)
}

fn scan_of(row: &Row) -> std::result::Result<ScanFinding, RowError> {
    let score = |t: &str| {
        let bad = || {
            invalid_value(
                t,
                "expected a CVSS score 0.0 to 10.0",
                "須為 0.0 至 10.0 的 CVSS 分數",
            )
        };
        let x: f64 = t.parse().map_err(|_| bad())?;
        super::record::tenths(x).map(|_| x).ok_or_else(bad)
    };
    Ok(ScanFinding {
        school: row.required("school")?.to_owned(),
        scan: row.parse_required("scan", parse_scan_round)?,
        cvss: row.parse_required("cvss", score)?,
        cvss_version: row.parse("cvss_version", parse_cvss_version)?,
        label: row.get("label").map(str::to_owned),
        title: row.get("title").map(str::to_owned),
    })
}
