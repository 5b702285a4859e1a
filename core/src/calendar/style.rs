//! Date styles of the department's documents, and writing dates in them (RULES §3).

use super::{MAX_YEAR, MIN_YEAR, ROC_OFFSET, out_of_range, taipei};
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
    if !super::in_range(date) {
        return Err(super::range_error(&date.to_string()));
    }
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
    // Digits written by hand: the sweeps write two dates per finding, and
    // `format!` cost most of a mailbox's time (issue 20). Both numbers are
    // positive here (`ry` 1–999, `y` 1912–9999).
    let (ry, y) = (ry.unsigned_abs(), y.unsigned_abs());
    let mut s = String::with_capacity(20);
    let sep = |s: &mut String, year: u32, width: usize, c: char| {
        push_num(s, year, width);
        s.push(c);
        push_num(s, m, 2);
        s.push(c);
        push_num(s, d, 2);
    };
    let chinese = |s: &mut String, year: u32| {
        push_num(s, year, 1);
        s.push('年');
        push_num(s, m, 1);
        s.push('月');
        push_num(s, d, 1);
        s.push('日');
    };
    match style {
        DateStyle::RocChinese => chinese(&mut s, ry),
        DateStyle::RocChineseEra => {
            s.push_str("民國");
            chinese(&mut s, ry);
        }
        DateStyle::RocSlash => sep(&mut s, ry, 1, '/'),
        DateStyle::RocDot => sep(&mut s, ry, 1, '.'),
        DateStyle::RocDash => sep(&mut s, ry, 1, '-'),
        DateStyle::RocCompact => {
            push_num(&mut s, ry, 3);
            push_num(&mut s, m, 2);
            push_num(&mut s, d, 2);
        }
        DateStyle::GregorianChinese => chinese(&mut s, y),
        DateStyle::GregorianSlash => sep(&mut s, y, 1, '/'),
        DateStyle::GregorianDot => sep(&mut s, y, 1, '.'),
        DateStyle::GregorianCompact => {
            push_num(&mut s, y, 1);
            push_num(&mut s, m, 2);
            push_num(&mut s, d, 2);
        }
        DateStyle::Iso => sep(&mut s, y, 1, '-'),
    }
    Ok(s)
}

/// Appends `n` in decimal, zero-padded to `width` digits.
#[inline(always)]
fn push_num(s: &mut String, n: u32, width: usize) {
    let (mut div, mut digits) = (1u32, 1usize);
    while n / div >= 10 {
        div *= 10;
        digits += 1;
    }
    for _ in digits..width {
        s.push('0');
    }
    loop {
        s.push(char::from(b'0' + (n / div % 10) as u8));
        if div == 1 {
            break;
        }
        div /= 10;
    }
}

/// `YYYY-MM-DD` as chrono's `Display` writes it, without the formatting
/// machinery for the years 0–9999 (the rules' findings write dates often).
pub(crate) fn iso_text(date: NaiveDate) -> String {
    let y = date.year();
    if !(0..=9999).contains(&y) {
        return date.to_string();
    }
    let mut s = String::with_capacity(10);
    push_num(&mut s, y.unsigned_abs(), 4);
    s.push('-');
    push_num(&mut s, date.month(), 2);
    s.push('-');
    push_num(&mut s, date.day(), 2);
    s
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `iso_text` writes what chrono's `Display` writes, in and out of its fast range.
    #[test]
    fn iso_text_is_chrono_display() {
        for y in [
            -5, 0, 1, 9, 99, 999, 1911, 1912, 2021, 9999, 10_000, 262_000,
        ] {
            for (m, d) in [(1, 1), (2, 28), (12, 31), (7, 9)] {
                let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
                assert_eq!(iso_text(date), date.to_string());
            }
        }
    }
}
