//! SVG charts of the statistics and the pick list, for the department's slides
//! (RULES §7 statistics "as the department shows them"; §8 pick list).
//!
//! The output is plain, deterministic SVG text: fixed `width`/`height` and
//! `viewBox`, no fonts embedded (`font-family="sans-serif"`; the viewer's CJK
//! font draws the Chinese), no scripts, no time stamps, colours and sizes as
//! constants, and every number written by one formatter (whole numbers, or one
//! decimal without a trailing `.0`) so the same data gives the same bytes on every
//! platform — a snapshot test pins them.
//!
//! Text is never cut (issue 17 §7: a school's name must show whether it is a
//! 國小 or a 國中): the layout measures every label with [`text_width`], a
//! deliberately generous estimate (a CJK or full-width character is one em,
//! any other character 0.6 em, wider than the sans-serif fonts draw them), and
//! widens a column or wraps a label onto more lines instead. `make chart-test`
//! renders every chart with a real renderer and a CJK font and checks, with
//! the font's own metrics, that no text leaves its box. Grid lines carry
//! `class="grid"` (text may sit on them); every other line is a border text
//! must not cross.
//!
//! ```
//! use ntpc_policy::{Policy, chart, incident::{self, Incident}};
//! let rows: Vec<Incident> = serde_json::from_value(serde_json::json!([
//!   {"id": "1", "unit": "A", "level": 1, "subtype": "對外攻擊", "reported_at": "2021/03/10 12:06"}
//! ])).unwrap();
//! let now = ntpc_policy::calendar::parse_datetime("2021-12-07T00:00:00+08:00").unwrap();
//! let svg = chart::monthly_svg(&incident::stats(&rows, now, &Policy::default()), None);
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"400\""));
//! assert!(svg.contains(">110/03<") && svg.contains(">110 年度各月份通報案件統計<"));
//! ```

mod bars;
mod table;

pub use bars::{monthly_svg, subtype_svg};
pub use table::criteria_table_svg;

use std::fmt::Write as _;

/// Font of every text element (never embedded).
const FONT: &str = "sans-serif";
/// Bar colour.
const BAR: &str = "#2f6db5";
/// Axis and text colour.
const INK: &str = "#222222";
/// Grid line colour.
const GRID: &str = "#d9d9d9";

/// A coordinate or size: whole numbers as such, else one decimal (`12.5`).
fn n(x: f64) -> String {
    let tenths = (x * 10.0).round();
    if !tenths.is_finite() {
        return "0".into();
    }
    // Chart coordinates are small: the cast is exact.
    let t = tenths as i64;
    if t % 10 == 0 {
        format!("{}", t / 10)
    } else {
        format!(
            "{}{}.{}",
            if t < 0 { "-" } else { "" },
            (t / 10).abs(),
            (t % 10).abs()
        )
    }
}

/// Text escaped for XML content and attributes, keeping only characters XML 1.0
/// allows (issue 14 §5: a label with U+FFFE made the SVG unreadable).
///
/// XML 1.0 §2.2 `Char` is tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
/// U+10000 and above; a reference (`&#xFFFE;`) to anything else is an error too,
/// so those characters are dropped, as are all other controls (C0, DEL, C1: a
/// label has no use for them, and some viewers stop at them). Labels are
/// one-line, so line ends go as well.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\t' => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a character is drawn one em wide: CJK ideographs, kana, hangul,
/// CJK punctuation and full-width forms (the East Asian "wide" ranges).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// The width a text takes at a font size, generously estimated (see the
/// module docs): one em per wide character, 0.6 em per other character.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { size } else { 0.6 * size })
        .sum()
}

