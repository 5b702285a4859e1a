//! Finding and redacting ID numbers in text (RULES §2 "Finding ID numbers in
//! text", for personal-data leak checks of published files and logs; issue 14 §1
//! "Redaction must not leak"). The user's view is `docs/identity-scan.md`.
//!
//! **What is an ID in text.** A *run* is a maximal sequence of letters and
//! digits; an ID is a run of exactly ten of them with an ID format ("not glued
//! to other letters or digits"): `身分證A123456789號` is found, `XA123456789`
//! is not. Three things widen "letter or digit" and "run", by default:
//!
//! - **Folds**: a character whose NFKC form is one ASCII letter or digit counts
//!   as that letter or digit (`Ａ１`, `𝐀𝟏`, `①`, `Ⓐ`, `¹`; the list is in
//!   [`super::fold`]) — what [`super::classify`] accepts character by character.
//! - **Invisible characters** (zero-width space and joiners, word joiner, soft
//!   hyphen, U+FEFF, bidi controls, variation selectors) are looked through: they
//!   neither end a run nor count, and a match's span covers those inside it.
//! - **Escapes glued in front**: in logs an ID often follows an escape with no
//!   space — JSON `\u751f`, Python `\xe7` and `\U0001f600`, C `\n \t \r \b \f \v`,
//!   URL `%E7`, `%20`. When the character before a run is `\` or `%` and the run
//!   starts with such an escape's letters and hex digits, the ID may also start
//!   right after them (`\u751fA123456789` → `A123456789`). Escapes after an ID
//!   need no rule: `\` and `%` already end the run.
//!
//! [`ScanOptions`] adds two opt-in modes. `html`: tags `<…>` inside a run are
//! looked through, and an ID may also start or end at a tag (`<b>A</b>123456789`,
//! `X<br>A123456789`); redaction leaves the tags standing. `loose`: an ID may be
//! written in groups `A 123 456 789` — one to three separators (spaces, no-break
//! and ideographic spaces, `-` and Unicode dashes) after its 1st, 4th and 7th
//! characters, any of the three gaps; a gap of separators also ends an ID.
//!
//! **Speed** (a published-file scan may cover gigabytes). Every ID holds at
//! least one character that is an ASCII digit or not ASCII at all (its eight
//! digits), so the text is searched in 64-byte blocks for such a byte with a
//! branch-free OR-fold the compiler turns into SIMD (plus `<` `>` in HTML mode);
//! from the first one, the scan steps back over the ASCII letters before it and
//! runs the character-level machine ([`Machine`]) until the run ends, then
//! searches again. ASCII text without digits never leaves the block search;
//! each byte is read by the search, at most once stepping back and once by the
//! machine, so the scan is linear on every input. CJK characters are skipped by
//! their lead byte without decoding.

use super::classify::{IdInfo, IdKind, classify_ascii};
use super::fold::{self, CharKind};
use super::mask::mask_id;
use crate::error::{PolicyError, Result};
use crate::policy::{IdentityPolicy, Policy};
use serde::{Deserialize, Serialize};

/// How to read a text (issue 14 §1). The default finds IDs written plainly, in
/// full-width or other folding characters, with invisible characters inside,
/// and glued to escapes; the two modes are opt-in because they find IDs in
/// shapes ordinary text also has (tags, groups of digits).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields, default)]
pub struct ScanOptions {
    /// HTML: tags `<…>` (a `<` followed by a letter, `/`, `!` or `?`, up to the
    /// next `>`, at most 4 KiB) inside an ID are looked through, and an ID may
    /// start or end at a tag. Redaction masks the ID's characters and leaves
    /// the tags standing. Entities (`&#65;`) are not decoded.
    pub html: bool,
    /// Tolerant mode: an ID written in groups (`A 123 456 789`, `A123-456-789`,
    /// with no-break or ideographic spaces): one to three separators after its
    /// 1st, 4th and 7th characters, any of these gaps.
    pub loose: bool,
}

