//! Property tests of the password module (RULES §1, §0 "Privacy" and "Bad input").

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use ntpc_policy::password::{
    self, ExpiryContext, ExpiryState, PasswordContext, PasswordProfile, check, check_many,
};
use ntpc_policy::{Policy, Verdict, code_table};
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

/// Every text a check's JSON can hold besides numbers: keys, codes and templates.
fn fixed_text() -> String {
    let mut s = String::from(
        "verdict profile length classes class_count required_classes findings upper lower \
         digit special other_letter code severity params message_zh message_en pass warn \
         fail default ad violation warning info min max actual required missing missing_zh \
         position count format format_zh yyyymmdd roc_yyymmdd uppercase lowercase true false",
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
        profile in profile(),
    ) {
        let ctx = PasswordContext { account: account.as_deref(), display_name: name.as_deref(), profile };
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
        let ctx = PasswordContext { account: account.as_deref(), display_name: Some("Lin Mei-Ling"), profile };
        let policy = Policy::default();
        let refs: Vec<&str> = ps.iter().map(String::as_str).collect();
        let one_by_one: Vec<_> = refs.iter().map(|p| check(p, &ctx, &policy)).collect();
        prop_assert_eq!(check_many(&refs, &ctx, &policy), one_by_one);
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
            Err(e) => prop_assert_eq!(e.code().as_str(), "input.invalid_argument"),
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
