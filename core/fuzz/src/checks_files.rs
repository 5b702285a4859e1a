//! The file-reading targets' invariants (`csv_import`, `workbook_import`,
//! `document_scan`; issues 9 and 21): part of `checks.rs`, split off by what
//! the targets read.

use super::*;

/// The bookkeeping every import result keeps, whatever the file: one line per
/// record, lines increasing, errors with table codes, and nothing panics.
fn check_imported<O: ntpc_policy::import::ImportResult>(
    got: ntpc_policy::Result<O>,
) -> Vec<O::Record> {
    match got {
        Err(e) => {
            assert_error(&e);
            Vec::new()
        }
        Ok(mut imp) => {
            let p = imp.parts();
            assert_eq!(p.records.len(), p.lines.len(), "a line per record");
            assert!(p.lines.windows(2).all(|w| w[0] < w[1]), "lines increase");
            assert!(
                p.records.len() as u64 <= *p.rows,
                "no more records than rows"
            );
            for e in p.errors.iter() {
                assert_error(&e.error);
                assert!(e.line >= 1, "errors are at a line");
            }
            std::mem::take(p.records)
        }
    }
}

/// Every CSV/TSV importer on any bytes (the first byte picks the importer and the
/// delimiter): no panic, consistent results; imported incidents, drills and
/// audit data then go through their rules without a panic either.
pub fn csv_import(data: &[u8]) {
    use ntpc_policy::import::{Delimiter, ImportOptions};
    use ntpc_policy::{account, audit, drill, incident, mailbox};
    let Some((&sel, file)) = data.split_first() else {
        return;
    };
    let options = ImportOptions {
        delimiter: [Delimiter::Auto, Delimiter::Comma, Delimiter::Tab][usize::from(sel / 8 % 3)],
        sheet: None,
    };
    // Small limits so the fuzzer reaches the limit paths too.
    let mut policy = Policy::default();
    policy.limits.import_max_rows = 50;
    policy.limits.import_max_field_chars = 200;
    policy.limits.import_max_columns = 24;
    let p = &policy;
    let now = calendar::parse_datetime("2021-12-07T09:00:00+08:00").unwrap();
    let today = now.date_naive();
    match sel % 8 {
        0 | 6 => {
            let rows = check_imported(incident::import(file, &options, p));
            for r in &rows {
                match incident::evaluate(r, now, p) {
                    Ok(c) => assert_findings(&c.findings),
                    Err(e) => assert_error(&e),
                }
            }
            assert_eq!(incident::stats(&rows, now, p).total, rows.len());
        }
        1 => {
            let rows = check_imported(drill::import(file, &options, p));
            let ranked = drill::rank(&rows, now, p);
            assert_eq!(ranked.drills.len(), rows.len());
        }
        2 => {
            let schools = check_imported(audit::import_schools(file, &options, p));
            if let Err(e) = audit::pick(&schools, &[], Some(5), p) {
                assert_error(&e);
            }
        }
        3 => {
            let scans = check_imported(audit::import_scans(file, &options, p));
            let schools: Vec<_> = scans
                .iter()
                .map(|s| audit::AuditSchool {
                    school: s.school.clone(),
                    ..Default::default()
                })
                .collect();
            if let Err(e) = audit::pick(&schools, &scans, None, p) {
                assert_error(&e);
            }
        }
        4 => {
            let rows = check_imported(mailbox::import(file, &options, p));
            let sweep = mailbox::sweep(&rows, today, p);
            assert_eq!(sweep.total, rows.len());
        }
        _ => {
            let rows = check_imported(account::import(file, &options, p));
            for r in account::check_many(&rows, today, p) {
                assert_findings(&r.findings);
            }
        }
    }
}

/// Workbooks (issue 21 §3): any bytes — seeded with the LibreOffice fixtures
/// of tests/fixtures/workbooks/, so the fuzzer starts inside zip and OLE2 —
/// are read by every importer into records and row errors, or one typed
/// error; never a panic, a hang or an allocation past the small limits set here.
pub fn workbook_import(data: &[u8]) {
    use ntpc_policy::import::ImportOptions;
    use ntpc_policy::{incident, mailbox};
    let Some((&sel, file)) = data.split_first() else {
        return;
    };
    let mut policy = Policy::default();
    policy.limits.import_max_rows = 200;
    policy.limits.import_max_columns = 64;
    policy.limits.archive_max_uncompressed_bytes = 8 << 20;
    policy.limits.archive_max_entries = 64;
    let options = ImportOptions {
        sheet: (sel & 1 == 1).then(|| "事件".to_owned()),
        ..ImportOptions::default()
    };
    if sel & 2 == 0 {
        let rows = check_imported(incident::import(file, &options, &policy));
        assert!(rows.len() <= 200);
    } else {
        check_imported(mailbox::import(file, &options, &policy));
    }
}

/// The document scanner (issue 21 §2–3): the first byte picks the kind the
/// caller names (or `auto`), the rest is the file. Whatever the bytes, the scan
/// ends without a panic under small archive limits; a document it cannot read
/// is `readable: false` with a stable code and no matches (never "clean");
/// every match is an ID its masked form classifies as, with a location.
pub fn document_scan(data: &[u8]) {
    use ntpc_policy::document::{DocumentKind, scan_document};
    use ntpc_policy::identity::ScanOptions;
    const KINDS: [DocumentKind; 10] = [
        DocumentKind::Auto,
        DocumentKind::Text,
        DocumentKind::Csv,
        DocumentKind::Html,
        DocumentKind::Xlsx,
        DocumentKind::Xls,
        DocumentKind::Ods,
        DocumentKind::Docx,
        DocumentKind::Odt,
        DocumentKind::Pdf,
    ];
    let Some((&sel, file)) = data.split_first() else {
        return;
    };
    let mut policy = Policy::default();
    policy.limits.import_max_rows = 200;
    policy.limits.archive_max_uncompressed_bytes = 8 << 20;
    policy.limits.archive_max_entries = 64;
    let kind = KINDS[usize::from(sel) % KINDS.len()];
    let got = scan_document(file, kind, &ScanOptions::default(), &policy)
        .expect("the default scan options and a valid policy");
    if kind != DocumentKind::Auto {
        assert_eq!(got.kind, kind);
    }
    assert_eq!(got.readable, got.problem.is_none(), "{got:?}");
    if let Some(p) = &got.problem {
        assert!(got.matches.is_empty());
        assert!(
            table().iter().any(|r| r.code == p.code),
            "unknown code {}",
            p.code
        );
        assert!(!p.message_zh.is_empty() && !p.message_en.is_empty());
    }
    for m in &got.matches {
        assert!(!m.location.is_empty());
        assert!(m.id.start < m.id.end);
        // Masked with the default policy: ten characters, the middle hidden.
        assert_eq!(m.id.masked.chars().count(), 10, "{:?}", m.id.masked);
        assert!(m.id.masked.contains('*'), "{:?}", m.id.masked);
    }
}
