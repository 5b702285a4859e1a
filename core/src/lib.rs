//! # ntpc-policy
//!
//! The IT policy rules of the New Taipei City education department (新北市教育局),
//! encoded once and served with identical behaviour to Python (and PHP through the
//! command line), Node, Kotlin and Swift.
//!
//! Every check follows one straight line: input → parse → rule → a result value
//! whose [`Finding`]s carry a stable [`Code`], parameters, and zh-TW and English
//! messages. Bad input is a [`PolicyError`] with a stable code. Every number is
//! data in a [`Policy`]; no function reads the clock.
//!
//! The rules and where they come from are in `RULES.md` of the specification; each
//! module's documentation cites its source.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod calendar;
pub mod codes;
pub mod error;
pub mod finding;
pub mod identity;
pub mod password;
pub mod policy;

pub use codes::{Code, CodeInfo, CodeKind, code_table};
pub use error::{PolicyError, Result};
pub use finding::{Finding, ParamValue, Params, Severity, Verdict};
pub use policy::Policy;

/// The crate's version, for bindings and the command line to report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
