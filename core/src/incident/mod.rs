//! Security incidents: the department's table, the deadlines of the incident
//! regulation, and statistics (RULES §7; seed 000 PART FOUR; 資通安全事件通報及
//! 應變辦法, editions 2021-08-23 and 2026-01-05 in `policy.incident.regulations`).
//!
//! - [`Incident`] is a row of the department's table (編號, 通報單位, 等級, 事件類型,
//!   子類型, 發生時間, 通報時間, 審核時間, IP) plus the times it lacks (知悉,
//!   復原, 報告); [`import`] reads it from CSV/TSV with Chinese or English headers.
//! - [`evaluate`] judges the four obligations — notify, review, recover, report —
//!   against the regulation edition of the incident's date: deadline, status
//!   (`met | late | open | overdue | unknown`) and margin or delay in minutes.
//! - [`stats`] counts by month, subtype, school, year and level, and how many
//!   obligations were late.
//!
//! ```
//! use ntpc_policy::{Policy, Verdict, import::ImportOptions, incident};
//! let csv = "編號,通報單位,等級,事件類型,子類型,發生時間,通報時間,審核時間,IP\n\
//!            189750,財團法人新北市 [REDACTED] 級中學,1級,INT,系統被入侵,\
//!            2021/02/08 17:50,2021/02/09 10:41,2021/02/09 11:38,163.20.[REDACTED]\n";
//! let p = Policy::default();
//! let rows = incident::import(csv.as_bytes(), &ImportOptions::default(), &p).unwrap();
//! let now = ntpc_policy::calendar::parse_datetime("2021-02-09T12:00:00+08:00").unwrap();
//! let r = incident::evaluate(&rows.records[0], now, &p).unwrap();
//! assert_eq!(r.verdict, Verdict::Fail); // notified 15 h 51 min after the 1-hour limit
//! assert_eq!(r.obligations[0].delay_minutes, Some(951));
//! ```

pub(crate) mod clock;
mod deadline;
mod file;
mod import;
mod record;
mod stats;

pub use deadline::{IncidentCheck, Obligation, ObligationCheck, Status, TimeField, evaluate};
pub use file::check_file;
pub use import::{INCIDENT_SCHEMA, import};
pub use record::{Incident, IpInfo, parse_ip, parse_level};
pub use stats::{
    IncidentStats, LabelCount, LevelCount, MonthCount, ObligationCounts, YearCount, stats,
};