/// One ID number found in a text. Offsets are end-exclusive and cover the whole
/// span from the ID's first character to its last, with the invisible
/// characters, separators and tags inside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IdMatch {
    /// Byte offset of the start (UTF-8).
    pub start: usize,
    /// Byte offset after the end.
    pub end: usize,
    /// Offset in characters (Unicode scalar values; Python `str` indices).
    pub char_start: usize,
    /// Character offset after the end.
    pub char_end: usize,
    /// Offset in UTF-16 code units (JavaScript, Kotlin and Swift `NSString` indices).
    pub utf16_start: usize,
    /// UTF-16 offset after the end.
    pub utf16_end: usize,
    /// Which format.
    pub kind: IdKind,
    /// The check digit matches (a real number is likely exposed).
    pub checksum_valid: bool,
    /// Written (at least partly) with full-width characters (U+FF10–U+FF5A).
    pub fullwidth: bool,
    /// Written (at least partly) with other characters that fold to ASCII
    /// (mathematical alphanumerics, circled digits, superscripts…).
    pub folded: bool,
    /// Invisible characters inside the span.
    pub invisible: bool,
    /// Separators inside the span (tolerant mode).
    pub separated: bool,
    /// HTML tags inside the span (HTML mode).
    pub tagged: bool,
    /// The number, normalised to ASCII and masked.
    pub masked: String,
}

/// Flags of an item: a window may start here; what the gap before it held; how
/// the character was written.
const CUT: u8 = 1;
const SEP: u8 = 2;
const TAG: u8 = 4;
const INV: u8 = 8;
const FW: u8 = 16;
const FOLD: u8 = 32;

/// Most separators in one gap of the tolerant mode (`A - 123`); more end the run.
const MAX_GAP: u8 = 3;

/// Longest tag of the HTML mode, in bytes. A stray `<x` in text that is not
/// HTML must not hide everything up to a distant `>` (an ID in there would
/// leak); real tags longer than this (inline `data:` images) are read as text,
/// which can only find more.
const MAX_TAG: usize = 4096;

/// A window that may be reported (see [`Machine::window`]).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    s: usize,
    start: usize,
    end: usize,
    info: IdInfo,
    norm: [u8; 10],
    flags: u8,
}

/// One letter or digit of the current run.
#[derive(Debug, Clone, Copy, Default)]
struct Item {
    start: usize,
    len: u8,
    fold: u8,
    flags: u8,
}

/// The character-level scanner. It keeps the last sixteen letters and digits of
/// the current run in a ring: an ID is ten of them between two *cuts* (the run's
/// ends; in the modes, tags and gaps of separators; after an escape), so a
/// window is tested each time a cut closes one, and memory stays constant
/// however long the run.
struct Machine<'t> {
    text: &'t str,
    b: &'t [u8],
    html: bool,
    loose: bool,
    ring: [Item; 16],
    /// Letters and digits in the current run (0: between runs).
    k: usize,
    /// What the gap since the last letter or digit held (`SEP`, `TAG`, `INV`).
    gap: u8,
    /// Separators in that gap.
    seps: u8,
    /// Index after an escape at the run's start (0: none).
    esc: usize,
    /// Index where the last ID found in this run ended (IDs never overlap).
    taken: usize,
    /// A window starting inside the escape, waiting for the one after it.
    pending: Option<Candidate>,
    /// A non-ASCII byte was read.
    non_ascii: bool,
    /// HTML: position of the next `>` after the last search (`len` when none).
    gt: Option<usize>,
    /// Character and UTF-16 offsets of the matches.
    cur: Cursor,
    /// How to mask.
    mask: &'t IdentityPolicy,
    out: Vec<IdMatch>,
}

