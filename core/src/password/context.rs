//! Context words: what an attacker who knows the account guesses first (issue 22
//! item 4; NIST SP 800-63B-4 §3.1.1.2 "context-specific words, such as the name
//! of the service, the username").
//!
//! The words are the organisation's (`policy.password.org_words`: `ntpc`,
//! `xinbei`, `新北`, `edu` …), the school's name and code when given, the
//! account's local part and the display name, tokenised. Years are context too;
//! they are matched with the dates (see `guess.rs`).
//!
//! Decided: ASCII words match case-insensitively and in l33t (`Ntpc`, `n7pc`);
//! other words (CJK) match exactly. A school name in Chinese loses its common
//! affixes first (新北市立板橋國民小學 → 板橋), because a password holds the
//! short name, never the official one. Tokens shorter than
//! `min_name_token_length` are ignored (organisation words are taken as given).

use super::PasswordContext;
use super::guess::{Text, leet, leet_of, log2};
use super::names::{account_local_part, is_name_separator};
use crate::policy::PasswordPolicy;
use std::cell::Cell;

/// Where a context word comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContextKind {
    /// `policy.password.org_words`.
    Organisation,
    /// A token of `PasswordContext::school_name`.
    SchoolName,
    /// `PasswordContext::school_code`.
    SchoolCode,
    /// The account name or one of its tokens.
    Account,
    /// A token of the display name.
    DisplayName,
    /// A context year (Gregorian or ROC).
    Year,
}

impl ContextKind {
    /// The stable `kind` parameter.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            ContextKind::Organisation => "organisation",
            ContextKind::SchoolName => "school_name",
            ContextKind::SchoolCode => "school_code",
            ContextKind::Account => "account",
            ContextKind::DisplayName => "display_name",
            ContextKind::Year => "year",
        }
    }

    /// How the kind reads in a zh-TW message.
    pub(crate) const fn as_zh(self) -> &'static str {
        match self {
            ContextKind::Organisation => "機關名稱",
            ContextKind::SchoolName => "學校名稱",
            ContextKind::SchoolCode => "學校代碼",
            ContextKind::Account => "帳號",
            ContextKind::DisplayName => "姓名",
            ContextKind::Year => "年份",
        }
    }
}

/// For each ASCII byte, the keys that spell it: itself and its l33t forms (see
/// `guess::leet`), as a bitmask, computed at compile time.
static SPELLED_BY: [u128; 128] = {
    let mut t = [0u128; 128];
    let mut b = 0;
    while b < 128 {
        t[b] |= 1 << b;
        let alts = leet_of(b as u8);
        let mut j = 0;
        while j < alts.len() {
            t[alts[j] as usize] |= 1 << b;
            j += 1;
        }
        b += 1;
    }
    t
};

/// Whether bit `k` (below 128) of a set is on, by one 64-bit half (cheaper
/// than a 128-bit shift; asked at every position).
#[inline]
fn has(set: u128, k: u8) -> bool {
    let half = if k < 64 {
        set as u64
    } else {
        (set >> 64) as u64
    };
    (half >> (k & 63)) & 1 == 1
}

/// Most context words kept (the rest are ignored; a context has a handful).
const MAX_WORDS: usize = 24;

/// Affixes of official school names in Chinese, stripped to get the short name.
const SCHOOL_PREFIXES: [&str; 5] = ["新北市立", "新北市", "臺北市立", "市立", "私立"];
const SCHOOL_SUFFIXES: [&str; 14] = [
    "附設幼兒園",
    "高級中等學校",
    "實驗教育機構",
    "國民小學",
    "國民中學",
    "高級中學",
    "完全中學",
    "實驗小學",
    "幼兒園",
    "國小",
    "國中",
    "高中",
    "高職",
    "學校",
];

/// The context words of one check, borrowed from the context and the policy.
pub(crate) struct ContextWords<'a> {
    words: [&'a str; MAX_WORDS],
    kinds: [ContextKind; MAX_WORDS],
    len: usize,
    bits: f32,
    /// Which typed keys can start an ASCII word (its first letter, or a l33t
    /// spelling of it): a quick test before comparing.
    starts: u128,
    /// The same for the second key of the words.
    seconds: u128,
    /// Which words are all ASCII (bit `i` for word `i`), found the first time
    /// it is asked ([`ASCII_KNOWN`] set then): most checks never ask, and the
    /// organisation's words are then not read past their second byte.
    ascii: Cell<u32>,
}

