//! The state of one mailbox on a given day (RULES §4).

use super::quota::{QuotaCheck, quota};
use super::record::{MailboxRecord, StaffStatus};
use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::{Finding, ParamValue, Verdict};
use crate::policy::Policy;
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Where a mailbox stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MailboxState {
    /// In use: fewer than `inactive_days − notice_days` days (470) without login.
    Active,
    /// Day 470 to 499 without login: a notice is mailed every day.
    Notice,
    /// 500 days or more without login: the department may delete it.
    Deletable,
    /// The owner departed or retired: no login at all any more.
    Disabled,
}

/// What the days without login are counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CountBasis {
    /// The last login.
    LastLogin,
    /// The activation day: the mailbox was never logged in.
    Activation,
}

/// The state of one mailbox on `today`, with the dates and figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailboxStatus {
    /// The account, trimmed.
    pub account: String,
    /// `active`, `notice`, `deletable` or `disabled`.
    pub state: MailboxState,
    /// The code of the finding that decided the state.
    pub reason: Code,
    /// Serving, departed or retired.
    pub staff_status: StaffStatus,
    /// Counted from the last login, or from activation when never logged in.
    pub basis: CountBasis,
    /// The day counting starts (the last login or the activation day).
    pub counted_from: NaiveDate,
    /// Whole days from `counted_from` to `today`.
    pub days_inactive: i64,
    /// First day the mailbox may be deleted: `counted_from` + 500 days.
    pub deletion_date: NaiveDate,
    /// First notice day: `deletion_date` − 30 days (day 470).
    pub notice_from: NaiveDate,
    /// Days from `today` to `deletion_date` (0 once it has come).
    pub days_left: i64,
    /// A notice is mailed today (every day of the notice state; never to a
    /// disabled mailbox, whose owner can no longer read it).
    pub notice_due_today: bool,
    /// The day login was disabled, when the record gives it.
    pub disabled_since: Option<NaiveDate>,
    /// The quota check, when the record gives the bytes in use.
    pub quota: Option<QuotaCheck>,
    /// `fail` when deletable, `warn` for a notice, a disabled mailbox or a full-ish quota.
    pub verdict: Verdict,
    /// Why: the deciding finding first.
    pub findings: Vec<Finding>,
}

/// `d` plus `n` days, within the supported range (to 9999-12-31; issue 14 §2).
fn add_days(d: NaiveDate, n: u32, field: &str) -> Result<NaiveDate> {
    d.checked_add_days(Days::new(n.into()))
        .filter(|r| crate::calendar::in_range(*r))
        .ok_or_else(|| crate::calendar::range_error(&format!("{field}: {d} + {n}")))
}

/// The account without surrounding white space. An account that starts and
/// ends with a visible ASCII character (nearly all) skips the Unicode trim,
/// which a sweep would otherwise run twice per mailbox (issue 20).
fn trimmed(account: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = account.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        account
    } else {
        account.trim()
    }
}

fn check_dates(r: &MailboxRecord, account: &str, today: NaiveDate) -> Result<()> {
    if account.is_empty() {
        return Err(PolicyError::invalid_bilingual(
            "account",
            "the account is blank",
            "帳號空白",
        ));
    }
    if r.activated_on > today {
        return Err(PolicyError::invalid_bilingual(
            "activated_on",
            format!("{} is after today ({today})", r.activated_on),
            format!("{} 晚於今天（{today}）", r.activated_on),
        ));
    }
    if let Some(login) = r.last_login {
        if login > today {
            return Err(PolicyError::invalid_bilingual(
                "last_login",
                format!("{login} is after today ({today})"),
                format!("{login} 晚於今天（{today}）"),
            ));
        }
        if login < r.activated_on {
            return Err(PolicyError::invalid_bilingual(
                "last_login",
                format!("{login} is before the activation on {}", r.activated_on),
                format!("{login} 早於開通日 {}", r.activated_on),
            ));
        }
    }
    if r.departed_on.is_some() && !r.staff_status.has_left() {
        return Err(PolicyError::invalid_bilingual(
            "departed_on",
            "a departure day is given but the staff status is serving",
            "填有離職日，但人員狀態為在職",
        ));
    }
    Ok(())
}

