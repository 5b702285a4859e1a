//! Minutes, their human text, and instants read from records (shared by the
//! incident, drill and audit rules).
//!
//! Decided: margins (time left, time to spare) are whole minutes rounded *down*
//! and delays (time late) whole minutes rounded *up*, so a report one second late
//! shows "1 min late", never "0 min late", and "on time with 0 min to spare" means
//! at most 59 seconds to spare.

use crate::calendar;
use chrono::{DateTime, Datelike, FixedOffset, TimeDelta};
use serde::{Deserialize, Deserializer};

/// An instant of a record: RFC 3339 or any style [`calendar::parse_datetime`]
/// reads (a naive time is Asia/Taipei), for `#[serde(deserialize_with)]`.
pub(crate) fn de_datetime<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = String::deserialize(d)?;
    calendar::parse_datetime(&text).map_err(crate::records::de_error)
}

/// Like [`de_datetime`], for an optional field: null and blank are `None`.
pub(crate) fn de_opt_datetime<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(t) if t.trim().is_empty() => Ok(None),
        Some(t) => calendar::parse_datetime(&t)
            .map(Some)
            .map_err(crate::records::de_error),
    }
}

/// Whole minutes from `earlier` to `later`, rounded down (a margin; ≥ 0 expected).
pub(crate) fn margin_minutes(later: DateTime<FixedOffset>, earlier: DateTime<FixedOffset>) -> i64 {
    (later - earlier).num_milliseconds().div_euclid(60_000)
}

/// Whole minutes from `earlier` to `later`, rounded up (a delay; ≥ 0 expected).
pub(crate) fn delay_minutes(later: DateTime<FixedOffset>, earlier: DateTime<FixedOffset>) -> i64 {
    let ms = (later - earlier).num_milliseconds();
    ms.div_euclid(60_000) + i64::from(ms.rem_euclid(60_000) != 0)
}

/// `start + hours` on the wall clock (RULES §0: hour periods start immediately);
/// `None` (an unknown deadline) when it falls after 9999-12-31 in Taipei, the
/// end of the supported calendar, so no result ever shows a year `+10000`.
pub(crate) fn add_hours(start: DateTime<FixedOffset>, hours: u32) -> Option<DateTime<FixedOffset>> {
    start
        .checked_add_signed(TimeDelta::hours(i64::from(hours)))
        .filter(|d| d.with_timezone(&calendar::taipei()).year() <= calendar::MAX_YEAR)
}

fn parts(minutes: i64) -> (i64, i64, i64) {
    let m = minutes.max(0);
    (m / 1440, m % 1440 / 60, m % 60)
}

/// `1 d 15 h 35 min`; zero parts are left out, `0 min` for nothing.
pub(crate) fn text_en(minutes: i64) -> String {
    let (d, h, m) = parts(minutes);
    let mut out = Vec::new();
    if d > 0 {
        out.push(format!("{d} d"));
    }
    if h > 0 {
        out.push(format!("{h} h"));
    }
    if m > 0 || out.is_empty() {
        out.push(format!("{m} min"));
    }
    out.join(" ")
}

/// `1 天 15 小時 35 分`; zero parts are left out, `0 分` for nothing.
pub(crate) fn text_zh(minutes: i64) -> String {
    let (d, h, m) = parts(minutes);
    let mut out = Vec::new();
    if d > 0 {
        out.push(format!("{d} 天"));
    }
    if h > 0 {
        out.push(format!("{h} 小時"));
    }
    if m > 0 || out.is_empty() {
        out.push(format!("{m} 分"));
    }
    out.join(" ")
}

/// An instant as people read it in Taipei: `2021-02-08 18:50` (`:ss` when not 0).
pub(crate) fn local_text(t: DateTime<FixedOffset>) -> String {
    let l = t.with_timezone(&calendar::taipei());
    if l.format("%S").to_string() == "00" {
        l.format("%Y-%m-%d %H:%M").to_string()
    } else {
        l.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        calendar::parse_datetime(s).unwrap()
    }

    #[test]
    fn rounds_margins_down_and_delays_up() {
        let a = t("2021-02-08T18:50:00+08:00");
        assert_eq!(delay_minutes(t("2021-02-08T18:50:01+08:00"), a), 1);
        assert_eq!(delay_minutes(a, a), 0);
        assert_eq!(margin_minutes(t("2021-02-08T18:50:59+08:00"), a), 0);
        assert_eq!(margin_minutes(t("2021-02-08T19:51:00+08:00"), a), 61);
        assert_eq!(text_en(2375), "1 d 15 h 35 min");
        assert_eq!(text_zh(2375), "1 天 15 小時 35 分");
        assert_eq!(text_en(0), "0 min");
        assert_eq!(text_en(60), "1 h");
        assert_eq!(text_zh(1440), "1 天");
        assert_eq!(local_text(t("2021-02-08T10:50:00Z")), "2021-02-08 18:50");
        assert_eq!(local_text(t("2021-02-08T10:50:05Z")), "2021-02-08 18:50:05");
    }
}
