//! Parent-app registration of a family file (RULES §5): one call from a JSON
//! list of families to each family's registrants, by record number.

use super::{FamilyRecord, check};
use crate::error::{PolicyError, Result};
use crate::files::{FamilyFile, FamilyFileRow, FileSource, FileSummary};
use crate::import::{Delimiter, RowError, decode};
use crate::policy::Policy;

/// Reads a JSON file holding a list of families (UTF-8 or UTF-16 with a BOM,
/// or Big5) and checks each; a record that is not a family is an error at its
/// number (1-based, counted as `line`), and the others are still checked.
pub fn check_file(data: &[u8], policy: &Policy) -> Result<FamilyFile> {
    let limits = &policy.limits;
    if data.len() as u64 > limits.import_max_bytes {
        return Err(PolicyError::InputTooLarge {
            field: "file".into(),
            limit: limits.import_max_bytes,
            actual: data.len() as u64,
        });
    }
    let decoded = decode(data)?;
    let items: Vec<serde_json::Value> = match serde_json::from_str(&decoded.text) {
        Ok(serde_json::Value::Array(items)) => items,
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
