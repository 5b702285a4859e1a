//! Reading dates as people type them in school documents (RULES §3).
//!
//! A hand-written scanner (issue 20: the regex it replaces read 0.4 M dates/s;
//! the nightly sweeps parse millions). The regex version is kept as a test-only
//! oracle (`core/tests/calendar_oracle/regex_parse.rs`): the property tests and
//! the `calendar_parse` fuzz target check that both read every input alike.
//!
//! # Grammar
//!
//! After trimming, and after NFKC (full-width `１１０／１２／０７` and `（二）`
//! typed in an IME's full-width mode read as ASCII), with `␣*` any whitespace:
//!
//! ```text
//! text     = date weekday? time?
//! date     = ("民國" ␣*)? Y{1,4} ␣* "年" ␣* M{1,2} ␣* "月" ␣* D{1,2} ␣* "日"
//!          | Y{1,4} ␣* SEP ␣* M{1,2} ␣* SEP ␣* D{1,2}      (SEP: the same / . or -)
//!          | D{7} | D{8}                                   (compact ROC / Gregorian)
//! weekday  = ␣* "(" ␣* PREFIX? W ␣* ")" | ␣* PREFIX W      (PREFIX: 星期 週 周 禮拜;
//!                                                           W: 一 二 三 四 五 六 日 天)
//! time     = prefix (H{1,2} ":" MM (":" SS)?               (clock style)
//!                   | H{1,2} ␣* "時" (␣* M{1,2} ␣* "分" (␣* S{1,2} ␣* "秒")?)?)  (written style)
//! prefix   = ␣* MERIDIEM ␣* | ␣+ | "T" (clock style only)
//!          | nothing, when the date or weekday ends in a non-digit (`7日上午10時`, `日10:41`)
//! MERIDIEM = 上午 | 下午 | 中午
//! ```
//!
//! # The two readings of 上午12 (RULES §3; issue 16 item 9)
//!
//! - **Clock style** (`上午 12:05:00`, as Windows and Excel write it): a 12-hour
//!   clock; 上午 12 is the midnight hour (00:05), 下午 12 the noon hour, 下午 1–11
//!   add twelve hours. Hours with 上午/下午 are 1–12.
//! - **Written style** (`上午10時`, `上午12時16分`, as the minutes write it): 上午12時 is
//!   the *noon* hour, counted up to noon (the meeting of seed 001 began 上午10時 and
//!   closed 上午12時16分 = 12:16). Hours with 上午 are 0–12 (0 is midnight), with
//!   下午 1–12 (12 stays the noon hour, 1–11 add twelve).
//! - 中午 takes hour 12 only, in both styles. Without a meridiem, hours are 0–23.
//!
//! # Weekdays
//!
//! A weekday may follow any date style: `（星期二）`, `(二)`, `(週二)`, `星期二`,
//! `週二`, `禮拜二`, `禮拜天`. Decided: one that contradicts the date is an error,
//! `calendar.weekday_mismatch` (a typo in either is likely, and a silent pass could
//! date a document wrongly).

