//! The password functions (RULES §1).

use crate::policy::{Policy, or_default};
use crate::{Result, instant};
use ntpc_policy::Verdict;
use ntpc_policy::password::{self, ExpiryContext, PasswordCheck, PasswordContext, PasswordExpiry};
use std::sync::Arc;

/// The context of a check from the exported functions' optional arguments:
/// account, display name, school name and code; the profile; today.
fn context<'a>(
    [account, display_name, school_name, school_code]: [&'a Option<String>; 4],
    profile: Option<String>,
    today: Option<String>,
) -> Result<PasswordContext<'a>> {
    Ok(PasswordContext {
        account: account.as_deref(),
        display_name: display_name.as_deref(),
        profile: crate::profile(profile)?,
        school_name: school_name.as_deref(),
        school_code: school_code.as_deref(),
        today: today.as_deref().map(crate::date).transpose()?,
    })
}

/// Checks a password: 8+ characters, 3 of 4 classes, no account or display
/// name, and warnings for well-known weak passwords and personal data.
// The Python/Kotlin signature: one parameter per context word.
#[allow(clippy::too_many_arguments)]
#[uniffi::export(default(
    account = None,
    display_name = None,
    profile = None,
    school_name = None,
    school_code = None,
    today = None,
    policy = None
))]
pub fn check_password(
    password: String,
    account: Option<String>,
    display_name: Option<String>,
    profile: Option<String>,
    school_name: Option<String>,
    school_code: Option<String>,
    today: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<PasswordCheck> {
    let ctx = context(
        [&account, &display_name, &school_name, &school_code],
        profile,
        today,
    )?;
    Ok(password::check(&password, &ctx, or_default(&policy)))
}

/// `check_password` over many passwords of one account, in order.
// The Python/Kotlin signature: one parameter per context word.
#[allow(clippy::too_many_arguments)]
#[uniffi::export(default(
    account = None,
    display_name = None,
    profile = None,
    school_name = None,
    school_code = None,
    today = None,
    policy = None
))]
pub fn check_passwords(
    passwords: Vec<String>,
    account: Option<String>,
    display_name: Option<String>,
    profile: Option<String>,
    school_name: Option<String>,
    school_code: Option<String>,
    today: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<PasswordCheck>> {
    let ctx = context(
        [&account, &display_name, &school_name, &school_code],
        profile,
        today,
    )?;
    let refs: Vec<&str> = passwords.iter().map(String::as_str).collect();
    Ok(password::check_many(&refs, &ctx, or_default(&policy)))
}

/// The verdict alone of `check_password`, for feedback while the user types.
// The Python/Kotlin signature: one parameter per context word.
#[allow(clippy::too_many_arguments)]
#[uniffi::export(default(
    account = None,
    display_name = None,
    profile = None,
    school_name = None,
    school_code = None,
    today = None,
    policy = None
))]
pub fn password_verdict(
    password: String,
    account: Option<String>,
    display_name: Option<String>,
    profile: Option<String>,
    school_name: Option<String>,
    school_code: Option<String>,
    today: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<Verdict> {
    let ctx = context(
        [&account, &display_name, &school_name, &school_code],
        profile,
        today,
    )?;
    Ok(password::check(&password, &ctx, or_default(&policy)).verdict)
}

/// Whether a password is on the embedded list of well-known weak passwords.
#[uniffi::export]
pub fn is_common_password(password: String) -> Result<bool> {
    Ok(password::is_common(&password))
}

/// Where a password stands in its 90-day rotation, and the advice after
/// abnormal-login alerts (seed 001 §陸.二.(二)).
#[uniffi::export(default(reset = None, alerts = None, policy = None))]
pub fn password_expiry(
    last_changed: String,
    now: String,
    reset: Option<bool>,
    alerts: Option<Vec<String>>,
    policy: Option<Arc<Policy>>,
) -> Result<PasswordExpiry> {
    let ctx = ExpiryContext {
        reset: reset.unwrap_or(false),
        alerts: alerts
            .unwrap_or_default()
            .iter()
            .map(|a| instant(a))
            .collect::<Result<_>>()?,
    };
    Ok(password::expiry(
        instant(&last_changed)?,
        instant(&now)?,
        &ctx,
        or_default(&policy),
    )?)
}
