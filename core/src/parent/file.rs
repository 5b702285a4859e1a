//! Parent-app registration of a family file (RULES §5): one call from a file
//! of families — a JSON list, or a table (CSV, TSV, xlsx, xls, ods; issue 21
//! §1) — to each family's registrants, by record number or row.

use super::{FamilyRecord, check, import};
use crate::document::{Container, sniff};
use crate::error::{PolicyError, Result};
use crate::files::{FamilyFile, FamilyFileRow, FileSource, FileSummary, source_findings};
use crate::import::{Decoded, Delimiter, ImportOptions, ImportResult, RowError, decode};
use crate::policy::Policy;

/// Reads a file of families and checks each; a record or row that is not a
/// family is an error at its number or line, and the others are still
/// checked.
///
/// - A text whose first visible character is `[` is a JSON list of
///   [`FamilyRecord`]s (UTF-8, UTF-16 with a BOM, or Big5), `{` one record
///   (a list of one); `line` is the record's number (1-based).
/// - Anything else is a table with one row per student ([`import`]:
///   CSV/TSV or a workbook, `options.sheet` picking the sheet); `line` is the
///   row's line.
pub fn check_file(data: &[u8], options: &ImportOptions, policy: &Policy) -> Result<FamilyFile> {
    let limits = &policy.limits;
    if data.len() as u64 > limits.import_max_bytes {
        return Err(PolicyError::InputTooLarge {
            field: "file".into(),
            limit: limits.import_max_bytes,
            actual: data.len() as u64,
        });
    }
    if sniff(data) == Container::Text {
        let decoded = decode(data)?;
        if decoded.text.trim_start().starts_with(['[', '{']) {
            return check_json(decoded, policy);
        }
    }
    let imp = import(data, options, policy)?;
    let source = imp.source();
    let findings = source_findings(&imp);
    let rows: Vec<FamilyFileRow> = imp
        .records
        .iter()
        .zip(&imp.lines)
        .map(|(r, &line)| FamilyFileRow {
            line,
            sheet: source.sheet.clone(),
            result: check(r),
        })
        .collect();
    let summary = FileSummary::of(rows.iter().map(|r| r.result.verdict), imp.errors.len());
    Ok(FamilyFile {
        findings,
        source,
        rows,
        errors: imp.errors,
        summary,
    })
}

fn check_json(decoded: Decoded, policy: &Policy) -> Result<FamilyFile> {
    let limits = &policy.limits;
    let items: Vec<serde_json::Value> = match serde_json::from_str(&decoded.text) {
        Ok(serde_json::Value::Array(items)) => items,
        Ok(one @ serde_json::Value::Object(_)) => vec![one],
        Ok(_) => {
            return Err(PolicyError::invalid_bilingual(
                "file",
                "a JSON list of families is required",
                "須為家庭的 JSON 清單",
            ));
        }
        Err(e) => return Err(PolicyError::from_serde("file", &e)),
    };
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    for (i, item) in items.into_iter().enumerate() {
        let line = i as u64 + 1;
        if line > limits.import_max_rows {
            errors.push(RowError::at_line(
                line,
                PolicyError::ImportTooManyRows {
                    limit: limits.import_max_rows,
                },
            ));
            break;
        }
        match crate::records::from_json_value::<FamilyRecord>(&format!("families[{i}]"), item) {
            Ok(r) => rows.push(FamilyFileRow {
                line,
                sheet: None,
                result: check(&r),
            }),
            Err(e) => errors.push(RowError::at_line(line, e)),
        }
    }
    let summary = FileSummary::of(rows.iter().map(|r| r.result.verdict), errors.len());
    Ok(FamilyFile {
        source: FileSource {
            encoding: decoded.encoding,
            bom: decoded.bom,
            delimiter: Delimiter::Auto,
            format: crate::import::FileFormat::Json,
            sheet: None,
            columns: Vec::new(),
            ignored_columns: Vec::new(),
            rows: (rows.len() + errors.len()) as u64,
            skipped_rows: 0,
            truncated: summary.errors > 0
                && errors
                    .iter()
                    .any(|e| e.code().as_str() == "import.too_many_rows"),
        },
        rows,
        errors,
        findings: Vec::new(),
        summary,
    })
}
