//! How many guesses a password takes, as zxcvbn estimates it, in linear time
//! (issue 22 items 2, 3, 5, 6; the scoring rule is documented in
//! `docs/passwords.md`).
//!
//! The password is read once into normalised keys (lowercase ASCII, full-width
//! folded, other characters opaque). Then every detector reports the parts it
//! recognises as *matches* `[start, end)` with a cost in bits (log2 of the
//! guesses an attacker who knows that pattern needs), and a shortest path over
//! the positions picks the cheapest way to spell the whole password out of
//! matches and single characters ("brute force"). Its cost is the estimate; its
//! matches say why.
//!
//! Decorations need no stripping of their own: a trailing `1`, `123`, `!`, a year
//! or an ROC year are cheap parts of the path, so `Dragon@2021` costs about the
//! same as `dragon` plus a few bits.
//!
//! Linear time: each detector starts at most a bounded amount of work at each
//! position (trie walks stop after [`MAX_VISITS`] nodes, runs after
//! [`MAX_RUN`] characters, copies look back at most [`MAX_BLOCK`]), the path
//! relaxes each match once, and nothing allocates.

use super::classes::{DIGIT, SPECIAL, ascii_kind};
use super::context::ContextWords;
use super::dict::{self, Dict, WordKind};
use super::keyboard::{self, ALPHABETS, Board, is_shifted};
use super::zhuyin;
use chrono::NaiveDate;
use std::sync::LazyLock;

/// Longest password the detection reads; longer ones (only possible when a
/// policy raises `max_length`) are not weak by any practical measure.
pub(crate) const MAX_CHARS: usize = 256;
/// Most trie nodes one start may visit (l33t spellings branch).
const MAX_VISITS: usize = 96;
/// Longest walk, sequence or copy reported from one start; longer ones chain.
const MAX_RUN: usize = 32;
/// Longest block a copy may repeat.
const MAX_BLOCK: usize = 16;

/// Bits of one character typed at random, by class: `log2` of the class size
/// (26, 26 + 1 bit for the shift, 10, 33), common decoration symbols cheaper
/// (9 of them), anything else (CJK …) as a large alphabet.
const BF_LOWER: f32 = 4.70;
const BF_UPPER: f32 = 5.70;
const BF_DIGIT: f32 = 3.32;
const BF_SYMBOL: f32 = 5.04;
const BF_COMMON_SYMBOL: f32 = 3.17;
const BF_OTHER: f32 = 10.0;
/// Added to a random character whose class differs from the one before: a
/// random string changes class at most characters, a human one rarely (the
/// "mask" of a mask attack is itself a guess).
const BF_MASK: f32 = 2.0;
/// Longest decoration at either end, and its bits on top of its characters'
/// (which end, how long).
const MAX_DECORATION: usize = 6;
const DECORATION_BITS: f32 = 1.0;
/// Added per match: the attacker must also guess which pattern comes next.
const SEG_BITS: f32 = 1.0;
/// A copy of an earlier block: `log2(block) + log2(length) + REPEAT_BITS`.
const REPEAT_BITS: f32 = 1.0;
/// One edit away from a list word: `log2(length) + FUZZY_BITS` more.
const FUZZY_BITS: f32 = 2.0;
/// A word-like string: its letter-model bits plus this (which model).
const WORD_LIKE_BITS: f32 = 1.0;
/// Longest word-like string, and how far above random letters its bits may go
/// before the run is given up.
const MAX_WORD_LIKE: usize = 24;
const WORD_LIKE_SLACK: f32 = 6.0;
/// A Zhuyin span that is no listed phrase: `ZHUYIN_BASE + ZHUYIN_PER · syllables`.
const ZHUYIN_BASE: f32 = 8.0;
const ZHUYIN_PER: f32 = 4.0;
/// A full date (`log2(366 · 60)`: sixty likely birth years), a month and day
/// (`log2(366)`), a year outside the context years (`log2(200)`, 1900–2099).
const DATE_FULL_BITS: f32 = 14.42;
const DATE_MMDD_BITS: f32 = 8.52;
const YEAR_BITS: f32 = 7.64;

/// `log2(n)` for `n` in `0..=256` (`log2(0)` taken as 0), computed at compile
/// time: lengths and counts are small integers and `log2` is hot.
static LOG2: [f32; MAX_CHARS + 1] = {
    let mut t = [0.0f32; MAX_CHARS + 1];
    let mut n = 2;
    while n <= MAX_CHARS {
        // ln(n) = 2·atanh((n − 1)/(n + 1)), a series that converges for n > 0.
        let y = (n as f64 - 1.0) / (n as f64 + 1.0);
        let (mut term, mut sum, mut k) = (y, 0.0f64, 1.0f64);
        while k < 400.0 {
            sum += term / k;
            term *= y * y;
            k += 2.0;
        }
        t[n] = (2.0 * sum / std::f64::consts::LN_2) as f32;
        n += 1;
    }
    t
};

/// `log2` of a small count (see [`LOG2`]); larger ones are computed.
#[inline]
pub(crate) fn log2(n: usize) -> f32 {
    match LOG2.get(n) {
        Some(&v) => v,
        None => (n as f32).log2(),
    }
}

/// The l33t spellings of each letter, indexed by the typed key: up to two
/// letters it may stand for (`1` is `i` or `l`). Entra's list plus zxcvbn's.
///
/// One table read ([`LEET`]): the detectors ask it at nearly every position.
#[inline]
pub(crate) fn leet(b: u8) -> &'static [u8] {
    LEET[usize::from(b)]
}

/// [`leet_of`] of every byte, computed at compile time.
static LEET: [&[u8]; 256] = {
    let mut t: [&[u8]; 256] = [b""; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = leet_of(b as u8);
        b += 1;
    }
    t
};

/// The l33t spellings of a typed key (see [`leet`]), for compile-time tables.
pub(crate) const fn leet_of(b: u8) -> &'static [u8] {
    match b {
        b'@' | b'4' => b"a",
        b'8' => b"b",
        b'(' | b'{' | b'[' | b'<' => b"c",
        b'3' => b"e",
        b'6' | b'9' => b"g",
        b'1' | b'!' | b'|' => b"il",
        b'0' => b"o",
        b'$' | b'5' => b"s",
        b'7' | b'+' => b"t",
        b'%' => b"x",
        b'2' => b"z",
        _ => b"",
    }
}

