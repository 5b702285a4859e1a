//! Reading dates as people type them in school documents (RULES §3).

use super::style::DateStyle;
use super::{ROC_OFFSET, clip, invalid, out_of_range, taipei, to_taipei, ymd};
use crate::error::{PolicyError, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};
use regex::Regex;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Longest text (after trimming) that can be a date with a time; anything longer
/// is rejected at once, so no input makes parsing slow.
const MAX_LEN: usize = 48;

/// A date read from text, with the style it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParsedDate {
    /// The calendar date.
    pub date: NaiveDate,
    /// The time of day, when the text had one.
    pub time: Option<NaiveTime>,
    /// How it was written.
    pub style: DateStyle,
}

impl ParsedDate {
    /// The ROC year (民國年) of the date.
    pub fn roc_year(&self) -> i32 {
        self.date.year() - ROC_OFFSET
    }

    /// The moment it names in Asia/Taipei (midnight when no time was given).
    pub fn to_datetime(&self) -> DateTime<FixedOffset> {
        to_taipei(self.date.and_time(self.time.unwrap_or(NaiveTime::MIN)))
    }
}

impl Serialize for ParsedDate {
    /// `{date, time, style, roc_year, datetime}`; `time` is `HH:MM` or `HH:MM:SS`.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("date", &self.date)?;
        m.serialize_entry("time", &self.time.map(time_text))?;
        m.serialize_entry("style", &self.style)?;
        m.serialize_entry("roc_year", &self.roc_year())?;
        m.serialize_entry("datetime", &self.to_datetime().to_rfc3339())?;
        m.end()
    }
}

fn time_text(t: NaiveTime) -> String {
    use chrono::Timelike;
    if t.second() == 0 {
        format!("{:02}:{:02}", t.hour(), t.minute())
    } else {
        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    }
}

/// Date part: Chinese (`民國110年12月7日（星期二）`), separated (`110/12/07`,
/// `2021-02-08`) or compact (`1101207`, `20211207`); then an optional time.
/// Digits are ASCII `[0-9]` (full-width ones are folded before): `\d` would also
/// match other scripts' digits, whose bytes the compact split cannot slice.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:
            (?P<era>民國)?\s*(?P<cy>[0-9]{1,4})\s*年\s*(?P<cm>[0-9]{1,2})\s*月\s*(?P<cd>[0-9]{1,2})\s*日
                (?:\s*\(\s*(?:星期|週|周|禮拜)?(?P<wd>[一二三四五六日天])\s*\))?
          | (?P<sy>[0-9]{1,4})\s*(?P<sep>[/.\-])\s*(?P<sm>[0-9]{1,2})\s*[/.\-]\s*(?P<sd>[0-9]{1,2})
          | (?P<compact>[0-9]{7,8})
        )
        (?:
            (?:\s*(?P<ampm>上午|下午)\s*|\s+|T)
            (?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?
        )?
        $",
    )
    .expect("date pattern compiles")
});

fn normalized(text: &str) -> String {
    text.trim().nfkc().collect::<String>()
}

