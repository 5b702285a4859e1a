//! ID scans over the documents schools publish (issue 21 §2; docs/workbooks.md):
//! award lists, rosters and minutes posted as `.xlsx`, `.docx`, `.pdf`. An ID
//! number in one of them is a personal-data leak (個人資料保護法 §27: the
//! keeper must prevent it).
//!
//! A document is cut into pieces of text, each with a location a person can
//! find — a cell `事件!B3`, `paragraph 4` (docx: `word/document.xml`; odt:
//! `content.xml`; table cells are paragraphs too), `page 2` (pdf), `line 7`
//! (text, CSV, HTML) — and each piece is scanned as `identity::scan_with`
//! does (HTML with the HTML-aware mode of issue 10, looking through tags).
//!
//! **Never clean by default.** A document that cannot be read — encrypted, a
//! PDF without a text layer (a scanned image), damaged, truncated, over a
//! limit, a zip bomb, a DTD — is `readable: false` with the code of why, not
//! "0 found". A folder scan goes on to the next file; a caller that wants an
//! error can treat `readable: false` as one.
//!
//! Redaction of binary documents is not offered (decided): rewriting a
//! workbook or a PDF without breaking it is an editor's job, and a masked
//! copy that still carries the number in a cached cell, an XML part or a font
//! subset would be false comfort. Text, CSV and HTML are redacted as before
//! (`identity.redact_bytes`); other documents get this report of where each
//! ID is.

use super::{Container, sniff, zip};
use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::Params;
use crate::identity::{IdMatch, ScanOptions, scan_with};
use crate::import::decode_cow;
use crate::policy::Policy;
use serde::{Deserialize, Serialize};

/// The type of a document, as its caller knows it (its extension), or `auto`
/// to tell it from the first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// From the first bytes: zip (xlsx, ods, docx, odt by their parts), OLE2
    /// (xls), `%PDF-`, else text (HTML when it starts with a tag).
    #[default]
    Auto,
    /// Plain text in any encoding the importer reads.
    Text,
    /// CSV or TSV (scanned as text, line by line).
    Csv,
    /// HTML (text nodes; tags inside an ID are looked through).
    Html,
    /// Excel 2007+ workbook.
    Xlsx,
    /// Excel 97–2003 workbook.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
    /// Word 2007+ document.
    Docx,
    /// OpenDocument text.
    Odt,
    /// PDF (its text layer).
    Pdf,
}

impl DocumentKind {
    /// The kind of a file name's extension (`None` for one that is no document).
    pub fn from_extension(ext: &str) -> Option<Self> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" | "md" => DocumentKind::Text,
            "csv" | "tsv" => DocumentKind::Csv,
            "htm" | "html" | "xhtml" => DocumentKind::Html,
            "xlsx" | "xlsm" => DocumentKind::Xlsx,
            "xls" => DocumentKind::Xls,
            "ods" => DocumentKind::Ods,
            "docx" => DocumentKind::Docx,
            "odt" => DocumentKind::Odt,
            "pdf" => DocumentKind::Pdf,
            _ => return None,
        })
    }

    const fn name(self) -> &'static str {
        match self {
            DocumentKind::Auto => "auto",
            DocumentKind::Text => "text",
            DocumentKind::Csv => "csv",
            DocumentKind::Html => "html",
            DocumentKind::Xlsx => "xlsx",
            DocumentKind::Xls => "xls",
            DocumentKind::Ods => "ods",
            DocumentKind::Docx => "docx",
            DocumentKind::Odt => "odt",
            DocumentKind::Pdf => "pdf",
        }
    }
}

/// One ID number found in a document, where a person can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentMatch {
    /// `Sheet1!A1` (a cell), `paragraph 4`, `page 2`, `line 7`.
    pub location: String,
    /// The match, with offsets inside that cell, paragraph, page or line.
    pub id: IdMatch,
}

/// Why a document could not be read: a code of the code table and its messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentProblem {
    /// The stable code (`document.no_text`, `archive.too_large`, …).
    pub code: String,
    /// The message in Traditional Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
}

/// A document scanned for ID numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentScan {
    /// The kind read (for `auto`, the one detected).
    pub kind: DocumentKind,
    /// Whether its text could be read. `false` is never "clean".
    pub readable: bool,
    /// Why not, when it could not.
    pub problem: Option<DocumentProblem>,
    /// Pieces of text scanned (cells, paragraphs, pages, lines).
    pub pieces: u64,
    /// The IDs, in document order.
    pub matches: Vec<DocumentMatch>,
}

fn problem(code: Code, params: Params) -> PolicyError {
    PolicyError::File { code, params }
}

/// `document.unreadable` for a format, with the parser's reason.
fn unreadable(format: &str, reason: impl std::fmt::Display) -> PolicyError {
    problem(
        Code::DocumentUnreadable,
        Params::new()
            .with("format", format.to_owned())
            .with("reason", crate::calendar::clip(&reason.to_string()))
            .with("reason_zh", "內部結構無法解析"),
    )
}

