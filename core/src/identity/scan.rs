//! Finding and redacting ID numbers in text (RULES §2, for personal-data leak
//! checks of published files and logs).
//!
//! An ID number in text is a *maximal* run of letters and digits (ASCII or
//! full-width) that is exactly ten characters long and has an ID format: that is
//! what "not glued to other letters or digits" means. CJK characters, spaces and
//! punctuation end a run, so `身分證A123456789號` is found and `XA123456789` is not.
//!
//! Speed (a published-file scan may cover gigabytes): every ID contains eight
//! consecutive ASCII digits, so the ASCII path tests 64-byte chunks for a digit
//! with a vectorisable OR-fold and looks byte by byte only at chunks that have
//! one; each byte is read a bounded number of times, so the scan is linear on
//! every input. Full-width runs take a
//! character-level path, run only when the text has a `0xEF` byte (the lead byte
//! of every full-width form).

use super::classify::{IdKind, classify_ascii};
use super::mask::mask_normalized;
use crate::error::{PolicyError, Result};
use crate::policy::Policy;
use serde::Serialize;

/// One ID number found in a text. Offsets are end-exclusive.
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
    /// Written (at least partly) with full-width characters.
    pub fullwidth: bool,
    /// The number, normalised to ASCII and masked.
    pub masked: String,
}

struct Raw {
    start: usize,
    end: usize,
    norm: [u8; 10],
    fullwidth: bool,
}

/// Every ID number in a text, in order.
///
/// ```
/// use ntpc_policy::{Policy, identity::scan};
/// let found = scan("學生A123456789，家長Ｂ２２３４５６７８９", &Policy::default()).unwrap();
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].char_start, found[0].masked.as_str()), (2, "A12****789"));
/// assert!(found[1].fullwidth);
/// ```
pub fn scan(text: &str, policy: &Policy) -> Result<Vec<IdMatch>> {
    let limit = policy.limits.scan_max_bytes;
    if text.len() as u64 > limit {
        return Err(PolicyError::InputTooLarge {
            field: "text".into(),
            limit,
            actual: text.len() as u64,
        });
    }
    let bytes = text.as_bytes();
    let mut raw = Vec::new();
    // ASCII text has no full-width forms, and its character and UTF-16 offsets
    // equal its byte offsets; ascii_runs learns which on the way.
    let ascii = ascii_runs(text, &mut raw);
    if !ascii && bytes.contains(&0xEF) {
        fullwidth_runs(text, &mut raw);
        raw.sort_unstable_by_key(|r| r.start);
    }
    let mut cur = Cursor {
        ascii,
        ..Cursor::default()
    };
    Ok(raw
        .into_iter()
        .map(|r| {
            cur.advance(bytes, r.start);
            let (char_start, utf16_start) = (cur.chars, cur.utf16);
            cur.advance(bytes, r.end);
            let info = classify_ascii(&r.norm);
            IdMatch {
                start: r.start,
                end: r.end,
                char_start,
                char_end: cur.chars,
                utf16_start,
                utf16_end: cur.utf16,
                kind: info.kind,
                checksum_valid: info.checksum_valid,
                fullwidth: r.fullwidth,
                masked: mask_normalized(
                    std::str::from_utf8(&r.norm).unwrap_or_default(),
                    &policy.identity,
                ),
            }
        })
        .collect())
}

/// The text with every ID number replaced by its masked ASCII form.
///
/// ```
/// use ntpc_policy::{Policy, identity::redact};
/// assert_eq!(redact("ID: A123456789.", &Policy::default()).unwrap(), "ID: A12****789.");
/// ```
pub fn redact(text: &str, policy: &Policy) -> Result<String> {
    let found = scan(text, policy)?;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in &found {
        out.push_str(&text[at..m.start]);
        out.push_str(&m.masked);
        at = m.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
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

/// A full-width letter or digit folded to uppercase ASCII.
#[inline]
fn fold_fullwidth(c: char) -> Option<u8> {
    match c {
        '０'..='９' => Some(b'0' + (c as u32 - '０' as u32) as u8),
        'Ａ'..='Ｚ' => Some(b'A' + (c as u32 - 'Ａ' as u32) as u8),
        'ａ'..='ｚ' => Some(b'A' + (c as u32 - 'ａ' as u32) as u8),
        _ => None,
    }
}

/// Whether the character that ends at byte `at` (exclusive) is a letter or digit.
fn alnum_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || fold_fullwidth(c).is_some())
}

