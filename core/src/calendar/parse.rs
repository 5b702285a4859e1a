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

use super::style::DateStyle;
use super::{ROC_OFFSET, clip, invalid, out_of_range, taipei, to_taipei, ymd};
use crate::error::{PolicyError, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
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

/// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
pub fn time_text(t: NaiveTime) -> String {
    use chrono::Timelike;
    if t.second() == 0 {
        format!("{:02}:{:02}", t.hour(), t.minute())
    } else {
        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    }
}

/// A character as NFKC writes it, for the characters a date can hold (ASCII,
/// full-width ASCII, the ideographic space and the CJK words of the grammar);
/// `None` for any other, which sends the text through real NFKC first.
#[inline]
fn fold(c: char) -> Option<char> {
    match c {
        '\0'..='\x7f' => Some(c),
        // Full-width forms of ASCII (NFKC maps U+FF01–FF5E to U+0021–007E).
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        '\u{3000}' => Some(' '),
        '年' | '月' | '日' | '民' | '國' | '前' | '上' | '下' | '中' | '午' | '時' | '分'
        | '秒' | '星' | '期' | '週' | '周' | '禮' | '拜' | '一' | '二' | '三' | '四' | '五'
        | '六' | '天' => Some(c),
        _ => None,
    }
}

/// Folds a trimmed text into `buf`: the number of characters, or `None` when a
/// character does not fold (the text then goes through NFKC) or the text is over
/// [`MAX_LEN`] characters (`Some(MAX_LEN + 1)`).
#[inline]
fn fold_into(trimmed: &str, buf: &mut [char; MAX_LEN]) -> Option<usize> {
    // ASCII folds to itself: the common case, without decoding.
    if trimmed.is_ascii() {
        let bytes = trimmed.as_bytes();
        if bytes.len() > MAX_LEN {
            return Some(MAX_LEN + 1);
        }
        for (slot, &b) in buf.iter_mut().zip(bytes) {
            *slot = char::from(b);
        }
        return Some(bytes.len());
    }
    let mut n = 0;
    for c in trimmed.chars() {
        if n == MAX_LEN {
            return Some(MAX_LEN + 1);
        }
        buf[n] = fold(c)?;
        n += 1;
    }
    Some(n)
}

/// Runs `f` over the folded characters of `text`, or says why it cannot be a date:
/// empty, or over [`MAX_LEN`] characters (so no input makes parsing slow).
#[inline]
fn with_folded<T>(text: &str, f: impl FnOnce(&[char]) -> Result<T>) -> Result<T> {
    let trimmed = text.trim();
    let unrecognized = || PolicyError::UnrecognizedDate { input: clip(text) };
    if trimmed.is_empty() {
        return Err(unrecognized());
    }
    let mut buf = ['\0'; MAX_LEN];
    match fold_into(trimmed, &mut buf) {
        Some(n) if n <= MAX_LEN => f(&buf[..n]),
        Some(_) => Err(unrecognized()),
        None => {
            if trimmed.chars().nth(MAX_LEN).is_some() {
                return Err(unrecognized());
            }
            let normalized: Vec<char> = trimmed.nfkc().collect();
            f(&normalized)
        }
    }
}

/// One unit of scanned text: a byte of an ASCII text (read in place, without
/// the fold buffer), or a folded character.
trait Unit: Copy {
    fn ch(self) -> char;
}

impl Unit for u8 {
    #[inline(always)]
    fn ch(self) -> char {
        char::from(self)
    }
}

impl Unit for char {
    #[inline(always)]
    fn ch(self) -> char {
        self
    }
}

/// A cursor over folded characters (or the bytes of an ASCII text).
struct Scan<'a, T: Unit> {
    s: &'a [T],
    i: usize,
}

impl<T: Unit> Scan<'_, T> {
    #[inline]
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).map(|c| c.ch())
    }

    /// The character `k` places ahead.
    #[inline]
    fn at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).map(|c| c.ch())
    }

    #[inline]
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Eats a word of two characters.
    #[inline]
    fn eat2(&mut self, a: char, b: char) -> bool {
        if self.at(0) == Some(a) && self.at(1) == Some(b) {
            self.i += 2;
            true
        } else {
            false
        }
    }

    /// Skips whitespace; how much.
    #[inline]
    fn ws(&mut self) -> usize {
        let start = self.i;
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
        self.i - start
    }

    /// A run of ASCII digits: its value (saturating) and length.
    #[inline]
    fn digits(&mut self) -> (u32, usize) {
        let (mut v, start) = (0u32, self.i);
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            v = v.saturating_mul(10).saturating_add(c as u32 - '0' as u32);
            self.i += 1;
        }
        (v, self.i - start)
    }

    /// A run of digits whose length is in `lo..=hi`.
    #[inline]
    fn number(&mut self, lo: usize, hi: usize) -> Option<u32> {
        let (v, n) = self.digits();
        (lo..=hi).contains(&n).then_some(v)
    }

    fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }

    fn meridiem(&mut self) -> Option<Meridiem> {
        if self.eat2('上', '午') {
            Some(Meridiem::Am)
        } else if self.eat2('下', '午') {
            Some(Meridiem::Pm)
        } else if self.eat2('中', '午') {
            Some(Meridiem::Noon)
        } else {
            None
        }
    }

    /// `星期`, `週`, `周` or `禮拜`.
    fn weekday_prefix(&mut self) -> bool {
        self.eat2('星', '期') || self.eat('週') || self.eat('周') || self.eat2('禮', '拜')
    }

    fn weekday_char(&mut self) -> Option<char> {
        let c = self.peek().filter(|c| "一二三四五六日天".contains(*c))?;
        self.i += 1;
        Some(c)
    }
}