/// The bit of `ContextWords::ascii` that says the mask is known.
const ASCII_KNOWN: u32 = 1 << 31;

/// Non-ASCII context words found in a password: `(start, end, word)` in
/// characters, in order of start.
pub(crate) struct WideMatches {
    list: [(u16, u16, u8); 16],
    len: usize,
}

impl WideMatches {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &(u16, u16, u8)> {
        self.list[..self.len].iter()
    }
}

impl<'a> ContextWords<'a> {
    /// Collects the words of a context under a policy.
    pub(crate) fn new(ctx: &PasswordContext<'a>, rules: &'a PasswordPolicy) -> Self {
        let mut c = ContextWords {
            words: [""; MAX_WORDS],
            kinds: [ContextKind::Organisation; MAX_WORDS],
            len: 0,
            bits: 0.0,
            starts: 0,
            seconds: 0,
            ascii: Cell::new(0),
        };
        let min = rules.min_name_token_length as usize;
        // At least one character: not empty (no count needed).
        for w in &rules.org_words {
            if !w.is_empty() {
                c.add(w, ContextKind::Organisation);
            }
        }
        if let Some(name) = ctx.school_name {
            for t in name.split(|ch: char| is_name_separator(ch) || ch.is_whitespace()) {
                if t.is_ascii() {
                    c.push(t, ContextKind::SchoolName, min);
                } else {
                    c.push(short_school_name(t), ContextKind::SchoolName, 2);
                }
            }
        }
        if let Some(code) = ctx.school_code {
            c.push(code.trim(), ContextKind::SchoolCode, 3);
        }
        if let Some(account) = ctx.account {
            let local = account_local_part(account);
            c.push(local, ContextKind::Account, min);
            for t in local.split(|ch: char| !ch.is_alphanumeric()) {
                for part in alnum_parts(t) {
                    if part.len() != local.len() {
                        c.push(part, ContextKind::Account, min);
                    }
                }
            }
        }
        if let Some(name) = ctx.display_name {
            for t in name.split(is_name_separator) {
                c.push(t, ContextKind::DisplayName, min);
            }
        }
        c.bits = log2(c.len + 1);
        c
    }

    /// Adds a word of at least `min_chars` characters (the first
    /// [`MAX_WORDS`] only), with the keys that can start it.
    fn push(&mut self, word: &'a str, kind: ContextKind, min_chars: usize) {
        let chars = if word.is_ascii() {
            word.len()
        } else {
            word.chars().count()
        };
        if chars == 0 || chars < min_chars.max(1) {
            return;
        }
        self.add(word, kind);
    }

    /// Adds a word that is long enough (the first [`MAX_WORDS`] only), with
    /// the keys that can start it.
    #[inline]
    fn add(&mut self, word: &'a str, kind: ContextKind) {
        if self.len >= MAX_WORDS {
            return;
        }
        let bytes = word.as_bytes();
        if let Some(&first) = bytes.first()
            && first.is_ascii()
        {
            self.starts |= SPELLED_BY[usize::from(first.to_ascii_lowercase())];
        }
        if let Some(&second) = bytes.get(1)
            && second.is_ascii()
        {
            self.seconds |= SPELLED_BY[usize::from(second.to_ascii_lowercase())];
        }
        self.words[self.len] = word;
        self.kinds[self.len] = kind;
        self.len += 1;
    }

    /// Which words are all ASCII (bit `i` for word `i`).
    fn ascii_mask(&self) -> u32 {
        let known = self.ascii.get();
        if known & ASCII_KNOWN != 0 {
            return known;
        }
        let mut m = ASCII_KNOWN;
        for (i, w) in self.words[..self.len].iter().enumerate() {
            m |= u32::from(w.is_ascii()) << i;
        }
        self.ascii.set(m);
        m
    }

    /// Bits of guessing one context word: log2 of how many there are, plus one.
    pub(crate) fn bits(&self) -> f32 {
        self.bits
    }

    /// The kind of a word by index.
    pub(crate) fn kind(&self, word: u8) -> ContextKind {
        self.kinds
            .get(usize::from(word))
            .copied()
            .unwrap_or(ContextKind::Organisation)
    }

    /// Whether an ASCII context word can begin with this key.
    #[inline]
    pub(crate) fn may_start(&self, key: u8, next: u8) -> bool {
        key < 128 && next < 128 && has(self.starts, key) && has(self.seconds, next)
    }

