//! People from a CSV/TSV export of the school admin system (學籍/人事異動),
//! through the shared [`crate::import`] reader.

use super::record::{AccountRecord, PersonStatus};
use crate::calendar;
use crate::error::Result;
use crate::import::{
    self, AccountImport, ColumnSpec, ImportOptions, Row, RowError, Schema, invalid_value,
};
use crate::policy::Policy;

/// The columns of a people file.
pub const ACCOUNT_SCHEMA: Schema = Schema {
    record: "person",
    record_zh: "人員",
    columns: &[
        ColumnSpec {
            field: "person",
            headers: &["姓名", "學號", "人員", "教職員", "person", "name"],
            required: false,
        },
        ColumnSpec {
            field: "status",
            headers: &["狀態", "學籍狀態", "身分狀態", "在職狀態", "status"],
            required: true,
        },
        ColumnSpec {
            field: "class",
            headers: &["班級", "班別", "class"],
            required: false,
        },
        ColumnSpec {
            field: "status_date",
            headers: &["異動日期", "生效日期", "日期", "status_date", "date"],
            required: false,
        },
        ColumnSpec {
            field: "account",
            headers: &["自訂帳號", "帳號", "account"],
            required: false,
        },
    ],
    skip_prefixes: &[],
    groups: None,
    unique: None,
};

/// Reads people from a CSV/TSV file.
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, account};
/// let csv = "姓名,狀態,班級\n王小明,在學,501\n";
/// let got = account::import(csv.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(got.records[0].class.as_deref(), Some("501"));
/// ```
pub fn import(data: &[u8], options: &ImportOptions, policy: &Policy) -> Result<AccountImport> {
    import::import_with(data, &ACCOUNT_SCHEMA, options, policy, person_of)
}

/// A status as written: 在學, 轉學空窗, 跨階段升學, 離開本市, 畢業, 在職, 退休,
/// 離職, 代理(教師), 代課(教師), or their English codes.
fn status(text: &str) -> Result<PersonStatus> {
    serde_json::from_value(serde_json::Value::String(text.to_lowercase())).map_err(|_| {
        invalid_value(
            text,
            "expected enrolled, transfer_gap, level_change, left_city, graduated, serving, retired, departed, substitute or temporary",
            "須為在學、轉學空窗、跨階段升學、離開本市、畢業、在職、退休、離職、代理或代課",
        )
    })
}

fn person_of(row: &Row) -> std::result::Result<AccountRecord, RowError> {
    Ok(AccountRecord {
        person: row.get("person").map(str::to_owned),
        status: row.parse_required("status", status)?,
        class: row.get("class").map(str::to_owned),
        status_date: row.parse_date("status_date", calendar::parse_date)?,
        account: row.get("account").map(str::to_owned),
    })
}