impl Machine<'_> {
    /// A letter or digit of the run at `start..end`, folded to `fold`.
    #[inline]
    fn alnum(&mut self, start: usize, end: usize, fold: u8, form: u8) {
        let k = self.k;
        let mut flags = form;
        if k == 0 {
            flags |= CUT;
            self.taken = 0;
            self.esc = escape_len(self.b, start);
        } else {
            flags |= self.gap;
            if self.gap & (SEP | TAG) != 0 || k == self.esc {
                flags |= CUT;
            }
            if flags & CUT != 0 && k >= 10 {
                self.window(k - 10);
            }
        }
        self.ring[k & 15] = Item {
            start,
            len: (end - start) as u8,
            fold,
            flags,
        };
        self.k = k + 1;
        self.gap = 0;
        self.seps = 0;
        // Past the window at the escape's end without testing it (no cut there).
        if self.esc > 0 && k == self.esc + 10 {
            self.flush();
        }
    }

    /// The run ends (at a boundary character, a long gap, or the text's end).
    #[inline]
    fn end_run(&mut self) {
        if self.k >= 10 {
            self.window(self.k - 10);
        }
        self.flush();
        self.k = 0;
        self.gap = 0;
        self.seps = 0;
    }

    /// A separator (tolerant mode).
    #[inline]
    fn separator(&mut self) {
        if self.k > 0 {
            self.gap |= SEP;
            self.seps += 1;
            if self.seps > MAX_GAP {
                self.end_run();
            }
        }
    }

    /// Tests the ten letters and digits from index `s` of the run, which end at a
    /// cut: they must start at one too, not overlap the last ID, have separator
    /// gaps only after the 1st, 4th and 7th, and have an ID format.
    ///
    /// IDs never overlap and the leftmost wins, with one exception: after an
    /// escape (`\nA123…`), the ID that starts right after the escape wins over
    /// one that starts inside it, which a tag or gap could otherwise end
    /// (`\tB20000000<b>4` is `B200000004`, not `TB20000000`). A window starting
    /// before the escape's end waits in `pending` until the window at the
    /// escape's end has been tested.
    fn window(&mut self, s: usize) {
        if s < self.taken {
            return;
        }
        let Some(c) = self.candidate(s) else {
            if s == self.esc {
                self.flush();
            }
            return;
        };
        if s < self.esc {
            self.pending.get_or_insert(c);
            return;
        }
        if s == self.esc {
            self.pending = None;
        }
        self.accept(c);
    }

    /// The window of ten from index `s`, if it may be an ID (see [`Self::window`]).
    fn candidate(&self, s: usize) -> Option<Candidate> {
        let first = self.ring[s & 15];
        if first.flags & CUT == 0 {
            return None;
        }
        let mut norm = [0u8; 10];
        let mut flags = first.flags & (FW | FOLD);
        for (j, n) in norm.iter_mut().enumerate() {
            let it = self.ring[(s + j) & 15];
            *n = it.fold;
            if j > 0 {
                if it.flags & SEP != 0 && !matches!(j, 1 | 4 | 7) {
                    return None;
                }
                flags |= it.flags;
            }
        }
        let info = classify_ascii(&norm);
        if !info.format_valid {
            return None;
        }
        let last = self.ring[(s + 9) & 15];
        Some(Candidate {
            s,
            start: first.start,
            end: last.start + usize::from(last.len),
            info,
            norm,
            flags,
        })
    }

    /// Reports a window as an ID.
    fn accept(&mut self, c: Candidate) {
        self.emit(c.start, c.end, c.info, &c.norm, c.flags);
        self.taken = c.s + 10;
    }

    /// The window at the escape's end was not an ID: the waiting one is.
    fn flush(&mut self) {
        if let Some(c) = self.pending.take()
            && c.s >= self.taken
        {
            self.accept(c);
        }
    }

    /// A run of ASCII letters and digits only, `i..e`, between boundaries: the
    /// common case, tested without the ring (the whole run, or the run after
    /// an escape, must be ten characters).
    #[inline]
    fn ascii_run(&mut self, i: usize, e: usize) {
        let len = e - i;
        let s = match len {
            10 => i,
            11..=19 if len - 10 == escape_len(self.b, i) => i + len - 10,
            _ => return,
        };
        let Ok(tok) = <&[u8; 10]>::try_from(&self.b[s..s + 10]) else {
            return;
        };
        let info = classify_ascii(tok);
        if info.format_valid {
            let mut norm = *tok;
            norm.make_ascii_uppercase();
            self.emit(s, s + 10, info, &norm, 0);
        }
    }

    /// Records a match: offsets, masked form.
    fn emit(&mut self, start: usize, end: usize, info: IdInfo, norm: &[u8; 10], flags: u8) {
        // Every byte before `end` was skipped as ASCII by the block search or
        // read here: while none was non-ASCII, every offset is the byte offset.
        self.cur.ascii = !self.non_ascii;
        self.cur.advance(self.b, start);
        let (char_start, utf16_start) = (self.cur.chars, self.cur.utf16);
        self.cur.advance(self.b, end);
        self.out.push(IdMatch {
            start,
            end,
            char_start,
            char_end: self.cur.chars,
            utf16_start,
            utf16_end: self.cur.utf16,
            kind: info.kind,
            checksum_valid: info.checksum_valid,
            fullwidth: flags & FW != 0,
            folded: flags & FOLD != 0,
            invisible: flags & INV != 0,
            separated: flags & SEP != 0,
            tagged: flags & TAG != 0,
            masked: mask_id(norm, self.mask),
        });
    }

    /// HTML: the end of the tag that starts at `i` (a `<`), if it is one.
    fn tag_end(&mut self, i: usize) -> Option<usize> {
        let next = *self.b.get(i + 1)?;
        if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            return None;
        }
        // One search per `>`: linear however many `<` there are.
        let gt = match self.gt {
            Some(g) if g > i => g,
            _ => {
                let g = memchr(b'>', &self.b[i + 1..]).map_or(self.b.len(), |p| i + 1 + p);
                self.gt = Some(g);
                g
            }
        };
        if gt >= self.b.len() || gt - i > MAX_TAG {
            return None;
        }
        // A tag with non-ASCII text inside is skipped unread: say so.
        self.non_ascii |= !self.b[i..gt].is_ascii();
        Some(gt + 1)
    }

    /// Reads from `i` (a character boundary) until past `until`, between runs, at
    /// an ASCII byte (or the end). Returns where it stopped.
    fn run(&mut self, mut i: usize, until: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let lead = if self.loose {
            &fold::LEAD_LOOSE
        } else {
            &fold::LEAD
        };
        while i < n {
            let x = b[i];
            if x < 0x80 {
                if x.is_ascii_alphanumeric() {
                    if self.k == 0 || self.gap & (SEP | TAG) != 0 {
                        // A group of ASCII letters and digits starts here, at a
                        // cut: measure it.
                        let e = b[i + 1..]
                            .iter()
                            .position(|c| !c.is_ascii_alphanumeric())
                            .map_or(n, |p| i + 1 + p);
                        let next = b.get(e).copied();
                        // A whole run, ASCII to a plain boundary: take it whole.
                        if self.k == 0
                            && next.is_none_or(|y| {
                                y < 0x80
                                    && !(self.html && y == b'<')
                                    && !(self.loose && (y == b' ' || y == b'-'))
                            })
                        {
                            self.ascii_run(i, e);
                            i = e;
                            continue;
                        }
                        // A group that ends at an ASCII byte (so no cut falls
                        // inside it) with a letter after its second character
                        // lies in no ID: an ID has letters only first and
                        // second, and a window starts and ends at cuts. It ends
                        // the run, as the cut before it would have (words of
                        // prose in the modes; not after an escape).
                        if next.is_none_or(|y| y < 0x80)
                            && (self.k > 0 || escape_len(b, i) == 0)
                            && b.get(i + 2..e)
                                .is_some_and(|t| t.iter().any(u8::is_ascii_alphabetic))
                        {
                            if self.k > 0 {
                                self.end_run();
                            }
                            i = e;
                            continue;
                        }
                    }
                    self.alnum(i, i + 1, x.to_ascii_uppercase(), 0);
                    i += 1;
                    continue;
                }
                if self.k == 0 && i >= until {
                    return i;
                }
                if self.html
                    && x == b'<'
                    && let Some(e) = self.tag_end(i)
                {
                    if self.k > 0 {
                        self.gap |= TAG;
                    }
                    i = e;
                    continue;
                }
                if self.loose && (x == b' ' || x == b'-') {
                    self.separator();
                } else if self.k > 0 {
                    self.end_run();
                }
                i += 1;
                // Between runs past the hit: back to the block search.
                if self.k == 0 && i >= until {
                    return i;
                }
                continue;
            }
            self.non_ascii = true;
            let len = utf8_len(x);
            if lead[usize::from(x)]
                && let Some(c) = self.text[i..].chars().next()
            {
                match fold::kind(c) {
                    CharKind::Alnum(f) => {
                        let form = if fold::is_fullwidth(c) { FW } else { FOLD };
                        self.alnum(i, i + len, f, form);
                    }
                    CharKind::Invisible => {
                        if self.k > 0 {
                            self.gap |= INV;
                        }
                    }
                    CharKind::Space | CharKind::Dash if self.loose => self.separator(),
                    _ => {
                        if self.k > 0 {
                            self.end_run();
                        }
                    }
                }
            } else if self.k > 0 {
                self.end_run();
            }
            i += len;
        }
        self.end_run();
        n
    }
}