/// Reads a date, with an optional time, in any style of the department's documents.
///
/// Full-width input (`１１０／１２／０７`) works. Four-digit years are Gregorian,
/// one to three digits ROC; seven digits alone are a compact ROC date, eight a
/// compact Gregorian one. A weekday in brackets (`（星期二）`) is checked.
///
/// ```
/// use ntpc_policy::calendar::{parse, DateStyle};
/// let d = parse("110年12月7日（星期二）").unwrap();
/// assert_eq!((d.date.to_string(), d.style), ("2021-12-07".to_string(), DateStyle::RocChinese));
/// let t = parse("2021/02/08 17:50").unwrap();
/// assert_eq!(t.time.unwrap().to_string(), "17:50:00");
/// assert_eq!(parse("110/02/30").unwrap_err().code().as_str(), "calendar.invalid_date");
/// ```
pub fn parse(text: &str) -> Result<ParsedDate> {
    let unrecognized = || PolicyError::UnrecognizedDate { input: clip(text) };
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > MAX_LEN {
        return Err(unrecognized());
    }
    let s = normalized(trimmed);
    // 民國前N年 (before 1912) is a date people do write, in old records: say it is
    // out of range rather than unrecognised.
    if s.starts_with("民國前") || s.starts_with("民前") {
        return Err(PolicyError::DateOutOfRange {
            input: clip(text),
            reason: "before ROC year 1 (1912)".into(),
        });
    }
    let caps = DATE_RE.captures(&s).ok_or_else(unrecognized)?;
    let num = |name: &str| -> Option<&str> { caps.name(name).map(|m| m.as_str()) };
    let int = |v: &str| -> Result<u32> { v.parse::<u32>().map_err(|_| unrecognized()) };

    let (year_text, m, d, style) = if let Some(y) = num("cy") {
        let gregorian = y.len() == 4;
        let style = match (gregorian, num("era").is_some()) {
            (true, true) => return Err(unrecognized()),
            (true, false) => DateStyle::GregorianChinese,
            (false, true) => DateStyle::RocChineseEra,
            (false, false) => DateStyle::RocChinese,
        };
        (
            y,
            int(num("cm").unwrap_or("0"))?,
            int(num("cd").unwrap_or("0"))?,
            style,
        )
    } else if let Some(y) = num("sy") {
        let gregorian = y.len() == 4;
        let style = match (num("sep"), gregorian) {
            (Some("/"), false) => DateStyle::RocSlash,
            (Some("."), false) => DateStyle::RocDot,
            (Some(_), false) => DateStyle::RocDash,
            (Some("/"), true) => DateStyle::GregorianSlash,
            (Some("."), true) => DateStyle::GregorianDot,
            (_, _) => DateStyle::Iso,
        };
        // Both separators must agree (`110/12.07` is a typo, not a date).
        let sep = num("sep").unwrap_or("/");
        if s.matches(sep).count() < 2 {
            return Err(unrecognized());
        }
        (
            y,
            int(num("sm").unwrap_or("0"))?,
            int(num("sd").unwrap_or("0"))?,
            style,
        )
    } else {
        let c = num("compact").ok_or_else(unrecognized)?;
        let (y, rest, style) = if c.len() == 7 {
            (&c[..3], &c[3..], DateStyle::RocCompact)
        } else {
            (&c[..4], &c[4..], DateStyle::GregorianCompact)
        };
        (y, int(&rest[..2])?, int(&rest[2..])?, style)
    };

    let y = year_text.parse::<i32>().map_err(|_| unrecognized())?;
    let gy = if style.is_roc() {
        if y < 1 {
            return Err(out_of_range(
                text,
                "the ROC calendar starts with year 1 (1912)",
            ));
        }
        y + ROC_OFFSET
    } else {
        y
    };
    let date = ymd(gy, m, d, text)?;

    if let Some(wd) = num("wd") {
        let expected = match wd {
            "一" => Weekday::Mon,
            "二" => Weekday::Tue,
            "三" => Weekday::Wed,
            "四" => Weekday::Thu,
            "五" => Weekday::Fri,
            "六" => Weekday::Sat,
            _ => Weekday::Sun,
        };
        if date.weekday() != expected {
            return Err(invalid(text, format!("{date} is not 星期{wd}")));
        }
    }

    let time = match num("h") {
        None => None,
        Some(h) => {
            let mut h = int(h)?;
            let mi = int(num("mi").unwrap_or("0"))?;
            let sec = num("s").map(int).transpose()?.unwrap_or(0);
            match num("ampm") {
                Some(_) if !(1..=12).contains(&h) => {
                    return Err(invalid(text, format!("hour {h} with 上午/下午")));
                }
                Some("下午") if h < 12 => h += 12,
                Some("上午") if h == 12 => h = 0,
                _ => {}
            }
            Some(
                NaiveTime::from_hms_opt(h, mi, sec)
                    .ok_or_else(|| invalid(text, format!("no such time {h:02}:{mi:02}")))?,
            )
        }
    };
    Ok(ParsedDate { date, time, style })
}

/// Reads a date without caring how it was written.
///
/// ```
/// assert_eq!(ntpc_policy::calendar::parse_date("1101207").unwrap().to_string(), "2021-12-07");
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    parse(text).map(|p| p.date)
}

/// Reads an instant: any style of [`parse`] (a naive time means Asia/Taipei), or
/// RFC 3339 with an offset or `Z`. The result is expressed in +08:00.
///
/// ```
/// use ntpc_policy::calendar::parse_datetime;
/// assert_eq!(parse_datetime("110/02/09 10:41").unwrap().to_rfc3339(), "2021-02-09T10:41:00+08:00");
/// assert_eq!(parse_datetime("2021-02-09T02:41:00Z").unwrap().to_rfc3339(), "2021-02-09T10:41:00+08:00");
/// ```
pub fn parse_datetime(text: &str) -> Result<DateTime<FixedOffset>> {
    let trimmed = text.trim();
    if trimmed.len() <= 64
        && let Ok(t) = DateTime::parse_from_rfc3339(trimmed)
    {
        super::check_range(t.with_timezone(&taipei()).date_naive(), text)?;
        return Ok(t.with_timezone(&taipei()));
    }
    parse(text).map(|p| p.to_datetime())
}