/// The state of one mailbox on `today`.
///
/// Day arithmetic (decided, RULES §4): the days without login are the whole days
/// from the last login — or from activation when the mailbox was never logged in
/// — to `today`; the login day itself is day 0. "於 500 天內未曾登入" is read as
/// *500 full days have passed*: day 499 is still inside the 500 days, day 500 is
/// the first day the mailbox may be deleted, so `deletion_date = counted_from +
/// 500 days`. Notices are mailed "for one month before" (連續發1個月, decided 30
/// days), daily, on days 470–499, so `notice_from = deletion_date − 30 days`.
/// Hence: day 469 `active` (31 days left), 470 `notice` (30 left), 499 `notice`
/// (1 left), 500 `deletable` (0 left).
///
/// Departed or retired staff lose single sign-on and mail login as soon as the
/// school admin system says so (seed 001 §陸.二.(三)3): `disabled` when
/// `departed_on` is missing or is today or earlier (departed today is disabled
/// today). A departure later than today leaves the mailbox as it is, with a
/// warning to back up before that day (seed 000 PART TWO: 相關資料須於離校前自行備份).
/// A disabled mailbox still reaches its deletion date (the finding is added) but
/// gets no notices.
///
/// Errors (`input.invalid_argument`, naming the field): a blank account, an
/// activation or last login after `today`, a last login before activation, a
/// departure day for a serving owner.
///
/// ```
/// use ntpc_policy::{Policy, mailbox::{status, MailboxRecord, MailboxState}};
/// let r: MailboxRecord = serde_json::from_str(
///     r#"{"account": "wang", "activated_on": "2019-01-01", "last_login": "2020-07-25"}"#,
/// ).unwrap();
/// let today = chrono::NaiveDate::from_ymd_opt(2021, 11, 8).unwrap(); // day 471
/// let s = status(&r, today, &Policy::default()).unwrap();
/// assert_eq!((s.state, s.days_left), (MailboxState::Notice, 29));
/// assert_eq!(s.deletion_date.to_string(), "2021-12-07");
/// ```
pub fn status(record: &MailboxRecord, today: NaiveDate, policy: &Policy) -> Result<MailboxStatus> {
    let account = trimmed(&record.account);
    check_dates(record, account, today)?;
    let m = &policy.mailbox;
    let (basis, counted_from) = match record.last_login {
        Some(d) => (CountBasis::LastLogin, d),
        None => (CountBasis::Activation, record.activated_on),
    };
    let days_inactive = (today - counted_from).num_days();
    let deletion_date = add_days(
        counted_from,
        m.inactive_days,
        "policy.mailbox.inactive_days",
    )?;
    let notice_from = deletion_date
        .checked_sub_days(Days::new(m.notice_days.into()))
        .unwrap_or(NaiveDate::MIN);
    let days_left = (deletion_date - today).num_days().max(0);
    let disabled_since = match record.departed_on {
        Some(d) if d <= today => Some(d),
        _ => None,
    };
    let disabled = record.staff_status.has_left() && record.departed_on.is_none_or(|d| d <= today);
    let past_deletion = today >= deletion_date;
    let state = if disabled {
        MailboxState::Disabled
    } else if past_deletion {
        MailboxState::Deletable
    } else if today >= notice_from {
        MailboxState::Notice
    } else {
        MailboxState::Active
    };

    let st = record.staff_status;
    let inactivity = |code: Code| {
        Finding::with_capacity(code, 7)
            .with("days_inactive", days_inactive)
            .with("inactive_days", m.inactive_days)
            .with("counted_from", ParamValue::Date(counted_from))
            .with("counted_from_zh", ParamValue::RocDate(counted_from))
            .with("deletion_date", ParamValue::Date(deletion_date))
            .with("deletion_date_zh", ParamValue::RocDate(deletion_date))
            .with("days_left", days_left)
    };
    let quota = match record.used_bytes {
        Some(b) => Some(quota(b, policy)?),
        None => None,
    };
    let backup_from = record.departed_on.filter(|d| *d > today);
    // Sized exactly: most mailboxes have one finding, and a sweep keeps the
    // list of every mailbox (650,000; issue 20).
    let count = 1
        + usize::from(disabled && past_deletion)
        + usize::from(basis == CountBasis::Activation)
        + usize::from(backup_from.is_some())
        + quota.as_ref().map_or(0, |q| q.findings.len());
    let mut findings = Vec::with_capacity(count);
    findings.push(match state {
        MailboxState::Active => inactivity(Code::MailboxActive),
        MailboxState::Notice => inactivity(Code::MailboxNotice),
        MailboxState::Deletable => inactivity(Code::MailboxDeletable),
        MailboxState::Disabled => Finding::new(Code::MailboxDisabled)
            .with("status", st.as_str())
            .with("status_zh", st.as_zh()),
    });
    let reason = findings[0].code;
    if disabled && past_deletion {
        findings.push(inactivity(Code::MailboxDeletable));
    }
    if basis == CountBasis::Activation {
        findings.push(
            Finding::new(Code::MailboxNeverLoggedIn)
                .with("activated_on", ParamValue::Date(record.activated_on))
                .with("activated_on_zh", ParamValue::RocDate(record.activated_on)),
        );
    }
    if let Some(d) = backup_from {
        findings.push(
            Finding::new(Code::MailboxBackupBeforeLeaving)
                .with("status", st.as_str())
                .with("status_zh", st.as_zh())
                .with("departed_on", ParamValue::Date(d))
                .with("departed_on_zh", ParamValue::RocDate(d)),
        );
    }
    if let Some(q) = &quota {
        findings.extend(q.findings.iter().cloned());
    }
    Ok(MailboxStatus {
        account: account.to_owned(),
        state,
        reason,
        staff_status: st,
        basis,
        counted_from,
        days_inactive,
        deletion_date,
        notice_from,
        days_left,
        notice_due_today: state == MailboxState::Notice,
        disabled_since,
        quota,
        verdict: Verdict::of(&findings),
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::trimmed;

    /// The ASCII shortcut trims exactly what `str::trim` trims.
    #[test]
    fn trimmed_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{3000}a",
            "a\u{3000}",
            "\u{a0}a\u{a0}",
            "a b",
            "王",
            "a\t",
            "\na",
            "~x~",
            "\u{85}a",
        ] {
            assert_eq!(trimmed(s), s.trim(), "{s:?}");
        }
    }
}
