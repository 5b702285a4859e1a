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
//!
//! # A short tour
//!
//! ```
//! use ntpc_policy::{Policy, Verdict, calendar, identity, password};
//! let policy = Policy::default(); // the edition in force, ntpc-110
//!
//! // calendar (RULES §3): ROC dates in every style of the documents.
//! let d = calendar::parse("民國110年12月7日").unwrap();
//! assert_eq!(calendar::school_term(d.date, &policy).school_year, 110);
//!
//! // identity (RULES §2): a custom account shaped like an ID number must be reset.
//! let acct = identity::check_account("a123456789@apps.ntpc.edu.tw", &policy);
//! assert_eq!(acct.verdict, Verdict::Fail);
//! assert_eq!(identity::redact("身分證A123456789", &policy).unwrap(), "身分證A12****789");
//!
//! // password (RULES §1): 8+ characters, 3 of 4 classes, no account name.
//! let ctx = password::PasswordContext { account: Some("wang01"), ..Default::default() };
//! let r = password::check("Wang01!xyz", &ctx, &policy);
//! assert_eq!(r.findings[0].code.as_str(), "password.contains_account");
//! println!("{}", r.findings[0].message_zh()); // 密碼不可包含帳號名稱。
//!
//! // Every number is data: a partial JSON document changes one without a rebuild.
//! let strict = Policy::from_json(r#"{"password": {"min_length": 12}}"#).unwrap();
//! assert_eq!(password::check("Tq7#vLm2pX", &Default::default(), &strict).verdict, Verdict::Fail);
//! ```

#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]
// uniffi's scaffolding (feature `uniffi`) expands to FFI code with `unsafe`;
// the rules themselves never use it.
#![cfg_attr(feature = "uniffi", deny(unsafe_code))]
#![warn(missing_docs)]

pub mod account;
pub mod api;
pub mod audit;
pub mod calendar;
pub mod chart;
pub mod codes;
pub mod document;
pub mod drill;
pub mod error;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod files;
pub mod finding;
pub mod identity;
pub mod import;
pub mod incident;
pub mod mailbox;
pub mod network;
pub mod parent;
pub mod password;
pub mod permission;
pub mod policy;
pub mod records;
pub mod schedule;
#[cfg(feature = "schema")]
pub mod schema;
pub mod training;

pub use codes::{Code, CodeInfo, CodeKind, code_table};
pub use error::{PolicyError, Result};
pub use finding::{Finding, ParamValue, Params, Severity, Verdict};
pub use policy::Policy;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("ntpc_policy");

/// The crate's version, for bindings and the command line to report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
