//! Bar charts of the incident statistics.

use super::{BAR, GRID, INK, Svg, axis, clip};
use crate::incident::IncidentStats;

const W: f64 = 800.0;
const H: f64 = 400.0;

/// 各月份通報案件統計圖: one vertical bar per month (ROC `110/02` labels), from the
/// first to the last month of the statistics, 800 × 400.
///
/// ```
/// use ntpc_policy::{chart, incident::IncidentStats};
/// # let stats: IncidentStats = ntpc_policy::incident::stats(&[], "2021-01-01T00:00:00+08:00".parse().unwrap(), &Default::default());
/// let svg = chart::monthly_svg(&stats);
/// assert!(svg.contains("無資料")); // no incidents
/// ```
pub fn monthly_svg(stats: &IncidentStats) -> String {
    let title = "各月份通報案件統計";
    let mut svg = Svg::new(W as u32, H as u32, title);
    svg.text(W / 2.0, 30.0, "middle", 20, title);
    svg.text(W - 20.0, 30.0, "end", 14, &format!("共 {} 件", stats.total));
    let (left, right, top, bottom) = (60.0, W - 20.0, 60.0, H - 50.0);
    if stats.by_month.is_empty() {
        svg.text(W / 2.0, H / 2.0, "middle", 16, "無資料");
        return svg.finish();
    }
    let max = stats.by_month.iter().map(|m| m.count).max().unwrap_or(0);
    let (top_value, step) = axis(max);
    let plot_h = bottom - top;
    let y_of = |v: usize| bottom - plot_h * v as f64 / top_value as f64;
    let mut v = 0;
    while v <= top_value {
        let y = y_of(v);
        svg.line(left, y, right, y, GRID);
        svg.text(left - 8.0, y + 5.0, "end", 12, &v.to_string());
        match v.checked_add(step) {
            Some(next) => v = next,
            None => break,
        }
    }
    let slot = (right - left) / stats.by_month.len() as f64;
    let bar_w = (slot * 0.6).min(60.0);
    // Label every month while they fit, else every k-th.
    let every = (52.0 / slot).ceil().max(1.0) as usize;
    for (i, m) in stats.by_month.iter().enumerate() {
        let cx = left + slot * (i as f64 + 0.5);
        let y = y_of(m.count);
        if m.count > 0 {
            svg.rect(cx - bar_w / 2.0, y, bar_w, bottom - y, BAR);
            svg.text(cx, y - 6.0, "middle", 12, &m.count.to_string());
        }
        if i % every == 0 {
            svg.text(cx, bottom + 20.0, "middle", 12, &m.roc_month);
        }
    }
    svg.line(left, bottom, right, bottom, INK);
    svg.line(left, top, left, bottom, INK);
    svg.text(W / 2.0, H - 10.0, "middle", 12, "月份（民國年/月）");
    svg.finish()
}

/// 攻擊分類案件統計圖: one horizontal bar per subtype, most first, 800 × 400 (bars
/// get thinner as subtypes are added; labels over 14 characters are cut with `…`).
///
/// ```
/// use ntpc_policy::{chart, incident::IncidentStats};
/// # let stats: IncidentStats = ntpc_policy::incident::stats(&[], "2021-01-01T00:00:00+08:00".parse().unwrap(), &Default::default());
/// assert!(chart::subtype_svg(&stats).ends_with("</svg>\n"));
/// ```
pub fn subtype_svg(stats: &IncidentStats) -> String {
    let title = "攻擊分類案件統計";
    let mut svg = Svg::new(W as u32, H as u32, title);
    svg.text(W / 2.0, 30.0, "middle", 20, title);
    svg.text(W - 20.0, 30.0, "end", 14, &format!("共 {} 件", stats.total));
    let (left, right, top, bottom) = (220.0, W - 60.0, 60.0, H - 40.0);
    if stats.by_subtype.is_empty() {
        svg.text(W / 2.0, H / 2.0, "middle", 16, "無資料");
        return svg.finish();
    }
    let max = stats.by_subtype.iter().map(|s| s.count).max().unwrap_or(0);
    let (top_value, step) = axis(max);
    let plot_w = right - left;
    let x_of = |v: usize| left + plot_w * v as f64 / top_value as f64;
    let mut v = 0;
    while v <= top_value {
        let x = x_of(v);
        svg.line(x, top, x, bottom, GRID);
        svg.text(x, bottom + 18.0, "middle", 12, &v.to_string());
        match v.checked_add(step) {
            Some(next) => v = next,
            None => break,
        }
    }
    let slot = (bottom - top) / stats.by_subtype.len() as f64;
    let bar_h = (slot * 0.6).min(36.0);
    for (i, s) in stats.by_subtype.iter().enumerate() {
        let cy = top + slot * (i as f64 + 0.5);
        let label = s.label.as_deref().unwrap_or("（未填）");
        svg.text(left - 10.0, cy + 5.0, "end", 14, &clip(label, 14));
        let x = x_of(s.count);
        svg.rect(left, cy - bar_h / 2.0, x - left, bar_h, BAR);
        svg.text(x + 6.0, cy + 5.0, "start", 12, &s.count.to_string());
    }
    svg.line(left, top, left, bottom, INK);
    svg.line(left, bottom, right, bottom, INK);
    svg.finish()
}
