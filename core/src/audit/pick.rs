//! Picking schools for the on-site security check (RULES §8).

use super::record::{
    AuditSchool, CvssBand, CvssVersion, ScanFinding, ScanRound, cvss_band, tenths,
};
use crate::codes::Code;
use crate::drill::competition_ranks;
use crate::error::{PolicyError, Result};
use crate::finding::Finding;
use crate::incident::clock::{text_en, text_zh};
use crate::policy::Policy;
use serde::Serialize;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// A criterion of the pick, in the seed's order, plus the re-scan (only with
/// `policy.audit.rescan_is_criterion`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// 1. Drill overtime, top N.
    DrillOvertime,
    /// 2. Previous year's incident count, top N.
    IncidentCount,
    /// 3. Self-report audit gaps not fixed after notice.
    SelfReportGaps,
    /// 4. A citizen complaint.
    CitizenComplaint,
    /// 5. The picked security grade.
    SecurityGrade,
    /// The re-scan still has findings of CVSS ≥ the threshold (a sixth criterion
    /// only when the policy opts in).
    RescanHigh,
}

/// A criterion a school met, with the figures (in the finding's params).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CriterionMet {
    /// Which criterion.
    pub criterion: Criterion,
    /// The school's rank, for the two ranked criteria.
    pub rank: Option<u32>,
    /// The explanation, with the figures.
    pub finding: Finding,
}

/// One scan finding as shown in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScanView {
    /// Initial scan or re-scan.
    pub scan: ScanRound,
    /// The score.
    pub cvss: f64,
    /// Its version, when known.
    pub cvss_version: Option<CvssVersion>,
    /// The band computed from score and version.
    pub band: CvssBand,
    /// The scanner's label, as written.
    pub label: Option<String>,
    /// The title.
    pub title: Option<String>,
}

/// A school's scan figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScanSummary {
    /// Findings of the initial scan.
    pub initial: usize,
    /// …of which CVSS ≥ the threshold.
    pub initial_high: usize,
    /// Findings of the re-scan.
    pub rescan: usize,
    /// …of which CVSS ≥ the threshold.
    pub rescan_high: usize,
    /// The highest re-scan score.
    pub max_rescan_cvss: Option<f64>,
}

/// A school that met at least one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PickedSchool {
    /// Position in the ordered list (1-based; continues into `over_capacity`).
    pub order: usize,
    /// The school.
    pub school: String,
    /// Its name, when known.
    pub name: Option<String>,
    /// How many criteria it met.
    pub criteria_met: usize,
    /// Its best placement in a ranked criterion (1 = the worst offender), if any.
    pub worst_rank: Option<u32>,
    /// Each criterion met, in criterion order, with the figures.
    pub criteria: Vec<CriterionMet>,
    /// Its scan figures.
    pub scans: ScanSummary,
    /// The re-scan findings it must fix and report back (CVSS ≥ the threshold),
    /// highest score first.
    pub to_fix: Vec<ScanView>,
}

/// The pick.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AuditPick {
    /// Drill overtime: how many top ranks are picked.
    pub drill_top_n: u32,
    /// Incident count: how many top ranks are picked.
    pub incident_top_n: u32,
    /// The grade that picks a school.
    pub picked_grade: String,
    /// The CVSS score from which a re-scan finding counts.
    pub rescan_min_cvss: f64,
    /// The capacity asked for, if any.
    pub capacity: Option<u32>,
    /// Schools considered (the list plus schools found only in the scans).
    pub schools_considered: usize,
    /// Schools meeting at least one criterion.
    pub eligible: usize,
    /// The schools picked, in order.
    pub picked: Vec<PickedSchool>,
    /// Schools meeting a criterion but past the capacity, in order.
    pub over_capacity: Vec<PickedSchool>,
    /// Whether re-scan findings counted as a sixth criterion.
    pub rescan_is_criterion: bool,
    /// The website-scan ranking, a result of its own (001 §陸.三.(一)).
    pub scan_ranking: ScanRanking,
}

/// One school in the website-scan ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScanRank {
    /// Position 1, 2, 3, … (the sort keys end with the school code: no ties).
    pub rank: u32,
    /// The school.
    pub school: String,
    /// Its name, when the schools' list gives one.
    pub name: Option<String>,
    /// Its scan figures (the sort keys).
    pub scans: ScanSummary,
    /// It has re-scan findings to fix and report back.
    pub must_fix: bool,
}

