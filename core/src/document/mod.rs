//! Files as people keep them (issue 21): what kind of container a file is, by
//! its first bytes, and the zip reader every zip-based format shares.
//!
//! Why magic bytes and never the name: the core is handed bytes (every binding
//! takes bytes), and a name lies — "save as" keeps `.xlsx` on a file that is
//! CSV text, and a mirror of a school site has attachments without extensions.
//! A zip starts `PK\x03\x04` (xlsx, ods, docx, odt), an OLE2 compound file
//! `D0 CF 11 E0 A1 B1 1A E1` (xls, and an *encrypted* xlsx or docx, which
//! Office wraps in OLE2), a PDF `%PDF-`; anything else is text.
//!
//! [`scan_document`] finds ID numbers in a document cell by cell, paragraph by
//! paragraph or page by page (issue 21 §2).

mod pdf;
mod scan;
pub(crate) mod zip;

pub use scan::{DocumentKind, DocumentMatch, DocumentProblem, DocumentScan, scan_document};

/// The container of a file, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// A zip archive (`PK\x03\x04`, or `PK\x05\x06` for an empty one).
    Zip,
    /// An OLE2 compound file.
    Ole2,
    /// A PDF.
    Pdf,
    /// Anything else: read as text.
    Text,
}

const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The container of `data` (see the module docs).
pub(crate) fn sniff(data: &[u8]) -> Container {
    if data.starts_with(b"PK\x03\x04") || data.starts_with(b"PK\x05\x06") {
        Container::Zip
    } else if data.starts_with(&OLE2) {
        Container::Ole2
    } else if data.starts_with(b"%PDF-") {
        Container::Pdf
    } else {
        Container::Text
    }
}

/// Whether an OLE2 file is an encrypted Office Open XML package (a
/// password-protected xlsx or docx): it holds streams named `EncryptionInfo`
/// and `EncryptedPackage` (MS-OFFCRYPTO §2.3.4), whose directory names are
/// UTF-16LE.
pub(crate) fn is_encrypted_ooxml(data: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    data.windows(name.len()).any(|w| w == name.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_magic_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Container::Zip);
        assert_eq!(sniff(&OLE2), Container::Ole2);
        assert_eq!(sniff(b"%PDF-1.7"), Container::Pdf);
        assert_eq!(sniff("編號,等級".as_bytes()), Container::Text);
        assert_eq!(sniff(b"PK"), Container::Text);
    }
}