/// What a part of the path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// A character typed at random.
    Brute,
    /// A word of a list, spelled exactly (apart from case and l33t).
    Word {
        /// The trie node that ends the word (its spelling is recovered from it).
        node: u32,
        /// Characters written in l33t.
        leet: u8,
    },
    /// A list word one edit away.
    Fuzzy {
        /// Index into the fuzzy words.
        word: u32,
        /// Characters written in l33t.
        leet: u8,
    },
    /// A word-like string priced by the letter model.
    WordLike {
        /// Characters written in l33t.
        leet: u8,
    },
    /// A spatial keyboard walk.
    Walk { board: Board, turns: u8 },
    /// A run in an ordered alphabet (index into [`ALPHABETS`]).
    Sequence { alphabet: u8 },
    /// A copy of the `block` characters before it.
    Repeat { block: u8 },
    /// Digits and symbols added at either end (`1!`, `#1`, `@@`): the decoration
    /// users put around a password. Not reported as a finding.
    Decoration,
    /// A date or a year.
    Date(DateFormat),
    /// A Zhuyin-typed span of this many syllables.
    Zhuyin { syllables: u8 },
    /// A context word (index into the context words).
    Context { word: u8, leet: u8 },
}

/// The formats a date or year is recognised in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateFormat {
    /// `yyyymmdd`.
    Ymd8,
    /// ROC `yyymmdd` (`0690701`, `1100701`).
    RocYmd7,
    /// `yymmdd`, Gregorian or ROC (`700101`).
    Ymd6,
    /// `mmddyyyy` or `ddmmyyyy`.
    Dmy8,
    /// `mmdd` (`0701`).
    Mmdd,
    /// Year, month and day with separators (`1980/01/01`, `69.07.01`).
    Separated,
    /// A Gregorian year outside the context years (`1965`).
    Year,
    /// A context year: Gregorian (`2021`).
    ContextYear,
    /// A context year: ROC (`110`, `99`).
    ContextRocYear,
}

impl DateFormat {
    /// The stable `format` parameter.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            DateFormat::Ymd8 => "yyyymmdd",
            DateFormat::RocYmd7 => "roc_yyymmdd",
            DateFormat::Ymd6 => "yymmdd",
            DateFormat::Dmy8 => "mmddyyyy",
            DateFormat::Mmdd => "mmdd",
            DateFormat::Separated => "y/m/d",
            DateFormat::Year | DateFormat::ContextYear => "yyyy",
            DateFormat::ContextRocYear => "roc_year",
        }
    }

    /// How the format reads in a zh-TW message.
    pub(crate) const fn as_zh(self) -> &'static str {
        match self {
            DateFormat::Ymd8 => "西元年月日 yyyymmdd",
            DateFormat::RocYmd7 => "民國年月日 yyymmdd",
            DateFormat::Ymd6 => "年月日 yymmdd",
            DateFormat::Dmy8 => "月日年 mmddyyyy",
            DateFormat::Mmdd => "月日 mmdd",
            DateFormat::Separated => "以符號分隔的年月日",
            DateFormat::Year | DateFormat::ContextYear => "西元年 yyyy",
            DateFormat::ContextRocYear => "民國年",
        }
    }
}

/// One step of the best path: how the characters `[start, end)` are spelled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) part: Part,
}

/// The characters of the password as the detectors see them.
pub(crate) struct Text {
    pub(crate) n: usize,
    /// Lowercase ASCII; full-width ASCII folded; anything else 0x80.
    pub(crate) key: [u8; MAX_CHARS],
    /// The ASCII character as typed (case kept; full-width folded), else 0x80.
    pub(crate) raw: [u8; MAX_CHARS],
    /// Upper- and lowercase letters before each position (for case bits).
    ups: [u8; MAX_CHARS + 1],
    lows: [u8; MAX_CHARS + 1],
    /// Whether any character is outside ASCII (after folding).
    pub(crate) wide: bool,
}

impl Text {
    /// An empty text, to [`read`](Text::read) into (kept on the caller's stack).
    #[inline]
    pub(crate) fn new() -> Text {
        Text {
            n: 0,
            key: [0x80; MAX_CHARS],
            raw: [0x80; MAX_CHARS],
            ups: [0; MAX_CHARS + 1],
            lows: [0; MAX_CHARS + 1],
            wide: false,
        }
    }

    /// Reads a password of at most [`MAX_CHARS`] characters (else `false`).
    pub(crate) fn read(&mut self, password: &str) -> bool {
        let t = self;
        if password.is_ascii() {
            let bytes = password.as_bytes();
            if bytes.len() > MAX_CHARS {
                return false;
            }
            for (i, &b) in bytes.iter().enumerate() {
                t.raw[i] = b;
                t.key[i] = b.to_ascii_lowercase();
                t.ups[i + 1] = t.ups[i] + u8::from(b.is_ascii_uppercase());
                t.lows[i + 1] = t.lows[i] + u8::from(b.is_ascii_lowercase());
            }
            t.n = bytes.len();
            return true;
        }
        for (i, c) in password.chars().enumerate() {
            if i >= MAX_CHARS {
                return false;
            }
            let a = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
                '\u{3000}' => Some(' '),
                _ => Some(c),
            }
            .filter(char::is_ascii)
            .map(|c| c as u8);
            let (up, low) = match a {
                Some(b) => {
                    t.raw[i] = b;
                    t.key[i] = b.to_ascii_lowercase();
                    (b.is_ascii_uppercase(), b.is_ascii_lowercase())
                }
                None => {
                    t.wide = true;
                    (false, false)
                }
            };
            t.ups[i + 1] = t.ups[i] + u8::from(up);
            t.lows[i + 1] = t.lows[i] + u8::from(low);
            t.n = i + 1;
        }
        true
    }

    fn keys(&self) -> &[u8] {
        &self.key[..self.n]
    }

    /// Bits for the case of the letters in `[s, e)` (zxcvbn's uppercase
    /// variations): 0 when all lower, 1 for all upper, only the first or only
    /// the last upper, else log2 of the ways to place that many capitals.
    #[inline]
    fn case_bits(&self, s: usize, e: usize) -> f32 {
        let u = usize::from(self.ups[e] - self.ups[s]);
        if u == 0 {
            return 0.0;
        }
        let l = usize::from(self.lows[e] - self.lows[s]);
        if l == 0 {
            return 1.0;
        }
        let first_up = self.raw[s].is_ascii_uppercase();
        let last_up = self.raw[e - 1].is_ascii_uppercase();
        if u == 1 && (first_up || last_up) {
            return 1.0;
        }
        variations(u, l)
    }

    fn brute_bits(&self, i: usize) -> f32 {
        let b = self.raw[i];
        let mask = match i.checked_sub(1) {
            Some(j) if ascii_kind(self.raw[j]) != ascii_kind(b) => BF_MASK,
            _ => 0.0,
        };
        mask + self.char_bits(i)
    }

    /// Bits of one character by its class alone (one table read).
    #[inline]
    fn char_bits(&self, i: usize) -> f32 {
        CHAR_BITS[usize::from(self.raw[i])]
    }
}

