//! Property tests of the password module (RULES §1, §0 "Privacy" and "Bad input").

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use ntpc_policy::password::{
    self, ExpiryContext, ExpiryState, PasswordContext, PasswordProfile, check, check_many,
};
use ntpc_policy::{Policy, Severity, Verdict, code_table};
use proptest::prelude::*;

/// Strings that mix every kind of character the check treats specially.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[A-Za-z0-9]{0,12}",
        "[!-/:-@\\[-`{-~ ]{0,4}",
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]{0,2}",
        "[Ａ-Ｚａ-ｚ０-９！-／\\u{3000}]{0,4}",
        "[密碼王小明ΩωǅİK]{0,4}",
        "(0912345678|19900101|1101207|A123456789|aa123456|wang01)",
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

fn profile() -> impl Strategy<Value = Option<PasswordProfile>> {
    prop_oneof![
        Just(None),
        Just(Some(PasswordProfile::Default)),
        Just(Some(PasswordProfile::Ad))
    ]
}

/// The codes of the weak-password detection (issue 22).
const WEAK: [&str; 11] = [
    "password.common",
    "password.common_variant",
    "password.dictionary_word",
    "password.word_like",
    "password.name",
    "password.context_word",
    "password.keyboard_walk",
    "password.sequence",
    "password.repeat",
    "password.zhuyin",
    "password.date",
];

/// Passwords built the way weak ones are: words, names, l33t, years, dates,
/// walks, Zhuyin keys, decorations.
fn weakish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "(Password|Dragon|M0nk3y|Shadow|sunshine|Ntpc|Xinbei|Wang|Chen|Iloveyou|Passw0rd)",
        "(2021|110|0701|19800101|0690701|700101|123|1234|qwer|1qaz|!@#|aaa|ji32k7au4a83)",
        "[!@#.]{0,2}",
        "[A-Za-z0-9]{0,4}",
    ];
    prop::collection::vec(pieces, 1..6).prop_map(|v| v.concat())
}

/// Every text a check's JSON can hold besides numbers: keys, codes and templates.
fn fixed_text() -> String {
    let mut s = String::from(
        "verdict profile length classes class_count required_classes findings upper lower \
         digit special other_letter code severity params message_zh message_en pass warn \
         fail default ad violation warning info min max actual required missing missing_zh \
         position count format format_zh yyyymmdd roc_yyymmdd uppercase lowercase true false \
         guesses_log10 masked rank list leet fuzzy kind kind_zh keyboard keyboard_zh turns \
         alphabet alphabet_zh block syllables common_passwords taiwan english english_tv \
         first_names surnames taiwan_surnames taiwan_given_names zhuyin_phrases phrase \
         organisation school_name school_code account display_name year qwerty keypad \
         qwerty_row keyboard_columns zhuyin_order letters digits yymmdd mmddyyyy mmdd \
         y/m/d yyyy roc_year",
    );
    for row in code_table() {
        s.push_str(row.code);
        s.push_str(row.message_zh);
        s.push_str(row.message_en);
    }
    s
}

/// The length and classes, computed the obvious way.
fn naive(p: &str, ad: bool) -> (usize, [bool; 5]) {
    let length = p.chars().count();
    let any = |f: &dyn Fn(char) -> bool| p.chars().any(f);
    let classes = if ad {
        [
            any(&|c| c.is_uppercase()),
            any(&|c| c.is_lowercase()),
            any(&|c| c.is_ascii_digit()),
            any(&|c| c.is_ascii_punctuation()),
            any(&|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()),
        ]
    } else {
        [
            any(&|c| c.is_ascii_uppercase()),
            any(&|c| c.is_ascii_lowercase()),
            any(&|c| c.is_ascii_digit()),
            any(&|c| c.is_ascii_punctuation()),
            false,
        ]
    };
    (length, classes)
}

/// Seconds since 1970: everyday values, and the very edges of chrono's calendar.
fn timestamp() -> impl Strategy<Value = i64> {
    let (min, max) = (
        DateTime::<Utc>::MIN_UTC.timestamp(),
        DateTime::<Utc>::MAX_UTC.timestamp(),
    );
    prop_oneof![
        0i64..4_000_000_000,
        (max - 200_000)..=max,
        min..=(min + 200_000),
        any::<i64>().prop_map(move |s| s.clamp(min, max)),
    ]
}