/// 上午, 下午 or 中午.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
    Noon,
}

impl Meridiem {
    fn zh(self) -> &'static str {
        match self {
            Meridiem::Am => "上午",
            Meridiem::Pm => "下午",
            Meridiem::Noon => "中午",
        }
    }
}

/// A time as written, before its hour is read.
#[derive(Debug, Clone, Copy)]
struct RawTime {
    meridiem: Option<Meridiem>,
    written: bool,
    h: u32,
    m: u32,
    s: u32,
}

/// How the date part was written.
#[derive(Debug, Clone, Copy)]
enum RawKind {
    Chinese { era: bool },
    Separated { sep: char },
    Compact,
}

/// Reads a time after its prefix (`10:41`, `10:41:30`, `10時`, `12時16分`).
/// `clock_only`: after `T`, only the clock style.
#[inline(always)]
fn scan_time<T: Unit>(
    sc: &mut Scan<'_, T>,
    meridiem: Option<Meridiem>,
    clock_only: bool,
) -> Option<RawTime> {
    let h = sc.number(1, 2)?;
    if sc.eat(':') {
        let m = sc.number(2, 2)?;
        let s = if sc.eat(':') { sc.number(2, 2)? } else { 0 };
        return Some(RawTime {
            meridiem,
            written: false,
            h,
            m,
            s,
        });
    }
    if clock_only {
        return None;
    }
    sc.ws();
    if !sc.eat('時') {
        return None;
    }
    let (mut m, mut s) = (0, 0);
    let save = sc.i;
    sc.ws();
    if sc.peek().is_some_and(|c| c.is_ascii_digit()) {
        m = sc.number(1, 2)?;
        sc.ws();
        if !sc.eat('分') {
            return None;
        }
        let save = sc.i;
        sc.ws();
        if sc.peek().is_some_and(|c| c.is_ascii_digit()) {
            s = sc.number(1, 2)?;
            sc.ws();
            if !sc.eat('秒') {
                return None;
            }
        } else {
            sc.i = save;
        }
    } else {
        sc.i = save;
    }
    Some(RawTime {
        meridiem,
        written: true,
        h,
        m,
        s,
    })
}

/// A text as written, before any value is checked.
#[derive(Debug, Clone, Copy)]
struct Raw {
    kind: RawKind,
    /// The year's digits as a number (all seven or eight digits when compact).
    y: u32,
    /// How many digits the year (or compact date) has.
    digits: usize,
    m: u32,
    d: u32,
    weekday: Option<char>,
    time: Option<RawTime>,
}

/// A whole text, structure only: `None` when it is in no style of the grammar.
/// (Inlined: returning the structure through memory cost a quarter of the time.)
#[inline(always)]
fn scan<T: Unit>(chars: &[T]) -> Option<Raw> {
    let mut sc = Scan { s: chars, i: 0 };
    let era = sc.eat2('民', '國');
    let lead = sc.ws();
    let (y, digits) = sc.digits();
    let yl = digits;
    if yl == 0 {
        return None;
    }
    let save = sc.i;
    sc.ws();
    let (kind, m, d) = if sc.eat('年') {
        if yl > 4 {
            return None;
        }
        sc.ws();
        let m = sc.number(1, 2)?;
        sc.ws();
        if !sc.eat('月') {
            return None;
        }
        sc.ws();
        let d = sc.number(1, 2)?;
        sc.ws();
        if !sc.eat('日') {
            return None;
        }
        (RawKind::Chinese { era }, m, d)
    } else if era || lead > 0 {
        return None;
    } else if let Some(sep) = sc.peek().filter(|c| matches!(c, '/' | '.' | '-')) {
        if yl > 4 {
            return None;
        }
        sc.i += 1;
        sc.ws();
        let m = sc.number(1, 2)?;
        sc.ws();
        if !sc.eat(sep) {
            return None;
        }
        sc.ws();
        let d = sc.number(1, 2)?;
        (RawKind::Separated { sep }, m, d)
    } else {
        sc.i = save;
        if !(7..=8).contains(&yl) {
            return None;
        }
        (RawKind::Compact, 0, 0)
    };

    // Weekday.
    let save = sc.i;
    sc.ws();
    let weekday = if sc.eat('(') {
        sc.ws();
        sc.weekday_prefix();
        let w = sc.weekday_char()?;
        sc.ws();
        if !sc.eat(')') {
            return None;
        }
        Some(w)
    } else if sc.weekday_prefix() {
        Some(sc.weekday_char()?)
    } else {
        sc.i = save;
        None
    };

    // Time.
    let ends_non_digit = weekday.is_some() || matches!(kind, RawKind::Chinese { .. });
    let spaces = sc.ws();
    let meridiem = sc.meridiem();
    let mut clock_only = false;
    if meridiem.is_some() {
        sc.ws();
    } else if spaces == 0 {
        if sc.at_end() {
            return Some(Raw {
                kind,
                y,
                digits,
                m,
                d,
                weekday,
                time: None,
            });
        }
        if sc.eat('T') {
            clock_only = true;
        } else if !ends_non_digit {
            return None;
        }
    }
    let time = scan_time(&mut sc, meridiem, clock_only)?;
    sc.at_end().then_some(Raw {
        kind,
        y,
        digits,
        m,
        d,
        weekday,
        time: Some(time),
    })
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