/// Bits of one character typed at random, by its class alone: lower, upper,
/// digit, the 9 common symbols `!@#$.*_-?` and space, other symbols, anything
/// else (controls, and 0x80 for a character outside ASCII).
const fn class_bits(b: u8) -> f32 {
    match b {
        b'a'..=b'z' => BF_LOWER,
        b'A'..=b'Z' => BF_UPPER,
        b'0'..=b'9' => BF_DIGIT,
        b'!' | b'@' | b'#' | b'$' | b'.' | b'*' | b'_' | b'-' | b'?' | b' ' => BF_COMMON_SYMBOL,
        0x21..=0x7E => BF_SYMBOL,
        _ => BF_OTHER,
    }
}

/// [`class_bits`] of every byte, computed at compile time (it is read for every
/// character and every decoration).
static CHAR_BITS: [f32; 256] = {
    let mut t = [0.0f32; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = class_bits(b as u8);
        b += 1;
    }
    t
};

/// `log2(Σ_{i=1}^{min(u,l)} C(u+l, i))`, from a table built once (u, l ≤ 32).
fn variations(u: usize, l: usize) -> f32 {
    static TABLE: LazyLock<Vec<f32>> = LazyLock::new(|| {
        let mut t = vec![0.0f32; 33 * 33];
        for u in 0..=32usize {
            for l in 0..=32usize {
                let n = u + l;
                let mut sum = 0.0f64;
                let mut c = 1.0f64; // C(n, 0)
                for i in 1..=u.min(l) {
                    c = c * (n + 1 - i) as f64 / i as f64;
                    sum += c;
                }
                t[u * 33 + l] = if sum > 0.0 { sum.log2() as f32 } else { 0.0 };
            }
        }
        t
    });
    TABLE
        .get(u.min(32) * 33 + l.min(32))
        .copied()
        .unwrap_or(0.0)
}

/// The years that count as context (issue 22 item 4): today's Gregorian and ROC
/// year when `today` is given, else every year of the policy's default range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Years {
    pub(crate) from: i32,
    pub(crate) to: i32,
    bits: f32,
}

impl Years {
    pub(crate) fn new(today: Option<NaiveDate>, from: u32, to: u32) -> Years {
        use chrono::Datelike;
        let (from, to) = match today {
            Some(d) => (d.year(), d.year()),
            None => (
                i32::try_from(from).unwrap_or(1990),
                i32::try_from(to).unwrap_or(2030),
            ),
        };
        // Guessing one context year: log2 of how many there are (each in its
        // Gregorian and ROC form).
        let count = usize::try_from((to - from + 1).max(1) * 2).unwrap_or(2);
        Years {
            from,
            to,
            bits: log2(count),
        }
    }

    fn contains(self, y: i32) -> bool {
        (self.from..=self.to).contains(&y)
    }

    /// Bits of guessing one context year.
    fn bits(self) -> f32 {
        self.bits
    }
}

/// The estimate: its cost in bits, and the best path behind it (borrowed from
/// the caller's [`Path`], which stays on its stack).
pub(crate) struct Estimate<'p, const N: usize> {
    pub(crate) bits: f32,
    n: usize,
    path: &'p Path<N>,
}

impl<const N: usize> Estimate<'_, N> {
    /// The parts of the best path that are patterns (not random characters or
    /// decorations), from the last to the first.
    pub(crate) fn patterns(&self) -> impl Iterator<Item = Segment> + '_ {
        let mut e = self.n;
        std::iter::from_fn(move || {
            while e > 0 {
                let b = self.path.back[e];
                let s = usize::from(b.start);
                let seg = Segment {
                    start: s,
                    end: e,
                    part: b.part,
                };
                e = s;
                if !matches!(seg.part, Part::Brute | Part::Decoration) {
                    return Some(seg);
                }
            }
            None
        })
    }
}

#[derive(Clone, Copy)]
struct Back {
    start: u16,
    part: Part,
}

/// The shortest-path state: `best[i]` is the cheapest spelling of the first `i`
/// characters, `back[i]` its last step. The caller keeps it on its stack, sized
/// `N` = length + 1 or more ([`SHORT`] for the usual passwords), and [`estimate`]
/// fills it.
pub(crate) struct Path<const N: usize> {
    best: [f32; N],
    back: [Back; N],
}

/// Path size for passwords of up to 32 characters (nearly all of them): a small
/// state to clear on every check.
pub(crate) const SHORT: usize = 33;
/// Path size for the longest passwords the detection reads.
pub(crate) const LONG: usize = MAX_CHARS + 1;

impl<const N: usize> Path<N> {
    /// Whether a match `[s, e)` costing at least `bits` could still improve
    /// `best[e]` (so the exact cost is worth computing).
    #[inline]
    fn worth(&self, s: usize, e: usize, bits: f32) -> bool {
        self.best[s] + bits + SEG_BITS < self.best[e]
    }