/// Whether the character that starts at byte `at` is a letter or digit.
fn alnum_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || fold_fullwidth(c).is_some())
}

/// Chunk size of the first pass: each chunk is tested for "has a digit" and
/// "has a non-ASCII byte" with branch-free OR-folds the compiler turns into SIMD.
const CHUNK: usize = 64;

/// Runs made only of ASCII letters and digits. Returns whether the text is ASCII.
///
/// Every ID holds eight consecutive digits, so only chunks that contain a digit
/// are looked at byte by byte; from each digit not yet covered, the maximal
/// alphanumeric run around it is measured once. Each byte is read by the
/// chunk pass and by at most one run extension: linear on every input.
fn ascii_runs(text: &str, out: &mut Vec<Raw>) -> bool {
    let b = text.as_bytes();
    let n = b.len();
    let digit = |x: u8| x.wrapping_sub(b'0') < 10;
    let mut non_ascii = 0u8;
    let mut covered = 0;
    let mut chunks = b.chunks_exact(CHUNK);
    let mut base = 0;
    for chunk in chunks.by_ref() {
        let (mut d, mut h) = (0u8, 0u8);
        for &x in chunk {
            d |= u8::from(digit(x));
            h |= x;
        }
        non_ascii |= h;
        if d != 0 {
            covered = runs_in(text, base, base + CHUNK, covered, out);
        }
        base += CHUNK;
    }
    let rest = chunks.remainder();
    non_ascii |= rest.iter().fold(0, |h, &x| h | x);
    if rest.iter().any(|&x| digit(x)) {
        runs_in(text, base, n, covered, out);
    }
    non_ascii < 0x80
}

/// Examines every digit in `from..to` not yet covered by a measured run; returns
/// the new coverage.
fn runs_in(text: &str, from: usize, to: usize, mut covered: usize, out: &mut Vec<Raw>) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    for i in from.max(covered)..to {
        if i < covered || !b[i].is_ascii_digit() {
            continue;
        }
        let mut a = i;
        while a > 0 && b[a - 1].is_ascii_alphanumeric() {
            a -= 1;
        }
        let mut e = i + 1;
        while e < n && b[e].is_ascii_alphanumeric() {
            e += 1;
        }
        covered = e;
        // Both a and e sit next to ASCII bytes, so they are char boundaries.
        if e - a == 10
            && !alnum_before(text, a)
            && !alnum_after(text, e)
            && let Ok(tok) = <&[u8; 10]>::try_from(&b[a..e])
        {
            let info = classify_ascii(tok);
            if info.format_valid {
                let mut norm = *tok;
                norm.make_ascii_uppercase();
                out.push(Raw {
                    start: a,
                    end: e,
                    norm,
                    fullwidth: false,
                });
            }
        }
    }
    covered
}

/// Runs of letters and digits with at least one full-width character.
fn fullwidth_runs(text: &str, out: &mut Vec<Raw>) {
    let mut start = 0;
    let mut len = 0usize;
    let mut buf = [0u8; 10];
    let mut has_fw = false;
    let mut finish = |start: usize, end: usize, len: usize, buf: &[u8; 10], has_fw: bool| {
        if len == 10 && has_fw && classify_ascii(buf).format_valid {
            out.push(Raw {
                start,
                end,
                norm: *buf,
                fullwidth: true,
            });
        }
    };
    for (at, c) in text.char_indices() {
        let folded = if c.is_ascii_alphanumeric() {
            Some(c.to_ascii_uppercase() as u8)
        } else {
            fold_fullwidth(c)
        };
        match folded {
            Some(f) => {
                if len == 0 {
                    start = at;
                    has_fw = false;
                }
                if len < 10 {
                    buf[len] = f;
                }
                len += 1;
                has_fw |= !c.is_ascii();
            }
            None => {
                finish(start, at, len, &buf, has_fw);
                len = 0;
            }
        }
    }
    finish(start, text.len(), len, &buf, has_fw);
}
