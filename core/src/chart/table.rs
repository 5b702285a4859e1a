//! The pick list as a table.

use super::{GRID, INK, Svg, text_width};
use crate::audit::{AuditPick, Criterion, PickedSchool};
use crate::finding::ParamValue;

const W: u32 = 960;
const ROW: u32 = 28;
const TOP: u32 = 70;
/// Space between a cell's text and its column's edges, each side.
const PAD: f64 = 8.0;

/// Columns: header, the least width, and the cell text of a school.
type Column = (&'static str, u32, fn(&PickedSchool) -> String);

fn param(s: &PickedSchool, c: Criterion, name: &str) -> Option<String> {
    let met = s.criteria.iter().find(|m| m.criterion == c)?;
    met.finding.params.get(name).map(|v| match v {
        ParamValue::Str(t) => t.to_string(),
        other => other.to_string(),
    })
}

fn ranked(s: &PickedSchool, c: Criterion, value: &str, unit: &str) -> String {
    let rank = s
        .criteria
        .iter()
        .find(|m| m.criterion == c)
        .and_then(|m| m.rank);
    match (param(s, c, value), rank) {
        (Some(v), Some(r)) => format!("{v}{unit}（第{r}名）"),
        _ => String::new(),
    }
}

/// The header of the re-scan column, drawn only when the re-scan is a criterion.
const RESCAN_HEAD: &str = "複掃高風險";

const COLUMNS: &[Column] = &[
    ("序", 40, |s| s.order.to_string()),
    ("學校", 110, |s| s.school.clone()),
    ("校名", 160, |s| s.name.clone().unwrap_or_default()),
    ("演練逾時", 150, |s| {
        ranked(s, Criterion::DrillOvertime, "overtime_minutes", " 分")
    }),
    ("前年度通報", 120, |s| {
        ranked(s, Criterion::IncidentCount, "count", " 件")
    }),
    ("填報缺漏", 70, |s| {
        param(s, Criterion::SelfReportGaps, "count").unwrap_or_default()
    }),
    ("人民陳情", 70, |s| {
        param(s, Criterion::CitizenComplaint, "count").unwrap_or_default()
    }),
    ("資安等級", 70, |s| {
        param(s, Criterion::SecurityGrade, "grade").unwrap_or_default()
    }),
    (RESCAN_HEAD, 100, |s| {
        match (
            param(s, Criterion::RescanHigh, "count"),
            param(s, Criterion::RescanHigh, "max_cvss"),
        ) {
            (Some(c), Some(m)) => format!("{c}（最高 {m}）"),
            _ => String::new(),
        }
    }),
    ("項數", 50, |s| s.criteria_met.to_string()),
];

/// 資安健檢到校輔導選校: the picked schools (not those over capacity) as a table —
/// order, school, name, the figures of each criterion met (blank when not met),
/// and the number met, with `title` instead of the default title when given.
/// No cell is cut: a column is as wide as its widest text (at least its
/// default), so the table is 960 wide or wider; the height is 70 + 28 per row
/// (+ 28 for the header), so it follows the list.
///
/// ```
/// use ntpc_policy::{Policy, chart, audit::{self, AuditSchool}};
/// let schools: Vec<AuditSchool> = serde_json::from_value(serde_json::json!([
///   {"school": "014601", "name": "新北市新莊區新莊國民小學", "security_grade": "C"}])).unwrap();
/// let pick = audit::pick(&schools, &[], None, &Policy::default()).unwrap();
/// let svg = chart::criteria_table_svg(&pick, None);
/// assert!(svg.contains("height=\"146\"") && svg.contains(">新北市新莊區新莊國民小學<"));
/// // The re-scan column only when the re-scan is a criterion.
/// assert!(!svg.contains("複掃高風險"));
/// ```
pub fn criteria_table_svg(pick: &AuditPick, title: Option<&str>) -> String {
    // Saturating: a list too long to draw still gives a (clipped) document, no panic.
    let rows = u32::try_from(pick.picked.len()).unwrap_or(u32::MAX);
    let table_bottom = TOP.saturating_add(ROW.saturating_mul(rows.saturating_add(1)));
    let height = table_bottom.saturating_add(20);
    // The re-scan column only when the re-scan is a criterion (audit.rescan_is_criterion):
    // otherwise it would be a column that is blank by construction.
    let columns: Vec<&Column> = COLUMNS
        .iter()
        .filter(|(head, _, _)| pick.rescan_is_criterion || *head != RESCAN_HEAD)
        .collect();
    let cells: Vec<Vec<String>> = pick
        .picked
        .iter()
        .map(|s| columns.iter().map(|(_, _, cell)| cell(s)).collect())
        .collect();
    // Each column: its least width, or its widest text (13 px header, 12 px cells).
    let widths: Vec<f64> = columns
        .iter()
        .enumerate()
        .map(|(k, (head, least, _))| {
            let widest = cells
                .iter()
                .map(|row| text_width(&row[k], 12.0))
                .fold(text_width(head, 13.0), f64::max);
            (widest + 2.0 * PAD).max(f64::from(*least)).ceil()
        })
        .collect();
    let table_w: f64 = widths.iter().sum();
    let width = (table_w + 20.0).max(f64::from(W));
    let left = (width - table_w) / 2.0;
    let title = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_owned(),
        None => "資安健檢到校輔導選校".to_owned(),
    };
    // Saturating float-to-int: a width past u32 is clamped, never a panic.
    let mut svg = Svg::new(width as u32, height, &title);
    svg.text(width / 2.0, 30.0, "middle", 20, &title);
    let note = match pick.capacity {
        Some(c) => format!(
            "符合 {} 校，依量能選 {} 校（上限 {c}），未選入 {} 校",
            pick.eligible,
            pick.picked.len(),
            pick.over_capacity.len()
        ),
        None => format!("符合 {} 校", pick.eligible),
    };
    svg.text(width / 2.0, 54.0, "middle", 13, &note);
    svg.rect(left, f64::from(TOP), table_w, f64::from(ROW), "#e8eef7");
    let mut x = left;
    let mut centres = Vec::with_capacity(widths.len());
    for ((head, _, _), w) in columns.iter().zip(&widths) {
        centres.push(x + w / 2.0);
        svg.text(x + w / 2.0, f64::from(TOP + 19), "middle", 13, head);
        x += w;
    }
    for (i, row) in cells.iter().enumerate() {
        let y = TOP.saturating_add(ROW.saturating_mul(u32::try_from(i + 1).unwrap_or(u32::MAX)));
        for (text, cx) in row.iter().zip(&centres) {
            svg.text(*cx, f64::from(y.saturating_add(19)), "middle", 12, text);
        }
        svg.line(left, f64::from(y), left + table_w, f64::from(y), GRID);
    }
    let bottom = f64::from(table_bottom);
    // Column borders: a cell's text stays between them.
    let mut x = left;
    for w in &widths[..widths.len() - 1] {
        x += w;
        svg.line(x, f64::from(TOP), x, bottom, GRID);
    }
    svg.line(left, bottom, left + table_w, bottom, INK);
    svg.finish()
}