    pub(crate) fn new() -> Self {
        Path {
            // `estimate` sets the part it reads (up to the length).
            best: [0.0; N],
            back: [Back {
                start: 0,
                part: Part::Brute,
            }; N],
        }
    }

    #[inline]
    fn relax(&mut self, s: usize, e: usize, bits: f32, part: Part) {
        let cost = self.best[s] + bits + SEG_BITS;
        if let Some(slot) = self.best.get_mut(e)
            && cost < *slot
        {
            *slot = cost;
            self.back[e] = Back {
                start: s as u16,
                part,
            };
        }
    }
}

/// Estimates the guesses a password takes (see the module docs).
pub(crate) fn estimate<'p, const N: usize>(
    password: &str,
    text: &Text,
    context: &ContextWords<'_>,
    years: Years,
    p: &'p mut Path<N>,
) -> Estimate<'p, N> {
    let d = dict::dict();
    let n = text.n;
    assert!(n < N, "the path holds the password");
    p.best[..=n].fill(f32::INFINITY);
    p.best[0] = 0.0;
    let keys = text.keys();
    let wide = context.wide_matches(password, text);
    let copies = Copies::of(text);
    let mut next_copy = 0;
    let fuzzy_runs = FuzzyRuns::of(text);
    let mut fuzzy_cursor = 0;
    let mut syllables = zhuyin::Syllables::<N>::new();
    let mut digits_end = 0;
    // Decorations: digits and symbols at the start, and from each position that
    // only digits and symbols follow to the end.
    let mut deco_from = n;
    while deco_from > 0 && is_decoration(text.raw[deco_from - 1]) && n - deco_from < MAX_DECORATION
    {
        deco_from -= 1;
    }
    let mut head = 0.0;
    for e in 0..n.min(MAX_DECORATION) {
        if !is_decoration(text.raw[e]) {
            break;
        }
        head += text.char_bits(e);
        p.relax(0, e + 1, head + DECORATION_BITS, Part::Decoration);
    }
    for s in 0..=n {
        // A fuzzy match ending here is tried once `best` up to here is known,
        // and only when it could beat it (a typo of a word the path already
        // spells cheaply is not looked up).
        if let Some((rs, leet_n)) = fuzzy_runs.ending_at(s, &mut fuzzy_cursor)
            && p.worth(rs, s, log2(s - rs) + FUZZY_BITS)
        {
            fuzzy(d, text, rs, s, leet_n, p);
        }
        if s == n {
            break;
        }
        // One character at random.
        let bf = p.best[s] + text.brute_bits(s);
        if bf < p.best[s + 1] {
            p.best[s + 1] = bf;
            p.back[s + 1] = Back {
                start: s as u16,
                part: Part::Brute,
            };
        }
        if s >= deco_from && s > 0 {
            let bits: f32 = (s..n).map(|i| text.char_bits(i)).sum();
            p.relax(s, n, bits + DECORATION_BITS, Part::Decoration);
        }
        let k = keys[s];
        // Each detector has a cheap gate on the next keys, so that a start
        // where nothing can begin costs a few table reads.
        let k1 = keys.get(s + 1).copied().unwrap_or(0);
        if k != 0x80 && k1 != 0 {
            if d.may_match(k, k1, keys.get(s + 2).copied()) {
                words(d, text, s, p);
            }
            // Word-like strings start a run of letters, or follow a word
            // (`lil` + `man`, `green` + `xyzzy`).
            if k.is_ascii_lowercase()
                && (k1.is_ascii_lowercase() || !leet(k1).is_empty())
                && (s == 0
                    || !keys[s - 1].is_ascii_lowercase()
                    || matches!(p.back[s].part, Part::Word { .. } | Part::Fuzzy { .. }))
            {
                word_like(d, text, s, p);
            }
            if s + 2 < n {
                let (r0, r1, r2) = (text.raw[s], text.raw[s + 1], text.raw[s + 2]);
                if keyboard::may_walk(r0, r1, r2) {
                    walks(text, s, p);
                }
                if keyboard::follows(r0, r1) & keyboard::follows(r1, r2) != 0 {
                    sequences(text, s, p);
                }
            }
            if k.is_ascii_digit() {
                // The run of digits this one belongs to, found once per run.
                if s >= digits_end {
                    digits_end = s;
                    while digits_end < n && keys[digits_end].is_ascii_digit() {
                        digits_end += 1;
                    }
                }
                let len = (digits_end - s).min(8);
                if len >= 2 {
                    dates(text, s, len, years, p);
                }
            }
            if zhuyin::may_start(keys, s) {
                // Capitals inside a span are shifted keys, not Zhuyin: only its
                // first letter may be one (`Ji32k7au4a83`, `5P 5j s93t86`).
                // (Found on the first span only: most starts have none.)
                let mut first_letter = None;
                zhuyin::spans(d, keys, s, &mut syllables, |e, syl| {
                    // Case bits only add: a span that cannot improve `best[e]`
                    // without them is dropped before they are counted.
                    let base = ZHUYIN_BASE + ZHUYIN_PER * syl as f32;
                    if !p.worth(s, e, base) {
                        return;
                    }
                    let capitals = usize::from(text.ups[e] - text.ups[s]);
                    let first_letter = *first_letter.get_or_insert_with(|| {
                        (s..n).find(|&i| keys[i].is_ascii_lowercase()).unwrap_or(n)
                    });
                    let first_up = first_letter < e && text.raw[first_letter].is_ascii_uppercase();
                    if capitals > usize::from(first_up) {
                        return;
                    }
                    let bits = base + text.case_bits(s, e);
                    let syllables = u8::try_from(syl).unwrap_or(u8::MAX);
                    p.relax(s, e, bits, Part::Zhuyin { syllables });
                });
            }
            if context.may_start(k, k1) {
                context.ascii_matches(text, s, |e, word, leet_n| {
                    let bits = context.bits() + text.case_bits(s, e) + f32::from(leet_n);
                    p.relax(s, e, bits, Part::Context { word, leet: leet_n });
                });
            }
        }
        while let Some(&(cs, ce, block, continued)) = copies.list().get(next_copy)
            && usize::from(cs) <= s
        {
            if usize::from(cs) == s {
                let (cs, ce) = (usize::from(cs), usize::from(ce));
                // A chunk that goes on copying costs only the "still copying" bit.
                let bits = if continued {
                    REPEAT_BITS
                } else {
                    log2(usize::from(block)) + log2(ce - cs) + REPEAT_BITS
                };
                p.relax(cs, ce, bits, Part::Repeat { block });
            }
            next_copy += 1;
        }
        for &(ws, we, word) in wide.iter().take_while(|w| usize::from(w.0) <= s) {
            if usize::from(ws) == s {
                p.relax(
                    s,
                    usize::from(we),
                    context.bits(),
                    Part::Context { word, leet: 0 },
                );
            }
        }
    }
    Estimate {
        bits: p.best[n],
        n,
        path: p,
    }
}

