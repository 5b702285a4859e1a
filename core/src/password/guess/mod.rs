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
//!
//! The text as read is in `text`; the dictionary matchers (words, fuzzy,
//! word-like) in `words`; the pattern matchers (walks, sequences, copies,
//! dates) in `patterns`.

use super::classes::{DIGIT, SPECIAL, ascii_kind};
use super::context::ContextWords;
use super::dict::{self, Dict, WordKind};
use super::keyboard::{self, ALPHABETS, Board, is_shifted};
use super::zhuyin;
use chrono::NaiveDate;
use std::sync::LazyLock;

mod patterns;
mod text;
mod words;
use patterns::{Copies, dates, sequences, walks};
pub(crate) use text::Text;
use text::variations;
use words::{FuzzyRuns, fuzzy, is_decoration, word_like, words};

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
    let mut syllables = zhuyin::Syllables::<N>::of(d, keys);
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
            if syllables.may_start(s) {
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
mod tests;
