//! Date styles of the department's documents, and writing dates in them (RULES §3).

use super::{MAX_YEAR, MIN_YEAR, ROC_OFFSET, check_range, out_of_range, taipei};
use crate::error::{PolicyError, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use serde::Serialize;
use std::fmt::Write as _;

/// A way of writing a date. The names are stable strings shared by every binding.
///
/// ROC styles write the year without padding (`99/01/05`, `110/12/07`), months and
/// days with two digits, except the Chinese styles (`110年12月7日`) which write
/// numbers as people do, and `roc_compact`, which is always seven digits
/// (`0990105`). Decided: ROC styles cover ROC years 1–999 (1912–2910), since a
/// four-digit year reads as Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// `110年12月7日`
    RocChinese,
    /// `民國110年12月7日`
    RocChineseEra,
    /// `110/12/07`
    RocSlash,
    /// `110.12.07`
    RocDot,
    /// `110-12-07`
    RocDash,
    /// `1101207` (seven digits)
    RocCompact,
    /// `2021年12月7日`
    GregorianChinese,
    /// `2021/12/07`
    GregorianSlash,
    /// `2021.12.07`
    GregorianDot,
    /// `20211207`
    GregorianCompact,
    /// `2021-12-07`
    Iso,
}

impl DateStyle {
    /// Every style.
    pub const ALL: &'static [DateStyle] = &[
        DateStyle::RocChinese,
        DateStyle::RocChineseEra,
        DateStyle::RocSlash,
        DateStyle::RocDot,
        DateStyle::RocDash,
        DateStyle::RocCompact,
        DateStyle::GregorianChinese,
        DateStyle::GregorianSlash,
        DateStyle::GregorianDot,
        DateStyle::GregorianCompact,
        DateStyle::Iso,
    ];

    /// The stable name, e.g. `roc_slash`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DateStyle::RocChinese => "roc_chinese",
            DateStyle::RocChineseEra => "roc_chinese_era",
            DateStyle::RocSlash => "roc_slash",
            DateStyle::RocDot => "roc_dot",
            DateStyle::RocDash => "roc_dash",
            DateStyle::RocCompact => "roc_compact",
            DateStyle::GregorianChinese => "gregorian_chinese",
            DateStyle::GregorianSlash => "gregorian_slash",
            DateStyle::GregorianDot => "gregorian_dot",
            DateStyle::GregorianCompact => "gregorian_compact",
            DateStyle::Iso => "iso",
        }
    }

    /// Whether the style writes ROC years.
    pub const fn is_roc(self) -> bool {
        matches!(
            self,
            DateStyle::RocChinese
                | DateStyle::RocChineseEra
                | DateStyle::RocSlash
                | DateStyle::RocDot
                | DateStyle::RocDash
                | DateStyle::RocCompact
        )
    }
}

impl std::str::FromStr for DateStyle {
    type Err = PolicyError;

    /// Reads a style name; an unknown name is `calendar.unknown_style`.
    fn from_str(s: &str) -> Result<Self> {
        DateStyle::ALL
            .iter()
            .copied()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| PolicyError::UnknownStyle {
                style: super::clip(s),
            })
    }
}

crate::api::deserialize_from_str!(DateStyle, "a date style name such as roc_slash");

impl std::fmt::Display for DateStyle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes a date in a style.
///
/// ```
/// use ntpc_policy::calendar::{format, DateStyle};
/// let d = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
/// assert_eq!(format(d, DateStyle::RocChinese).unwrap(), "110年12月7日");
/// assert_eq!(format(d, DateStyle::RocCompact).unwrap(), "1101207");
/// ```
pub fn format(date: NaiveDate, style: DateStyle) -> Result<String> {
    check_range(date, &date.to_string())?;
    let (y, m, d) = (date.year(), date.month(), date.day());
    let ry = y - ROC_OFFSET;
    if style.is_roc() && ry > 999 {
        return Err(out_of_range(
            &date.to_string(),
            "ROC styles cover ROC years 1 to 999",
            "民國年格式只涵蓋民國 1 至 999 年",
        ));
    }
    debug_assert!((MIN_YEAR..=MAX_YEAR).contains(&y));
    Ok(match style {
        DateStyle::RocChinese => format!("{ry}年{m}月{d}日"),
        DateStyle::RocChineseEra => format!("民國{ry}年{m}月{d}日"),
        DateStyle::RocSlash => format!("{ry}/{m:02}/{d:02}"),
        DateStyle::RocDot => format!("{ry}.{m:02}.{d:02}"),
        DateStyle::RocDash => format!("{ry}-{m:02}-{d:02}"),
        DateStyle::RocCompact => format!("{ry:03}{m:02}{d:02}"),
        DateStyle::GregorianChinese => format!("{y}年{m}月{d}日"),
        DateStyle::GregorianSlash => format!("{y}/{m:02}/{d:02}"),
        DateStyle::GregorianDot => format!("{y}.{m:02}.{d:02}"),
        DateStyle::GregorianCompact => format!("{y}{m:02}{d:02}"),
        DateStyle::Iso => format!("{y}-{m:02}-{d:02}"),
    })
}

/// Writes an instant in Taipei time: the date in `style`, then ` HH:MM`.
///
/// ```
/// use ntpc_policy::calendar::{format_datetime, parse_datetime, DateStyle};
/// let t = parse_datetime("2021-02-08T09:50:00Z").unwrap();
/// assert_eq!(format_datetime(t, DateStyle::RocSlash).unwrap(), "110/02/08 17:50");
/// ```
pub fn format_datetime(at: DateTime<FixedOffset>, style: DateStyle) -> Result<String> {
    let local = at.with_timezone(&taipei());
    let mut s = format(local.date_naive(), style)?;
    let _ = write!(s, " {:02}:{:02}", local.hour(), local.minute());
    Ok(s)
}
