//! The record of the department's incident table (seed 000 PART FOUR 各校通報事件統計).

use super::clock::de_opt_datetime;
use crate::error::{PolicyError, Result};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use unicode_normalization::UnicodeNormalization;

/// One security incident, as a row of the department's table plus the times the
/// table does not show (awareness, recovery, report).
///
/// Instants are RFC 3339, or any style of [`crate::calendar::parse_datetime`] (a
/// naive time such as `2021/02/08 17:50` means Asia/Taipei); they serialise as
/// RFC 3339. Text is kept verbatim (the seed's unit names are partly
/// `[REDACTED]`, and stay so).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// 編號: the ticket number.
    pub id: String,
    /// 通報單位: the reporting school or unit. In the department's grouped export
    /// it is the group's name (`▲ 通報單位: 新北市三重區三重國民小學`), the only
    /// place the school is written in full.
    pub unit: String,
    /// The row's own 通報單位 cell, as written, when `unit` came from its group
    /// line (the rows of the export are redacted: `新北市三重區 [REDACTED] 國民小學`).
    #[serde(default)]
    pub unit_as_written: Option<String>,
    /// 等級: the level after review, 0–4 (0 = unconfirmed ticket of the education system).
    pub level: u8,
    /// 原通報等級: the level the notice gave, when the review changed it.
    #[serde(default)]
    pub reported_level: Option<u8>,
    /// 事件類型, e.g. `INT`.
    #[serde(default)]
    pub event_type: Option<String>,
    /// 子類型, e.g. `系統被入侵`, `殭屍電腦(Bot)`, `對外攻擊`.
    #[serde(default)]
    pub subtype: Option<String>,
    /// 發生時間.
    #[serde(default, deserialize_with = "de_opt_datetime")]
    pub occurred_at: Option<DateTime<FixedOffset>>,
    /// 知悉時間: when the unit became aware (not in the department's table).
    #[serde(default, deserialize_with = "de_opt_datetime")]
    pub aware_at: Option<DateTime<FixedOffset>>,
    /// 通報時間: when it was notified.
    #[serde(default, deserialize_with = "de_opt_datetime")]
    pub reported_at: Option<DateTime<FixedOffset>>,
    /// 審核時間: when the reviewing authority rated the level.
    #[serde(default, deserialize_with = "de_opt_datetime")]
    pub reviewed_at: Option<DateTime<FixedOffset>>,
    /// 復原時間: when damage control or recovery was completed.
    #[serde(default, deserialize_with = "de_opt_datetime")]
    pub recovered_at: Option<DateTime<FixedOffset>>,
    /// 報告時間: when the investigation and improvement report was filed.
    #[serde(default, deserialize_with = "de_opt_datetime")]
    pub report_filed_at: Option<DateTime<FixedOffset>>,
    /// IP, as written (may be redacted or carry `(natIP)`).
    #[serde(default)]
    pub ip: Option<String>,
    /// Times the source does not record at all (its file has no such column),
    /// as opposed to a blank cell: a duty done at such a time has status
    /// `unknown`, never `overdue`, and an absent awareness time is not repeated
    /// per row (the file says it once). A JSON record's missing key is a blank
    /// cell unless it is listed here.
    #[serde(default)]
    pub not_recorded: Vec<super::TimeField>,
}

/// An IP cell: the raw text and, when it holds a whole address, the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IpInfo {
    /// The cell as written.
    pub raw: String,
    /// The address, when the text (without its annotation) is a valid IPv4/IPv6 address.
    pub address: Option<IpAddr>,
    /// Marked `(natIP)`: the address is the school's NAT address, not the host's.
    pub nat: bool,
    /// Partly hidden (`[REDACTED]`, `*`): no address can be read.
    pub redacted: bool,
}

/// Reads an IP cell. Decided: the annotation is anything in brackets after the
/// address (`(natIP)`, full-width too); `nat` when it says `nat` in any case;
/// `redacted` when the text holds `[REDACTED]` or `*`.
///
/// ```
/// use ntpc_policy::incident::parse_ip;
/// let seed = parse_ip("163.20.[REDACTED] (natIP)");
/// assert!(seed.nat && seed.redacted && seed.address.is_none());
/// assert_eq!(parse_ip("163.20.1.5（natIP）").address.unwrap().to_string(), "163.20.1.5");
/// ```
pub fn parse_ip(raw: &str) -> IpInfo {
    let folded: String = raw.nfkc().collect();
    let lower = folded.to_lowercase();
    let redacted = lower.contains("[redacted]") || folded.contains('*');
    let body = match folded.find('(') {
        Some(i) => &folded[..i],
        None => folded.as_str(),
    };
    let nat = folded
        .find('(')
        .is_some_and(|i| folded[i..].to_lowercase().contains("nat"));
    IpInfo {
        raw: raw.to_owned(),
        address: if redacted {
            None
        } else {
            body.trim().parse().ok()
        },
        nat,
        redacted,
    }
}

/// Reads a level as the table writes it: `1級`, `第3級`, `3`, `三級`, `Level 2`.
///
/// ```
/// use ntpc_policy::incident::parse_level;
/// assert_eq!(parse_level("1級").unwrap(), 1);
/// assert_eq!(parse_level("第三級").unwrap(), 3);
/// assert!(parse_level("高").is_err());
/// ```
pub fn parse_level(text: &str) -> Result<u8> {
    let lower = crate::import::fold_cell(text);
    let lower = lower.as_ref();
    let core = lower
        .strip_prefix("level")
        .or_else(|| lower.strip_prefix('第'))
        .unwrap_or(lower);
    let core = core
        .strip_suffix('級')
        .or_else(|| core.strip_suffix('级'))
        .unwrap_or(core);
    let level = match core {
        "0" | "零" | "〇" => Some(0),
        "1" | "一" => Some(1),
        "2" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => core.parse::<u8>().ok(),
    };
    level.ok_or_else(|| {
        crate::import::invalid_value(
            text,
            "not a level such as 1級 or 3",
            "不是等級（例如 1級 或 3）",
        )
    })
}

/// `Err(input.invalid_argument)` when a level is over the policy's maximum.
pub(crate) fn check_level(field: &str, level: u8, max: u8) -> Result<()> {
    if level > max {
        return Err(PolicyError::invalid_bilingual(
            field,
            format!("levels are 0 to {max}, got {level}"),
            format!("等級為 0 至 {max}，此為 {level}"),
        ));
    }
    Ok(())
}
