//! Properties of the rules about people (RULES §4–§6): the mailbox day
//! arithmetic holds on every day, mobile numbers survive any separators, the
//! attendance counts never carry a student, and no input panics.

use chrono::{Days, NaiveDate};
use ntpc_policy::Policy;
use ntpc_policy::mailbox::{self, MailboxRecord, MailboxState, StaffStatus};
use ntpc_policy::parent::{self, Contact, FamilyRecord, PhoneKind};
use ntpc_policy::permission::{self, AttendanceRecord, Person, Right};
use proptest::prelude::*;

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + Days::new(n)
}

proptest! {
    #[test]
    fn mailbox_state_follows_the_day_count(start in 0u64..3000, inactive in 0u64..1200, never in any::<bool>()) {
        let p = Policy::default();
        let rec = MailboxRecord {
            account: "x".into(),
            activated_on: day(start),
            last_login: (!never).then(|| day(start)),
            staff_status: StaffStatus::Serving,
            departed_on: None,
            used_bytes: None,
        };
        let s = mailbox::status(&rec, day(start + inactive), &p).unwrap();
        let (limit, notice) = (u64::from(p.mailbox.inactive_days), u64::from(p.mailbox.notice_days));
        let want = if inactive >= limit {
            MailboxState::Deletable
        } else if inactive >= limit - notice {
            MailboxState::Notice
        } else {
            MailboxState::Active
        };
        prop_assert_eq!(s.state, want);
        prop_assert_eq!(s.days_inactive as u64, inactive);
        prop_assert_eq!(s.days_left as u64, limit.saturating_sub(inactive));
        prop_assert_eq!(s.notice_due_today, want == MailboxState::Notice);
        prop_assert_eq!(s.deletion_date, day(start + limit));
    }

    #[test]
    fn mobile_numbers_survive_separators(digits in "[0-9]{8}", seps in proptest::collection::vec("[ .\\-]{0,2}", 10), intl in any::<bool>()) {
        let number = format!("09{digits}");
        let mut typed = String::new();
        if intl {
            typed.push_str("+886 ");
        }
        for (i, c) in number.chars().enumerate() {
            if !(intl && i == 0) {
                typed.push(c);
            }
            typed.push_str(&seps[i]);
        }
        let c = parent::normalize_mobile(&typed);
        prop_assert_eq!(c.kind, PhoneKind::Mobile, "{}", typed);
        prop_assert_eq!(c.normalized.as_deref(), Some(number.as_str()));
    }

    #[test]
    fn phone_and_family_checks_never_panic(a in "\\PC{0,80}", b in "\\PC{0,20}") {
        let _ = parent::normalize_mobile(&a);
        let fam = FamilyRecord {
            father: Some(Contact { name: Some(b.clone()), mobile: Some(a.clone()), relation: None }),
            others: vec![Contact { name: Some(a.clone()), mobile: Some(b.clone()), relation: Some(a.clone()) }],
            ..Default::default()
        };
        let r = parent::check(&fam);
        prop_assert!(r.registrants.len() <= 2);
        let _ = permission::lookup(&a);
        let _ = permission::contact_book_right(&a);
        let person = Person { title: Some(a.clone()), roles: vec![b.clone()] };
        for m in ["上課yo", "電子聯絡簿"] {
            prop_assert!(permission::can(&person, m, Right::Edit, &[], &Policy::default()).is_ok());
        }
    }

    #[test]
    fn absent_counts_carry_no_student(rows in proptest::collection::vec((0u8..4, 0u64..3, 0u16..50, 0usize..6), 0..60)) {
        const STATUS: [&str; 6] = ["出席", "病假", "事假", "遲到", "曠課", "公假"];
        let recs: Vec<AttendanceRecord> = rows
            .iter()
            .map(|(c, d, s, st)| AttendanceRecord {
                class: format!("C{c}"),
                date: day(*d),
                student: format!("學生{s}號"),
                status: STATUS[*st].into(),
            })
            .collect();
        let out = permission::absent_counts(&recs);
        let text = serde_json::to_string(&out).unwrap();
        prop_assert!(!text.contains("學生"), "a student left: {}", text);
        let distinct: std::collections::BTreeSet<_> = rows.iter().map(|(c, d, s, _)| (c, d, s)).collect();
        let total: u32 = out.counts.iter().map(|c| c.absent).sum();
        prop_assert!(total as usize <= distinct.len());
        prop_assert!(out.errors.is_empty());
    }
}