/// Length of the UTF-8 sequence a lead byte starts (1 for a stray continuation
/// byte, which valid `str` never has at a character boundary).
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The first `needle` in `hay`.
#[inline]
fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// How many letters and digits at the start of a run (at `start`) belong to an
/// escape glued before an ID: JSON/Python `\uXXXX`, `\UXXXXXXXX`, `\xXX`, C
/// `\n \t \r \b \f \v`, URL `%XX` (module docs). 0 when there is none.
fn escape_len(b: &[u8], start: usize) -> usize {
    let Some(&before) = start.checked_sub(1).and_then(|p| b.get(p)) else {
        return 0;
    };
    let hex = |n: usize| {
        b.get(start + 1..start + 1 + n)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    };
    match (before, b.get(start)) {
        (b'\\', Some(b'u')) if hex(4) => 5,
        (b'\\', Some(b'U')) if hex(8) => 9,
        (b'\\', Some(b'x')) if hex(2) => 3,
        (b'\\', Some(b'n' | b't' | b'r' | b'b' | b'f' | b'v')) => 1,
        (b'%', Some(h))
            if h.is_ascii_hexdigit() && b.get(start + 1).is_some_and(u8::is_ascii_hexdigit) =>
        {
            2
        }
        _ => 0,
    }
}

