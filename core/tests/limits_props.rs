//! The documented input limits (RULES §0 "Bad input"; `Policy::limits` and
//! `password.max_length`): past the limit the answer is the typed code, at or
//! under it the input is evaluated as usual.

use ntpc_policy::password::{PasswordContext, check};
use ntpc_policy::{Code, ParamValue, Policy, PolicyError, Verdict, identity};
use proptest::prelude::*;

/// Characters of every UTF-8 width, so byte and character counts differ.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('a'),
        Just('7'),
        Just('#'),
        Just('é'),
        Just('密'),
        Just('Ａ'),
        Just('😀'),
        any::<char>(),
    ]
}

fn text_of(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any_char(), min..=max).prop_map(|v| v.into_iter().collect())
}

fn int(v: Option<&ParamValue>) -> i64 {
    match v {
        Some(ParamValue::Int(i)) => *i,
        other => panic!("expected an integer parameter, got {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Over `max_length` characters: only `password.too_long`, with `max` and
    /// `actual = max + 1` (counting stops there), and a `fail` verdict.
    #[test]
    fn password_over_the_limit_is_too_long(
        max in 8u32..64,
        extra in 1usize..200,
        seed in text_of(1, 1),
    ) {
        let mut policy = Policy::default();
        policy.password.max_length = max;
        let pw: String = seed.repeat(max as usize + extra);
        let r = check(&pw, &PasswordContext::default(), &policy);
        prop_assert_eq!(r.verdict, Verdict::Fail);
        prop_assert_eq!(r.findings.len(), 1);
        let f = &r.findings[0];
        prop_assert_eq!(f.code, Code::PasswordTooLong);
        prop_assert_eq!(int(f.params.get("max")), i64::from(max));
        prop_assert_eq!(int(f.params.get("actual")), i64::from(max) + 1);
        prop_assert_eq!(r.length, max + 1);
    }

    /// At or under `max_length` characters (whatever their byte length), never
    /// `password.too_long`, and the length is the character count.
    #[test]
    fn password_within_the_limit_is_evaluated(pw in text_of(0, 256)) {
        let policy = Policy::default();
        prop_assume!(pw.chars().count() <= policy.password.max_length as usize);
        let r = check(&pw, &PasswordContext::default(), &policy);
        prop_assert!(r.findings.iter().all(|f| f.code != Code::PasswordTooLong));
        prop_assert_eq!(r.length as usize, pw.chars().count());
    }

    /// The default limit, exactly: 256 characters pass the length gate, 257 do not.
    #[test]
    fn password_default_limit_is_256(c in any_char()) {
        let policy = Policy::default();
        prop_assume!(!c.is_control());
        let at = c.to_string().repeat(256);
        let over = c.to_string().repeat(257);
        let ctx = PasswordContext::default();
        prop_assert!(check(&at, &ctx, &policy).findings.iter().all(|f| f.code != Code::PasswordTooLong));
        prop_assert_eq!(check(&over, &ctx, &policy).findings[0].code, Code::PasswordTooLong);
    }

    /// Text over `limits.scan_max_bytes` (bytes, not characters): `scan` and
    /// `redact` are `input.too_large` with the limit and the size; at or under it
    /// they answer.
    #[test]
    fn scan_text_limit_is_input_too_large(limit in 0u64..128, text in text_of(0, 64)) {
        let mut policy = Policy::default();
        policy.limits.scan_max_bytes = limit;
        let size = text.len() as u64;
        let results = [
            identity::scan(&text, &policy).map(|_| ()),
            identity::redact(&text, &policy).map(|_| ()),
        ];
        for r in results {
            if size > limit {
                let e = r.expect_err("over the limit");
                prop_assert_eq!(e.code(), Code::InputTooLarge);
                prop_assert_eq!(e.code().as_str(), "input.too_large");
                let is_too_large = matches!(
                    &e,
                    PolicyError::InputTooLarge { field, limit: l, actual }
                        if field == "text" && *l == limit && *actual == size
                );
                prop_assert!(is_too_large, "{:?}", e);
            } else {
                prop_assert!(r.is_ok(), "{:?}", r);
            }
        }
    }
}
