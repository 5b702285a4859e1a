//! The inputs of the pick: one record per school, one per scan finding; CVSS.

use crate::error::{PolicyError, Result};
use crate::import::invalid_value;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unicode_normalization::UnicodeNormalization;

/// What the department knows about one school for the on-site check pick.
/// Missing figures count as 0 / none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AuditSchool {
    /// The school's code (or name, when the list has no codes); unique.
    pub school: String,
    /// Its name, for display.
    #[serde(default)]
    pub name: Option<String>,
    /// Drill report overtime in minutes (see [`crate::drill::rank`]).
    #[serde(default)]
    pub drill_overtime_minutes: Option<u64>,
    /// The previous year's Ministry of Education incident count (前年度通報件數).
    #[serde(default)]
    pub previous_year_incidents: Option<u32>,
    /// Gaps of the security self-report audit still not fixed after notice.
    #[serde(default)]
    pub self_report_gaps: Option<u32>,
    /// Citizen complaints (人民陳情) about the school's security.
    #[serde(default)]
    pub citizen_complaints: Option<u32>,
    /// Security grade (資安等級), e.g. `A`, `B`, `C`.
    #[serde(default)]
    pub security_grade: Option<String>,
}

/// Which website scan a finding comes from (seed 000 PART FOUR: 初掃 then 複掃).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ScanRound {
    /// 初掃: the initial scan.
    Initial,
    /// 複掃: the re-scan after the school's fixes.
    Rescan,
}

/// The CVSS version a score was computed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CvssVersion {
    /// CVSS v2 (bands: low < 4.0 ≤ medium < 7.0 ≤ high).
    V2,
    /// CVSS v3.0 / v3.1 (none 0.0, low, medium, high 7.0–8.9, critical 9.0–10.0).
    V3,
    /// CVSS v4.0 (the same bands as v3).
    V4,
}

impl CvssVersion {
    /// The stable name: `v2`, `v3`, `v4`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CvssVersion::V2 => "v2",
            CvssVersion::V3 => "v3",
            CvssVersion::V4 => "v4",
        }
    }
}

impl Serialize for CvssVersion {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CvssVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_cvss_version(&text).map_err(crate::records::de_error)
    }
}

/// Reads a CVSS version as scanners write it: `2`, `2.0`, `v3.1`, `CVSS:3.1`,
/// `CVSSv3`, `4.0` (a vector string `CVSS:3.1/AV:N/…` gives its version).
///
/// ```
/// use ntpc_policy::audit::{parse_cvss_version, CvssVersion};
/// assert_eq!(parse_cvss_version("CVSS:3.1/AV:N/AC:L").unwrap(), CvssVersion::V3);
/// assert_eq!(parse_cvss_version("v2").unwrap(), CvssVersion::V2);
/// assert!(parse_cvss_version("5").is_err());
/// ```
pub fn parse_cvss_version(text: &str) -> Result<CvssVersion> {
    let lower = crate::import::fold_cell(text);
    let head = lower.split('/').next().unwrap_or_default();
    let core = head
        .trim_start_matches("cvss")
        .trim_start_matches([':', 'v']);
    match core {
        "2" | "2.0" => Ok(CvssVersion::V2),
        "3" | "3.0" | "3.1" => Ok(CvssVersion::V3),
        "4" | "4.0" => Ok(CvssVersion::V4),
        _ => Err(invalid_value(
            text,
            "not a CVSS version (2.0, 3.0, 3.1 or 4.0)",
            "不是 CVSS 版本（2.0、3.0、3.1 或 4.0）",
        )),
    }
}

/// The qualitative band of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CvssBand {
    /// v3/v4 0.0.
    None,
    /// Below 4.0.
    Low,
    /// 4.0–6.9.
    Medium,
    /// 7.0–10.0 in v2; 7.0–8.9 in v3/v4.
    High,
    /// 9.0–10.0 in v3/v4 (v2 has no critical band).
    Critical,
}

/// The band of a score in its version. Decided: without a version the v3 bands
/// apply (the scale scanners report today). Scores are compared in tenths, as
/// CVSS defines them (6.95 rounds to 7.0); a score outside 0.0–10.0 is an error.
///
/// ```
/// use ntpc_policy::audit::{cvss_band, CvssBand, CvssVersion};
/// assert_eq!(cvss_band(9.3, Some(CvssVersion::V2)).unwrap(), CvssBand::High);
/// assert_eq!(cvss_band(9.3, Some(CvssVersion::V3)).unwrap(), CvssBand::Critical);
/// assert_eq!(cvss_band(6.9, None).unwrap(), CvssBand::Medium);
/// ```
pub fn cvss_band(score: f64, version: Option<CvssVersion>) -> Result<CvssBand> {
    let t = tenths(score).ok_or_else(|| {
        PolicyError::invalid_bilingual(
            "cvss",
            format!("a CVSS score is 0.0 to 10.0, got {score}"),
            format!("CVSS 分數為 0.0 至 10.0，此為 {score}"),
        )
    })?;
    Ok(match (version, t) {
        (Some(CvssVersion::V2), 0..=39) => CvssBand::Low,
        (Some(CvssVersion::V2), 40..=69) => CvssBand::Medium,
        (Some(CvssVersion::V2), _) => CvssBand::High,
        (_, 0) => CvssBand::None,
        (_, 1..=39) => CvssBand::Low,
        (_, 40..=69) => CvssBand::Medium,
        (_, 70..=89) => CvssBand::High,
        _ => CvssBand::Critical,
    })
}

/// A score in tenths (0–100), or `None` when it is not a CVSS score.
pub(crate) fn tenths(score: f64) -> Option<i64> {
    if !score.is_finite() {
        return None;
    }
    let t = (score * 10.0).round();
    // The cast is exact: t is a whole number within 0–100 here.
    (0.0..=100.0).contains(&t).then_some(t as i64)
}

/// One vulnerability finding of a website scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ScanFinding {
    /// The school whose website was scanned.
    pub school: String,
    /// Initial scan or re-scan.
    pub scan: ScanRound,
    /// CVSS base score, 0.0–10.0 (v2, v3 or v4).
    pub cvss: f64,
    /// The CVSS version of the score, when known.
    #[serde(default)]
    pub cvss_version: Option<CvssVersion>,
    /// The scanner's own severity label (informative only: RULES §8 "whatever the
    /// scanner's label").
    #[serde(default)]
    pub label: Option<String>,
    /// The finding's title.
    #[serde(default)]
    pub title: Option<String>,
}

/// Reads a scan round: `初掃`/`首掃`/`initial` or `複掃`/`rescan`/`re-scan`.
///
/// ```
/// use ntpc_policy::audit::{parse_scan_round, ScanRound};
/// assert_eq!(parse_scan_round("複掃").unwrap(), ScanRound::Rescan);
/// ```
pub fn parse_scan_round(text: &str) -> Result<ScanRound> {
    let folded: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
    match folded.to_lowercase().as_str() {
        "初掃" | "首掃" | "首次掃描" | "initial" | "first" => Ok(ScanRound::Initial),
        "複掃" | "复扫" | "複查" | "rescan" | "re-scan" | "second" => Ok(ScanRound::Rescan),
        _ => Err(invalid_value(
            text,
            "expected 初掃 (initial) or 複掃 (rescan)",
            "須為 初掃 或 複掃",
        )),
    }
}
