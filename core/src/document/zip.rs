//! Zip containers (xlsx, ods, docx, odt) opened under the policy's limits
//! (issue 21 §3, docs/workbooks.md "Hostile files").
//!
//! Why every entry is unpacked once here, before any reader parses it: the
//! sizes a zip's directory declares can lie, so a zip bomb is only seen by
//! counting the bytes that actually come out. [`check`] unpacks every entry
//! into a counter, stops at `policy.limits.archive_max_uncompressed_bytes`
//! (`archive.too_large`) and refuses more than `archive_max_entries`
//! entries (`archive.too_many_entries`); a damaged or truncated archive is
//! `archive.malformed`. The same pass refuses any XML part that declares a
//! DTD (`<!DOCTYPE`, `<!ENTITY`): office formats never need one, and without
//! one no entity can be expanded ("billion laughs") or fetched (external
//! entities) by any parser behind us. Only then do calamine or our own
//! readers see the archive, whose every entry is now known to be small.

use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::Params;
use crate::policy::Policy;
use std::io::{Cursor, Read};

/// An opened, checked archive: entry names in directory order.
pub(crate) struct Checked<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// The names of the entries.
    pub(crate) names: Vec<String>,
}

/// `archive.malformed` with the zip crate's reason.
pub(crate) fn malformed(reason: impl std::fmt::Display) -> PolicyError {
    PolicyError::File {
        code: Code::ArchiveMalformed,
        params: Params::new()
            .with("reason", crate::calendar::clip(&reason.to_string()))
            .with("reason_zh", "ZIP 目錄或壓縮資料無法解開"),
    }
}

/// Opens `data` as a zip archive and checks it (see the module docs).
pub(crate) fn check<'a>(data: &'a [u8], policy: &Policy) -> Result<Checked<'a>> {
    let limits = &policy.limits;
    let mut archive = zip::ZipArchive::new(Cursor::new(data)).map_err(malformed)?;
    if archive.len() as u64 > limits.archive_max_entries {
        return Err(PolicyError::File {
            code: Code::ArchiveTooManyEntries,
            params: Params::new()
                .with("limit", limits.archive_max_entries)
                .with("actual", archive.len()),
        });
    }
    let cap = limits.archive_max_uncompressed_bytes;
    let mut total: u64 = 0;
    let mut names = Vec::with_capacity(archive.len());
    let mut buf = vec![0u8; 64 << 10];
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(malformed)?;
        let name = entry.name().map_err(malformed)?.into_owned();
        if entry.encrypted() {
            return Err(PolicyError::File {
                code: Code::WorkbookPasswordProtected,
                params: Params::new().with("format", "zip"),
            });
        }
        let xml = name.ends_with(".xml") || name.ends_with(".rels");
        // The last bytes of the previous chunk, so a `<!DOCTYPE` cut in two is seen.
        let mut tail: Vec<u8> = Vec::new();
        loop {
            let n = entry.read(&mut buf).map_err(malformed)?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > cap {
                return Err(PolicyError::File {
                    code: Code::ArchiveTooLarge,
                    params: Params::new().with("limit", cap).with("actual", total),
                });
            }
            if xml {
                tail.extend_from_slice(&buf[..n]);
                if declares_dtd(&tail) {
                    return Err(PolicyError::File {
                        code: Code::DocumentXmlDtd,
                        params: Params::new().with("part", crate::calendar::clip(&name)),
                    });
                }
                let keep = tail.len().saturating_sub(8);
                tail.drain(..keep);
            }
        }
        names.push(name);
    }
    Ok(Checked { archive, names })
}

/// Whether XML text declares a DTD or an entity.
fn declares_dtd(xml: &[u8]) -> bool {
    xml.windows(9)
        .any(|w| w == b"<!DOCTYPE" || w == b"<!ENTITY\x20")
        || xml.windows(8).any(|w| w == b"<!ENTITY")
}

impl Checked<'_> {
    /// Whether the archive has an entry of this name.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// The bytes of an entry (already known to be within the limits).
    pub(crate) fn read(&mut self, name: &str) -> Result<Vec<u8>> {
        let mut entry = self.archive.by_name(name).map_err(malformed)?;
        let mut out = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0).min(64 << 20));
        entry.read_to_end(&mut out).map_err(malformed)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opt = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            w.start_file(*name, opt).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn caps_the_unpacked_size_and_the_entries() {
        let zeros = vec![0u8; 4 << 20];
        let bomb = zip_of(&[("a.bin", &zeros)]);
        assert!(bomb.len() < 64 << 10, "{}", bomb.len());
        let mut p = Policy::default();
        assert!(check(&bomb, &p).is_ok());
        p.limits.archive_max_uncompressed_bytes = 1 << 20;
        let e = check(&bomb, &p).err().unwrap();
        assert_eq!(e.code(), Code::ArchiveTooLarge);
        let many: Vec<(String, Vec<u8>)> =
            (0..20).map(|i| (format!("{i}.txt"), vec![b'x'])).collect();
        let many: Vec<(&str, &[u8])> = many.iter().map(|(n, d)| (n.as_str(), &d[..])).collect();
        p.limits.archive_max_entries = 10;
        let e = check(&zip_of(&many), &p).err().unwrap();
        assert_eq!(e.code(), Code::ArchiveTooManyEntries);
    }

    #[test]
    fn refuses_a_dtd_even_across_chunks() {
        let mut xml = vec![b' '; (64 << 10) - 4];
        xml.extend_from_slice(b"<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
        let e = check(&zip_of(&[("content.xml", &xml)]), &Policy::default())
            .err()
            .unwrap();
        assert_eq!(e.code(), Code::DocumentXmlDtd);
        // Not XML: not looked at.
        assert!(check(&zip_of(&[("a.bin", b"<!DOCTYPE")]), &Policy::default()).is_ok());
    }

    #[test]
    fn truncated_is_malformed() {
        let z = zip_of(&[("a.xml", b"<a/>")]);
        for cut in [4, z.len() / 2, z.len() - 1] {
            let e = check(&z[..cut], &Policy::default()).err().unwrap();
            assert_eq!(e.code(), Code::ArchiveMalformed, "cut {cut}");
        }
    }
}
