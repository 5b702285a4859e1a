//! The pick list as a table.

use super::{GRID, INK, Svg, clip};
use crate::audit::{AuditPick, Criterion, PickedSchool};
use crate::finding::ParamValue;

const W: u32 = 960;
const ROW: u32 = 28;
const TOP: u32 = 70;

/// Columns: header, x of the left edge, width, and the cell text of a school.
type Column = (&'static str, u32, u32, fn(&PickedSchool) -> String);

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

const COLUMNS: &[Column] = &[
    ("序", 10, 40, |s| s.order.to_string()),
    ("學校", 50, 110, |s| clip(&s.school, 10)),
    ("校名", 160, 160, |s| {
        clip(s.name.as_deref().unwrap_or(""), 10)
    }),
    ("演練逾時", 320, 150, |s| {
        ranked(s, Criterion::DrillOvertime, "overtime_minutes", " 分")
    }),
    ("前年度通報", 470, 120, |s| {
        ranked(s, Criterion::IncidentCount, "count", " 件")
    }),
    ("填報缺漏", 590, 70, |s| {
        param(s, Criterion::SelfReportGaps, "count").unwrap_or_default()
    }),
    ("人民陳情", 660, 70, |s| {
        param(s, Criterion::CitizenComplaint, "count").unwrap_or_default()
    }),
    ("資安等級", 730, 70, |s| {
        param(s, Criterion::SecurityGrade, "grade").unwrap_or_default()
    }),
    ("複掃高風險", 800, 100, |s| {
        match (
            param(s, Criterion::RescanHigh, "count"),
            param(s, Criterion::RescanHigh, "max_cvss"),
        ) {
            (Some(c), Some(m)) => format!("{c}（最高 {m}）"),
            _ => String::new(),
        }
    }),
    ("項數", 900, 50, |s| s.criteria_met.to_string()),
];

/// 資安健檢到校輔導選校: the picked schools (not those over capacity) as a table —
/// order, school, name, the figures of each criterion met (blank when not met),
/// and the number met. 960 wide; the height is 70 + 28 per row (+ 28 for the
/// header), so it follows the list.
///
/// ```
/// use ntpc_policy::{Policy, chart, audit::{self, AuditSchool}};
/// let schools: Vec<AuditSchool> = serde_json::from_value(serde_json::json!([
///   {"school": "014601", "name": "範例國小", "security_grade": "C"}])).unwrap();
/// let pick = audit::pick(&schools, &[], None, &Policy::default()).unwrap();
/// let svg = chart::criteria_table_svg(&pick);
/// assert!(svg.contains("height=\"146\"") && svg.contains(">範例國小<"));
/// ```
pub fn criteria_table_svg(pick: &AuditPick) -> String {
    // Saturating: a list too long to draw still gives a (clipped) document, no panic.
    let rows = u32::try_from(pick.picked.len()).unwrap_or(u32::MAX);
    let table_bottom = TOP.saturating_add(ROW.saturating_mul(rows.saturating_add(1)));
    let height = table_bottom.saturating_add(20);
    let title = "資安健檢到校輔導選校";
    let mut svg = Svg::new(W, height, title);
    svg.text(f64::from(W) / 2.0, 30.0, "middle", 20, title);
    let note = match pick.capacity {
        Some(c) => format!(
            "符合 {} 校，依量能選 {} 校（上限 {c}）",
            pick.eligible,
            pick.picked.len()
        ),
        None => format!("符合 {} 校", pick.eligible),
    };
    svg.text(f64::from(W) / 2.0, 54.0, "middle", 13, &note);
    svg.rect(
        10.0,
        f64::from(TOP),
        f64::from(W - 20),
        f64::from(ROW),
        "#e8eef7",
    );
    for (h, x, w, _) in COLUMNS {
        svg.text(f64::from(x + w / 2), f64::from(TOP + 19), "middle", 13, h);
    }
    for (i, s) in pick.picked.iter().enumerate() {
        let y = TOP.saturating_add(ROW.saturating_mul(u32::try_from(i + 1).unwrap_or(u32::MAX)));
        for (_, x, w, cell) in COLUMNS {
            svg.text(
                f64::from(x + w / 2),
                f64::from(y.saturating_add(19)),
                "middle",
                12,
                &cell(s),
            );
        }
        svg.line(10.0, f64::from(y), f64::from(W - 10), f64::from(y), GRID);
    }
    let bottom = f64::from(table_bottom);
    svg.line(10.0, bottom, f64::from(W - 10), bottom, INK);
    svg.finish()
}
