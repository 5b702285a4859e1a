//! The mailbox record: one row of the mail system's or the school admin system's export.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether the owner still serves, as set in the school admin system (校務行政系統).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", schemars(transform = crate::schema::staff_status_aliases))]
#[serde(rename_all = "snake_case")]
pub enum StaffStatus {
    /// 在職: serving.
    #[default]
    #[serde(alias = "在職")]
    Serving,
    /// 離職: has left (resigned, transferred out of the city, contract ended).
    #[serde(alias = "離職")]
    Departed,
    /// 退休: retired.
    #[serde(alias = "退休")]
    Retired,
}

impl StaffStatus {
    /// Every status.
    pub const ALL: [StaffStatus; 3] = [
        StaffStatus::Serving,
        StaffStatus::Departed,
        StaffStatus::Retired,
    ];

    /// The stable string form (`serving`, `departed`, `retired`).
    pub const fn as_str(self) -> &'static str {
        match self {
            StaffStatus::Serving => "serving",
            StaffStatus::Departed => "departed",
            StaffStatus::Retired => "retired",
        }
    }

    /// The Chinese word of the school admin system (在職, 離職, 退休).
    pub const fn as_zh(self) -> &'static str {
        match self {
            StaffStatus::Serving => "在職",
            StaffStatus::Departed => "離職",
            StaffStatus::Retired => "退休",
        }
    }

    /// Departed or retired.
    pub const fn has_left(self) -> bool {
        !matches!(self, StaffStatus::Serving)
    }
}

/// One mailbox (@ntpc.edu.tw, Mail2000). A flat record: a CSV row maps onto it
/// column by column.
///
/// | field | 中文欄名 | English column | |
/// |---|---|---|---|
/// | `account` | 帳號 | account | required, not blank |
/// | `activated_on` | 開通日期 | activated on | any calendar style |
/// | `last_login` | 最後登入日期 | last login | blank or missing: never logged in |
/// | `staff_status` | 在職狀態 | staff status | `serving`/`departed`/`retired` or 在職/離職/退休; missing: serving |
/// | `departed_on` | 離職日期 | departed on | optional; only with departed/retired |
/// | `used_bytes` | 已用容量 | used bytes | optional, bytes |
///
/// Dates read every calendar style (`110/12/07`, `2021-12-07`, …; see
/// [`crate::records`]); a time of day is allowed and ignored.
///
/// ```
/// let r: ntpc_policy::mailbox::MailboxRecord = serde_json::from_str(
///     r#"{"account": "wang", "activated_on": "108/03/01", "staff_status": "在職"}"#,
/// ).unwrap();
/// assert_eq!(r.activated_on.to_string(), "2019-03-01");
/// assert_eq!(r.last_login, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MailboxRecord {
    /// The account or address (帳號), e.g. `wang@ntpc.edu.tw`.
    pub account: String,
    /// The day the mailbox was activated (開通日期).
    #[serde(with = "crate::records::date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::AnyDate"))]
    pub activated_on: NaiveDate,
    /// The day of the last login (最後登入日期); `None` when never logged in.
    #[serde(default, with = "crate::records::opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::AnyDate>"))]
    pub last_login: Option<NaiveDate>,
    /// Serving, departed or retired (在職狀態); serving when not given.
    #[serde(default)]
    pub staff_status: StaffStatus,
    /// The day the owner leaves or left (離職或退休日期), when known.
    #[serde(default, with = "crate::records::opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::AnyDate>"))]
    pub departed_on: Option<NaiveDate>,
    /// Bytes in use (已用容量), when known: the quota is checked too.
    #[serde(default)]
    pub used_bytes: Option<u64>,
}
