//! Parent registration in the 新北校園通 app (RULES §5; seed 000 PART FIVE
//! 新北校園通APP注意事項 1.家長資料).
//!
//! A parent registers with the mobile number the school recorded in the
//! student's family record (學籍管理 › 家庭資料). Father, mother, guardian 1 and
//! guardian 2 each need a **name and a mobile number**; another contact with both
//! filled can register too. [`check`] says who can, and for everyone else exactly
//! what is missing or malformed; [`normalize_mobile`] reads a Taiwan mobile number
//! in the forms people type (`0912-345-678`, `+886 912 345 678`) and rejects
//! landlines with a finding of their own.
//!
//! ```
//! use ntpc_policy::parent::{check, normalize_mobile, FamilyRecord, PhoneKind};
//! assert_eq!(normalize_mobile("0912 345 678").normalized.as_deref(), Some("0912345678"));
//! assert_eq!(normalize_mobile("(02) 2960-3456").kind, PhoneKind::Landline);
//! let r: FamilyRecord = serde_json::from_str(
//!     r#"{"mother": {"name": "李美麗", "mobile": "0933-111-222"}}"#).unwrap();
//! assert_eq!(check(&r).registrants.len(), 1);
//! ```

mod family;
mod file;
mod import;
mod phone;

pub use family::{
    Contact, ContactCheck, FamilyCheck, FamilyRecord, NAME_PLACEHOLDERS, Registrant, Slot, check,
    check_many,
};
pub use file::check_file;
pub use import::{FAMILY_SCHEMA, import};
pub use phone::{MAX_PHONE_CHARS, PhoneCheck, PhoneKind, PhoneProblem, normalize_mobile};