    /// Calls `emit(end, word, leet)` for every ASCII context word at `s`
    /// (case-insensitive, l33t allowed).
    pub(crate) fn ascii_matches(&self, text: &Text, s: usize, mut emit: impl FnMut(usize, u8, u8)) {
        let first = text.key[s];
        if first >= 128 || self.starts & (1 << first) == 0 {
            return;
        }
        let ascii = self.ascii_mask();
        for (i, w) in self.words[..self.len].iter().enumerate() {
            let w = w.as_bytes();
            if (ascii >> i) & 1 == 0 || s + w.len() > text.n {
                continue;
            }
            let (Some(&w0), Some(&w1)) = (w.first(), w.get(1)) else {
                continue;
            };
            let (w0, w1) = (w0.to_ascii_lowercase(), w1.to_ascii_lowercase());
            let second = text.key[s + 1];
            if (first != w0 && !leet(first).contains(&w0))
                || (second != w1 && !leet(second).contains(&w1))
            {
                continue;
            }
            let mut subs = 0u8;
            let ok = w.iter().enumerate().all(|(j, &b)| {
                let b = b.to_ascii_lowercase();
                let k = text.key[s + j];
                if k == b {
                    true
                } else if leet(k).contains(&b) {
                    subs += 1;
                    true
                } else {
                    false
                }
            });
            if ok {
                emit(s + w.len(), i as u8, subs);
            }
        }
    }

    /// The non-ASCII words (exact match) in a password, by character position.
    pub(crate) fn wide_matches(&self, password: &str, text: &Text) -> WideMatches {
        let mut m = WideMatches {
            list: [(0, 0, 0); 16],
            len: 0,
        };
        if !text.wide {
            return m;
        }
        let ascii = self.ascii_mask();
        let all_ascii = ASCII_KNOWN | ((1u32 << self.len) - 1);
        if ascii == all_ascii {
            return m;
        }
        for (ci, (bi, _)) in password.char_indices().enumerate() {
            let rest = password.get(bi..).unwrap_or_default();
            for (i, w) in self.words[..self.len].iter().enumerate() {
                if (ascii >> i) & 1 == 0 && rest.starts_with(w) && m.len < m.list.len() {
                    let end = ci + w.chars().count();
                    m.list[m.len] = (ci as u16, end as u16, i as u8);
                    m.len += 1;
                }
            }
        }
        m
    }
}

/// 新北市立板橋國民小學 → 板橋: the official affixes dropped.
fn short_school_name(name: &str) -> &str {
    let mut s = name.trim();
    for p in SCHOOL_PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest;
            break;
        }
    }
    loop {
        let before = s;
        for x in SCHOOL_SUFFIXES {
            if let Some(rest) = s.strip_suffix(x) {
                s = rest;
            }
        }
        if s == before {
            return s;
        }
    }
}

/// Splits `wang01ab` into `wang`, `01`, `ab` (letters and digits apart).
fn alnum_parts(t: &str) -> impl Iterator<Item = &str> {
    let mut rest = t;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let digit = first.is_ascii_digit();
        let end = chars
            .find(|(_, c)| c.is_ascii_digit() != digit)
            .map_or(rest.len(), |(i, _)| i);
        let (head, tail) = rest.split_at(end);
        rest = tail;
        Some(head)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    #[test]
    fn words_of_a_context() {
        let policy = Policy::default();
        let ctx = PasswordContext {
            account: Some("chensy01@apps.ntpc.edu.tw"),
            display_name: Some("陳思妤 Chen Si-Yu"),
            school_name: Some("新北市立板橋國民小學 Banqiao"),
            school_code: Some("014601"),
            ..Default::default()
        };
        let c = ContextWords::new(&ctx, &policy.password);
        let words: Vec<&str> = c.words[..c.len].to_vec();
        for w in [
            "ntpc",
            "新北",
            "板橋",
            "banqiao",
            "014601",
            "chensy01",
            "chensy",
            "陳思妤",
            "chen",
        ] {
            assert!(
                words.iter().any(|x| x.eq_ignore_ascii_case(w)),
                "{w} in {words:?}"
            );
        }
        assert!(!words.contains(&"01"), "too short");
        assert_eq!(short_school_name("新北市立三重高級中學"), "三重");
        assert_eq!(
            alnum_parts("wang01ab").collect::<Vec<_>>(),
            ["wang", "01", "ab"]
        );
    }
}
