//! Bar charts of the incident statistics.

use super::{BAR, INK, Svg, axis, is_other, text_width, wrap, years_prefix};
use crate::incident::IncidentStats;

const W: f64 = 800.0;
const H: f64 = 400.0;

/// The title: the caller's, else the years and the chart's name
/// (`110 年度各月份通報案件統計`, issue 17 §7).
fn title_of(stats: &IncidentStats, title: Option<&str>, name: &str) -> String {
    match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_owned(),
        None => format!("{}{name}", years_prefix(stats)),
    }
}

/// The title (wrapped to the width when long) and the total; returns where the
/// plot may start.
fn heading(svg: &mut Svg, width: f64, title: &str, total: usize) -> f64 {
    let total = format!("共 {total} 件");
    let room = width - 2.0 * (text_width(&total, 14.0) + 30.0);
    let lines = wrap(title, 20.0, room.max(200.0));
    for (i, line) in lines.iter().enumerate() {
        svg.text(width / 2.0, 30.0 + 26.0 * i as f64, "middle", 20, line);
    }
    svg.text(width - 20.0, 30.0, "end", 14, &total);
    30.0 + 26.0 * (lines.len() as f64 - 1.0)
}

/// 各月份通報案件統計圖: one vertical bar per month (ROC `110/02` labels), from the
/// first to the last month of the statistics, 800 × 400 (taller for a long
/// title). The title carries the year (`110 年度各月份通報案件統計`) unless
/// `title` is given; the y-axis is titled 件數.
///
/// ```
/// use ntpc_policy::{chart, incident::IncidentStats};
/// # let stats: IncidentStats = ntpc_policy::incident::stats(&[], "2021-01-01T00:00:00+08:00".parse().unwrap(), &Default::default());
/// let svg = chart::monthly_svg(&stats, None);
/// assert!(svg.contains("無資料")); // no incidents
/// assert!(chart::monthly_svg(&stats, Some("本校通報")).contains(">本校通報<"));
/// ```
pub fn monthly_svg(stats: &IncidentStats, title: Option<&str>) -> String {
    let title = title_of(stats, title, "各月份通報案件統計");
    let extra = text_lines_extra(&title, W);
    let h = H + extra;
    let mut svg = Svg::new(W as u32, h as u32, &title);
    heading(&mut svg, W, &title, stats.total);
    let (left, right, top, bottom) = (70.0, W - 20.0, 60.0 + extra, h - 50.0);
    if stats.by_month.is_empty() {
        svg.text(W / 2.0, h / 2.0, "middle", 16, "無資料");
        return svg.finish();
    }
    let max = stats.by_month.iter().map(|m| m.count).max().unwrap_or(0);
    let (top_value, step) = axis(max);
    let plot_h = bottom - top;
    let y_of = |v: usize| bottom - plot_h * v as f64 / top_value as f64;
    let mut v = 0;
    while v <= top_value {
        let y = y_of(v);
        svg.grid(left, y, right, y);
        svg.text(left - 8.0, y + 5.0, "end", 12, &v.to_string());
        match v.checked_add(step) {
            Some(next) => v = next,
            None => break,
        }
    }
    svg.text_up(22.0, (top + bottom) / 2.0, 13, "件數");
    let slot = (right - left) / stats.by_month.len() as f64;
    let bar_w = (slot * 0.6).min(60.0);
    // Label every month while they fit, else every k-th.
    let label_w = text_width("110/02", 12.0) + 8.0;
    let every = (label_w / slot).ceil().max(1.0) as usize;
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
    svg.text(W / 2.0, h - 10.0, "middle", 12, "月份（民國年/月）");
    svg.finish()
}

/// How much taller a long title makes a chart `width` wide (its extra lines).
fn text_lines_extra(title: &str, width: f64) -> f64 {
    let room = width - 2.0 * (text_width("共 999999 件", 14.0) + 30.0);
    26.0 * (wrap(title, 20.0, room.max(200.0)).len() as f64 - 1.0)
}