/// Scans a document for ID numbers (see the module docs). The error of a
/// document that cannot be read comes back as `readable: false`; `Err` is
/// kept for arguments that are wrong (an unreadable policy).
///
/// ```
/// use ntpc_policy::{Policy, document::{scan_document, DocumentKind}, identity::ScanOptions};
/// let html = "<p>王小明 A123<b>456789</b></p>".as_bytes();
/// let got = scan_document(html, DocumentKind::Html, &ScanOptions::default(), &Policy::default()).unwrap();
/// assert_eq!((got.readable, got.matches.len()), (true, 1));
/// assert_eq!(got.matches[0].location, "line 1");
/// let pdf = scan_document(b"%PDF-1.4 garbage", DocumentKind::Auto, &ScanOptions::default(), &Policy::default()).unwrap();
/// assert!(!pdf.readable);
/// ```
pub fn scan_document(
    data: &[u8],
    kind: DocumentKind,
    options: &ScanOptions,
    policy: &Policy,
) -> Result<DocumentScan> {
    let kind = match kind {
        DocumentKind::Auto => detect(data, policy),
        k => k,
    };
    let mut out = DocumentScan {
        kind,
        readable: true,
        problem: None,
        pieces: 0,
        matches: Vec::new(),
    };
    match pieces(data, kind, policy) {
        Ok(pieces) => {
            let html = ScanOptions {
                html: true,
                ..*options
            };
            for p in pieces {
                out.pieces += 1;
                let opts = if p.html { &html } else { options };
                for m in scan_with(&p.text, opts, policy)? {
                    let location = match &p.location {
                        Some(l) => l.clone(),
                        None => format!("line {}", 1 + p.text[..m.start].matches('\n').count()),
                    };
                    out.matches.push(DocumentMatch { location, id: m });
                }
            }
        }
        Err(e) => {
            out.readable = false;
            out.problem = Some(DocumentProblem {
                code: e.code().as_str().to_owned(),
                message_zh: e.message_zh(),
                message_en: e.message_en(),
            });
        }
    }
    Ok(out)
}

/// The kind of a document from its first bytes.
fn detect(data: &[u8], policy: &Policy) -> DocumentKind {
    match sniff(data) {
        Container::Pdf => DocumentKind::Pdf,
        Container::Ole2 => DocumentKind::Xls,
        Container::Zip => match zip::check(data, policy) {
            Ok(z) if z.has("xl/workbook.xml") => DocumentKind::Xlsx,
            Ok(z) if z.has("word/document.xml") => DocumentKind::Docx,
            Ok(z) if z.has("content.xml") => {
                // The mimetype entry says which OpenDocument it is.
                let mut z = z;
                match z.read("mimetype") {
                    Ok(m) if m.ends_with(b"spreadsheet") => DocumentKind::Ods,
                    _ => DocumentKind::Odt,
                }
            }
            // Unreadable or unknown: report it as the zip it is (docx decides).
            _ => DocumentKind::Docx,
        },
        Container::Text => {
            let head = &data[..data.len().min(1024)];
            let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
            if lower.contains("<html")
                || lower.contains("<!doctype html")
                || lower.contains("<body")
            {
                DocumentKind::Html
            } else {
                DocumentKind::Text
            }
        }
    }
}

/// A piece of a document's text.
struct Piece {
    /// Where it is; `None`: per line of the match.
    location: Option<String>,
    text: String,
    html: bool,
}