/// Block size of the search: each block is tested with one OR-fold.
const BLOCK: usize = 64;

/// The first byte at or after `from` that `hit` accepts, else `b.len()`.
///
/// A separate, call-free loop so the compiler keeps the block in registers and
/// vectorises the fold (issue 20: the earlier loop spilled around its call).
#[inline(always)]
fn next_hit(b: &[u8], from: usize, hit: impl Fn(u8) -> bool + Copy) -> usize {
    // The next few bytes one by one: in CJK text the next character is usually
    // right there.
    let near = b.len().min(from + 8);
    if let Some(p) = b[from..near].iter().position(|&x| hit(x)) {
        return from + p;
    }
    let mut i = near;
    while let Some(block) = b.get(i..i + BLOCK) {
        let mut any = false;
        for &x in block {
            any |= hit(x);
        }
        if any {
            return i + block.iter().position(|&x| hit(x)).unwrap_or(0);
        }
        i += BLOCK;
    }
    i + b[i..].iter().position(|&x| hit(x)).unwrap_or(b.len() - i)
}

/// An ASCII digit or a non-ASCII byte: every ID has one (module docs).
#[inline(always)]
fn hit_default(x: u8) -> bool {
    x.wrapping_sub(b'0') < 10 || x >= 0x80
}

/// HTML mode also stops at `<` and `>`, so the bytes it skips are outside tags.
#[inline(always)]
fn hit_html(x: u8) -> bool {
    hit_default(x) || x == b'<' || x == b'>'
}

