//! The account record: one person as the school admin system (校務行政系統) lists them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A person's status in the school admin system, which decides education-account
/// access (seed 000 PART TWO 帳號篇). The first five are students, the rest staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", schemars(transform = crate::schema::person_status_aliases))]
#[serde(rename_all = "snake_case")]
pub enum PersonStatus {
    /// 在學: enrolled (有學籍). Access needs a class too.
    #[serde(alias = "在學")]
    Enrolled,
    /// 轉學空窗: sent out by the old school, not yet received by the new one (in New Taipei).
    #[serde(alias = "轉學空窗")]
    TransferGap,
    /// 跨階段升學: moving to the next school level in New Taipei (e.g. primary to
    /// junior high), not yet received or without a class.
    #[serde(alias = "跨階段升學")]
    LevelChange,
    /// 離開本市: transferred or moving on to a school outside New Taipei (未在本市升學).
    #[serde(alias = "離開本市")]
    LeftCity,
    /// 畢業: graduated with no next school level in New Taipei.
    #[serde(alias = "畢業")]
    Graduated,
    /// 在職: staff serving in New Taipei.
    #[serde(alias = "在職")]
    Serving,
    /// 退休: retired staff.
    #[serde(alias = "退休")]
    Retired,
    /// 離職: staff who left (no longer serving in New Taipei).
    #[serde(alias = "離職")]
    Departed,
    /// 代理: a substitute teacher (代理教師) on a term contract, serving in New
    /// Taipei: staff with access while serving, as 在職 (issue 16 item 8).
    #[serde(alias = "代理", alias = "代理教師")]
    Substitute,
    /// 代課: a temporary (hourly) teacher (代課教師), serving in New Taipei: staff
    /// with access while serving, as 在職.
    #[serde(alias = "代課", alias = "代課教師")]
    Temporary,
}

/// Student or staff, from the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A student (學生).
    Student,
    /// A teacher or other staff member (教職員).
    Staff,
}

impl PersonStatus {
    /// Every status.
    pub const ALL: [PersonStatus; 10] = [
        PersonStatus::Enrolled,
        PersonStatus::TransferGap,
        PersonStatus::LevelChange,
        PersonStatus::LeftCity,
        PersonStatus::Graduated,
        PersonStatus::Serving,
        PersonStatus::Retired,
        PersonStatus::Departed,
        PersonStatus::Substitute,
        PersonStatus::Temporary,
    ];

    /// The stable string form, e.g. `transfer_gap`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PersonStatus::Enrolled => "enrolled",
            PersonStatus::TransferGap => "transfer_gap",
            PersonStatus::LevelChange => "level_change",
            PersonStatus::LeftCity => "left_city",
            PersonStatus::Graduated => "graduated",
            PersonStatus::Serving => "serving",
            PersonStatus::Retired => "retired",
            PersonStatus::Departed => "departed",
            PersonStatus::Substitute => "substitute",
            PersonStatus::Temporary => "temporary",
        }
    }

    /// The Chinese word (在學, 轉學空窗, …), also accepted on input.
    pub const fn as_zh(self) -> &'static str {
        match self {
            PersonStatus::Enrolled => "在學",
            PersonStatus::TransferGap => "轉學空窗",
            PersonStatus::LevelChange => "跨階段升學",
            PersonStatus::LeftCity => "離開本市",
            PersonStatus::Graduated => "畢業",
            PersonStatus::Serving => "在職",
            PersonStatus::Retired => "退休",
            PersonStatus::Departed => "離職",
            PersonStatus::Substitute => "代理",
            PersonStatus::Temporary => "代課",
        }
    }

    /// Student or staff.
    pub const fn role(self) -> Role {
        match self {
            PersonStatus::Serving
            | PersonStatus::Retired
            | PersonStatus::Departed
            | PersonStatus::Substitute
            | PersonStatus::Temporary => Role::Staff,
            _ => Role::Student,
        }
    }
}

/// One person, for the education-account check. A flat record: a CSV row of the
/// school admin system maps onto it column by column.
///
/// | field | 中文欄名 | English column | |
/// |---|---|---|---|
/// | `person` | 學號 / 姓名 | person | optional; echoed back to tell rows apart |
/// | `status` | 狀態 | status | see [`PersonStatus`]; English or Chinese |
/// | `class` | 班級 | class | students: blank means no class yet |
/// | `status_date` | 異動日期 | status date | optional: the day the status takes effect |
/// | `account` | 自訂帳號 | account | optional: checked by the ID-format rule |
///
/// ```
/// let r: ntpc_policy::account::AccountRecord = serde_json::from_str(
///     r#"{"status": "在學", "class": "301", "account": "star.lin"}"#,
/// ).unwrap();
/// assert_eq!(r.status, ntpc_policy::account::PersonStatus::Enrolled);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AccountRecord {
    /// Whatever tells the rows apart (學號, a name); only echoed back.
    #[serde(default)]
    pub person: Option<String>,
    /// The status in the school admin system.
    pub status: PersonStatus,
    /// The class (班級); for students, blank means no class yet.
    #[serde(default)]
    pub class: Option<String>,
    /// The day the status takes effect (異動日期): transfer out, graduation,
    /// retirement or departure. A day after `today` means it is scheduled.
    #[serde(default, with = "crate::records::opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::AnyDate>"))]
    pub status_date: Option<NaiveDate>,
    /// The custom account name (自訂帳號), when there is one.
    #[serde(default)]
    pub account: Option<String>,
}