/// Whether a character can be part of a decoration: a digit or an ASCII symbol.
fn is_decoration(b: u8) -> bool {
    matches!(ascii_kind(b), DIGIT | SPECIAL)
}

/// Dictionary words starting at `s`, with l33t spellings, through the trie.
///
/// Each visit reads its node once (children and entry together) and looks the
/// keys up by their trie codes: this walk is the hottest loop of the check.
fn words<const N: usize>(d: &Dict, text: &Text, s: usize, p: &mut Path<N>) {
    let trie = &d.trie;
    let n = text.n;
    // Branches not yet taken (l33t spellings): (node, next position, l33t count).
    // Packed `node << 16 | offset << 8 | l33t` (one zeroed block to set up).
    let mut pending = [0u64; 8];
    let mut top = 0;
    let (mut here, mut i, mut subs) = (trie.node(0), s, 0u8);
    let mut visits = 0;
    loop {
        // Follow the literal key; keep the l33t readings for later.
        let mut next = dict::NONE;
        if i < n {
            // The key's own code and its l33t letters' codes, in one read.
            let [own, alts @ ..] = dict::readings(text.key[i]);
            next = here.child(own);
            for &alt in &alts {
                if alt == 0xFF {
                    break;
                }
                let c = here.child(alt);
                if c != dict::NONE && top < pending.len() {
                    pending[top] = u64::from(c) << 16
                        | u64::from((i + 1 - s) as u8) << 8
                        | u64::from(subs + 1);
                    top += 1;
                }
            }
        }
        let node = if next != dict::NONE {
            i += 1;
            next
        } else if top > 0 {
            top -= 1;
            let packed = pending[top];
            i = s + usize::from((packed >> 8) as u8);
            subs = packed as u8;
            (packed >> 16) as u32
        } else {
            return;
        };
        visits += 1;
        if visits > MAX_VISITS {
            return;
        }
        here = trie.node(node);
        if let Some(entry) = trie.entry_of(here)
            && p.worth(s, i, entry.bits)
            && plausible(entry.kind, i - s, subs)
        {
            let bits = entry.bits + text.case_bits(s, i) + f32::from(subs);
            p.relax(s, i, bits, Part::Word { node, leet: subs });
        }
    }
}

/// Whether a word found in the password counts: three letters or more (two for
/// the Taiwanese name syllables `li`, `wu`, `yu` and the hand-picked Taiwan
/// decorations `aa`, `qq`), and l33t only in words of four
/// letters or more with at least half the letters typed as letters. Shorter or
/// mostly-symbol matches turn up by chance in random strings.
fn plausible(kind: WordKind, len: usize, subs: u8) -> bool {
    let short_ok = matches!(
        kind,
        WordKind::TwSurname | WordKind::TwGiven | WordKind::Taiwan
    );
    let subs = usize::from(subs);
    (len >= 3 || (short_ok && len >= 2 && subs == 0))
        && (subs == 0 || (len >= 4 && subs + 2 <= len))
}

/// The runs of letters (with l33t characters between letters) that fuzzy
/// matching looks at, in order: `(start, end, l33t count)`, at most 16.
struct FuzzyRuns {
    list: [(u16, u16, u8); 16],
    len: usize,
}

impl FuzzyRuns {
    fn of(text: &Text) -> FuzzyRuns {
        let mut r = FuzzyRuns {
            list: [(0, 0, 0); 16],
            len: 0,
        };
        let key = text.keys();
        let n = key.len();
        let mut i = 0;
        while i < n && r.len < r.list.len() {
            if !key[i].is_ascii_lowercase() {
                i += 1;
                continue;
            }
            // Extend over letters and l33t characters; the run ends after its
            // last letter (a digit after a word is a decoration, not a
            // letter), and its l33t characters are those before that letter.
            let (mut j, mut e) = (i + 1, i + 1);
            let (mut leet_n, mut trailing) = (0usize, 0usize);
            while j < n {
                let k = key[j];
                if k.is_ascii_lowercase() {
                    e = j + 1;
                    leet_n += trailing;
                    trailing = 0;
                } else if !leet(k).is_empty() {
                    trailing += 1;
                } else {
                    break;
                }
                j += 1;
            }
            let len = e - i;
            if (dict::FUZZY_MIN..=dict::FUZZY_MAX).contains(&len) && plain_case(text, i, e) {
                r.list[r.len] = (i as u16, e as u16, leet_n as u8);
                r.len += 1;
            }
            i = j;
        }
        r
    }

    /// The run ending at `e`, if any (runs do not overlap).
    fn ending_at(&self, e: usize, cursor: &mut usize) -> Option<(usize, u8)> {
        while let Some(&(rs, re, l)) = self.list[..self.len].get(*cursor) {
            if usize::from(re) > e {
                return None;
            }
            *cursor += 1;
            if usize::from(re) == e {
                return Some((usize::from(rs), l));
            }
        }
        None
    }
}

