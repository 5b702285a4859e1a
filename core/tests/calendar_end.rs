//! Issue 14 §2: the supported calendar ends on 9999-12-31, and no result ever
//! shows a year written `+10000-…`. A deadline past the end is a failing
//! `drill.beyond_calendar` finding (a drill, so one row does not stop a file)
//! or `calendar.out_of_range` (an incident, the password's 90 days); it is
//! never a pass and never an impossible date.

use ntpc_policy::{Policy, api};
use serde_json::{Value, json};

fn call(id: &str, args: Value) -> Result<Value, String> {
    api::call(id, &args, None, &Policy::default()).map_err(|e| e.code().as_str().to_owned())
}

fn no_year_10000(v: &Value) {
    let text = v.to_string();
    assert!(!text.contains("+10000"), "{text}");
}

#[test]
fn incident_deadlines_past_9999_are_out_of_range() {
    let err = call(
        "incident.evaluate",
        json!({"incident": {"id": "1", "unit": "範例一國小", "level": 1,
                            "event_type": "INT", "subtype": "系統被入侵",
                            "occurred_at": "9999-12-31T23:00:00+08:00"},
               "now": "9999-12-31T23:30:00+08:00"}),
    )
    .unwrap_err();
    assert_eq!(err, "calendar.out_of_range");
}

#[test]
fn drill_deadline_past_9999_is_unknown_not_year_10000() {
    let out = call(
        "drill.evaluate",
        json!({"report": {"school": "900001", "notified_at": "9999-12-31T23:30:00+08:00"},
               "now": "9999-12-31T23:45:00+08:00"}),
    )
    .unwrap();
    no_year_10000(&out);
    assert_eq!(out["status"], "unknown", "{out}");
    assert_eq!(out["verdict"], "fail", "{out}");
    assert_eq!(out["findings"][0]["code"], "drill.beyond_calendar", "{out}");
}

#[test]
fn password_due_date_past_9999_is_out_of_range() {
    let err = call(
        "password.expiry",
        json!({"last_changed": "9999-12-01", "now": "9999-12-31"}),
    )
    .unwrap_err();
    assert_eq!(err, "calendar.out_of_range");
}

#[test]
fn the_last_day_itself_still_works() {
    let out = call("calendar.parse", json!({"text": "9999-12-31"})).unwrap();
    no_year_10000(&out);
    let out = call(
        "password.expiry",
        json!({"last_changed": "9999-09-01", "now": "9999-09-02"}),
    )
    .unwrap();
    no_year_10000(&out);
}
