//! Password rotation and the abnormal-login advice (RULES §1 "Rotation" and
//! "Abnormal login"; seed 001 §陸.二.(一)3 and §陸.二.(二)).

use super::escalate;
use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::{Finding, Verdict};
use crate::policy::Policy;
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, SecondsFormat};
use serde::Serialize;

/// Asia/Taipei: UTC+08:00, no daylight saving since 1979 (RULES §0 "Time").
const TAIPEI: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+08:00 is a valid offset"),
};

/// What the caller knows about the account besides the last change.
///
/// Why: seed 001 §陸.二.(二): on a "系統異常登入警訊通知" the user must change the
/// password at once, and if alerts continue after the change, check the devices
/// used to log in. RULES §1 adds that a reset account must change its password.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpiryContext {
    /// The account was reset (a temporary password was issued).
    pub reset: bool,
    /// When abnormal-login alerts were received, in any order.
    pub alerts: Vec<DateTime<FixedOffset>>,
}

/// Where a password stands in its rotation (RULES §1 "Rotation").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ExpiryState {
    /// More than `expiring_soon_days` days left.
    Ok,
    /// Due within `expiring_soon_days` days, or today.
    ExpiringSoon,
    /// The due date has passed.
    Expired,
    /// Must change now: the account was reset or an alert came after the last
    /// change. Overrides the other states.
    MustChange,
}

/// The answer of [`expiry`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PasswordExpiry {
    /// The state.
    pub state: ExpiryState,
    /// `pass`, `warn` or `fail`, from the findings (RULES §0: every check has a verdict).
    pub verdict: Verdict,
    /// The last good day: the Taipei date of the last change + `rotation_days`.
    pub due: NaiveDate,
    /// Days from today (Taipei) to the due date; negative when past.
    pub days_left: i64,
    /// Why: `password.expiring_soon`, `password.expired`,
    /// `password.must_change_reset`, `password.must_change_alert`,
    /// `password.check_devices`.
    pub findings: Vec<Finding>,
}

/// When a password must change, and whether it must change now.
///
/// Why: seed 001 §陸.二.(一)3 "至少每 90 天更換一次" (`policy.password.rotation_days`)
/// and §陸.二.(二), the abnormal-login alerts; RULES §1 decides the 14-day
/// expiring-soon window (`expiring_soon_days`).
///
/// - `due` = the Taipei date of `last_changed` + `rotation_days`; `days_left` =
///   `due` − the Taipei date of `now`. Decided: the due date itself is the last
///   good day, so the state is `expired` from the day after (`days_left < 0`),
///   `expiring_soon` when `0 ≤ days_left ≤ expiring_soon_days`, else `ok`.
/// - `must_change` overrides them: `ctx.reset` gives `password.must_change_reset`;
///   an alert strictly after `last_changed` and not after `now` gives
///   `password.must_change_alert` with the latest such alert (RFC 3339, +08:00);
///   if there were also alerts at or before `last_changed` (alerts continued
///   after a change) it adds `password.check_devices`.
/// - Decided: alerts after `now` are ignored (the caller's clock has not reached
///   them); with `must_change` the rotation findings are left out (the change is
///   due now anyway), while `due` and `days_left` are still reported. Codes in
///   `policy.password.escalate` are raised to violations.
///
/// # Errors
/// `input.invalid_argument` (field `last_changed`) when `last_changed` is after
/// `now` (Decided: a change in the future is inconsistent input, e.g. a wrong
/// clock, not a rule outcome); also (field `last_changed` or `now`) when a Taipei
/// date or the due date would fall beyond chrono's calendar (year ±262143).
///
/// ```
/// use chrono::DateTime;
/// use ntpc_policy::password::{expiry, ExpiryContext, ExpiryState};
/// use ntpc_policy::Policy;
///
/// let changed = DateTime::parse_from_rfc3339("2021-09-08T10:00:00+08:00").unwrap();
/// let now = DateTime::parse_from_rfc3339("2021-11-23T09:00:00+08:00").unwrap();
/// let e = expiry(changed, now, &ExpiryContext::default(), &Policy::default()).unwrap();
/// assert_eq!(e.due.to_string(), "2021-12-07");
/// assert_eq!((e.state, e.days_left), (ExpiryState::ExpiringSoon, 14));
/// ```
pub fn expiry(
    last_changed: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    ctx: &ExpiryContext,
    policy: &Policy,
) -> Result<PasswordExpiry> {
    let rules = &policy.password;
    if last_changed > now {
        return Err(PolicyError::invalid_bilingual(
            "last_changed",
            "the last change is after now",
            "最後變更時間晚於現在時間",
        ));
    }
    let changed_day = taipei_date(last_changed, "last_changed")?;
    let today = taipei_date(now, "now")?;
    let due = changed_day
        .checked_add_days(Days::new(rules.rotation_days.into()))
        .filter(|d| d.year() <= crate::calendar::MAX_YEAR)
        .ok_or_else(|| {
            crate::calendar::range_error(&format!("{changed_day} + {} days", rules.rotation_days))
        })?;
    let days_left = (due - today).num_days();

    let mut latest_after: Option<DateTime<FixedOffset>> = None;
    let mut any_before = false;
    for &alert in ctx.alerts.iter().filter(|&&a| a <= now) {
        if alert > last_changed {
            latest_after = latest_after.max(Some(alert));
        } else {
            any_before = true;
        }
    }

    let mut findings = Vec::new();
    if ctx.reset {
        findings.push(Finding::new(Code::PasswordMustChangeReset));
    }
    if let Some(alert) = latest_after {
        let alert_at = taipei_rfc3339(alert);
        findings
            .push(Finding::new(Code::PasswordMustChangeAlert).with("alert_at", alert_at.clone()));
        if any_before {
            findings.push(Finding::new(Code::PasswordCheckDevices).with("alert_at", alert_at));
        }
    }
    let state = if !findings.is_empty() {
        ExpiryState::MustChange
    } else if days_left < 0 {
        findings.push(
            Finding::new(Code::PasswordExpired)
                .with("due", due.to_string())
                .with("days_overdue", days_left.saturating_neg())
                .with("rotation_days", rules.rotation_days),
        );
        ExpiryState::Expired
    } else if days_left <= i64::from(rules.expiring_soon_days) {
        findings.push(
            Finding::new(Code::PasswordExpiringSoon)
                .with("due", due.to_string())
                .with("days_left", days_left),
        );
        ExpiryState::ExpiringSoon
    } else {
        ExpiryState::Ok
    };
    escalate(&mut findings, rules);
    Ok(PasswordExpiry {
        state,
        verdict: Verdict::of(&findings),
        due,
        days_left,
        findings,
    })
}