/// Finds every ID (module docs), in order.
fn find(text: &str, options: &ScanOptions, policy: &IdentityPolicy) -> Vec<IdMatch> {
    let b = text.as_bytes();
    let n = b.len();
    let mut m = Machine {
        text,
        b,
        html: options.html,
        loose: options.loose,
        ring: [Item::default(); 16],
        k: 0,
        gap: 0,
        seps: 0,
        esc: 0,
        taken: 0,
        pending: None,
        non_ascii: false,
        gt: None,
        cur: Cursor::default(),
        mask: policy,
        out: Vec::new(),
    };
    let mut pos = 0;
    while pos < n {
        let q = if options.html {
            next_hit(b, pos, hit_html)
        } else {
            next_hit(b, pos, hit_default)
        };
        if q >= n {
            break;
        }
        // Step back over the letters (and, tolerant, separators) before the hit:
        // the bytes skipped are ASCII, and the one before them a boundary.
        let mut r = q;
        if options.loose {
            while r > pos
                && matches!(b[r - 1], b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b' ' | b'-')
            {
                r -= 1;
            }
        } else {
            while r > pos && b[r - 1].is_ascii_alphanumeric() {
                r -= 1;
            }
        }
        pos = m.run(r, q + 1);
    }
    m.out
}

/// Checks the size limit of a text scan.
pub(crate) fn check_size(field: &str, len: usize, policy: &Policy) -> Result<()> {
    let limit = policy.limits.scan_max_bytes;
    if len as u64 > limit {
        return Err(PolicyError::InputTooLarge {
            field: field.into(),
            limit,
            actual: len as u64,
        });
    }
    Ok(())
}

/// Every ID number in a text, in order, with the default options.
///
/// ```
/// use ntpc_policy::{Policy, identity::scan};
/// let found = scan("學生A123456789，家長Ｂ２２３４５６７８９", &Policy::default()).unwrap();
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].char_start, found[0].masked.as_str()), (2, "A12****789"));
/// assert!(found[1].fullwidth);
/// // Invisible characters inside, an escape glued in front: still found.
/// assert_eq!(scan("學生A12\u{200B}3456789", &Policy::default()).unwrap().len(), 1);
/// assert_eq!(scan(r"\u751fA123456789", &Policy::default()).unwrap()[0].start, 6);
/// ```
pub fn scan(text: &str, policy: &Policy) -> Result<Vec<IdMatch>> {
    scan_with(text, &ScanOptions::default(), policy)
}

/// Every ID number in a text, in order, read as `options` say.
///
/// ```
/// use ntpc_policy::{Policy, identity::{scan_with, ScanOptions}};
/// let p = Policy::default();
/// let html = ScanOptions { html: true, ..Default::default() };
/// let found = scan_with("<b>A</b>123456789", &html, &p).unwrap();
/// assert_eq!((found[0].start, found[0].end, found[0].tagged), (3, 17, true));
/// let loose = ScanOptions { loose: true, ..Default::default() };
/// assert_eq!(scan_with("A 123 456 789", &loose, &p).unwrap()[0].masked, "A12****789");
/// assert!(scan_with("A 123 456 789", &ScanOptions::default(), &p).unwrap().is_empty());
/// ```
pub fn scan_with(text: &str, options: &ScanOptions, policy: &Policy) -> Result<Vec<IdMatch>> {
    check_size("text", text.len(), policy)?;
    Ok(find(text, options, &policy.identity))
}

/// The text with every ID number replaced by its masked ASCII form, with the
/// default options.
///
/// ```
/// use ntpc_policy::{Policy, identity::redact};
/// assert_eq!(redact("ID: A123456789.", &Policy::default()).unwrap(), "ID: A12****789.");
/// // The whole span goes, invisible characters included.
/// assert_eq!(redact("ID: A12\u{00AD}3456789.", &Policy::default()).unwrap(), "ID: A12****789.");
/// ```
pub fn redact(text: &str, policy: &Policy) -> Result<String> {
    redact_with(text, &ScanOptions::default(), policy)
}

