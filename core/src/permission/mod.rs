//! App ↔ web-module permissions of 新北校園通 (RULES §6; seed 000 PART FIVE
//! APP與WEB對應、權限設定; seed 001 柒 案由二).
//!
//! - [`table`]: the 16 rows of the seed, copied exactly, each holder of 管理權 and
//!   編輯權 as its own string next to the cell as written; [`lookup`] both ways.
//! - The defaults are suggestions ("實際開設仍以學校實際業務執行者為主"): a school
//!   changes them in its ROOT module. Its [`Override`]s are data; [`who_can`] and
//!   [`can`] answer after them and say which [`Rule`] decided (`default`,
//!   `override_add`, `override_remove`, `title_rule`).
//! - 電子聯絡簿 has no web module: the right follows the job title
//!   ([`contact_book_right`]; management wins). Decided: management implies edit,
//!   for every module.
//! - Attendance data minimisation: [`attendance_view`] and [`absent_counts`].
//!
//! ```
//! use ntpc_policy::{Policy, permission::{can, lookup, Override, Person, Right, Rule}};
//! let p = Policy::default();
//! assert_eq!(lookup("學籍管理").unwrap().row.app, "學生查詢");
//! let clerk = Person { title: Some("幹事".into()), roles: vec!["幹事".into()] };
//! assert!(can(&clerk, "上課yo", Right::Manage, &[], &p).unwrap().allowed);
//! let o: Vec<Override> = serde_json::from_str(
//!     r#"[{"module": "上課yo", "right": "manage", "remove": ["幹事"]}]"#).unwrap();
//! let d = can(&clerk, "上課yo", Right::Manage, &o, &p).unwrap();
//! assert_eq!((d.allowed, d.rule), (false, Rule::OverrideRemove));
//! ```

mod attendance;
mod decide;
mod overrides;
mod table;

pub use attendance::{
    ATTENDANCE_MODULE, AbsentCounts, AttendanceAccess, AttendanceRecord, AttendanceStatus,
    AttendanceView, ClassDayCount, absent_counts, attendance_view,
};
pub use decide::{
    Decision, Holder, Person, Rule, TitleRight, WhoCan, can, contact_book_right, who_can,
};
pub use overrides::Override;
pub use table::{AppModule, Lookup, MatchedAs, Right, TABLE, TitleRule, lookup, table};