use super::scan::{
    MAX_LEN, Meridiem, Raw, RawKind, RawTime, Scan, Unit, scan, scan_time, with_folded,
};
use super::style::DateStyle;
use super::{ROC_OFFSET, clip, invalid, out_of_range, taipei, to_taipei, ymd};
use crate::error::{PolicyError, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

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

/// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
pub fn time_text(t: NaiveTime) -> String {
    use chrono::Timelike;
    if t.second() == 0 {
        format!("{:02}:{:02}", t.hour(), t.minute())
    } else {
        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    }
}

/// Reads a date, with an optional weekday and time, in any style of the
/// department's documents (see the module docs for the grammar).
///
/// Full-width input (`１１０／１２／０７`) works. Four-digit years are Gregorian,
/// one to three digits ROC; seven digits alone are a compact ROC date, eight a
/// compact Gregorian one. A weekday (`（星期二）`, `(二)`, `週二`) is checked.
///
/// ```
/// use ntpc_policy::calendar::{parse, DateStyle};
/// let d = parse("110年12月7日（星期二）上午10時").unwrap();
/// assert_eq!((d.date.to_string(), d.style), ("2021-12-07".to_string(), DateStyle::RocChinese));
/// assert_eq!(d.time.unwrap().to_string(), "10:00:00");
/// // The minutes' written style: 上午12時16分 is 12:16; Excel's 上午 12:05:00 is 00:05.
/// assert_eq!(parse("110年12月7日上午12時16分").unwrap().time.unwrap().to_string(), "12:16:00");
/// assert_eq!(parse("2021/12/7 上午 12:05:00").unwrap().time.unwrap().to_string(), "00:05:00");
/// assert_eq!(parse("110/02/30").unwrap_err().code().as_str(), "calendar.invalid_date");
/// assert_eq!(parse("110年12月7日（星期三）").unwrap_err().code().as_str(), "calendar.weekday_mismatch");
/// ```
pub fn parse(text: &str) -> Result<ParsedDate> {
    // An ASCII text is scanned in place, byte by byte (ASCII folds to itself):
    // no fold buffer to fill (issue 20).
    let trimmed = trim(text);
    if trimmed.is_ascii() && !trimmed.is_empty() && trimmed.len() <= MAX_LEN {
        return read(text, trimmed.as_bytes());
    }
    with_folded(text, |chars| read(text, chars))
}

/// `text.trim()`, skipped when the text starts and ends with a visible ASCII
/// character (as dates do), which no whitespace can be.
#[inline]
fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic) && b.last().is_some_and(u8::is_ascii_graphic) {
        text
    } else {
        text.trim()
    }
}

/// [`parse`] over the folded characters (or the bytes of an ASCII text).
fn read<T: Unit>(text: &str, chars: &[T]) -> Result<ParsedDate> {
    let unrecognized = || PolicyError::UnrecognizedDate { input: clip(text) };
    // 民國前N年 (before 1912) is a date people do write, in old records: say it is
    // out of range rather than unrecognised.
    let lead = Scan { s: chars, i: 0 };
    if lead.at(0) == Some('民')
        && (lead.at(1) == Some('前') || (lead.at(1) == Some('國') && lead.at(2) == Some('前')))
    {
        return Err(out_of_range(
            text,
            "before ROC year 1 (1912)",
            "早於民國 1 年（1912 年）",
        ));
    }
    let Raw {
        kind,
        y,
        digits,
        m,
        d,
        weekday,
        time,
    } = scan(chars).ok_or_else(unrecognized)?;
    let gregorian = digits == 4 || digits == 8;
    let (y, m, d, style) = match kind {
        RawKind::Chinese { era } => {
            let style = match (gregorian, era) {
                (true, true) => return Err(unrecognized()),
                (true, false) => DateStyle::GregorianChinese,
                (false, true) => DateStyle::RocChineseEra,
                (false, false) => DateStyle::RocChinese,
            };
            (y, m, d, style)
        }
        RawKind::Separated { sep } => {
            let style = match (sep, gregorian) {
                ('/', false) => DateStyle::RocSlash,
                ('.', false) => DateStyle::RocDot,
                (_, false) => DateStyle::RocDash,
                ('/', true) => DateStyle::GregorianSlash,
                ('.', true) => DateStyle::GregorianDot,
                (_, true) => DateStyle::Iso,
            };
            (y, m, d, style)
        }
        RawKind::Compact => {
            let style = if gregorian {
                DateStyle::GregorianCompact
            } else {
                DateStyle::RocCompact
            };
            (y / 10_000, y / 100 % 100, y % 100, style)
        }
    };
    let y = y as i32; // at most four digits
    let gy = if style.is_roc() {
        if y < 1 {
            return Err(out_of_range(
                text,
                "the ROC calendar starts with year 1 (1912)",
                "民國紀年自民國 1 年（1912 年）起",
            ));
        }
        y + ROC_OFFSET
    } else {
        y
    };
    let date = ymd(gy, m, d, text)?;
    if let Some(w) = weekday {
        check_weekday(text, date, w)?;
    }
    let time = time.map(|t| read_time(text, t)).transpose()?;
    Ok(ParsedDate { date, time, style })
}

