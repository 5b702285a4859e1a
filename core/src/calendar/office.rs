//! The government office calendar (行政機關辦公日曆表): which days are office days.
//!
//! Periods counted in days, months or years end later when their last day is not
//! an office day (行政程序法 §48 ③④; 民法 §122), so the rules need the calendar
//! of days off that 行政院人事行政總處 publishes each year: national holidays, 補假,
//! 調整放假, and the Saturdays that become make-up workdays (補行上班).
//!
//! It is policy data (`policy.calendar.office_days`, keyed by year), compiled in for
//! the years shipped in `core/data/office-calendar/` (source and licence in its
//! README) and extendable by a policy file without a rebuild. A year is stored as
//! its exceptions to "Saturday and Sunday rest, Monday to Friday office":
//! `holidays` (rest days with their names) and `workdays` (weekend office days).
//!
//! Decided: a make-up workday is an office day; a day of a year the calendar does
//! not cover is judged by the weekday alone, and says so (`covered: false`).
//!
//! ```
//! use chrono::NaiveDate;
//! use ntpc_policy::calendar::OfficeCalendar;
//! let cal = OfficeCalendar::shipped();
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(!cal.is_office_day(d(2021, 2, 10))); // 調整放假 (a Wednesday)
//! assert!(cal.is_office_day(d(2021, 2, 20))); // 補行上班 (a Saturday)
//! assert!(cal.covers(2027) && !cal.covers(2030));
//! ```

use crate::error::{PolicyError, Result};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

/// One year of the office calendar: its exceptions to the weekday rule.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeYear {
    /// Days that are not office days, with their names (`和平紀念日`, `補假`,
    /// `調整放假`): every weekday off, and weekend days that carry a holiday's name.
    #[serde(default)]
    pub holidays: BTreeMap<NaiveDate, String>,
    /// Saturdays and Sundays that are office days (`補行上班`, `調整上班`).
    #[serde(default)]
    pub workdays: BTreeMap<NaiveDate, String>,
}

/// What kind of day a date is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// An ordinary Monday to Friday: an office day.
    Workday,
    /// A Saturday or Sunday that is an office day (補行上班).
    MakeupWorkday,
    /// An ordinary Saturday or Sunday: a rest day.
    Weekend,
    /// A named rest day (a holiday, 補假, 調整放假), on any weekday.
    Holiday,
}

/// One day of the office calendar.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficeDay {
    /// The date.
    pub date: NaiveDate,
    /// Whether offices are open: a workday or a make-up workday.
    pub office_day: bool,
    /// Workday, make-up workday, weekend or holiday.
    pub kind: DayKind,
    /// The calendar's name for the day (`和平紀念日`, `補行上班`), when it has one.
    pub name: Option<String>,
    /// Whether the calendar covers the date's year; when not, `kind` follows the
    /// weekday alone.
    pub covered: bool,
}

/// The office calendar: years of [`OfficeYear`]. Cheap to clone (shared).
///
/// In JSON (`policy.calendar.office_days`) it is an object keyed by year:
/// `{"2021": {"holidays": {"2021-02-28": "和平紀念日"}, "workdays": {…}}}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfficeCalendar {
    years: Arc<BTreeMap<i32, OfficeYear>>,
}

/// The years shipped in `core/data/office-calendar/office_days.json`, read once.
static SHIPPED: LazyLock<OfficeCalendar> = LazyLock::new(|| {
    let years: BTreeMap<i32, OfficeYear> =
        serde_json::from_str(include_str!("../../data/office-calendar/office_days.json"))
            .expect("the shipped office calendar is valid JSON of its shape");
    OfficeCalendar {
        years: Arc::new(years),
    }
});

