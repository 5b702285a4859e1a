//! The hand-written date scanner behind [`parse`](super::parse) (issue 20): it
//! folds full-width and CJK characters the way NFKC would, then reads the
//! grammar of `parse.rs` in one pass, without allocating, into raw numbers
//! that `parse.rs` checks and turns into dates.

use super::clip;
use crate::error::{PolicyError, Result};
use unicode_normalization::UnicodeNormalization;

/// Longest text (after trimming) that can be a date with a time; anything longer
/// is rejected at once, so no input makes parsing slow.
pub(super) const MAX_LEN: usize = 48;

/// A character as NFKC writes it, for the characters a date can hold (ASCII,
/// full-width ASCII, the ideographic space and the CJK words of the grammar);
/// `None` for any other, which sends the text through real NFKC first.
#[inline]
pub(super) fn fold(c: char) -> Option<char> {
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
pub(super) fn fold_into(trimmed: &str, buf: &mut [char; MAX_LEN]) -> Option<usize> {
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
pub(super) fn with_folded<T>(text: &str, f: impl FnOnce(&[char]) -> Result<T>) -> Result<T> {
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
pub(super) trait Unit: Copy {
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
pub(super) struct Scan<'a, T: Unit> {
    pub(super) s: &'a [T],
    pub(super) i: usize,
}

impl<T: Unit> Scan<'_, T> {
    #[inline]
    pub(super) fn peek(&self) -> Option<char> {
        self.s.get(self.i).map(|c| c.ch())
    }

    /// The character `k` places ahead.
    #[inline]
    pub(super) fn at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).map(|c| c.ch())
    }

    #[inline]
    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Eats a word of two characters.
    #[inline]
    pub(super) fn eat2(&mut self, a: char, b: char) -> bool {
        if self.at(0) == Some(a) && self.at(1) == Some(b) {
            self.i += 2;
            true
        } else {
            false
        }
    }

    /// Skips whitespace; how much.
    #[inline]
    pub(super) fn ws(&mut self) -> usize {
        let start = self.i;
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
        self.i - start
    }

    /// A run of ASCII digits: its value (saturating) and length.
    #[inline]
    pub(super) fn digits(&mut self) -> (u32, usize) {
        let (mut v, start) = (0u32, self.i);
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            v = v.saturating_mul(10).saturating_add(c as u32 - '0' as u32);
            self.i += 1;
        }
        (v, self.i - start)
    }

    /// A run of digits whose length is in `lo..=hi`.
    #[inline]
    pub(super) fn number(&mut self, lo: usize, hi: usize) -> Option<u32> {
        let (v, n) = self.digits();
        (lo..=hi).contains(&n).then_some(v)
    }

    pub(super) fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }

    pub(super) fn meridiem(&mut self) -> Option<Meridiem> {
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
    pub(super) fn weekday_prefix(&mut self) -> bool {
        self.eat2('星', '期') || self.eat('週') || self.eat('周') || self.eat2('禮', '拜')
    }

    pub(super) fn weekday_char(&mut self) -> Option<char> {
        let c = self.peek().filter(|c| "一二三四五六日天".contains(*c))?;
        self.i += 1;
        Some(c)
    }
}

/// 上午, 下午 or 中午.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meridiem {
    Am,
    Pm,
    Noon,
}

impl Meridiem {
    pub(super) fn zh(self) -> &'static str {
        match self {
            Meridiem::Am => "上午",
            Meridiem::Pm => "下午",
            Meridiem::Noon => "中午",
        }
    }
}

/// A time as written, before its hour is read.
#[derive(Debug, Clone, Copy)]
pub(super) struct RawTime {
    pub(super) meridiem: Option<Meridiem>,
    pub(super) written: bool,
    pub(super) h: u32,
    pub(super) m: u32,
    pub(super) s: u32,
}

/// How the date part was written.
#[derive(Debug, Clone, Copy)]
pub(super) enum RawKind {
    Chinese { era: bool },
    Separated { sep: char },
    Compact,
}

/// Reads a time after its prefix (`10:41`, `10:41:30`, `10時`, `12時16分`).
/// `clock_only`: after `T`, only the clock style.
#[inline(always)]
pub(super) fn scan_time<T: Unit>(
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
pub(super) struct Raw {
    pub(super) kind: RawKind,
    /// The year's digits as a number (all seven or eight digits when compact).
    pub(super) y: u32,
    /// How many digits the year (or compact date) has.
    pub(super) digits: usize,
    pub(super) m: u32,
    pub(super) d: u32,
    pub(super) weekday: Option<char>,
    pub(super) time: Option<RawTime>,
}

/// A whole text, structure only: `None` when it is in no style of the grammar.
/// (Inlined: returning the structure through memory cost a quarter of the time.)
#[inline(always)]
pub(super) fn scan<T: Unit>(chars: &[T]) -> Option<Raw> {
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