/// The text with every ID number masked, read as `options` say. Each span is
/// replaced by the masked ID (`A12****789`); in HTML mode the tags inside a
/// span stay where they were, between the masked characters.
///
/// ```
/// use ntpc_policy::{Policy, identity::{redact_with, ScanOptions}};
/// let html = ScanOptions { html: true, ..Default::default() };
/// assert_eq!(redact_with("<b>A</b>123456789", &html, &Policy::default()).unwrap(), "<b>A</b>12****789");
/// ```
pub fn redact_with(text: &str, options: &ScanOptions, policy: &Policy) -> Result<String> {
    let matches = scan_with(text, options, policy)?;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in &matches {
        out.push_str(&text[at..m.start]);
        for piece in replacement(text, m, options) {
            match piece {
                Piece::Mask(c) => out.push(c),
                Piece::Keep(s, e) => out.push_str(&text[s..e]),
            }
        }
        at = m.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// A piece of the replacement of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    /// A character of the masked ID.
    Mask(char),
    /// Text kept as it was (a tag), by byte range.
    Keep(usize, usize),
}

/// What replaces a span: the masked ID's characters in place of its letters and
/// digits; tags (HTML mode) kept; invisible characters and separators dropped.
pub(crate) fn replacement(text: &str, r: &IdMatch, options: &ScanOptions) -> Vec<Piece> {
    let mut mask = r.masked.chars();
    let mut pieces = Vec::with_capacity(12);
    let span = &text[r.start..r.end];
    let mut i = 0;
    while let Some(c) = span[i..].chars().next() {
        let len = c.len_utf8();
        if options.html
            && c == '<'
            && let Some(gt) = span[i..].find('>')
            && gt <= MAX_TAG
        {
            let next = span.as_bytes().get(i + 1).copied().unwrap_or(0);
            if next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?') {
                pieces.push(Piece::Keep(r.start + i, r.start + i + gt + 1));
                i += gt + 1;
                continue;
            }
        }
        if let CharKind::Alnum(_) = fold::kind(c)
            && let Some(m) = mask.next()
        {
            pieces.push(Piece::Mask(m));
        }
        i += len;
    }
    // A masked ID always has ten characters (`mask_normalized`); keep any rest.
    pieces.extend(mask.map(Piece::Mask));
    pieces
}

