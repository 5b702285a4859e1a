//! Properties of the calendar: formatting and parsing round-trip in every style,
//! and no input makes a public function panic.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ntpc_policy::calendar::{self, DateStyle};
use proptest::prelude::*;

fn date_in(lo: NaiveDate, hi: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let days = (hi - lo).num_days();
    (0..=days).prop_map(move |n| lo + Duration::days(n))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_style_round_trips(d in date_in(ymd(1912, 1, 1), ymd(9999, 12, 31)),
                               i in 0..DateStyle::ALL.len()) {
        let style = DateStyle::ALL[i];
        match calendar::format(d, style) {
            Ok(text) => {
                let back = calendar::parse(&text).unwrap();
                prop_assert_eq!(back.date, d, "{}", text);
                prop_assert_eq!(back.style, style, "{}", text);
            }
            // ROC styles end at ROC 999; nothing else may fail.
            Err(e) => prop_assert!(style.is_roc() && d >= ymd(2911, 1, 1), "{}", e),
        }
    }

    #[test]
    fn datetimes_round_trip_to_the_minute(secs in -1_800_000_000i64..4_000_000_000i64,
                                          i in 0..DateStyle::ALL.len()) {
        let at = Utc.timestamp_opt(secs, 0).unwrap().fixed_offset();
        let text = calendar::format_datetime(at, DateStyle::ALL[i]).unwrap();
        let back = calendar::parse_datetime(&text).unwrap();
        prop_assert_eq!(back.timestamp(), secs - secs.rem_euclid(60), "{}", text);
    }

    #[test]
    fn roc_conversion_round_trips(d in date_in(ymd(1912, 1, 1), ymd(9999, 12, 31))) {
        let r = calendar::to_roc(d).unwrap();
        prop_assert_eq!(calendar::from_roc(r.year, r.month, r.day).unwrap(), d);
    }

    #[test]
    fn school_terms_are_consistent(d in date_in(ymd(1913, 1, 1), ymd(2910, 6, 30))) {
        let t = calendar::school_term(d, &ntpc_policy::Policy::default());
        prop_assert!(t.semester_start <= d && d <= t.semester_end);
        prop_assert!(t.school_year_start <= d && d <= t.school_year_end);
        prop_assert_eq!(calendar::format(t.school_year_start, DateStyle::RocSlash).unwrap(),
                        format!("{}/08/01", t.school_year));
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
        let _ = calendar::parse(&s);
        let _ = calendar::parse_datetime(&s);
    }

    #[test]
    fn date_shaped_noise_never_panics(s in "[0-9０-９/.\\-年月日民國 :T上下午()（）星期一二]{0,40}") {
        let _ = calendar::parse(&s);
        let _ = calendar::parse_datetime(&s);
    }
}