fn weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl OfficeCalendar {
    /// The calendar shipped with the crate (2017–2027; see `core/data/office-calendar/`).
    pub fn shipped() -> OfficeCalendar {
        SHIPPED.clone()
    }

    /// Whether the calendar has data for a year.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The years covered, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }

    /// One year's data, when covered.
    pub fn year(&self, year: i32) -> Option<&OfficeYear> {
        self.years.get(&year)
    }

    /// Adds a year, or replaces it whole.
    pub fn insert(&mut self, year: i32, data: OfficeYear) {
        Arc::make_mut(&mut self.years).insert(year, data);
    }

    /// Whether offices are open on a date. A date of a year the calendar does not
    /// cover is an office day from Monday to Friday (see [`OfficeCalendar::day`]).
    pub fn is_office_day(&self, date: NaiveDate) -> bool {
        match self.years.get(&date.year()) {
            Some(y) if y.workdays.contains_key(&date) => true,
            Some(y) if y.holidays.contains_key(&date) => false,
            _ => !weekend(date),
        }
    }

    /// Everything the calendar says about a date.
    ///
    /// ```
    /// use ntpc_policy::calendar::{OfficeCalendar, office::DayKind};
    /// let d = chrono::NaiveDate::from_ymd_opt(2026, 2, 28).unwrap();
    /// let day = OfficeCalendar::shipped().day(d);
    /// assert_eq!((day.office_day, day.kind, day.name.as_deref()), (false, DayKind::Holiday, Some("和平紀念日")));
    /// ```
    pub fn day(&self, date: NaiveDate) -> OfficeDay {
        let year = self.years.get(&date.year());
        let (kind, name) = match year {
            Some(y) if y.workdays.contains_key(&date) => {
                (DayKind::MakeupWorkday, y.workdays.get(&date))
            }
            Some(y) if y.holidays.contains_key(&date) => (DayKind::Holiday, y.holidays.get(&date)),
            _ if weekend(date) => (DayKind::Weekend, None),
            _ => (DayKind::Workday, None),
        };
        OfficeDay {
            date,
            office_day: matches!(kind, DayKind::Workday | DayKind::MakeupWorkday),
            kind,
            name: name.cloned(),
            covered: year.is_some(),
        }
    }

    /// Checks the data as a policy file may give it: years 1912–9999, every date
    /// in its year, make-up workdays on Saturdays or Sundays, no day both a
    /// holiday and a workday, names of at most 64 characters.
    pub fn validate(&self) -> Result<()> {
        let bad = |en: String, zh: String| Err(PolicyError::policy_file(en, zh));
        for (&year, data) in self.years.iter() {
            let key = format!("calendar.office_days.{year}");
            if !(super::MIN_YEAR..=super::MAX_YEAR).contains(&year) {
                return bad(
                    format!("{key}: years are 1912 to 9999"),
                    format!("{key}：年份須為 1912 至 9999"),
                );
            }
            for (list, days) in [("holidays", &data.holidays), ("workdays", &data.workdays)] {
                for (date, name) in days {
                    if date.year() != year {
                        return bad(
                            format!("{key}.{list}: {date} is not in {year}"),
                            format!("{key}.{list}：{date} 不在 {year} 年"),
                        );
                    }
                    if name.chars().count() > 64 {
                        return bad(
                            format!("{key}.{list}: the name of {date} is over 64 characters"),
                            format!("{key}.{list}：{date} 的名稱超過 64 個字元"),
                        );
                    }
                }
            }
            for date in data.workdays.keys() {
                if !weekend(*date) {
                    return bad(
                        format!("{key}.workdays: {date} is not a Saturday or Sunday"),
                        format!("{key}.workdays：{date} 不是星期六或星期日"),
                    );
                }
                if data.holidays.contains_key(date) {
                    return bad(
                        format!("{key}: {date} is both a holiday and a workday"),
                        format!("{key}：{date} 同時列為放假日與補行上班日"),
                    );
                }
            }
        }
        Ok(())
    }
}

impl Serialize for OfficeCalendar {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.years.serialize(s)
    }
}

impl<'de> Deserialize<'de> for OfficeCalendar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(OfficeCalendar {
            years: Arc::new(BTreeMap::deserialize(d)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn shipped_years_and_kinds() {
        let cal = OfficeCalendar::shipped();
        assert_eq!(
            cal.years().collect::<Vec<_>>(),
            (2017..=2027).collect::<Vec<_>>()
        );
        assert!(cal.validate().is_ok());
        let k = |date| cal.day(date).kind;
        assert_eq!(k(d(2021, 12, 7)), DayKind::Workday);
        assert_eq!(k(d(2021, 12, 11)), DayKind::Weekend);
        assert_eq!(k(d(2021, 9, 11)), DayKind::MakeupWorkday);
        assert_eq!(k(d(2021, 12, 31)), DayKind::Holiday); // 補假 (a Friday)
        let far = cal.day(d(2031, 1, 1));
        assert_eq!(
            (far.covered, far.kind, far.office_day),
            (false, DayKind::Workday, true)
        );
    }
}
