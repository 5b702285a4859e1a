//! Scanning and redacting the bytes of a file (issue 14 §1): the text is read
//! with the importer's decoder, and the redaction is written back in the
//! file's own encoding.
//!
//! A scan that cannot read the text must not report it clean: bytes that are
//! neither UTF-8, UTF-16 (with a byte-order mark, or recognised by its NUL
//! bytes) nor Big5 are an `import.bad_encoding` error, never "0 found". The
//! redaction changes only the bytes of each ID's span: everything else — the
//! byte-order mark, CRLF line ends, characters the encoder would write
//! differently — is copied byte for byte.

use super::scan::{IdMatch, Piece, ScanOptions, check_size, replacement, scan_with};
use crate::error::{PolicyError, Result};
use crate::import::{TextEncoding, decode_cow};
use crate::policy::Policy;
use serde::{Serialize, Serializer};

/// The IDs found in the bytes of a file, and how the bytes were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TextScan {
    /// The encoding the bytes were read in.
    pub encoding: TextEncoding,
    /// The file started with a byte-order mark.
    pub bom: bool,
    /// The IDs, with offsets in the decoded text (after the byte-order mark).
    pub matches: Vec<IdMatch>,
}

/// A file's bytes with every ID masked, in the file's encoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RedactedText {
    /// The redacted bytes (JSON: `data_hex`, lowercase hex).
    #[serde(rename = "data_hex", serialize_with = "hex")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub data: Vec<u8>,
    /// The encoding of the input, and of `data`.
    pub encoding: TextEncoding,
    /// The input started with a byte-order mark (and so does `data`).
    pub bom: bool,
    /// The IDs masked, with offsets in the input's decoded text.
    pub matches: Vec<IdMatch>,
}

fn hex<S: Serializer>(data: &[u8], s: S) -> std::result::Result<S::Ok, S::Error> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let text: String = data
        .iter()
        .flat_map(|&b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect();
    s.serialize_str(&text)
}

/// Every ID number in the bytes of a file: decoded as the importer does (a BOM
/// decides; else UTF-16 by its NUL bytes; else UTF-8; else Big5), then scanned
/// as [`super::scan_with`] does. Undecodable bytes are an error.
///
/// ```
/// use ntpc_policy::{Policy, identity::{scan_bytes, ScanOptions}, import::TextEncoding};
/// // UTF-16LE without a byte-order mark.
/// let data: Vec<u8> = "學生A123456789".encode_utf16().flat_map(u16::to_le_bytes).collect();
/// let found = scan_bytes(&data, &ScanOptions::default(), &Policy::default()).unwrap();
/// assert_eq!((found.encoding, found.bom, found.matches.len()), (TextEncoding::Utf16Le, false, 1));
/// let bad = scan_bytes(&[b'a', 0xFF, 0xFF], &ScanOptions::default(), &Policy::default());
/// assert_eq!(bad.unwrap_err().code().as_str(), "import.bad_encoding");
/// ```
pub fn scan_bytes(data: &[u8], options: &ScanOptions, policy: &Policy) -> Result<TextScan> {
    check_size("data", data.len(), policy)?;
    let (text, encoding, bom) = decode_cow(data)?;
    let matches = scan_with(&text, options, policy)?;
    Ok(TextScan {
        encoding,
        bom,
        matches,
    })
}

/// The bytes of a file with every ID number masked, in the same encoding, with
/// the byte-order mark and line ends as they were.
///
/// ```
/// use ntpc_policy::{Policy, identity::{redact_bytes, ScanOptions}};
/// let data = "\u{FEFF}姓名,證號\r\n王小明,A123456789\r\n".as_bytes();
/// let out = redact_bytes(data, &ScanOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(out.data, "\u{FEFF}姓名,證號\r\n王小明,A12****789\r\n".as_bytes());
/// assert!(out.bom);
/// ```
pub fn redact_bytes(data: &[u8], options: &ScanOptions, policy: &Policy) -> Result<RedactedText> {
    check_size("data", data.len(), policy)?;
    let (text, encoding, bom) = decode_cow(data)?;
    let matches = scan_with(&text, options, policy)?;
    let out = write_back(data, &text, encoding, bom, &matches, options)?;
    Ok(RedactedText {
        data: out,
        encoding,
        bom,
        matches,
    })
}

