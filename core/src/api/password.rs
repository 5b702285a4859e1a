//! The password functions (RULES §1).

use super::{Date, Instant, api_table};
use crate::Verdict;
use crate::password::{
    self, ExpiryContext, PasswordCheck, PasswordContext, PasswordExpiry, PasswordProfile,
};

api_table! { ALL, policy;
    /// Checks a password: 8+ characters, 3 of 4 classes, no account or display
    /// name, and weak-password detection (common passwords, names, dates, the
    /// school's name and code, keyboard walks; docs/passwords.md). The result
    /// never holds the password. `today` sets the current year for dates.
    "password.check" => fn check_password(
        password: String,
        account: Option<String> = None,
        display_name: Option<String> = None,
        profile: Option<PasswordProfile> = None,
        school_name: Option<String> = None,
        school_code: Option<String> = None,
        today: Option<Date> = None,
    ) with [policy, fast] -> PasswordCheck {
        let ctx = context(&account, &display_name, profile, &school_name, &school_code, today);
        Ok(password::check(&password, &ctx, policy))
    }

    /// `check_password` over many passwords of one account, in order.
    "password.check_many" => fn check_passwords(
        passwords: Vec<String>,
        account: Option<String> = None,
        display_name: Option<String> = None,
        profile: Option<PasswordProfile> = None,
        school_name: Option<String> = None,
        school_code: Option<String> = None,
        today: Option<Date> = None,
    ) with [policy, fast] -> Vec<PasswordCheck> {
        let ctx = context(&account, &display_name, profile, &school_name, &school_code, today);
        let refs: Vec<&str> = passwords.iter().map(String::as_str).collect();
        Ok(password::check_many(&refs, &ctx, policy))
    }

    /// The verdict alone of `check_password` (`pass`, `warn` or `fail`), for a
    /// form that only needs the light while the user types.
    "password.verdict" => fn password_verdict(
        password: String,
        account: Option<String> = None,
        display_name: Option<String> = None,
        profile: Option<PasswordProfile> = None,
        school_name: Option<String> = None,
        school_code: Option<String> = None,
        today: Option<Date> = None,
    ) with [policy, fast] -> Verdict as "verdict" {
        let ctx = context(&account, &display_name, profile, &school_name, &school_code, today);
        Ok(password::check(&password, &ctx, policy).verdict)
    }

    /// Whether a password is on the embedded list of well-known weak passwords.
    "password.is_common" => fn is_common_password(password: String) -> bool as "common" {
        Ok(password::is_common(&password))
    }

    /// Where a password stands in its 90-day rotation, and the advice after
    /// abnormal-login alerts (seed 001 §陸.二.(二)).
    "password.expiry" => fn password_expiry(
        last_changed: Instant,
        now: Instant,
        reset: Option<bool> = None,
        alerts: Option<Vec<Instant>> = None,
    ) with [policy] -> PasswordExpiry {
        let ctx = ExpiryContext {
            reset: reset.unwrap_or(false),
            alerts: alerts.unwrap_or_default().into_iter().map(|a| a.0).collect(),
        };
        password::expiry(last_changed.0, now.0, &ctx, policy)
    }
}

/// The context of a password check from the functions' optional arguments.
fn context<'a>(
    account: &'a Option<String>,
    display_name: &'a Option<String>,
    profile: Option<PasswordProfile>,
    school_name: &'a Option<String>,
    school_code: &'a Option<String>,
    today: Option<Date>,
) -> PasswordContext<'a> {
    PasswordContext {
        account: account.as_deref(),
        display_name: display_name.as_deref(),
        profile,
        school_name: school_name.as_deref(),
        school_code: school_code.as_deref(),
        today: today.map(|d| d.0),
    }
}