fn pieces(data: &[u8], kind: DocumentKind, policy: &Policy) -> Result<Vec<Piece>> {
    let limit = policy.limits.import_max_bytes;
    if !matches!(
        kind,
        DocumentKind::Text | DocumentKind::Csv | DocumentKind::Html
    ) && data.len() as u64 > limit
    {
        return Err(PolicyError::InputTooLarge {
            field: "file".into(),
            limit,
            actual: data.len() as u64,
        });
    }
    match kind {
        DocumentKind::Auto | DocumentKind::Text | DocumentKind::Csv | DocumentKind::Html => {
            crate::identity::check_scan_size_field("data", data.len(), policy)?;
            let (text, _, _) = decode_cow(data)?;
            Ok(vec![Piece {
                location: None,
                text: text.into_owned(),
                html: kind == DocumentKind::Html,
            }])
        }
        DocumentKind::Xlsx | DocumentKind::Xls | DocumentKind::Ods => {
            let mut out = Vec::new();
            crate::import::workbook_cells(data, policy, |sheet, row, col, text| {
                out.push(Piece {
                    location: Some(format!("{sheet}!{}{}", column_name(col), row + 1)),
                    text,
                    html: false,
                });
            })?;
            Ok(out)
        }
        DocumentKind::Docx | DocumentKind::Odt => {
            expect_zip(data, kind)?;
            let mut z = zip::check(data, policy)?;
            let (main, para): (&str, &[&str]) = if kind == DocumentKind::Docx {
                ("word/document.xml", &["p"])
            } else {
                ("content.xml", &["p", "h"])
            };
            if !z.has(main) {
                return Err(unreadable(kind.name(), format!("no {main}")));
            }
            if kind == DocumentKind::Odt && encrypted_odf(&mut z) {
                return Err(problem(
                    Code::DocumentPasswordProtected,
                    Params::new().with("format", "odt"),
                ));
            }
            // The body, then headers, footers and notes (docx keeps them apart).
            let mut parts = vec![main.to_owned()];
            if kind == DocumentKind::Docx {
                parts.extend(
                    z.names
                        .iter()
                        .filter(|n| {
                            n.starts_with("word/")
                                && n.ends_with(".xml")
                                && ["header", "footer", "footnotes", "endnotes", "comments"]
                                    .iter()
                                    .any(|p| n[5..].starts_with(p))
                        })
                        .cloned(),
                );
            }
            let mut out = Vec::new();
            for part in parts {
                let xml = z.read(&part)?;
                let label = if part == main {
                    String::new()
                } else {
                    format!("{} ", part.trim_start_matches("word/"))
                };
                xml_paragraphs(&xml, para, kind.name(), |n, text| {
                    out.push(Piece {
                        location: Some(format!("{label}paragraph {n}")),
                        text,
                        html: false,
                    });
                })?;
            }
            Ok(out)
        }
        DocumentKind::Pdf => super::pdf::pages(data, policy).map(|pages| {
            pages
                .into_iter()
                .enumerate()
                .map(|(i, text)| Piece {
                    location: Some(format!("page {}", i + 1)),
                    text,
                    html: false,
                })
                .collect()
        }),
    }
}

/// A document said to be zip-based must be a zip (an encrypted docx is OLE2).
fn expect_zip(data: &[u8], kind: DocumentKind) -> Result<()> {
    match sniff(data) {
        Container::Zip => Ok(()),
        Container::Ole2 if super::is_encrypted_ooxml(data) => Err(problem(
            Code::DocumentPasswordProtected,
            Params::new().with("format", kind.name()),
        )),
        _ => Err(unreadable(kind.name(), "not a zip archive")),
    }
}

/// An OpenDocument package whose parts are encrypted says so in its manifest.
fn encrypted_odf(z: &mut zip::Checked<'_>) -> bool {
    z.read("META-INF/manifest.xml")
        .is_ok_and(|m| m.windows(15).any(|w| w == b"encryption-data"))
}

/// Calls `f(n, text)` for each paragraph (elements whose local name is one of
/// `para`), numbered from 1, with the text of every text node inside.
fn xml_paragraphs(
    xml: &[u8],
    para: &[&str],
    format: &str,
    mut f: impl FnMut(u64, String),
) -> Result<()> {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(xml).map_err(|e| unreadable(format, e))?;
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut depth, mut n, mut cur) = (0u32, 0u64, String::new());
    loop {
        match reader.read_event().map_err(|e| unreadable(format, e))? {
            Event::Start(e) if para.contains(&e.local_name().as_ref()) => {
                if depth == 0 {
                    cur.clear();
                }
                depth += 1;
            }
            Event::End(e) if para.contains(&e.local_name().as_ref()) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    n += 1;
                    if !cur.trim().is_empty() {
                        f(n, std::mem::take(&mut cur));
                    }
                }
            }
            Event::Empty(e) if depth > 0 => {
                // A tab, a line break or ODF's `<text:s/>` is a gap.
                let name = e.local_name();
                if matches!(name.as_ref(), "tab" | "br" | "s" | "line-break") {
                    cur.push(' ');
                }
            }
            Event::Text(t) if depth > 0 => cur.push_str(&t),
            Event::CData(t) if depth > 0 => cur.push_str(&t),
            Event::GeneralRef(r) if depth > 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => cur.push(c),
                _ => match r.as_ref() {
                    "amp" => cur.push('&'),
                    "lt" => cur.push('<'),
                    "gt" => cur.push('>'),
                    "quot" => cur.push('"'),
                    "apos" => cur.push('\''),
                    _ => {}
                },
            },
            Event::DocType(_) => {
                return Err(problem(
                    Code::DocumentXmlDtd,
                    Params::new().with("part", format.to_owned()),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

/// A column's letters: 0 → A, 25 → Z, 26 → AA.
pub(crate) fn column_name(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_columns() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16383), "XFD");
    }

    #[test]
    fn paragraphs_of_docx_xml() {
        let xml = br#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>A123</w:t></w:r><w:r><w:t>456789</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x &amp; y</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let mut got = Vec::new();
        xml_paragraphs(xml, &["p"], "docx", |n, t| got.push((n, t))).unwrap();
        assert_eq!(got, [(1, "A123456789".to_owned()), (2, "x & y".to_owned())]);
    }
}
