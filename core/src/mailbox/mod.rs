//! Mailbox retention, quota and message size of the department's mail service
//! (Mail2000, @ntpc.edu.tw) (RULES §4; seed 000 PART TWO Mail2000; seed 001
//! §陸.二.(三) 新北市政府教育局公務電子郵件信箱使用規範).
//!
//! - A mailbox with no login for **500 days** may be deleted; notices are mailed
//!   daily for **one month** before (decided: 30 days, from day 470). A mailbox
//!   never logged in counts from its activation. See [`status`] for the day
//!   arithmetic (day 500 itself is deletable).
//! - Staff set as departed or retired in the school admin system lose single
//!   sign-on and mail login at once: `disabled`, with the advice to back up
//!   before leaving.
//! - Quota **1 GB** (decided: 1 GiB), `near_full` from 90 %; **20 MB** per
//!   message (decided: 20 MiB as transmitted).
//!
//! Every number comes from `policy.mailbox`; `today` is always an argument.
//!
//! ```
//! use ntpc_policy::{Policy, mailbox::{self, MailboxRecord, MailboxState}};
//! let p = Policy::default();
//! let r: MailboxRecord = serde_json::from_str(
//!     r#"{"account": "lin@ntpc.edu.tw", "activated_on": "109/09/01", "staff_status": "退休"}"#,
//! ).unwrap();
//! let today = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
//! assert_eq!(mailbox::status(&r, today, &p).unwrap().state, MailboxState::Disabled);
//! assert!(mailbox::quota(1_000_000_000, &p).unwrap().near_full);
//! ```

mod file;
mod import;
mod quota;
mod record;
mod state;
mod sweep;

pub use file::sweep_file;
pub use import::{MAILBOX_SCHEMA, import};
pub use quota::{MessageSizeCheck, QuotaCheck, QuotaState, message_size, quota};
pub use record::{MailboxRecord, StaffStatus};
pub use state::{CountBasis, MailboxState, MailboxStatus, status};
pub use sweep::{MailboxSweep, StateCounts, SweepEntry, SweepLists, SweepRow, sweep};
