//! Unit tests of the guess estimate.

use super::patterns::valid_md;
use super::words::one_edit;
use super::*;
use crate::policy::Policy;

fn bits(pw: &str) -> f32 {
    let policy = Policy::default();
    let ctx = ContextWords::new(&Default::default(), &policy.password);
    let mut t = Text::new();
    assert!(t.read(pw));
    estimate(
        pw,
        &t,
        &ctx,
        Years::new(None, 1990, 2030),
        &mut Path::<LONG>::new(),
    )
    .bits
}

#[test]
fn valid_md_is_chronos_calendar() {
    for year in 1890..2120 {
        for m in 0..14 {
            for d in 0..33 {
                assert_eq!(
                    valid_md(year, m, d),
                    NaiveDate::from_ymd_opt(year, m, d).is_some(),
                    "{year}-{m}-{d}"
                );
            }
        }
    }
}

#[test]
fn one_edit_cases() {
    assert!(one_edit(b"passwird", b"password"));
    assert!(one_edit(b"passwrd", b"password"));
    assert!(one_edit(b"passsword", b"password"));
    assert!(one_edit(b"pasword", b"password"));
    assert!(one_edit(b"psasword", b"password"));
    assert!(!one_edit(b"pxsswxrd", b"password"));
    assert!(!one_edit(b"pass", b"password"));
}

#[test]
fn weak_ones_are_cheap_and_random_ones_are_not() {
    for pw in [
        "Password1!",
        "Dragon@2021",
        "P@ssw0rd!",
        "Shadow123.",
        "Ntpc@2021",
        "Ji32k7au4a83!",
        "Wang0701!",
        "Qwer1234!",
        "1qaz@WSX3edc",
    ] {
        assert!(bits(pw) < 26.6, "{pw}: {}", bits(pw));
    }
    for pw in ["Tq7#vLm2pX", "x9$Kp2!mQz7w", "Sunset#2River"] {
        assert!(bits(pw) > 26.6, "{pw}: {}", bits(pw));
    }
}
