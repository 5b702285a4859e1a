//! Taiwan ID numbers: classification, masking, the custom-account rule, finding
//! them in text, and the Unified Business Number (RULES §2; seed 000 PART TWO
//! 自訂帳號格式規範).
//!
//! Three formats share one shape — a letter, a second character, eight digits —
//! and one checksum: the national ID (身分證字號, 2nd character 1/2), the old
//! resident certificate (舊式居留證, A–D) and the new unified certificate
//! (新式統一證號, 8/9, issued since 2021-01-02).
//!
//! ```
//! use ntpc_policy::{Policy, identity};
//! let p = Policy::default();
//! let id = identity::classify("A123456789");
//! assert_eq!(id.masked(&p.identity).as_deref(), Some("A12****789"));
//! assert_eq!(identity::redact("A123456789", &p).unwrap(), "A12****789");
//! ```

mod account;
mod area;
mod classify;
mod file;
mod fold;
mod mask;
mod normalize;
mod scan;
mod ubn;

pub use account::{AccountNameCheck, check_account};
pub use area::Area;
pub use classify::{
    Gender, IdInfo, IdKind, NewCertCategory, checksum_valid, classify, classify_packed,
};
pub use file::{RedactedText, TextScan, redact_bytes, scan_bytes};
pub use mask::mask;
pub use normalize::normalize;
pub(crate) use scan::check_size as check_scan_size_field;
pub use scan::{IdMatch, ScanOptions, redact, redact_with, scan, scan_with};
pub use ubn::{UbnCheck, check_ubn};
