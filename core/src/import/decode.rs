//! Turning the bytes of an exported file into text without mojibake.
//!
//! Files come from three places: the department's web exports (UTF-8, often with
//! a BOM so Excel opens them), Excel in Taiwan saving "CSV" (Big5/CP950), and
//! Excel saving "Unicode text" (UTF-16 little-endian with a BOM, tab-separated).
//!
//! Decided: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one,
//! UTF-16 is recognised by its NUL bytes (below), then valid UTF-8 is UTF-8, else
//! the file is read as Big5 (the WHATWG Big5 table, which covers CP950), and the
//! result says which. Bytes that neither reads are an `import.bad_encoding` error
//! naming the first bad line — never replacement characters.
//!
//! UTF-16 without a byte-order mark (written by some tools and by PowerShell's
//! `Out-File -Encoding Unicode` piped through others; issue 14 §1): every ASCII
//! character — digits, Latin letters, spaces, line ends — is a NUL byte beside
//! its ASCII byte, after it in little-endian, before it in big-endian. Read as
//! UTF-8 such a file is valid but each NUL splits the text, so an ID number in it
//! would never be found. Decided, for data of even length without a BOM:
//!
//! 1. With four NUL bytes or more, it is UTF-16 when one byte order shows more
//!    than twice the *evidence* of text (below) of the other — read before
//!    trying UTF-8, since such bytes are often valid UTF-8 too.
//! 2. With fewer NULs (a short CJK text with two line ends has two), it is tried
//!    as UTF-16 when it is not valid UTF-8, before Big5 (Big5 text has no NUL
//!    bytes), and taken when one byte order shows more evidence than the other.
//! 3. Evidence is what text in the other byte order almost never produces: ASCII
//!    text characters (tab, line ends, space to `~`), CJK and general
//!    punctuation (U+3000–U+303F, U+2000–U+206F), full-width forms
//!    (U+FF00–U+FFEF), supplementary characters from valid surrogate pairs
//!    (counted twice); ideographs count for nothing (swapped, a third of them are
//!    ideographs again). It is counted on both orders decoded with replacement,
//!    over the first MiB.
//!    NUL positions alone would mislead: `一` (U+4E00), the ideographic space
//!    (U+3000) and `𝐀` (U+1D400, whose low surrogate ends in 00) put NULs on the
//!    other side.
//! 4. The chosen order must decode strictly. Under rule 1, when it does not (a
//!    lone surrogate), that is the error, not a fall-back to UTF-8 that would
//!    find nothing.
//!
//! Limit: UTF-16 with fewer than four ASCII characters whose bytes happen to be
//! valid UTF-8 (every code unit's bytes below 0x80) is read as UTF-8.

use crate::error::{PolicyError, Result};
use encoding_rs::{BIG5, Encoding, UTF_8};
use serde::Serialize;
use std::borrow::Cow;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TextEncoding {
    /// UTF-8 (with or without a byte-order mark).
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16 little-endian (Excel's "Unicode text", with a byte-order mark; or
    /// without one, recognised by its NUL bytes).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian (with a byte-order mark, or recognised by its NUL bytes).
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Big5 / CP950, as Excel in Taiwan saves CSV.
    #[serde(rename = "big5")]
    Big5,
}

impl TextEncoding {
    /// The stable name: `utf-8`, `utf-16le`, `utf-16be`, `big5`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Big5 => "big5",
        }
    }
}

/// Decoded text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Decoded {
    /// The text, without the byte-order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: TextEncoding,
    /// Whether the file started with a byte-order mark.
    pub bom: bool,
}

/// Reads the bytes of a file as text. See the module docs for the rules.
///
/// ```
/// use ntpc_policy::import::{decode, TextEncoding};
/// let utf8 = decode("編號,等級\n".as_bytes()).unwrap();
/// assert_eq!((utf8.encoding, utf8.bom), (TextEncoding::Utf8, false));
/// // 等級 in Big5 is B5 A5 AF C5.
/// let big5 = decode(&[0xB5, 0xA5, 0xAF, 0xC5]).unwrap();
/// assert_eq!((big5.text.as_str(), big5.encoding), ("等級", TextEncoding::Big5));
/// assert_eq!(decode(&[b'a', b'\n', 0xFF, 0xFF]).unwrap_err().code().as_str(), "import.bad_encoding");
/// ```
pub fn decode(data: &[u8]) -> Result<Decoded> {
    let (text, encoding, bom) = decode_cow(data)?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        bom,
    })
}

