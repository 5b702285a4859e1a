//! Properties of the calendar: formatting and parsing round-trip in every style
//! for every supported year (1912–9999, ROC 1–8088), the hand-written scanner
//! reads every input exactly as the regex oracle does (issue 20), periods in
//! months follow 行政程序法 §48, and no input makes a public function panic.

#[path = "calendar_oracle/regex_parse.rs"]
mod regex_parse;

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use ntpc_policy::calendar::{self, DateStyle, PeriodRule};
use ntpc_policy::{Code, Policy};
use proptest::prelude::*;

fn date_in(lo: NaiveDate, hi: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let days = (hi - lo).num_days();
    (0..=days).prop_map(move |n| lo + Duration::days(n))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Both readings of a text, as comparable values.
fn both(text: &str) -> (regex_parse::Reading, regex_parse::Reading) {
    let core = calendar::parse(text)
        .map(|p| (p.date, p.time, p.style.as_str()))
        .map_err(|e| e.code().as_str());
    (core, regex_parse::parse(text))
}

/// The full-width twin of an ASCII character, as an IME in full-width mode types it.
fn wide(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
        ' ' => '\u{3000}',
        _ => c,
    }
}

/// Texts in every style of the grammar, with fields in and out of range, any
/// weekday form (mostly the right weekday), either time style with the hours
/// where the readings differ (0, 1, 11, 12, 13, 23, 24), optional spaces and
/// full-width characters, and now and then one character changed.
fn styled_text() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        0u32..10_050,
        90u32..130,
        1990u32..2040,
        8080u32..8090,
        9990u32..10_001
    ];
    let month = prop_oneof![1u32..13, 0u32..14];
    let day = prop_oneof![1u32..29, 0u32..33];
    let hour = prop_oneof![
        prop::sample::select(vec![0u32, 1, 11, 12, 13, 23, 24]),
        0u32..26
    ];
    let date = (
        0usize..6,
        year,
        month,
        day,
        prop::bool::ANY,
        0usize..4,
        0usize..8,
    );
    let weekday = (0usize..7, 0u32..8, 0usize..5, prop::bool::weighted(0.75));
    let time = (
        0usize..8,
        hour,
        prop_oneof![0u32..60, 58u32..62],
        0u32..61,
        0usize..4,
        0usize..3,
    );
    (
        date,
        weekday,
        time,
        prop::bool::weighted(0.2),
        prop::option::weighted(0.1, (any::<prop::sample::Index>(), any::<char>())),
    )
        .prop_map(|(date, weekday, time, full_width, change)| {
            let (kind, y, m, d, pad, space, seps) = date;
            let sp = ["", " ", "  ", "\u{3000}"][space];
            let (s1, s2) = [
                ("/", "/"),
                (".", "."),
                ("-", "-"),
                ("/", "/"),
                (".", "."),
                ("-", "-"),
                ("/", "-"),
                (".", "/"),
            ][seps];
            let roc = y % 1000;
            let (text, gy) = match kind {
                0 => (format!("{roc}{sp}年{sp}{m}{sp}月{sp}{d}{sp}日"), roc + 1911),
                1 => (format!("民國{sp}{}年{m}月{d}日", y % 1100), y % 1100 + 1911),
                2 => (format!("{y}年{m:02}月{d:02}日"), y),
                3 if pad => (format!("{roc}{s1}{m:02}{s2}{d:02}"), roc + 1911),
                3 => (format!("{roc}{sp}{s1}{sp}{m}{s2}{d}"), roc + 1911),
                4 => (format!("{:04}{s1}{m:02}{s2}{d:02}", y % 10_000), y % 10_000),
                _ if pad => (format!("{roc:03}{m:02}{d:02}"), roc + 1911),
                _ => (format!("{:04}{m:02}{d:02}", y % 10_000), y % 10_000),
            };
            let (form, w, prefix, right) = weekday;
            let names = ['一', '二', '三', '四', '五', '六', '日', '天'];
            let actual = i32::try_from(gy)
                .ok()
                .and_then(|gy| NaiveDate::from_ymd_opt(gy, m, d))
                .map(|x| x.weekday().num_days_from_monday() as usize);
            let w = match actual {
                Some(a) if right => names[if a == 6 && w % 2 == 0 { 7 } else { a }],
                _ => names[w as usize],
            };
            let prefix = ["", "星期", "週", "周", "禮拜"][prefix];
            let wd = match form {
                0 => format!("（{prefix}{w}）"),
                1 => format!("({prefix}{w})"),
                2 => format!(" ({w})"),
                3 if !prefix.is_empty() => format!("{prefix}{w}"),
                4 if !prefix.is_empty() => format!(" {prefix}{w}"),
                _ => String::new(),
            };
            let (tform, h, mi, sec, mer, pre) = time;
            let mer = ["", "上午", "下午", "中午"][mer];
            let pre = ["", " ", "T"][pre];
            let t = match tform {
                0 => format!("{pre}{mer}{h}:{mi:02}"),
                1 => format!("{pre}{mer}{h:02}:{mi:02}:{sec:02}"),
                2 => format!("{pre}{mer} {h}:{mi:02}"),
                3 => format!("{pre}{mer}{h}時"),
                4 => format!("{pre}{mer}{h}時{mi}分"),
                5 => format!("{pre}{mer}{h} 時 {mi} 分 {sec} 秒"),
                _ => String::new(),
            };
            let mut text = format!("{text}{wd}{t}");
            if full_width {
                text = text.chars().map(wide).collect();
            }
            if let Some((at, c)) = change {
                let mut chars: Vec<char> = text.chars().collect();
                if !chars.is_empty() {
                    let i = at.index(chars.len());
                    chars[i] = c;
                }
                text = chars.into_iter().collect();
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_style_round_trips(d in date_in(ymd(1912, 1, 1), ymd(9999, 12, 31)),
                               i in 0..DateStyle::ALL.len()) {
        let style = DateStyle::ALL[i];
        match calendar::format(d, style) {
            Ok(text) => {
                prop_assert!(!text.contains("10000"), "{}", text);
                let back = calendar::parse(&text).unwrap();
                prop_assert_eq!(back.date, d, "{}", text);
                prop_assert_eq!(back.style, style, "{}", text);
            }
            // ROC styles end at ROC 999; nothing else may fail.
            Err(e) => prop_assert!(style.is_roc() && d >= ymd(2911, 1, 1), "{}", e),
        }
    }

    /// Issue 20: dates are written digit by digit; the text is exactly what
    /// `format!` wrote before.
    #[test]
    fn every_style_writes_what_format_wrote(d in date_in(ymd(1912, 1, 1), ymd(9999, 12, 31)),
                                            i in 0..DateStyle::ALL.len()) {
        let style = DateStyle::ALL[i];
        let (y, m, day) = (d.year(), d.month(), d.day());
        let ry = y - 1911;
        let want = match style {
            DateStyle::RocChinese => format!("{ry}年{m}月{day}日"),
            DateStyle::RocChineseEra => format!("民國{ry}年{m}月{day}日"),
            DateStyle::RocSlash => format!("{ry}/{m:02}/{day:02}"),
            DateStyle::RocDot => format!("{ry}.{m:02}.{day:02}"),
            DateStyle::RocDash => format!("{ry}-{m:02}-{day:02}"),
            DateStyle::RocCompact => format!("{ry:03}{m:02}{day:02}"),
            DateStyle::GregorianChinese => format!("{y}年{m}月{day}日"),
            DateStyle::GregorianSlash => format!("{y}/{m:02}/{day:02}"),
            DateStyle::GregorianDot => format!("{y}.{m:02}.{day:02}"),
            DateStyle::GregorianCompact => format!("{y}{m:02}{day:02}"),
            DateStyle::Iso => d.to_string(),
        };
        match calendar::format(d, style) {
            Ok(text) => prop_assert_eq!(text, want),
            Err(_) => prop_assert!(style.is_roc() && ry > 999),
        }
    }

    #[test]
    fn the_last_years_round_trip(d in date_in(ymd(9990, 1, 1), ymd(9999, 12, 31)),
                                 i in 0..DateStyle::ALL.len(), minute in 0u32..1440) {
        let style = DateStyle::ALL[i];
        if style.is_roc() {
            return Ok(());
        }
        let at = calendar::to_taipei(d.and_hms_opt(minute / 60, minute % 60, 0).unwrap());
        let text = calendar::format_datetime(at, style).unwrap();
        prop_assert!(!text.contains('+') && !text.contains("10000"), "{}", text);
        prop_assert_eq!(calendar::parse_datetime(&text).unwrap(), at, "{}", text);
        prop_assert!(!at.to_rfc3339().starts_with('+'));
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
        prop_assert!((1..=8088).contains(&r.year));
        prop_assert_eq!(calendar::from_roc(r.year, r.month, r.day).unwrap(), d);
    }

    #[test]
    fn school_terms_are_consistent(d in date_in(ymd(1913, 1, 1), ymd(9999, 12, 31))) {
        let t = calendar::school_term(d, &Policy::default());
        let last = ymd(9999, 12, 31);
        prop_assert!(t.semester_start <= d && d <= t.semester_end);
        prop_assert!(t.school_year_start <= d && d <= t.school_year_end);
        prop_assert!(t.school_year_end <= last && t.semester_end <= last);
        prop_assert_eq!(t.school_year_start, ymd(t.school_year + 1911, 8, 1));
        if t.school_year < 8088 {
            prop_assert_eq!(t.school_year_end, ymd(t.school_year + 1912, 7, 31));
        }
    }

    /// Issue 20: the scanner and the regex oracle agree on texts in every style.
    #[test]
    fn scanner_matches_the_regex_oracle(text in styled_text()) {
        let (core, oracle) = both(&text);
        prop_assert_eq!(core, oracle, "{:?}", text);
    }

    /// …and on noise made of the grammar's own characters.
    #[test]
    fn scanner_matches_the_oracle_on_noise(
        s in "[0-9０-９/.\\-年月日民國前 \u{3000}:：T上下中午時分秒()（）星期週周禮拜一二三四五六日天]{0,24}"
    ) {
        let (core, oracle) = both(&s);
        prop_assert_eq!(core, oracle, "{:?}", s);
        let t = calendar::parse_time(&s).map_err(|e| e.code().as_str());
        prop_assert_eq!(t, regex_parse::parse_time(&s), "{:?}", s);
    }

    #[test]
    fn scanner_matches_the_oracle_on_any_text(s in "\\PC{0,50}") {
        let (core, oracle) = both(&s);
        prop_assert_eq!(core, oracle, "{:?}", s);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
        let _ = calendar::parse(&s);
        let _ = calendar::parse_datetime(&s);
        let _ = calendar::parse_time(&s);
    }

    /// 行政程序法 §48: the period ends on or after the day it would end without a
    /// move, at the end of an office day or at noon of one after a Saturday.
    #[test]
    fn month_periods_end_on_an_office_day(
        d in date_in(ymd(2016, 12, 1), ymd(2029, 12, 31)),
        minute in 0u32..1440,
        months in 1u32..25,
    ) {
        let p = Policy::default();
        let start = calendar::to_taipei(d.and_hms_opt(minute / 60, minute % 60, 0).unwrap());
        let e = calendar::add_months(start, months, &p).unwrap();
        let cal = &p.calendar.office_days;
        prop_assert!(cal.is_office_day(e.last_day), "{:?}", e);
        let counted = e.shifted_from.unwrap_or(e.last_day);
        prop_assert!(counted <= e.last_day);
        // Between the counted last day and the day it moved to, no office day.
        let mut x = counted;
        while x < e.last_day {
            prop_assert!(!cal.is_office_day(x), "{} is an office day: {:?}", x, e);
            x = x.succ_opt().unwrap();
        }
        match e.rule {
            PeriodRule::EndOfLastDay => prop_assert!(e.shifted_from.is_none()),
            PeriodRule::SaturdayNoon => {
                prop_assert_eq!(counted.weekday(), Weekday::Sat);
                prop_assert_eq!((e.end.date_naive(), e.end.hour()), (e.last_day, 12));
            }
            PeriodRule::NextOfficeDay => prop_assert!(counted.weekday() != Weekday::Sat),
        }
        if e.rule != PeriodRule::SaturdayNoon {
            prop_assert_eq!(e.end.date_naive(), e.last_day.succ_opt().unwrap());
            prop_assert_eq!(e.end.time(), chrono::NaiveTime::MIN);
        }
        // Roughly `months` months after the start day, not before it.
        let days = (counted - d).num_days();
        prop_assert!(days >= i64::from(months) * 28 - 1 && days <= i64::from(months) * 31 + 1, "{}", days);
        prop_assert_eq!(e.covered, e.uncovered_years.is_empty());
        prop_assert_eq!(e.covered, (2017..=2027).contains(&counted.year())
            && (2017..=2027).contains(&e.last_day.year()));
    }

    /// Near the end of the range: a typed error, never a year-10000 date.
    #[test]
    fn month_periods_near_9999(d in date_in(ymd(9998, 1, 1), ymd(9999, 12, 31)), months in 1u32..30) {
        let start = calendar::to_taipei(d.and_hms_opt(10, 0, 0).unwrap());
        match calendar::add_months(start, months, &Policy::default()) {
            Ok(e) => prop_assert!(e.end.year() <= 9999 && !e.end.to_rfc3339().starts_with('+')),
            Err(err) => prop_assert_eq!(err.code(), Code::CalendarOutOfRange),
        }
    }
}

#[test]
fn month_periods_match_the_calendar_for_every_day_of_2021() {
    // Every start day of 2021 at noon, against a plain reading of §48 written here.
    let p = Policy::default();
    let cal = &p.calendar.office_days;
    let mut d = ymd(2021, 1, 1);
    while d.year() == 2021 {
        let start = calendar::to_taipei(d.and_hms_opt(12, 0, 0).unwrap());
        let e = calendar::add_months(start, 1, &p).unwrap();
        // The civil code's count: from the next day, the day before the same day a
        // month on, or that month's last day.
        let first = d.succ_opt().unwrap();
        let (y, m) = if first.month() == 12 {
            (first.year() + 1, 1)
        } else {
            (first.year(), first.month() + 1)
        };
        let counted = match NaiveDate::from_ymd_opt(y, m, first.day()) {
            Some(c) => c.pred_opt().unwrap(),
            None => NaiveDate::from_ymd_opt(y, m + 1, 1)
                .unwrap_or(ymd(y + 1, 1, 1))
                .pred_opt()
                .unwrap(),
        };
        let mut last = counted;
        while !cal.is_office_day(last) {
            last = last.succ_opt().unwrap();
        }
        assert_eq!(
            (e.shifted_from.unwrap_or(e.last_day), e.last_day),
            (counted, last),
            "{d}"
        );
        d = d.succ_opt().unwrap();
    }
}

/// Every text of every vector file (all the dates the four languages check,
/// and every other string argument besides) reads alike through the scanner
/// and the regex oracle: `parse` and `parse_time` (issue 20).
#[test]
fn scanner_matches_the_oracle_on_every_vector_text() {
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut texts = Vec::new();
    let mut dates = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in doc["cases"].as_array().into_iter().flatten() {
            let call = case["call"].as_str().unwrap_or("");
            if call.starts_with("calendar.parse") {
                dates += 1;
            }
            strings(&case["args"], &mut texts);
        }
    }
    assert!(
        dates >= 90,
        "only {dates} date vectors found in {}",
        dir.display()
    );
    for text in &texts {
        let (core, oracle) = both(text);
        assert_eq!(core, oracle, "{text:?}");
        let t = calendar::parse_time(text).map_err(|e| e.code().as_str());
        assert_eq!(t, regex_parse::parse_time(text), "{text:?}");
    }
}