/// The run `[s, e)` against the common-password list with one edit (Entra's
/// fuzzy match): the deletion neighbourhoods of the run and of the list words
/// meet exactly when the two are one insertion, deletion, substitution or
/// transposition apart.
fn fuzzy<const N: usize>(d: &Dict, text: &Text, s: usize, e: usize, leet_n: u8, p: &mut Path<N>) {
    let len = e - s;
    let mut run = [0u8; dict::FUZZY_MAX];
    for (o, &k) in run.iter_mut().zip(&text.key[s..e]) {
        *o = if k.is_ascii_lowercase() {
            k
        } else {
            leet(k).first().copied().unwrap_or(k)
        };
    }
    let run = &run[..len];
    let mut best: Option<(f32, u32)> = None;
    let mut try_key = |key: &[u8]| {
        for &w in d.fuzzy_candidates(key) {
            if let Some(fw) = d.fuzzy_words.get(w as usize)
                && fw.word != run
                && best.is_none_or(|(b, _)| fw.entry.bits < b)
                && one_edit(run, fw.word)
            {
                best = Some((fw.entry.bits, w));
            }
        }
    };
    try_key(run);
    // The run without its letter `del`, for each `del` in order: from one to
    // the next only the letter before `del` comes back (`buf[del - 1]`).
    let mut buf = [0u8; dict::FUZZY_MAX];
    buf[..len - 1].copy_from_slice(&run[1..]);
    for del in 0..len {
        if del > 0 {
            buf[del - 1] = run[del - 1];
        }
        try_key(&buf[..len - 1]);
    }
    if let Some((bits, word)) = best {
        let bits = bits + log2(len) + FUZZY_BITS + text.case_bits(s, e) + f32::from(leet_n);
        p.relax(s, e, bits, Part::Fuzzy { word, leet: leet_n });
    }
}

/// Whether a run is cased as words are typed: all lower, all upper, or
/// capitalised. Fuzzy matching skips mixed-case runs (`vLm2pX`), which are not
/// typos of a word.
fn plain_case(text: &Text, s: usize, e: usize) -> bool {
    let u = text.ups[e] - text.ups[s];
    let l = text.lows[e] - text.lows[s];
    u == 0 || l == 0 || (u == 1 && text.raw[s].is_ascii_uppercase())
}

/// Whether two words are one insertion, deletion, substitution or adjacent
/// transposition apart.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match b.len() - a.len() {
        0 => {
            let mut first = None;
            let mut count = 0;
            for i in 0..a.len() {
                if a[i] != b[i] {
                    count += 1;
                    first.get_or_insert(i);
                }
            }
            match (count, first) {
                (1, _) => true,
                (2, Some(i)) => i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i],
                _ => false,
            }
        }
        1 => {
            let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            a[i..] == b[i + 1..]
        }
        _ => false,
    }
}

/// Word-like strings starting at `s`: runs of letters (l33t characters inside a
/// run count as their letter) priced by the letter model, three letters or more.
fn word_like<const N: usize>(d: &Dict, text: &Text, s: usize, p: &mut Path<N>) {
    let n = text.n;
    if s + 2 >= n || !text.key[s].is_ascii_lowercase() {
        return;
    }
    let (mut a, mut b) = (26usize, 26usize);
    let mut bits = 0.0f32;
    let mut leet_n = 0u8;
    let mut e = s;
    while e < n && e - s < MAX_WORD_LIKE {
        let k = text.key[e];
        let c = if k.is_ascii_lowercase() {
            k
        } else {
            // A l33t character counts inside a run (two at most): a letter must
            // follow, possibly after one more l33t character (`p@1sl3y`).
            if leet_n >= 2 {
                break;
            }
            let at = |j: usize| text.key.get(j).copied().unwrap_or(0);
            let inside = at(e + 1).is_ascii_lowercase()
                || (!leet(at(e + 1)).is_empty() && at(e + 2).is_ascii_lowercase());
            match leet(k).first() {
                Some(&l) if inside => {
                    leet_n += 1;
                    l
                }
                _ => break,
            }
        };
        let c = usize::from(c - b'a');
        bits += d.markov.bits(a, b, c);
        (a, b) = (b, c);
        e += 1;
        if e - s >= 3 && text.key[e - 1].is_ascii_lowercase() && p.worth(s, e, bits) {
            let cost = bits + text.case_bits(s, e) + f32::from(leet_n) + WORD_LIKE_BITS;
            p.relax(s, e, cost, Part::WordLike { leet: leet_n });
        }
        // A run the model finds no likelier than random letters will not
        // become a word by growing.
        if bits > BF_LOWER * (e - s) as f32 + WORD_LIKE_SLACK {
            break;
        }
    }
}

/// Spatial walks on the keyboard and the keypad starting at `s`.
fn walks<const N: usize>(text: &Text, s: usize, p: &mut Path<N>) {
    if s + 2 >= text.n {
        return;
    }
    let (r0, r1, r2) = (text.raw[s], text.raw[s + 1], text.raw[s + 2]);
    let qwerty = keyboard::walk_step(Board::Qwerty, r0, r1).is_some()
        && keyboard::walk_step(Board::Qwerty, r1, r2).is_some();
    let keypad = r0.is_ascii_digit() && r1.is_ascii_digit() && r2.is_ascii_digit();
    for board in [Board::Qwerty, Board::Keypad] {
        if !(match board {
            Board::Qwerty => qwerty,
            Board::Keypad => keypad,
        }) {
            continue;
        }
        let (start_bits, turn_bits) = keyboard::board_bits(board);
        let mut last = None;
        let mut turns = 0u8;
        let mut shifted = usize::from(is_shifted(text.raw[s]));
        let mut e = s + 1;
        while e < text.n && e - s < MAX_RUN {
            let Some(dir) = keyboard::walk_step(board, text.raw[e - 1], text.raw[e]) else {
                break;
            };
            if last != Some(dir) {
                turns = turns.saturating_add(1);
            }
            last = Some(dir);
            shifted += usize::from(is_shifted(text.raw[e]));
            e += 1;
            let len = e - s;
            if len >= 3 {
                let bits = start_bits
                    + f32::from(turns) * turn_bits
                    + log2(len)
                    + shift_bits(shifted, len, text.raw[s], text.raw[e - 1]);
                p.relax(s, e, bits, Part::Walk { board, turns });
            }
        }
    }
}