/// [`decode`] without copying valid UTF-8 (a text scan may read a gigabyte):
/// the text, the encoding and whether there was a byte-order mark.
pub(crate) fn decode_cow(data: &[u8]) -> Result<(Cow<'_, str>, TextEncoding, bool)> {
    if let Some((enc, bom_len)) = Encoding::for_bom(data) {
        let body = &data[bom_len..];
        let encoding = if enc == UTF_8 {
            TextEncoding::Utf8
        } else if enc == encoding_rs::UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        if enc == UTF_8
            && let Ok(text) = std::str::from_utf8(body)
        {
            return Ok((Cow::Borrowed(text), encoding, true));
        }
        return strict(enc, body).map(|text| (Cow::Owned(text), encoding, true));
    }
    let even_len = data.len().is_multiple_of(2);
    let nuls = if even_len {
        data.iter().filter(|&&b| b == 0).count()
    } else {
        0
    };
    if nuls >= 4 {
        let (le, be) = utf16_evidence(data);
        if le > 2 * be || be > 2 * le {
            let (enc, encoding) = if le > be {
                (encoding_rs::UTF_16LE, TextEncoding::Utf16Le)
            } else {
                (encoding_rs::UTF_16BE, TextEncoding::Utf16Be)
            };
            // A lone surrogate is the error, with its line.
            return strict(enc, data).map(|text| (Cow::Owned(text), encoding, false));
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        return Ok((Cow::Borrowed(text), TextEncoding::Utf8, false));
    }
    if nuls > 0 {
        let (le, be) = utf16_evidence(data);
        let order = match le.cmp(&be) {
            std::cmp::Ordering::Greater => Some((encoding_rs::UTF_16LE, TextEncoding::Utf16Le)),
            std::cmp::Ordering::Less => Some((encoding_rs::UTF_16BE, TextEncoding::Utf16Be)),
            std::cmp::Ordering::Equal => None,
        };
        if let Some((enc, encoding)) = order
            && let Some(text) = enc.decode_without_bom_handling_and_without_replacement(data)
        {
            return Ok((Cow::Owned(text.into_owned()), encoding, false));
        }
    }
    strict(BIG5, data).map(|text| (Cow::Owned(text), TextEncoding::Big5, false))
}

/// The evidence of text (rule 3) in the little- and big-endian readings of the
/// first mebibyte (a sample is enough, and a gigabyte is not decoded twice).
fn utf16_evidence(data: &[u8]) -> (usize, usize) {
    let sample = &data[..data.len().min(1 << 20)];
    (
        evidence(&encoding_rs::UTF_16LE.decode_without_bom_handling(sample).0),
        evidence(&encoding_rs::UTF_16BE.decode_without_bom_handling(sample).0),
    )
}

/// Characters of a decoding that the other byte order almost never produces
/// (rule 3): ASCII text, CJK and general punctuation, full-width forms, and
/// supplementary characters (two each).
fn evidence(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | ' '..='~' => 1,
            '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' => 1,
            '\u{10000}'.. => 2,
            _ => 0,
        })
        .sum()
}

/// Decodes without replacement; on a malformed sequence, the error names its line.
fn strict(enc: &'static Encoding, body: &[u8]) -> Result<String> {
    if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(body) {
        return Ok(text.into_owned());
    }
    // Decode again with replacement only to locate the first bad sequence: the
    // line is one more than the newlines before the first U+FFFD. (Big5 cannot
    // encode U+FFFD, and a UTF-16 file whose text holds a literal U+FFFD before
    // the real error only makes the line number earlier, never the result wrong.)
    let (lossy, _) = enc.decode_without_bom_handling(body);
    let upto = lossy.find('\u{FFFD}').unwrap_or(lossy.len());
    let line = 1 + lossy[..upto].matches('\n').count() as u64;
    Err(PolicyError::ImportEncoding { line })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_boms_and_utf16() {
        let d = decode(b"\xEF\xBB\xBFid\n").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            ("id\n", TextEncoding::Utf8, true)
        );
        let d = decode(b"\xFF\xFEi\x00d\x00").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("id", TextEncoding::Utf16Le));
        let d = decode(b"\xFE\xFF\x00i\x00d").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("id", TextEncoding::Utf16Be));
        // A BOM then invalid UTF-8 is an error on line 2, not Big5.
        let e = decode(b"\xEF\xBB\xBFa\n\xB5\xA5").unwrap_err();
        assert_eq!(e, PolicyError::ImportEncoding { line: 2 });
        assert_eq!(decode(b"").unwrap().text, "");
    }

    #[test]
    fn reads_utf16_without_bom() {
        let le: Vec<u8> = "學生A123456789\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&le).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            ("學生A123456789\r\n", TextEncoding::Utf16Le, false)
        );
        let be: Vec<u8> = "一二三 A123456789"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let d = decode(&be).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("一二三 A123456789", TextEncoding::Utf16Be)
        );
        // Three NULs are too few to tell: UTF-8 (valid, NULs and all).
        let short: Vec<u8> = "A1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&short).unwrap().encoding, TextEncoding::Utf8);
        // UTF-16LE mathematical letters: 𝐀 (D835 DC00) puts its NULs at even
        // positions, yet only little-endian reads as text.
        let math: Vec<u8> = "備註：𝐀𝐀𝐀𝐀𝐀𝐀，電話"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&math).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("備註：𝐀𝐀𝐀𝐀𝐀𝐀，電話", TextEncoding::Utf16Le)
        );
        // Ideographic spaces (U+3000: 00 30) put NULs on the even side too.
        let spaced: Vec<u8> = "學生S\u{3000}B83\u{3000}183\u{3000}908"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&spaced).unwrap().encoding, TextEncoding::Utf16Le);
        // Two NULs, but neither UTF-8 nor Big5: UTF-16 after all.
        let cjk: Vec<u8> = "沒有個資\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&cjk).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("沒有個資\r\n", TextEncoding::Utf16Le)
        );
        // NULs on both sides: not UTF-16.
        assert_eq!(
            decode(b"a\0\0b\0\0c\0\0d\0").unwrap().encoding,
            TextEncoding::Utf8
        );
    }
}