fn instant(secs: i64, offset_minutes: i32) -> Option<DateTime<FixedOffset>> {
    FixedOffset::east_opt(offset_minutes * 60)?
        .timestamp_opt(secs, 0)
        .single()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics(
        p in prop_oneof![any::<String>(), tricky(), "\\PC{250,300}"],
        account in proptest::option::of(tricky()),
        name in proptest::option::of(tricky()),
        school in proptest::option::of(tricky()),
        code in proptest::option::of("[0-9]{0,8}"),
        day in proptest::option::of(0u32..30_000),
        profile in profile(),
    ) {
        let today = day.and_then(|d| chrono::NaiveDate::from_ymd_opt(1950, 1, 1)
            .and_then(|t| t.checked_add_days(chrono::Days::new(u64::from(d)))));
        let ctx = PasswordContext {
            account: account.as_deref(),
            display_name: name.as_deref(),
            profile,
            school_name: school.as_deref(),
            school_code: code.as_deref(),
            today,
        };
        let r = check(&p, &ctx, &Policy::default());
        prop_assert_eq!(r.verdict, Verdict::of(&r.findings));
        prop_assert!(r.length <= 257);
        for f in &r.findings {
            // Every placeholder of both templates is filled.
            prop_assert!(!f.message_zh().contains('{') && !f.message_en().contains('{'), "{:?}", f);
        }
        let _ = serde_json::to_string(&r).unwrap();
        let _ = password::is_common(&p);
    }

    #[test]
    fn json_never_holds_the_password(
        p in "[A-Za-z0-9!#$%]{6,40}",
        profile in profile(),
        with_account in any::<bool>(),
    ) {
        prop_assume!(!fixed_text().contains(&p));
        let ctx = PasswordContext {
            account: with_account.then_some("wang01"),
            display_name: Some("Wang Xiao-Ming"),
            profile,
            school_name: Some("新北市立板橋國民小學 Banqiao"),
            ..PasswordContext::default()
        };
        let json = serde_json::to_string(&check(&p, &ctx, &Policy::default())).unwrap();
        prop_assert!(!json.contains(&p), "{} in {}", p, json);
        let many = serde_json::to_string(&check_many(&[&p, "x"], &ctx, &Policy::default())).unwrap();
        prop_assert!(!many.contains(&p));
    }

    #[test]
    fn length_and_classes_agree_with_a_naive_count(p in prop_oneof![tricky(), any::<String>()], ad in any::<bool>()) {
        let profile = if ad { PasswordProfile::Ad } else { PasswordProfile::Default };
        let ctx = PasswordContext { profile: Some(profile), ..PasswordContext::default() };
        let r = check(&p, &ctx, &Policy::default());
        let (length, classes) = naive(&p, ad);
        if length > 256 {
            prop_assert_eq!(r.length, 257);
            prop_assert_eq!(r.findings.len(), 1);
        } else {
            prop_assert_eq!(r.length as usize, length);
            let c = r.classes;
            prop_assert_eq!([c.upper, c.lower, c.digit, c.special, c.other_letter], classes);
            prop_assert_eq!(r.class_count as usize, classes.iter().filter(|&&b| b).count());
            let too_short = r.findings.iter().any(|f| f.code.as_str() == "password.too_short");
            prop_assert_eq!(too_short, length < 8);
        }
    }

    #[test]
    fn check_many_is_check_one_by_one(
        ps in prop::collection::vec(tricky(), 0..8),
        account in proptest::option::of("[a-z]{1,6}"),
        profile in profile(),
    ) {
        let ctx = PasswordContext {
            account: account.as_deref(),
            display_name: Some("Lin Mei-Ling"),
            profile,
            ..PasswordContext::default()
        };
        let policy = Policy::default();
        let refs: Vec<&str> = ps.iter().map(String::as_str).collect();
        let one_by_one: Vec<_> = refs.iter().map(|p| check(p, &ctx, &policy)).collect();
        prop_assert_eq!(check_many(&refs, &ctx, &policy), one_by_one);
    }

    /// Issue 22: matched parts are masked (at most the first and the last
    /// character of a part of six or more, the first of four or five), the
    /// detection's findings carry position and length inside the password, and
    /// `weak_is_violation` raises exactly them.
    #[test]
    fn weak_findings_are_masked_placed_and_raised_together(p in weakish(), raise in any::<bool>()) {
        let policy = Policy::from_json(&format!(r#"{{"password": {{"weak_is_violation": {raise}}}}}"#)).unwrap();
        let r = check(&p, &PasswordContext::default(), &policy);
        let n = p.chars().count();
        for f in &r.findings {
            let weak = WEAK.contains(&f.code.as_str());
            if let Some(m) = f.params.get("masked") {
                let m = m.to_string();
                let chars: Vec<char> = m.chars().collect();
                let k = chars.len();
                for (i, c) in chars.iter().enumerate() {
                    prop_assert!(*c == '*' || (k >= 4 && i == 0) || (k >= 6 && i == k - 1), "{}", m);
                }
            }
            if let (Some(pos), Some(len)) = (f.params.get("position"), f.params.get("length")) {
                let (pos, len): (usize, usize) = (pos.to_string().parse().unwrap(), len.to_string().parse().unwrap());
                prop_assert!(pos >= 1 && pos + len - 1 <= n, "{:?} in {} chars", f, n);
            }
            if weak && f.code.as_str() != "password.date" {
                let want = if raise { Severity::Violation } else { Severity::Warning };
                prop_assert_eq!(f.severity, want, "{:?}", f);
            }
        }
    }

    /// Issue 22: the detection is linear up to the 256-character cap; a generous
    /// bound (1,000 times the measured cost) catches a quadratic or exponential
    /// path on hostile input (repeats, l33t, digits, Zhuyin keys).
    #[test]
    fn long_hostile_input_is_fast(piece in "[a1!@3$0 u4j6ji32k7]{1,6}", tail in "[A-Za-z0-9!@#]{0,8}") {
        let p: String = piece.chars().cycle().take(250).chain(tail.chars()).take(256).collect();
        let start = std::time::Instant::now();
        let r = check(&p, &PasswordContext::default(), &Policy::default());
        prop_assert!(r.length <= 256);
        prop_assert!(start.elapsed() < std::time::Duration::from_millis(100), "{:?} for {:?}", start.elapsed(), p);
    }

    #[test]
    fn is_common_ignores_ascii_case(p in "[a-z0-9@!]{1,12}") {
        prop_assert_eq!(password::is_common(&p), password::is_common(&p.to_ascii_uppercase()));
    }

    #[test]
    fn expiry_never_panics_and_is_consistent(
        secs in timestamp(),
        delta in prop_oneof![-1_000_000i64..100_000_000, any::<i64>()],
        off1 in -1439i32..1440,
        off2 in -1439i32..1440,
        alerts in prop::collection::vec((timestamp(), -1439i32..1440), 0..4),
        reset in any::<bool>(),
    ) {
        let Some(last) = instant(secs, off1) else { return Ok(()) };
        let Some(now) = instant(secs.saturating_add(delta), off2) else { return Ok(()) };
        let alerts = alerts.iter().filter_map(|&(s, o)| instant(s, o)).collect();
        let ctx = ExpiryContext { reset, alerts };
        match password::expiry(last, now, &ctx, &Policy::default()) {
            // A due date after 9999-12-31 is out of the supported calendar.
            Err(e) => prop_assert!(
                matches!(e.code().as_str(), "input.invalid_argument" | "calendar.out_of_range"),
                "{}", e.code().as_str()
            ),
            Ok(e) => {
                prop_assert!(last <= now);
                prop_assert_eq!(e.verdict, Verdict::of(&e.findings));
                for f in &e.findings {
                    prop_assert!(!f.message_zh().contains('{') && !f.message_en().contains('{'), "{:?}", f);
                }
                match e.state {
                    ExpiryState::MustChange => prop_assert!(!e.findings.is_empty()),
                    ExpiryState::Expired => prop_assert!(e.days_left < 0),
                    ExpiryState::ExpiringSoon => prop_assert!((0..=14).contains(&e.days_left)),
                    ExpiryState::Ok => prop_assert!(e.days_left > 14 && !reset),
                }
                let _ = serde_json::to_string(&e).unwrap();
            }
        }
    }
}