/// The calendar date in Taipei; an instant whose Taipei date is beyond chrono's
/// calendar (the last hours of year 262143) is an error, not a panic.
fn taipei_date(at: DateTime<FixedOffset>, field: &str) -> Result<NaiveDate> {
    at.naive_utc()
        .checked_add_offset(TAIPEI)
        .map(|local| local.date())
        .ok_or_else(|| {
            PolicyError::invalid_bilingual(
                field,
                "the Taipei date is beyond the calendar",
                "換算為臺北日期後超出可處理的日期範圍",
            )
        })
}

/// RFC 3339 in +08:00 (`2021-10-01T08:30:00+08:00`). An alert taken into account
/// is not after `now`, whose Taipei date exists, so the UTC fallback (which can
/// always be written) is only a guard against a panic.
fn taipei_rfc3339(at: DateTime<FixedOffset>) -> String {
    let offset = match at.naive_utc().checked_add_offset(TAIPEI) {
        Some(_) => TAIPEI,
        None => FixedOffset::east_opt(0).unwrap_or(TAIPEI),
    };
    at.with_timezone(&offset)
        .to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_edges_of_the_calendar_are_errors_not_panics() {
        let policy = Policy::default();
        let ctx = ExpiryContext::default();
        let max = DateTime::<Utc>::MAX_UTC.with_timezone(&FixedOffset::west_opt(3600).unwrap());
        let e = expiry(max, max, &ctx, &policy).unwrap_err();
        assert_eq!(e.code(), Code::InputInvalidArgument);
        let min = DateTime::<Utc>::MIN_UTC.fixed_offset();
        let now = at("2021-12-07T10:00:00+08:00");
        let r = expiry(min, now, &ctx, &policy).unwrap();
        assert_eq!(r.state, ExpiryState::Expired);
        let late = DateTime::<Utc>::MAX_UTC.fixed_offset();
        let e = expiry(now, late, &ctx, &policy).unwrap_err();
        assert_eq!(
            e.params().get("field").map(ToString::to_string),
            Some("now".into())
        );
        let min_east = Utc
            .timestamp_opt(DateTime::<Utc>::MIN_UTC.timestamp(), 0)
            .unwrap()
            .with_timezone(&FixedOffset::east_opt(14 * 3600).unwrap());
        assert!(expiry(min_east, min_east, &ctx, &policy).is_ok());
    }

    #[test]
    fn alerts_pick_the_latest_after_the_change() {
        let ctx = ExpiryContext {
            reset: false,
            alerts: vec![
                at("2021-09-12T00:00:00+08:00"),
                at("2021-09-14T00:00:00+08:00"),
                at("2021-09-13T00:00:00+08:00"),
            ],
        };
        let r = expiry(
            at("2021-09-08T10:00:00+08:00"),
            at("2021-09-20T10:00:00+08:00"),
            &ctx,
            &Policy::default(),
        )
        .unwrap();
        assert_eq!(r.state, ExpiryState::MustChange);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(
            r.findings[0]
                .params
                .get("alert_at")
                .map(ToString::to_string),
            Some("2021-09-14T00:00:00+08:00".into())
        );
        assert!(r.findings[0].message_zh().contains("請立即更換校務密碼"));
    }
}