/// Running character and UTF-16 counts, advanced monotonically (linear overall).
#[derive(Default)]
struct Cursor {
    /// The whole text is ASCII: every offset equals the byte offset.
    ascii: bool,
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl Cursor {
    fn advance(&mut self, bytes: &[u8], to: usize) {
        let seg = &bytes[self.byte..to];
        self.byte = to;
        if self.ascii || seg.is_ascii() {
            self.chars += seg.len();
            self.utf16 += seg.len();
            return;
        }
        // A byte starts a character unless it is a continuation byte (10xxxxxx);
        // characters of four bytes (lead 11110xxx) take two UTF-16 units. Two
        // simple counting loops, which the compiler vectorises.
        let chars = seg.iter().filter(|&&b| (b as i8) >= -0x40).count();
        let wide = seg.iter().filter(|&&b| b >= 0xF0).count();
        self.chars += chars;
        self.utf16 += chars + wide;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, options: ScanOptions) -> Vec<(usize, usize, String)> {
        scan_with(text, &options, &Policy::default())
            .unwrap()
            .into_iter()
            .map(|m| (m.start, m.end, m.masked))
            .collect()
    }

    const HTML: ScanOptions = ScanOptions {
        html: true,
        loose: false,
    };
    const LOOSE: ScanOptions = ScanOptions {
        html: false,
        loose: true,
    };

    #[test]
    fn escapes_before_are_boundaries() {
        let d = ScanOptions::default();
        for (text, start) in [
            (r"\u751fA123456789", 6),
            (r"\U0001F600A123456789", 10),
            (r"\xe7A123456789", 4),
            (r"\nA123456789", 2),
            (r"\tA123456789", 2),
            ("%E7%94%9FA123456789", 9),
            ("%20A123456789", 3),
            ("%20a123456789", 3),
        ] {
            assert_eq!(
                found(text, d),
                [(start, start + 10, "A12****789".into())],
                "{text}"
            );
        }
        // The whole run wins when it is an ID itself.
        assert_eq!(found(r"\nA12345677", d).len(), 1);
        assert_eq!(found(r"\nA12345677", d)[0].0, 1);
        // Not an escape: glued.
        assert!(found("%ZA123456789", d).is_empty());
        assert!(found(r"\qA123456789", d).is_empty());
        assert!(found(r"\u75fA123456789", d).is_empty());
        assert!(found("xA123456789", d).is_empty());
    }

    #[test]
    fn invisible_and_folded() {
        let d = ScanOptions::default();
        let m = scan_with("學生A12\u{200B}3456789。", &d, &Policy::default()).unwrap();
        assert_eq!((m[0].start, m[0].end, m[0].invisible), (6, 19, true));
        assert_eq!(found("𝐀𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", d).len(), 1);
        assert_eq!(found("A①②③④⑤⑥⑦⑧⑨", d).len(), 1);
        // Glued through an invisible character: one run of eleven.
        assert!(found("X\u{200D}A123456789", d).is_empty());
        // ⑩ is "10": not one character's fold, so a boundary.
        assert!(found("A12345678⑩", d).is_empty());
    }

    #[test]
    fn html_mode() {
        assert_eq!(
            found("<b>A</b>123456789", HTML),
            [(3, 17, "A12****789".into())]
        );
        assert_eq!(
            found("X<br>A123456789", HTML),
            [(5, 15, "A12****789".into())]
        );
        assert_eq!(
            found("A123456789<i>0</i>", HTML),
            [(0, 10, "A12****789".into())]
        );
        assert!(found("<b>A</b>1234567890", HTML).is_empty());
        // After an escape, the ID after it beats one a tag ends inside it.
        assert_eq!(
            found(r"\tB20000000<b>4", HTML),
            [(2, 15, "B20****004".into())]
        );
        assert_eq!(
            found(r"\nA12345677<b>x", HTML),
            [(1, 11, "NA1****677".into())]
        );
        assert!(found("<b>A</b>123456789", ScanOptions::default()).is_empty());
        // `<` that starts no tag is a boundary; a tag never closed is none.
        assert_eq!(found("a < A123456789", HTML).len(), 1);
        assert!(found("<bA123456789", HTML).is_empty());
        // A `<x` far from any `>` is no tag: the ID after it is found.
        let far = format!("a<b {} A123456789 {}>", "x".repeat(5000), "y");
        assert_eq!(found(&far, HTML).len(), 1);
        let p = Policy::default();
        assert_eq!(
            redact_with("<td><b>A</b>12<!-- x -->3456789</td>", &HTML, &p).unwrap(),
            "<td><b>A</b>12<!-- x -->****789</td>"
        );
    }

    #[test]
    fn loose_mode() {
        for text in [
            "A 123 456 789",
            "A123-456-789",
            "A123 456 789",
            "A 123456789",
            "A\u{00A0}123\u{00A0}456\u{00A0}789",
            "A\u{3000}123\u{3000}456\u{3000}789",
            "A123\u{2014}456\u{2014}789",
            "A - 123 - 456 - 789",
        ] {
            assert_eq!(found(text, LOOSE).len(), 1, "{text}");
            assert_eq!(
                redact_with(text, &LOOSE, &Policy::default()).unwrap(),
                "A12****789"
            );
            assert!(found(text, ScanOptions::default()).is_empty(), "{text}");
        }
        for text in [
            "A12 3456789",
            "A 123    456 789",
            "A1 2 3 4 5 6 7 8 9",
            "X A 123 456 789",
        ] {
            let want = usize::from(text.starts_with("X A"));
            assert_eq!(found(text, LOOSE).len(), want, "{text}");
        }
        // A gap ends an ID: the groups after it are another number.
        assert_eq!(found("A 123 456 789 0912 345 678", LOOSE).len(), 1);
        // A long run of spaced words is read through.
        assert_eq!(found(&"the school ".repeat(40), LOOSE).len(), 0);
        assert_eq!(found("report A123 456 789 done", LOOSE)[0].0, 7);
    }

    #[test]
    fn blocks_and_restarts() {
        // IDs across block boundaries, after long digit-free ASCII, after CJK.
        for pad in 0..140 {
            let text = format!(
                "{}A123456789 {}學AB12345677",
                "x ".repeat(pad),
                "好".repeat(pad % 7)
            );
            assert_eq!(found(&text, ScanOptions::default()).len(), 2, "{pad}");
            let loose = format!("{}A 123 456 789 ", "ab ".repeat(pad));
            assert_eq!(found(&loose, LOOSE).len(), 1, "{pad}");
            let html = format!("{}<b>A</b>123456789", "a b ".repeat(pad));
            assert_eq!(found(&html, HTML).len(), 1, "{pad}");
        }
    }
}