/// Shift bits, counted like capitals.
fn shift_bits(shifted: usize, len: usize, first: u8, last: u8) -> f32 {
    if shifted == 0 {
        0.0
    } else if shifted == len || (shifted == 1 && (is_shifted(first) || is_shifted(last))) {
        1.0
    } else {
        variations(shifted, len - shifted)
    }
}

/// Runs in an ordered alphabet starting at `s` (`abc`, `6543`, `qwer`, `1qaz2wsx`,
/// `ㄅㄆㄇㄈ` = `1qaz`, `147258369`), ascending or descending; letters and digits
/// also by twos (`13579`).
fn sequences<const N: usize>(text: &Text, s: usize, p: &mut Path<N>) {
    let n = text.n;
    if s + 2 >= n {
        return;
    }
    let (r0, r1, r2) = (text.raw[s], text.raw[s + 1], text.raw[s + 2]);
    let mut common = keyboard::follows(r0, r1) & keyboard::follows(r1, r2);
    let k0 = keyboard::plain_key(r0);
    let k1 = keyboard::plain_key(r1);
    while common != 0 {
        let a = common.trailing_zeros() as usize;
        common &= common - 1;
        let alphabet = ALPHABETS[a].1;
        let p0 = keyboard::positions(a, k0);
        let p1 = keyboard::positions(a, k1);
        let obvious = matches!(k0, b'a' | b'z' | b'0' | b'1' | b'9')
            || alphabet.first() == Some(&k0)
            || alphabet.last() == Some(&k0);
        let start_bits = if obvious { 2.0 } else { log2(alphabet.len()) };
        let deltas: &[i8] = if a < 2 { &[1, -1, 2, -2] } else { &[1, -1] };
        for &delta in deltas {
            let mut m = shift(p0, delta) & p1;
            if m == 0 {
                continue;
            }
            let base = start_bits
                + if delta < 0 { 1.0 } else { 0.0 }
                + if delta.abs() > 1 { 1.0 } else { 0.0 }
                + if a < 2 { 0.0 } else { 1.0 };
            let mut e = s + 2;
            let mut upper = usize::from(text.raw[s] != k0) + usize::from(text.raw[s + 1] != k1);
            while e < n && e - s < MAX_RUN {
                let k = keyboard::plain_key(text.raw[e]);
                let next = shift(m, delta) & keyboard::positions(a, k);
                if next == 0 {
                    break;
                }
                m = next;
                upper += usize::from(text.raw[e] != k);
                e += 1;
                let len = e - s;
                let bits = base + log2(len) + shift_bits(upper, len, text.raw[s], text.raw[e - 1]);
                p.relax(s, e, bits, Part::Sequence { alphabet: a as u8 });
            }
        }
    }
}

#[inline]
fn shift(m: u64, delta: i8) -> u64 {
    if delta >= 0 {
        m << delta
    } else {
        m >> (-delta)
    }
}

/// Copies: characters equal (with their case) to those `block` places before,
/// for blocks of 1 to [`MAX_BLOCK`] (`abcabc`, `20212021`, `aaaa`). Runs are
/// found right to left in one pass per block size; a copy is reported where a
/// run starts and every [`MAX_RUN`] characters after, so a long repetition
/// chains. At most 16 copies are kept, sorted by start.
struct Copies {
    /// `(start, end, block, continued)`: `continued` when the copy goes on from
    /// the chunk before it.
    found: [(u16, u16, u8, bool); 16],
    len: usize,
}

impl Copies {
    fn list(&self) -> &[(u16, u16, u8, bool)] {
        &self.found[..self.len]
    }

    fn of(text: &Text) -> Copies {
        let n = text.n;
        let mut c = Copies {
            found: [(0, 0, 0, false); 16],
            len: 0,
        };
        let raw = &text.raw[..n];
        // prev[i]: the last index before i holding the same byte.
        let mut last = [u8::MAX; 256];
        let mut prev = [u8::MAX; MAX_CHARS];
        for (i, &b) in raw.iter().enumerate() {
            prev[i] = last[usize::from(b)];
            last[usize::from(b)] = i as u8;
        }
        for i in 1..n.saturating_sub(2) {
            let mut j = prev[i];
            while j != u8::MAX && i - usize::from(j) <= MAX_BLOCK {
                let block = i - usize::from(j);
                // A run of copies starts here (not one character earlier).
                if raw[i] != 0x80 && (i == block || raw[i - 1] != raw[i - 1 - block]) {
                    let mut end = i + 1;
                    while end < n && raw[end] == raw[end - block] {
                        end += 1;
                    }
                    let mut start = i;
                    while start + 3 <= end && c.len < c.found.len() {
                        let e = (start + MAX_RUN).min(end);
                        c.found[c.len] = (start as u16, e as u16, block as u8, start != i);
                        c.len += 1;
                        start = e;
                    }
                }
                j = prev[usize::from(j)];
            }
        }
        let len = c.len;
        c.found[..len].sort_unstable();
        c
    }
}