/// A school that must fix its re-scan findings and report back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MustFix {
    /// The school.
    pub school: String,
    /// Its name, when known.
    pub name: Option<String>,
    /// The re-scan findings of CVSS ≥ the threshold, highest score first.
    pub findings: Vec<ScanView>,
    /// What to do, with the figures (`audit.rescan_high`).
    pub finding: Finding,
}

/// The schools ranked by their website scans, and those that must fix and
/// report back (seed 001 §陸.三.(一): the re-scan report left 8 schools with
/// high-risk findings, told to fix them and report back).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScanRanking {
    /// The CVSS score from which a finding counts as high or above.
    pub rescan_min_cvss: f64,
    /// Every school with a scan finding, in rank order.
    pub schools: Vec<ScanRank>,
    /// The schools with re-scan findings ≥ the threshold, in rank order.
    pub must_fix: Vec<MustFix>,
}

/// Grade text compared: NFKC, trimmed, upper case, without a trailing 級.
fn grade(text: &str) -> String {
    let t: String = text.nfkc().collect::<String>().trim().to_uppercase();
    t.strip_suffix('級').unwrap_or(&t).trim().to_owned()
}

fn cvss_text(tenths: i64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Picks the schools for on-site checks (RULES §8; seed 000 PART FOUR (三)).
///
/// A school is picked when any of the seed's five criteria holds: (1) drill
/// overtime ranked in the top `policy.audit.drill_top_n`; (2) previous-year
/// incident count ranked in the top `incident_top_n`; (3) unresolved self-report
/// gaps; (4) a citizen complaint; (5) security grade `picked_grade`. Only when
/// `policy.audit.rescan_is_criterion` opts in, (6) a re-scan finding with CVSS ≥
/// `rescan_min_cvss` picks a school too. The scan ranking and the schools that
/// must fix and report back are `scan_ranking` (see [`scan_ranking`]), whatever
/// the switch.
///
/// Decided (RULES §8): ranks are competition ranks over the schools with a
/// non-zero value, and a top-N cut keeps every school whose rank is ≤ N — so all
/// schools tied with the N-th stay. The list is ordered by criteria met
/// (descending), then the school's best placement in a ranked criterion (rank 1 =
/// the worst offender first; schools with no ranked criterion after those with
/// one), then school code. `capacity` takes the first N; the rest are
/// `over_capacity`. CVSS: v2 and v3/v4 scores are compared with the same
/// threshold (v2 "high" is 7.0–10.0, v3 "high or above" is 7.0–10.0: the same
/// range), in tenths; the scanner's label is never used. Grades compare ignoring
/// case, width and a trailing 級. Scan findings of a school missing from the list
/// still count (the school is added, without a name).
///
/// Errors: a school code listed twice, a CVSS score outside 0.0–10.0.
///
/// ```
/// use ntpc_policy::{Policy, audit::{self, AuditSchool, ScanFinding}};
/// let schools: Vec<AuditSchool> = serde_json::from_value(serde_json::json!([
///   {"school": "A", "security_grade": "C", "citizen_complaints": 1},
///   {"school": "B", "previous_year_incidents": 3},
///   {"school": "C"}])).unwrap();
/// let scans: Vec<ScanFinding> = serde_json::from_value(serde_json::json!([
///   {"school": "C", "scan": "rescan", "cvss": 6.9, "cvss_version": "3.1"}])).unwrap();
/// let p = audit::pick(&schools, &scans, None, &Policy::default()).unwrap();
/// let order: Vec<_> = p.picked.iter().map(|s| s.school.as_str()).collect();
/// assert_eq!(order, ["A", "B"]); // the scans are not a criterion
/// assert!(p.scan_ranking.must_fix.is_empty()); // 6.9 is below 7.0
/// ```
pub fn pick(
    schools: &[AuditSchool],
    scans: &[ScanFinding],
    capacity: Option<u32>,
    policy: &Policy,
) -> Result<AuditPick> {
    let a = &policy.audit;
    let min_t = tenths(a.rescan_min_cvss).ok_or_else(|| {
        PolicyError::invalid_bilingual(
            "policy.audit.rescan_min_cvss",
            "a CVSS score is 0.0 to 10.0",
            "CVSS 分數為 0.0 至 10.0",
        )
    })?;
    let mut by_code: BTreeMap<String, AuditSchool> = BTreeMap::new();
    for (i, s) in schools.iter().enumerate() {
        let code = s.school.trim().to_owned();
        if code.is_empty() {
            return Err(PolicyError::invalid_bilingual(
                format!("schools[{i}].school"),
                "blank",
                "空白",
            ));
        }
        if by_code.insert(code.clone(), s.clone()).is_some() {
            return Err(PolicyError::invalid_bilingual(
                format!("schools[{i}].school"),
                format!("school {code} is listed twice"),
                format!("學校「{code}」重複列出"),
            ));
        }
    }
    let mut views = scan_views(scans, min_t)?;
    for code in views.keys() {
        by_code.entry(code.clone()).or_insert_with(|| AuditSchool {
            school: code.clone(),
            ..AuditSchool::default()
        });
    }
    let ranking = rank_scans(&views, &by_code, min_t, a.rescan_min_cvss);

    let drill = top_ranks(
        &by_code,
        |s| s.drill_overtime_minutes.unwrap_or(0),
        a.drill_top_n,
    );
    let incidents = top_ranks(
        &by_code,
        |s| u64::from(s.previous_year_incidents.unwrap_or(0)),
        a.incident_top_n,
    );
    let wanted = grade(&a.picked_grade);
    let mut eligible = Vec::new();
    for (code, s) in &by_code {
        let mut criteria = Vec::new();
        if let Some(&rank) = drill.get(code.as_str()) {
            let m = i64::try_from(s.drill_overtime_minutes.unwrap_or(0)).unwrap_or(i64::MAX);
            criteria.push(CriterionMet {
                criterion: Criterion::DrillOvertime,
                rank: Some(rank),
                finding: Finding::new(Code::AuditDrillOvertime)
                    .with("overtime_minutes", m)
                    .with("overtime", text_en(m))
                    .with("overtime_zh", text_zh(m))
                    .with("rank", rank)
                    .with("top_n", a.drill_top_n),
            });
        }
        if let Some(&rank) = incidents.get(code.as_str()) {
            criteria.push(CriterionMet {
                criterion: Criterion::IncidentCount,
                rank: Some(rank),
                finding: Finding::new(Code::AuditIncidentCount)
                    .with("count", s.previous_year_incidents.unwrap_or(0))
                    .with("rank", rank)
                    .with("top_n", a.incident_top_n),
            });
        }
        let counted = [
            (
                Criterion::SelfReportGaps,
                Code::AuditSelfReportGaps,
                s.self_report_gaps,
            ),
            (
                Criterion::CitizenComplaint,
                Code::AuditCitizenComplaint,
                s.citizen_complaints,
            ),
        ];
        for (criterion, c, n) in counted {
            if let Some(n) = n.filter(|n| *n > 0) {
                criteria.push(CriterionMet {
                    criterion,
                    rank: None,
                    finding: Finding::new(c).with("count", n),
                });
            }
        }
        if let Some(g) = s.security_grade.as_deref().map(grade)
            && !wanted.is_empty()
            && g == wanted
        {
            criteria.push(CriterionMet {
                criterion: Criterion::SecurityGrade,
                rank: None,
                finding: Finding::new(Code::AuditSecurityGrade).with("grade", g),
            });
        }
        let (summary, to_fix) = summarize(views.remove(code).unwrap_or_default());
        if a.rescan_is_criterion
            && let Some(top) = to_fix.first()
        {
            criteria.push(CriterionMet {
                criterion: Criterion::RescanHigh,
                rank: None,
                finding: rescan_finding(to_fix.len(), top.cvss, min_t),
            });
        }
        if criteria.is_empty() {
            continue;
        }
        eligible.push(PickedSchool {
            order: 0,
            school: code.clone(),
            name: s.name.clone().filter(|n| !n.trim().is_empty()),
            criteria_met: criteria.len(),
            worst_rank: criteria.iter().filter_map(|c| c.rank).min(),
            criteria,
            scans: summary,
            to_fix,
        });
    }
    eligible.sort_by(|x, y| {
        y.criteria_met
            .cmp(&x.criteria_met)
            .then_with(|| {
                x.worst_rank
                    .unwrap_or(u32::MAX)
                    .cmp(&y.worst_rank.unwrap_or(u32::MAX))
            })
            .then_with(|| x.school.cmp(&y.school))
    });
    for (i, s) in eligible.iter_mut().enumerate() {
        s.order = i + 1;
    }
    let total = eligible.len();
    let cut = capacity.map_or(total, |c| (c as usize).min(total));
    let over_capacity = eligible.split_off(cut);
    Ok(AuditPick {
        drill_top_n: a.drill_top_n,
        incident_top_n: a.incident_top_n,
        picked_grade: a.picked_grade.clone(),
        rescan_min_cvss: a.rescan_min_cvss,
        capacity,
        schools_considered: by_code.len(),
        eligible: total,
        picked: eligible,
        over_capacity,
        rescan_is_criterion: a.rescan_is_criterion,
        scan_ranking: ranking,
    })
}

/// The `audit.rescan_high` finding: `count` findings to fix, the highest `max`.
fn rescan_finding(count: usize, max: f64, min_t: i64) -> Finding {
    Finding::new(Code::AuditRescanHigh)
        .with("count", count)
        .with("max_cvss", cvss_text(tenths(max).unwrap_or(0)))
        .with("min_cvss", cvss_text(min_t))
}

/// Each school's scan findings as shown, each with whether it reaches the
/// threshold (in tenths); a score outside 0.0–10.0 is an error naming it.
fn scan_views(
    scans: &[ScanFinding],
    min_t: i64,
) -> Result<BTreeMap<String, Vec<(ScanView, bool)>>> {
    let mut views: BTreeMap<String, Vec<(ScanView, bool)>> = BTreeMap::new();
    for (i, f) in scans.iter().enumerate() {
        let t = tenths(f.cvss).ok_or_else(|| {
            PolicyError::invalid_bilingual(
                format!("scans[{i}].cvss"),
                format!("a CVSS score is 0.0 to 10.0, got {}", f.cvss),
                format!("CVSS 分數為 0.0 至 10.0，此為 {}", f.cvss),
            )
        })?;
        let view = ScanView {
            scan: f.scan,
            cvss: f.cvss,
            cvss_version: f.cvss_version,
            band: cvss_band(f.cvss, f.cvss_version)?,
            label: f.label.clone(),
            title: f.title.clone(),
        };
        views
            .entry(f.school.trim().to_owned())
            .or_default()
            .push((view, t >= min_t));
    }
    Ok(views)
}

/// A school's scan figures and its re-scan findings to fix, highest first.
fn summarize(mine: Vec<(ScanView, bool)>) -> (ScanSummary, Vec<ScanView>) {
    let mut summary = ScanSummary::default();
    let mut to_fix = Vec::new();
    for (v, high) in mine {
        match v.scan {
            ScanRound::Initial => {
                summary.initial += 1;
                summary.initial_high += usize::from(high);
            }
            ScanRound::Rescan => {
                summary.rescan += 1;
                summary.max_rescan_cvss =
                    Some(summary.max_rescan_cvss.map_or(v.cvss, |m| m.max(v.cvss)));
                if high {
                    summary.rescan_high += 1;
                    to_fix.push(v);
                }
            }
        }
    }
    to_fix.sort_by(|x, y| y.cvss.total_cmp(&x.cvss));
    (summary, to_fix)
}

/// The scan ranking. Sort keys, in order (issue 16 item 5): re-scan findings
/// with CVSS ≥ the threshold (descending), the highest re-scan score
/// (descending; none below any), initial-scan findings ≥ the threshold
/// (descending), school code.
fn rank_scans(
    views: &BTreeMap<String, Vec<(ScanView, bool)>>,
    schools: &BTreeMap<String, AuditSchool>,
    min_t: i64,
    min_cvss: f64,
) -> ScanRanking {
    let mut rows: Vec<(ScanRank, Vec<ScanView>)> = views
        .iter()
        .map(|(code, mine)| {
            let (scans, to_fix) = summarize(mine.clone());
            let name = schools
                .get(code)
                .and_then(|s| s.name.clone())
                .filter(|n| !n.trim().is_empty());
            let rank = ScanRank {
                rank: 0,
                school: code.clone(),
                name,
                must_fix: !to_fix.is_empty(),
                scans,
            };
            (rank, to_fix)
        })
        .collect();
    let max_t = |s: &ScanSummary| s.max_rescan_cvss.and_then(tenths).unwrap_or(-1);
    rows.sort_by(|(x, _), (y, _)| {
        y.scans
            .rescan_high
            .cmp(&x.scans.rescan_high)
            .then_with(|| max_t(&y.scans).cmp(&max_t(&x.scans)))
            .then_with(|| y.scans.initial_high.cmp(&x.scans.initial_high))
            .then_with(|| x.school.cmp(&y.school))
    });
    let mut must_fix = Vec::new();
    let mut ranked = Vec::with_capacity(rows.len());
    for (i, (mut r, to_fix)) in rows.into_iter().enumerate() {
        r.rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if let Some(top) = to_fix.first() {
            must_fix.push(MustFix {
                school: r.school.clone(),
                name: r.name.clone(),
                finding: rescan_finding(to_fix.len(), top.cvss, min_t),
                findings: to_fix,
            });
        }
        ranked.push(r);
    }
    ScanRanking {
        rescan_min_cvss: min_cvss,
        schools: ranked,
        must_fix,
    }
}

/// The website-scan ranking on its own (RULES §8; seed 001 §陸.三.(一)): every
/// school with a scan finding, ranked by re-scan findings of CVSS ≥
/// `policy.audit.rescan_min_cvss` (descending), the highest re-scan score
/// (descending), initial-scan findings ≥ the threshold (descending) and school
/// code; and the schools that must fix their re-scan findings and report back.
/// `schools` only supplies names.
///
/// ```
/// use ntpc_policy::{Policy, audit::{self, ScanFinding}};
/// let scans: Vec<ScanFinding> = serde_json::from_value(serde_json::json!([
///   {"school": "B", "scan": "rescan", "cvss": 7.5},
///   {"school": "A", "scan": "rescan", "cvss": 6.9},
///   {"school": "A", "scan": "initial", "cvss": 9.8}])).unwrap();
/// let r = audit::scan_ranking(&scans, &[], &Policy::default()).unwrap();
/// assert_eq!(r.schools[0].school, "B");
/// assert_eq!(r.must_fix.len(), 1);
/// ```
pub fn scan_ranking(
    scans: &[ScanFinding],
    schools: &[AuditSchool],
    policy: &Policy,
) -> Result<ScanRanking> {
    let min_cvss = policy.audit.rescan_min_cvss;
    let min_t = tenths(min_cvss).ok_or_else(|| {
        PolicyError::invalid_bilingual(
            "policy.audit.rescan_min_cvss",
            "a CVSS score is 0.0 to 10.0",
            "CVSS 分數為 0.0 至 10.0",
        )
    })?;
    let views = scan_views(scans, min_t)?;
    let names: BTreeMap<String, AuditSchool> = schools
        .iter()
        .map(|s| (s.school.trim().to_owned(), s.clone()))
        .collect();
    Ok(rank_scans(&views, &names, min_t, min_cvss))
}

/// Schools whose competition rank by `value` (non-zero values only) is ≤ `top_n`.
fn top_ranks(
    schools: &BTreeMap<String, AuditSchool>,
    value: impl Fn(&AuditSchool) -> u64,
    top_n: u32,
) -> BTreeMap<String, u32> {
    let mut v: Vec<(&String, u64)> = schools
        .iter()
        .map(|(c, s)| (c, value(s)))
        .filter(|(_, x)| *x > 0)
        .collect();
    v.sort_by(|(ca, a), (cb, b)| b.cmp(a).then_with(|| ca.cmp(cb)));
    let values: Vec<i64> = v
        .iter()
        .map(|(_, x)| i64::try_from(*x).unwrap_or(i64::MAX))
        .collect();
    v.iter()
        .zip(competition_ranks(&values))
        .filter_map(|((c, _), r)| r.filter(|r| *r <= top_n).map(|r| ((*c).clone(), r)))
        .collect()
}
