//! The regex reading of the date grammar: a test-only oracle for the core's
//! hand-written scanner (issue 20). It shares no code with `calendar::parse`: it
//! normalises with NFKC, matches whole-text regexes and applies the rules of
//! RULES §3 as written (see `core/src/calendar/parse.rs` for the grammar and the
//! two readings of 上午12). Included with `#[path]` by `core/tests/calendar_props.rs`
//! and by the `calendar_parse` fuzz target.
//!
//! Results are compared by value: `Ok((date, time, style name))` or `Err(code)`.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use regex::{Captures, Regex};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// What the oracle reads: the date, the time, the style's stable name.
pub type Reading = Result<(NaiveDate, Option<NaiveTime>, &'static str), &'static str>;

const CN: &str =
    r"(?P<era>民國)?\s*(?P<cy>[0-9]{1,4})\s*年\s*(?P<cm>[0-9]{1,2})\s*月\s*(?P<cd>[0-9]{1,2})\s*日";
const SEP: &str = r"(?P<sy>[0-9]{1,4})\s*(?P<sep>[/.\-])\s*(?P<sm>[0-9]{1,2})\s*(?P<sep2>[/.\-])\s*(?P<sd>[0-9]{1,2})";
const CMP: &str = r"(?P<compact>[0-9]{7,8})";
const WD: &str = r"\s*(?:\(\s*(?:星期|週|周|禮拜)?(?P<wd>[一二三四五六日天])\s*\)|(?:星期|週|周|禮拜)(?P<wd2>[一二三四五六日天]))";
const TIME: &str = r"(?:(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?|(?P<wh>[0-9]{1,2})\s*時(?:\s*(?P<wm>[0-9]{1,2})\s*分(?:\s*(?P<ws>[0-9]{1,2})\s*秒)?)?)";

/// The whole grammar. Two rules are checked on the match: a time may follow
/// the date with no space only after a non-digit (a Chinese date or a weekday),
/// and `T` takes only a clock time.
static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{CN}|{SEP}|{CMP})(?:{WD})?(?:(?P<pre>\s*(?P<ampm>上午|下午|中午)\s*|\s*|T){TIME})?$"
    ))
    .expect("oracle pattern")
});

static RE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:(?P<ampm>上午|下午|中午)\s*)?{TIME}$")).expect("oracle time pattern")
});

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).map(|m| m.as_str().parse().unwrap_or(u32::MAX))
}

fn prepare(text: &str) -> Result<String, &'static str> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 48 {
        return Err("calendar.unrecognized_format");
    }
    Ok(trimmed.nfkc().collect())
}

/// The hour of the day, or `None` when the meridiem does not take it (RULES §3).
fn hour(ampm: Option<&str>, h: u32, written: bool) -> Option<u32> {
    match ampm {
        None => Some(h),
        Some("中午") => (h == 12).then_some(12),
        // Clock style (Windows, Excel): a 12-hour clock, 上午12 = 00.
        Some("上午") if !written => (1..=12).contains(&h).then_some(if h == 12 { 0 } else { h }),
        // Written style (the minutes): 上午 counts to noon, 上午12時 = 12.
        Some("上午") => (h <= 12).then_some(h),
        _ => (1..=12)
            .contains(&h)
            .then(|| if h == 12 { 12 } else { h + 12 }),
    }
}

fn time_of(c: &Captures<'_>) -> Result<Option<NaiveTime>, &'static str> {
    let ampm = c.name("ampm").map(|m| m.as_str());
    let (h, m, s, written) = if let Some(h) = num(c, "h") {
        (
            h,
            num(c, "mi").unwrap_or(0),
            num(c, "s").unwrap_or(0),
            false,
        )
    } else if let Some(h) = num(c, "wh") {
        (
            h,
            num(c, "wm").unwrap_or(0),
            num(c, "ws").unwrap_or(0),
            true,
        )
    } else {
        return Ok(None);
    };
    let h = hour(ampm, h, written).ok_or("calendar.invalid_date")?;
    NaiveTime::from_hms_opt(h, m, s)
        .map(Some)
        .ok_or("calendar.invalid_date")
}

/// Reads a date (with weekday and time) as `calendar::parse` must.
pub fn parse(text: &str) -> Reading {
    let s = prepare(text)?;
    if s.starts_with("民國前") || s.starts_with("民前") {
        return Err("calendar.out_of_range");
    }
    let c = RE.captures(&s).ok_or("calendar.unrecognized_format")?;
    let pre = c.name("pre").map(|p| p.as_str());
    let ends_non_digit =
        c.name("cy").is_some() || c.name("wd").is_some() || c.name("wd2").is_some();
    if (pre == Some("") && !ends_non_digit) || (pre == Some("T") && c.name("wh").is_some()) {
        return Err("calendar.unrecognized_format");
    }
    let (year_text, m, d, style) = if let Some(y) = c.name("cy") {
        let four = y.as_str().len() == 4;
        let style = match (four, c.name("era").is_some()) {
            (true, true) => return Err("calendar.unrecognized_format"),
            (true, false) => "gregorian_chinese",
            (false, true) => "roc_chinese_era",
            (false, false) => "roc_chinese",
        };
        (y.as_str().to_owned(), num(&c, "cm"), num(&c, "cd"), style)
    } else if let Some(y) = c.name("sy") {
        let sep = &c["sep"];
        if sep != &c["sep2"] {
            return Err("calendar.unrecognized_format");
        }
        let four = y.as_str().len() == 4;
        let style = match (sep, four) {
            ("/", false) => "roc_slash",
            (".", false) => "roc_dot",
            (_, false) => "roc_dash",
            ("/", true) => "gregorian_slash",
            (".", true) => "gregorian_dot",
            (_, true) => "iso",
        };
        (y.as_str().to_owned(), num(&c, "sm"), num(&c, "sd"), style)
    } else {
        let all = &c["compact"];
        let (y, rest) = all.split_at(all.len() - 4);
        let style = if all.len() == 7 {
            "roc_compact"
        } else {
            "gregorian_compact"
        };
        (
            y.to_owned(),
            rest[..2].parse().ok(),
            rest[2..].parse().ok(),
            style,
        )
    };
    let y: i32 = year_text
        .parse()
        .map_err(|_| "calendar.unrecognized_format")?;
    let roc = style.starts_with("roc");
    if roc && y < 1 {
        return Err("calendar.out_of_range");
    }
    let gy = if roc { y + 1911 } else { y };
    if !(1912..=9999).contains(&gy) {
        return Err("calendar.out_of_range");
    }
    let date = NaiveDate::from_ymd_opt(gy, m.unwrap_or(0), d.unwrap_or(0))
        .ok_or("calendar.invalid_date")?;
    if let Some(w) = c.name("wd").or_else(|| c.name("wd2")) {
        let want = match w.as_str() {
            "一" => Weekday::Mon,
            "二" => Weekday::Tue,
            "三" => Weekday::Wed,
            "四" => Weekday::Thu,
            "五" => Weekday::Fri,
            "六" => Weekday::Sat,
            _ => Weekday::Sun,
        };
        if date.weekday() != want {
            return Err("calendar.weekday_mismatch");
        }
    }
    Ok((date, time_of(&c)?, style))
}

/// Reads a time of day alone as `calendar::parse_time` must.
pub fn parse_time(text: &str) -> Result<NaiveTime, &'static str> {
    let s = prepare(text)?;
    let c = RE_TIME.captures(&s).ok_or("calendar.unrecognized_format")?;
    time_of(&c)?.ok_or("calendar.unrecognized_format")
}