/// A text broken into lines of at most `max` wide (by [`text_width`]), at
/// spaces when it can, else between any two characters; never cut short.
fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        let mut next = line.clone();
        next.push(c);
        if !line.is_empty() && text_width(&next, size) > max {
            // Break at the last space of the line when there is one.
            match line.rfind(' ').filter(|&i| i > 0) {
                Some(i) => {
                    let rest = line[i + 1..].to_owned();
                    line.truncate(i);
                    lines.push(std::mem::take(&mut line));
                    line = rest;
                }
                None => lines.push(std::mem::take(&mut line)),
            }
            if c != ' ' || !line.is_empty() {
                line.push(c);
            }
        } else {
            line = next;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The ROC years of the statistics as a title prefix: `110 年度`, `109–110 年度`,
/// or nothing when there are no incidents.
fn years_prefix(stats: &crate::incident::IncidentStats) -> String {
    let years: Vec<i32> = stats.by_year.iter().map(|y| y.roc_year).collect();
    match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => format!("{a} 年度"),
        (Some(a), Some(b)) => format!("{a}–{b} 年度"),
        _ => String::new(),
    }
}

/// The catch-all subtype the department lists last (`其他`).
fn is_other(label: Option<&str>) -> bool {
    matches!(
        label.map(str::trim),
        Some("其他" | "其它" | "other" | "Other" | "OTHER")
    )
}

/// An SVG document being written.
struct Svg {
    out: String,
}

impl Svg {
    fn new(width: u32, height: u32, title: &str) -> Svg {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\" font-size=\"14\">"
        );
        let _ = writeln!(out, "<title>{}</title>", esc(title));
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
        );
        Svg { out }
    }

    fn text(&mut self, x: f64, y: f64, anchor: &str, size: u32, body: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{INK}\">{}</text>",
            n(x),
            n(y),
            esc(body)
        );
    }

    /// Text turned a quarter left about its anchor point (an axis title).
    fn text_up(&mut self, x: f64, y: f64, size: u32, body: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-size=\"{size}\" fill=\"{INK}\" transform=\"rotate(-90 {x} {y})\">{}</text>",
            esc(body),
            x = n(x),
            y = n(y),
        );
    }

    /// A grid line: text may sit on it.
    fn grid(&mut self, x1: f64, y1: f64, x2: f64, y2: f64) {
        let _ = writeln!(
            self.out,
            "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{GRID}\" stroke-width=\"1\"/>",
            n(x1),
            n(y1),
            n(x2),
            n(y2)
        );
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            n(x),
            n(y),
            n(w),
            n(h)
        );
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"1\"/>",
            n(x1),
            n(y1),
            n(x2),
            n(y2)
        );
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// A round axis maximum and step for counts up to `max`: steps of 1, 2, 5 × 10ᵏ,
/// at most 5 steps.
fn axis(max: usize) -> (usize, usize) {
    let max = max.max(1);
    let mut unit = 1usize;
    loop {
        for m in [1usize, 2, 5] {
            let step = m.saturating_mul(unit);
            if max.div_ceil(step) <= 5 {
                return (max.div_ceil(step) * step, step);
            }
        }
        unit = unit.saturating_mul(10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_and_text_the_same_everywhere() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.25), "12.3");
        assert_eq!(n(-0.5), "-0.5");
        assert_eq!(n(f64::NAN), "0");
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(
            esc("a\u{FFFE}b\u{FFFF}\u{0}\u{1b}\u{85}\u{7f}c\u{10FFFF}"),
            "abc\u{10FFFF}"
        );
        assert_eq!(text_width("系統 ab", 10.0), 20.0 + 18.0);
        assert_eq!(
            wrap("阻斷服務攻擊(DoS/DDoS)", 14.0, 100.0).concat(),
            "阻斷服務攻擊(DoS/DDoS)"
        );
        assert_eq!(wrap("ab cd", 10.0, 20.0), ["ab", "cd"]);
        assert_eq!(wrap("", 10.0, 20.0), [""]);
        assert!(is_other(Some(" 其他 ")) && !is_other(None));
        assert_eq!(axis(0), (1, 1));
        assert_eq!(axis(3), (3, 1));
        assert_eq!(axis(6), (6, 2));
        assert_eq!(axis(421), (500, 100));
        assert_eq!(axis(11), (15, 5));
    }
}
