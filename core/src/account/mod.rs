//! Education-account access of students and staff (RULES §5; seed 000 PART TWO
//! 谷歌暨微軟教育帳號服務內容再叮嚀（帳號篇）, 給老師們的話, 自訂帳號格式規範).
//!
//! Education accounts (校務帳號 with 親師生平台, Google Workspace, Microsoft 365)
//! are **not lifelong**. The key is the school admin system: a student has access
//! only while enrolled with a class; there is none in the gap of a transfer or of
//! a move to the next school level; leaving New Taipei or graduating ends it;
//! staff who retire or leave lose it. Every answer without access says what to
//! back up and before which event. A custom account name is checked by the
//! ID-format rule of [`crate::identity::check_account`].
//!
//! ```
//! use ntpc_policy::{Policy, Verdict, account::{self, AccountRecord}};
//! let today = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
//! let r: AccountRecord = serde_json::from_str(
//!     r#"{"status": "轉學空窗", "status_date": "110/12/01", "account": "a123456789"}"#,
//! ).unwrap();
//! let a = account::check(&r, today, &Policy::default());
//! assert!(!a.access && a.access_returns);
//! assert_eq!(a.verdict, Verdict::Fail); // the custom account has an ID number's format
//! ```

mod access;
mod file;
mod import;
mod record;

pub use access::{
    AccountAccess, BackupAdvice, BackupEvent, STAFF_SERVICES, STUDENT_SERVICES, Service, check,
    check_many,
};
pub use file::check_file;
pub use import::{ACCOUNT_SCHEMA, import};
pub use record::{AccountRecord, PersonStatus, Role};
