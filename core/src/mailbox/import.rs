//! Mailboxes from a CSV/TSV export (the school admin system's staff list joined
//! with Mail2000's last-login report), through the shared [`crate::import`] reader:
//! Chinese or English headers, UTF-8/Big5, a bad row reported with its line.

use super::record::{MailboxRecord, StaffStatus};
use crate::calendar;
use crate::error::Result;
use crate::import::{
    self, ColumnSpec, ImportOptions, MailboxImport, Row, RowError, Schema, invalid_value,
};
use crate::policy::Policy;

/// The columns of a mailbox file.
pub const MAILBOX_SCHEMA: Schema = Schema {
    record: "mailbox",
    record_zh: "信箱",
    columns: &[
        ColumnSpec {
            field: "account",
            headers: &["帳號", "信箱", "電子郵件", "account", "email", "mailbox"],
            required: true,
        },
        ColumnSpec {
            field: "activated_on",
            headers: &[
                "啟用日期",
                "開通日期",
                "建立日期",
                "activated_on",
                "activated",
            ],
            required: true,
        },
        ColumnSpec {
            field: "last_login",
            headers: &["最後登入", "最後登入日期", "最後登入時間", "last_login"],
            required: false,
        },
        ColumnSpec {
            field: "staff_status",
            headers: &["人員狀態", "在職狀態", "狀態", "staff_status", "status"],
            required: false,
        },
        ColumnSpec {
            field: "departed_on",
            headers: &["離職日期", "退休日期", "離校日期", "departed_on"],
            required: false,
        },
        ColumnSpec {
            field: "used_bytes",
            headers: &["使用量", "已用空間", "使用位元組", "used_bytes"],
            required: false,
        },
    ],
    skip_prefixes: &[],
    groups: None,
    unique: Some("account"),
};

/// Reads mailboxes from a CSV/TSV file; a blank last login means never logged in.
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, mailbox};
/// let csv = "帳號,啟用日期,最後登入,人員狀態\nlin@ntpc.edu.tw,108/09/01,,退休\n";
/// let got = mailbox::import(csv.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(got.records[0].last_login, None);
/// ```
pub fn import(data: &[u8], options: &ImportOptions, policy: &Policy) -> Result<MailboxImport> {
    import::import_with(data, &MAILBOX_SCHEMA, options, policy, mailbox_of)
}

/// A staff status as written: 在職/離職/退休 or serving/departed/retired.
fn staff_status(text: &str) -> Result<StaffStatus> {
    serde_json::from_value(serde_json::Value::String(text.to_lowercase())).map_err(|_| {
        invalid_value(
            text,
            "expected serving, departed or retired",
            "須為在職、離職或退休",
        )
    })
}

/// Bytes as a whole number (thousands separators allowed).
fn bytes(text: &str) -> Result<u64> {
    let digits: String = text.chars().filter(|c| *c != ',').collect();
    digits.parse::<u64>().map_err(|_| {
        invalid_value(
            text,
            "expected whole bytes, 0 or more",
            "須為 0 以上的整數位元組",
        )
    })
}

fn mailbox_of(row: &Row) -> std::result::Result<MailboxRecord, RowError> {
    Ok(MailboxRecord {
        account: row.required("account")?.to_owned(),
        activated_on: row.parse_date_required("activated_on", calendar::parse_date)?,
        last_login: row.parse_date("last_login", calendar::parse_date)?,
        staff_status: row.parse("staff_status", staff_status)?.unwrap_or_default(),
        departed_on: row.parse_date("departed_on", calendar::parse_date)?,
        used_bytes: row.parse("used_bytes", bytes)?,
    })
}