/// Dates and years in the digits starting at `s`.
///
/// `len`: how many digits start at `s` (at most 8). A single digit is no date
/// or year in any format (each needs two digits or more): the caller does not
/// call for one.
fn dates<const N: usize>(text: &Text, s: usize, len: usize, years: Years, p: &mut Path<N>) {
    let n = text.n;
    let digit = |i: usize| u32::from(text.key[s + i] - b'0');
    let num = |a: usize, b: usize| (a..b).fold(0u32, |v, i| v * 10 + digit(i));
    let mut emit = |e: usize, bits: f32, f: DateFormat| p.relax(s, s + e, bits, Part::Date(f));
    // Years.
    if len >= 4 {
        let y = num(0, 4) as i32;
        if years.contains(y) {
            emit(4, years.bits(), DateFormat::ContextYear);
        } else if (1900..=2099).contains(&y) {
            emit(4, YEAR_BITS, DateFormat::Year);
        }
        if valid_md(2000, num(0, 2), num(2, 4)) {
            emit(4, DATE_MMDD_BITS, DateFormat::Mmdd);
        }
    }
    for l in [2usize, 3] {
        if len >= l && (l == 2 || text.key[s] != b'0') {
            let roc = num(0, l) as i32;
            if roc > 0 && years.contains(roc + 1911) {
                emit(l, years.bits(), DateFormat::ContextRocYear);
            }
        }
    }
    if len >= 6 {
        let (yy, m, dd) = (num(0, 2) as i32, num(2, 4), num(4, 6));
        if valid_md(1900 + yy, m, dd) || valid_md(2000 + yy, m, dd) || valid_md(1911 + yy, m, dd) {
            emit(6, DATE_FULL_BITS, DateFormat::Ymd6);
        }
    }
    if len >= 7 {
        let y = num(0, 3) as i32;
        if (1..=199).contains(&y) && valid_md(1911 + y, num(3, 5), num(5, 7)) {
            emit(7, DATE_FULL_BITS, DateFormat::RocYmd7);
        }
    }
    if len >= 8 {
        let y = num(0, 4) as i32;
        if (1900..=2099).contains(&y) && valid_md(y, num(4, 6), num(6, 8)) {
            emit(8, DATE_FULL_BITS, DateFormat::Ymd8);
        }
        let y2 = num(4, 8) as i32;
        if (1900..=2099).contains(&y2)
            && (valid_md(y2, num(0, 2), num(2, 4)) || valid_md(y2, num(2, 4), num(0, 2)))
        {
            emit(8, DATE_FULL_BITS + 1.0, DateFormat::Dmy8);
        }
    }
    // Year, month and day with one separator kind: y{2,4} sep m{1,2} sep d{1,2}.
    if (2..=4).contains(&len) && s + len < n {
        let sep = text.key[s + len];
        if matches!(sep, b'/' | b'-' | b'.' | b'_') {
            let y = num(0, len) as i32;
            let year = match len {
                4 => y,
                3 => 1911 + y,
                _ => 1911 + y, // two digits: ROC or Gregorian, both close enough
            };
            let mut i = s + len + 1;
            let field = |i: &mut usize| {
                let st = *i;
                while *i < n && *i - st < 2 && text.key[*i].is_ascii_digit() {
                    *i += 1;
                }
                (*i > st).then(|| {
                    text.key[st..*i]
                        .iter()
                        .fold(0u32, |v, &b| v * 10 + u32::from(b - b'0'))
                })
            };
            if let Some(m) = field(&mut i)
                && i < n
                && text.key[i] == sep
            {
                i += 1;
                if let Some(dd) = field(&mut i)
                    && (valid_md(year, m, dd) || (len == 2 && valid_md(1900 + y, m, dd)))
                {
                    emit(i - s, DATE_FULL_BITS + 1.0, DateFormat::Separated);
                }
            }
        }
    }
}

/// Whether month `m`, day `d` is a day of `year` (proleptic Gregorian, as
/// `NaiveDate::from_ymd_opt` decides it for the years 1900–2110 asked here;
/// without its year-flag tables: dates are tried at every digit).
fn valid_md(year: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The word a [`Part::Word`] matched: its letters, from the trie.
#[inline]
pub(crate) fn word_of(node: u32) -> ([u8; dict::MAX_WORD], usize, Option<dict::Entry>) {
    let d = dict::dict();
    let mut out = [0u8; dict::MAX_WORD];
    let len = d.trie.spell(node, &mut out);
    (out, len, d.trie.entry(node).copied())
}

/// The list of the word a [`Part::Word`] matched.
pub(crate) fn word_kind(node: u32) -> WordKind {
    dict::dict()
        .trie
        .entry(node)
        .map_or(WordKind::Password, |e| e.kind)
}

/// The word and entry a [`Part::Fuzzy`] matched.
pub(crate) fn fuzzy_word(index: u32) -> Option<(&'static [u8], dict::Entry)> {
    dict::dict()
        .fuzzy_words
        .get(index as usize)
        .map(|w| (w.word, w.entry))
}

/// Whether a list is one of names.
pub(crate) const fn is_name(kind: WordKind) -> bool {
    matches!(
        kind,
        WordKind::FirstName | WordKind::Surname | WordKind::TwSurname | WordKind::TwGiven
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    fn bits(pw: &str) -> f32 {
        let policy = Policy::default();
        let ctx = ContextWords::new(&Default::default(), &policy.password);
        let mut t = Text::new();
        assert!(t.read(pw));
        estimate(
            pw,
            &t,
            &ctx,
            Years::new(None, 1990, 2030),
            &mut Path::<LONG>::new(),
        )
        .bits
    }

    #[test]
    fn valid_md_is_chronos_calendar() {
        for year in 1890..2120 {
            for m in 0..14 {
                for d in 0..33 {
                    assert_eq!(
                        valid_md(year, m, d),
                        NaiveDate::from_ymd_opt(year, m, d).is_some(),
                        "{year}-{m}-{d}"
                    );
                }
            }
        }
    }

    #[test]
    fn one_edit_cases() {
        assert!(one_edit(b"passwird", b"password"));
        assert!(one_edit(b"passwrd", b"password"));
        assert!(one_edit(b"passsword", b"password"));
        assert!(one_edit(b"pasword", b"password"));
        assert!(one_edit(b"psasword", b"password"));
        assert!(!one_edit(b"pxsswxrd", b"password"));
        assert!(!one_edit(b"pass", b"password"));
    }

    #[test]
    fn weak_ones_are_cheap_and_random_ones_are_not() {
        for pw in [
            "Password1!",
            "Dragon@2021",
            "P@ssw0rd!",
            "Shadow123.",
            "Ntpc@2021",
            "Ji32k7au4a83!",
            "Wang0701!",
            "Qwer1234!",
            "1qaz@WSX3edc",
        ] {
            assert!(bits(pw) < 26.6, "{pw}: {}", bits(pw));
        }
        for pw in ["Tq7#vLm2pX", "x9$Kp2!mQz7w", "Sunset#2River"] {
            assert!(bits(pw) > 26.6, "{pw}: {}", bits(pw));
        }
    }
}
