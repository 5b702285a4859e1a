//! Password functions (RULES §1) for Kotlin and Swift — e.g. feedback while the
//! user types. Results never contain the password.

use crate::convert::{enum_from, instant, iso};
use crate::errors::Result;
use crate::policy::{Finding, Policy, Verdict, findings, policy};
use ntpc_policy::password as pw;
use ntpc_policy::policy::PasswordProfile as CoreProfile;
use std::sync::Arc;
use std::time::SystemTime;

/// Which rule set a check applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PasswordProfile {
    /// 3 of 4 ASCII classes (the department's rule).
    Default,
    /// Active Directory complexity.
    Ad,
}

/// Who the password belongs to, and which rule set applies.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct PasswordOptions {
    /// The account name (must not appear in the password).
    #[uniffi(default = None)]
    pub account: Option<String>,
    /// The person's name (its parts of 3+ characters must not appear).
    #[uniffi(default = None)]
    pub display_name: Option<String>,
    /// The rule set; default: the policy's.
    #[uniffi(default = None)]
    pub profile: Option<PasswordProfile>,
}

/// Which character classes a password has.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CharClasses {
    /// A–Z (AD: any uppercase letter).
    pub upper: bool,
    /// a–z (AD: any lowercase letter).
    pub lower: bool,
    /// 0–9.
    pub digit: bool,
    /// ASCII punctuation and symbols.
    pub special: bool,
    /// AD only: letters without case (e.g. CJK).
    pub other_letter: bool,
}

/// The password rule's verdict, with findings (never the password).
#[derive(Debug, Clone, uniffi::Record)]
pub struct PasswordCheck {
    /// Pass, warn or fail.
    pub verdict: Verdict,
    /// The rule set applied.
    pub profile: PasswordProfile,
    /// Length in characters (code points).
    pub length: u32,
    /// Which classes occur.
    pub classes: CharClasses,
    /// How many classes occur.
    pub class_count: u32,
    /// How many are required.
    pub required_classes: u32,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// Rotation state of a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ExpiryState {
    /// Well before the due date.
    Ok,
    /// Within the warning window.
    ExpiringSoon,
    /// Past the due date.
    Expired,
    /// Reset, or an abnormal-login alert: change now.
    MustChange,
}

/// Rotation state, due date, days left and findings.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PasswordExpiry {
    /// The state.
    pub state: ExpiryState,
    /// Pass, warn or fail.
    pub verdict: Verdict,
    /// The last good day (ISO date).
    pub due: String,
    /// Days until the due date (negative when past).
    pub days_left: i64,
    /// The findings.
    pub findings: Vec<Finding>,
}

fn profile_of(p: CoreProfile) -> PasswordProfile {
    match p {
        CoreProfile::Default => PasswordProfile::Default,
        CoreProfile::Ad => PasswordProfile::Ad,
    }
}

fn to_core(o: &Option<PasswordOptions>) -> pw::PasswordContext<'_> {
    match o {
        None => pw::PasswordContext::default(),
        Some(o) => pw::PasswordContext {
            account: o.account.as_deref(),
            display_name: o.display_name.as_deref(),
            profile: o.profile.map(|p| match p {
                PasswordProfile::Default => CoreProfile::Default,
                PasswordProfile::Ad => CoreProfile::Ad,
            }),
        },
    }
}

fn result(r: pw::PasswordCheck) -> PasswordCheck {
    PasswordCheck {
        verdict: r.verdict.into(),
        profile: profile_of(r.profile),
        length: r.length,
        classes: CharClasses {
            upper: r.classes.upper,
            lower: r.classes.lower,
            digit: r.classes.digit,
            special: r.classes.special,
            other_letter: r.classes.other_letter,
        },
        class_count: r.class_count,
        required_classes: r.required_classes,
        findings: findings(&r.findings),
    }
}

/// Checks a password against the policy (length, classes, names, weak list…).
#[uniffi::export(default(options = None, policy = None))]
pub fn check_password(
    password: String,
    options: Option<PasswordOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<PasswordCheck> {
    Ok(result(pw::check(
        &password,
        &to_core(&options),
        self::policy(&policy),
    )))
}

/// Checks many passwords of one account in one call.
#[uniffi::export(default(options = None, policy = None))]
pub fn check_passwords(
    passwords: Vec<String>,
    options: Option<PasswordOptions>,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<PasswordCheck>> {
    let ctx = to_core(&options);
    let p = self::policy(&policy);
    Ok(passwords
        .iter()
        .map(|s| result(pw::check(s, &ctx, p)))
        .collect())
}

/// Whether a password is on the embedded list of well-known weak passwords.
#[uniffi::export]
pub fn is_common_password(password: String) -> Result<bool> {
    Ok(pw::is_common(&password))
}

/// Rotation state: due date, days left, and whether it must change now.
#[uniffi::export(default(reset = false, alerts = [], policy = None))]
pub fn password_expiry(
    last_changed: SystemTime,
    now: SystemTime,
    reset: bool,
    alerts: Vec<SystemTime>,
    policy: Option<Arc<Policy>>,
) -> Result<PasswordExpiry> {
    let ctx = pw::ExpiryContext {
        reset,
        alerts: alerts.into_iter().map(instant).collect(),
    };
    let r = pw::expiry(
        instant(last_changed),
        instant(now),
        &ctx,
        self::policy(&policy),
    )?;
    Ok(PasswordExpiry {
        state: match r.state {
            pw::ExpiryState::Ok => ExpiryState::Ok,
            pw::ExpiryState::ExpiringSoon => ExpiryState::ExpiringSoon,
            pw::ExpiryState::Expired => ExpiryState::Expired,
            pw::ExpiryState::MustChange => ExpiryState::MustChange,
        },
        verdict: r.verdict.into(),
        due: iso(r.due),
        days_left: r.days_left,
        findings: findings(&r.findings),
    })
}

/// Parses a profile name (`default`, `ad`), for apps that store it as text.
#[uniffi::export]
pub fn password_profile(name: String) -> Result<PasswordProfile> {
    Ok(profile_of(enum_from::<CoreProfile>("profile", &name)?))
}