/// 攻擊分類案件統計圖: one horizontal bar per subtype, most first and 其他 last,
/// 800 wide. Labels are never cut: the label column is as wide as the longest
/// label up to 300, a longer label is wrapped onto more lines, and the chart
/// grows taller with the rows. The title carries the year unless `title` is
/// given; the x-axis is titled 件數.
///
/// ```
/// use ntpc_policy::{chart, incident::IncidentStats};
/// # let stats: IncidentStats = ntpc_policy::incident::stats(&[], "2021-01-01T00:00:00+08:00".parse().unwrap(), &Default::default());
/// assert!(chart::subtype_svg(&stats, None).ends_with("</svg>\n"));
/// ```
pub fn subtype_svg(stats: &IncidentStats, title: Option<&str>) -> String {
    const LABEL: f64 = 14.0;
    const LINE: f64 = 18.0;
    const MAX_LABEL: f64 = 300.0;
    let title = title_of(stats, title, "攻擊分類案件統計");
    let mut rows: Vec<_> = stats.by_subtype.iter().collect();
    // Most first as counted, the catch-all last (a stable sort keeps the rest).
    rows.sort_by_key(|s| is_other(s.label.as_deref()));
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|s| wrap(s.label.as_deref().unwrap_or("（未填）"), LABEL, MAX_LABEL))
        .collect();
    let label_w = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, LABEL))
        .fold(0.0, f64::max);
    let left = (label_w + 30.0).max(120.0);
    let slots: Vec<f64> = labels
        .iter()
        .map(|l| (LINE * l.len() as f64 + 14.0).max(30.0))
        .collect();
    let needed: f64 = slots.iter().sum();
    let extra = text_lines_extra(&title, W);
    let top = 60.0 + extra;
    // At least 290 px of plot (800 × 400 in all); rows share what is left over.
    let plot_h = needed.max(H - 110.0);
    let spare = (plot_h - needed) / slots.len().max(1) as f64;
    let h = top + plot_h + 50.0;
    let mut svg = Svg::new(W as u32, h as u32, &title);
    heading(&mut svg, W, &title, stats.total);
    let (right, bottom) = (W - 60.0, top + plot_h);
    if rows.is_empty() {
        svg.text(W / 2.0, h / 2.0, "middle", 16, "無資料");
        return svg.finish();
    }
    let max = rows.iter().map(|s| s.count).max().unwrap_or(0);
    let (top_value, step) = axis(max);
    let plot_w = right - left;
    let x_of = |v: usize| left + plot_w * v as f64 / top_value as f64;
    let mut v = 0;
    while v <= top_value {
        let x = x_of(v);
        svg.grid(x, top, x, bottom);
        svg.text(x, bottom + 18.0, "middle", 12, &v.to_string());
        match v.checked_add(step) {
            Some(next) => v = next,
            None => break,
        }
    }
    svg.text((left + right) / 2.0, bottom + 40.0, "middle", 13, "件數");
    let mut y0 = top;
    for ((s, lines), slot) in rows.iter().zip(&labels).zip(&slots) {
        let slot = slot + spare;
        let cy = y0 + slot / 2.0;
        let first = cy + 5.0 - LINE * (lines.len() as f64 - 1.0) / 2.0;
        for (k, line) in lines.iter().enumerate() {
            svg.text(left - 10.0, first + LINE * k as f64, "end", 14, line);
        }
        let bar_h = (slot * 0.6).min(36.0);
        let x = x_of(s.count);
        svg.rect(left, cy - bar_h / 2.0, x - left, bar_h, BAR);
        svg.text(x + 6.0, cy + 5.0, "start", 12, &s.count.to_string());
        y0 += slot;
    }
    svg.line(left, top, left, bottom, INK);
    svg.line(left, bottom, right, bottom, INK);
    svg.finish()
}