fn weekday_of(c: char) -> Weekday {
    match c {
        '一' => Weekday::Mon,
        '二' => Weekday::Tue,
        '三' => Weekday::Wed,
        '四' => Weekday::Thu,
        '五' => Weekday::Fri,
        '六' => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// `二` for Tuesday.
pub(crate) fn weekday_zh(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "一",
        Weekday::Tue => "二",
        Weekday::Wed => "三",
        Weekday::Thu => "四",
        Weekday::Fri => "五",
        Weekday::Sat => "六",
        Weekday::Sun => "日",
    }
}

fn check_weekday(text: &str, date: NaiveDate, written: char) -> Result<()> {
    if date.weekday() == weekday_of(written) {
        return Ok(());
    }
    Err(PolicyError::WeekdayMismatch {
        input: clip(text),
        date: date.to_string(),
        written: weekday_zh(weekday_of(written)).to_owned(),
        actual: weekday_zh(date.weekday()).to_owned(),
    })
}

/// The time of day a written time names (module docs: the two readings of 上午12).
fn read_time(text: &str, t: RawTime) -> Result<NaiveTime> {
    let h = match (t.meridiem, t.written) {
        (None, _) => Some(t.h),
        (Some(Meridiem::Noon), _) => (t.h == 12).then_some(12),
        // Clock style: a 12-hour clock, 上午 12 is the midnight hour.
        (Some(Meridiem::Am), false) => (1..=12).contains(&t.h).then_some(t.h % 12),
        (Some(Meridiem::Pm), false) => (1..=12).contains(&t.h).then_some(t.h % 12 + 12),
        // Written style: 上午 counts up to noon (上午12時 is the noon hour).
        (Some(Meridiem::Am), true) => (t.h <= 12).then_some(t.h),
        (Some(Meridiem::Pm), true) => (1..=12).contains(&t.h).then_some(t.h % 12 + 12),
    };
    let Some(h) = h else {
        let mer = t.meridiem.map_or("", Meridiem::zh);
        return Err(invalid(
            text,
            format!("hour {} cannot follow {mer}", t.h),
            format!("{mer}不可接 {} 時", t.h),
        ));
    };
    NaiveTime::from_hms_opt(h, t.m, t.s).ok_or_else(|| {
        invalid(
            text,
            format!("no such time {h:02}:{:02}:{:02}", t.m, t.s),
            format!("沒有 {h:02}:{:02}:{:02} 這個時間", t.m, t.s),
        )
    })
}

/// Reads a time of day alone, in either style: `上午12時16分` (12:16, the
/// minutes' written style), `上午 12:05:00` (00:05, the Windows/Excel clock
/// style), `10:41`, `14時30分`. See the module docs for both readings of 上午12.
///
/// ```
/// use ntpc_policy::calendar::parse_time;
/// assert_eq!(parse_time("上午12時16分").unwrap().to_string(), "12:16:00");
/// assert_eq!(parse_time("上午 12:05:00").unwrap().to_string(), "00:05:00");
/// assert_eq!(parse_time("下午2時").unwrap().to_string(), "14:00:00");
/// assert_eq!(parse_time("25:00").unwrap_err().code().as_str(), "calendar.invalid_date");
/// ```
pub fn parse_time(text: &str) -> Result<NaiveTime> {
    with_folded(text, |chars| {
        let mut sc = Scan { s: chars, i: 0 };
        let meridiem = sc.meridiem();
        if meridiem.is_some() {
            sc.ws();
        }
        let raw = scan_time(&mut sc, meridiem, false)
            .filter(|_| sc.at_end())
            .ok_or_else(|| PolicyError::UnrecognizedDate { input: clip(text) })?;
        read_time(text, raw)
    })
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
    // RFC 3339 needs an offset: skip chrono's parser unless the text could hold one.
    if trimmed.len() <= 64
        && trimmed.len() >= 20
        && trimmed
            .as_bytes()
            .get(10)
            .is_some_and(|b| matches!(b, b'T' | b't' | b' '))
        && let Ok(t) = DateTime::parse_from_rfc3339(trimmed)
    {
        super::check_range(t.with_timezone(&taipei()).date_naive(), text)?;
        return Ok(t.with_timezone(&taipei()));
    }
    parse(text).map(|p| p.to_datetime())
}