/// Copies `data`, replacing the bytes of each span by its redaction.
fn write_back(
    data: &[u8],
    text: &str,
    encoding: TextEncoding,
    bom: bool,
    matches: &[IdMatch],
    options: &ScanOptions,
) -> Result<Vec<u8>> {
    let bom_len = match (bom, encoding) {
        (false, _) => 0,
        (true, TextEncoding::Utf8) => 3,
        (true, _) => 2,
    };
    let mut loc = Locator {
        data,
        text,
        encoding,
        t: 0,
        d: bom_len,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut copied = 0;
    for m in matches {
        let start = loc.data_offset(m.start);
        out.extend_from_slice(&data[copied..start]);
        for piece in replacement(text, m, options) {
            match piece {
                Piece::Mask(c) => encode(c, encoding, &mut out)?,
                Piece::Keep(s, e) => {
                    let (a, b) = (loc.data_offset(s), loc.data_offset(e));
                    out.extend_from_slice(&data[a..b]);
                }
            }
        }
        copied = loc.data_offset(m.end);
    }
    out.extend_from_slice(&data[copied..]);
    Ok(out)
}

/// Writes one character of a masked ID in the file's encoding.
fn encode(c: char, encoding: TextEncoding, out: &mut Vec<u8>) -> Result<()> {
    let mut buf = [0u16; 2];
    match encoding {
        TextEncoding::Utf8 => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        TextEncoding::Utf16Le => out.extend(
            c.encode_utf16(&mut buf)
                .iter()
                .flat_map(|u| u.to_le_bytes()),
        ),
        TextEncoding::Utf16Be => out.extend(
            c.encode_utf16(&mut buf)
                .iter()
                .flat_map(|u| u.to_be_bytes()),
        ),
        TextEncoding::Big5 => {
            let s = c.to_string();
            let (bytes, _, unmappable) = encoding_rs::BIG5.encode(&s);
            if unmappable {
                return Err(PolicyError::invalid_bilingual(
                    "policy.identity.mask_char",
                    format!("{c:?} cannot be written in Big5"),
                    format!("遮罩字元「{c}」無法以 Big5 編碼寫出"),
                ));
            }
            out.extend_from_slice(&bytes);
        }
    }
    Ok(())
}

/// Maps offsets of the decoded text to offsets of the file's bytes, moving
/// forward only (linear overall).
struct Locator<'a> {
    data: &'a [u8],
    text: &'a str,
    encoding: TextEncoding,
    /// Text offset reached.
    t: usize,
    /// The data offset of `t`.
    d: usize,
}

impl Locator<'_> {
    fn data_offset(&mut self, to: usize) -> usize {
        let seg = &self.text[self.t..to];
        match self.encoding {
            TextEncoding::Utf8 => self.d += seg.len(),
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                self.d += 2 * seg.chars().map(char::len_utf16).sum::<usize>();
            }
            TextEncoding::Big5 => {
                // One ASCII byte is one character; every other character is
                // two bytes, except four pairs that decode to two characters
                // (WHATWG Big5 pointers 1133, 1135, 1164, 1166: Ê or ê with a
                // macron or caron).
                let mut t = self.t;
                while t < to {
                    let x = self.data[self.d];
                    if x < 0x80 {
                        t += 1;
                        self.d += 1;
                        continue;
                    }
                    let pair = (x, self.data.get(self.d + 1).copied().unwrap_or(0));
                    let chars = if matches!(pair, (0x88, 0x62 | 0x64 | 0xA3 | 0xA5)) {
                        2
                    } else {
                        1
                    };
                    for _ in 0..chars {
                        t += self.text[t..].chars().next().map_or(1, char::len_utf8);
                    }
                    self.d += 2;
                }
            }
        }
        self.t = to;
        self.d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ScanOptions {
        ScanOptions::default()
    }

    #[test]
    fn utf16_round_trips_with_and_without_bom() {
        let p = Policy::default();
        let text = "學生A123456789\r\n家長Ｂ２２３４５６７８９\r\n";
        let want = "學生A12****789\r\n家長B22****789\r\n";
        for (bom, le) in [(true, true), (false, true), (true, false), (false, false)] {
            let enc = |s: &str| -> Vec<u8> {
                let mut v: Vec<u8> = Vec::new();
                if bom {
                    v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
                }
                for u in s.encode_utf16() {
                    v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
                }
                v
            };
            let out = redact_bytes(&enc(text), &opts(), &p).unwrap();
            assert_eq!(out.data, enc(want), "bom {bom} le {le}");
            assert_eq!(out.bom, bom);
            assert_eq!(out.matches.len(), 2);
        }
    }

    #[test]
    fn big5_keeps_every_other_byte() {
        let p = Policy::default();
        // 學生 in Big5 is BE C7 A5 CD; 0x88 0x62 decodes to two characters.
        let mut data = vec![0xBE, 0xC7, 0xA5, 0xCD, 0x88, 0x62, b' '];
        data.extend_from_slice(b"A123456789\r\n");
        let out = redact_bytes(&data, &opts(), &p).unwrap();
        assert_eq!(out.encoding, TextEncoding::Big5);
        let mut want = data[..7].to_vec();
        want.extend_from_slice(b"A12****789\r\n");
        assert_eq!(out.data, want);
        // A mask character Big5 cannot write is an error, not a silent change.
        let mut q = Policy::default();
        q.identity.mask_char = '😀';
        let e = redact_bytes(&data, &opts(), &q).unwrap_err();
        assert_eq!(e.code().as_str(), "input.invalid_argument");
    }

    #[test]
    fn utf8_bom_crlf_and_html() {
        let p = Policy::default();
        let html = ScanOptions {
            html: true,
            loose: false,
        };
        let data = "\u{FEFF}<p>\u{200B}<b>A</b>12\u{200B}3456789</p>\r\n".as_bytes();
        let out = redact_bytes(data, &html, &p).unwrap();
        assert_eq!(
            String::from_utf8(out.data).unwrap(),
            "\u{FEFF}<p>\u{200B}<b>A</b>12****789</p>\r\n"
        );
        let json = serde_json::to_value(redact_bytes(b"A123456789", &opts(), &p).unwrap()).unwrap();
        assert_eq!(json["data_hex"], "4131322a2a2a2a373839");
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let p = Policy::default();
        let e = scan_bytes(&[0x41, 0x0A, 0xFF, 0xFE, 0xFF], &opts(), &p).unwrap_err();
        assert_eq!(e, PolicyError::ImportEncoding { line: 2 });
        let mut small = Policy::default();
        small.limits.scan_max_bytes = 4;
        let e = scan_bytes(b"A123456789", &opts(), &small).unwrap_err();
        assert_eq!(e.code().as_str(), "input.too_large");
    }
}
