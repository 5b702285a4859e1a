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
//! runs the character-level machine ([`machine::Machine`]) until the run ends, then
//! searches again. ASCII text without digits never leaves the block search;
//! each byte is read by the search, at most once stepping back and once by the
//! machine, so the scan is linear on every input. CJK characters are skipped by
//! their lead byte without decoding.

use super::classify::IdKind;
use super::fold::{self, CharKind};
use crate::error::{PolicyError, Result};
use crate::policy::Policy;
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
mod machine;
#[cfg(test)]
mod tests;

use machine::{MAX_TAG, find};

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
