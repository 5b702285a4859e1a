//! Password functions (RULES §1) for JS. Results never contain the password.

use crate::convert::{InstantArg, enum_from, enum_str, instant, iso};
use crate::errors::{JsResult, Result, core, guard};
use crate::fast::{SmallStr, StrArray, ViaJson};
use crate::policy::{DEFAULT_POLICY, Finding, JsPolicy, findings, policy};
use napi_derive::napi;
use ntpc_policy::Verdict;
use ntpc_policy::password as pw;
use ntpc_policy::policy::PasswordProfile;

/// Who the password belongs to, and which rule set applies. Every field is optional.
#[napi(object)]
pub struct PasswordOptions {
    /// The account name (must not appear in the password).
    pub account: Option<String>,
    /// The person's name (its parts of 3+ characters must not appear).
    pub display_name: Option<String>,
    /// `default` (3 of 4 ASCII classes) or `ad` (Active Directory); default: the policy's.
    #[napi(ts_type = "'default' | 'ad'")]
    pub profile: Option<String>,
}

/// Which character classes a password has.
#[napi(object)]
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
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

// Crosses to JS as JSON text that `JSON.parse` turns into the same plain
// object (`crate::fast::ViaJson`): one parse instead of a property write, key
// lookup and UTF-8 decode for every field (about 30 % of a `checkPassword`).
/// The password rule's verdict, with findings (never the password).
#[napi(object)]
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCheck {
    /// `pass`, `warn` or `fail`.
    #[napi(ts_type = "'pass' | 'warn' | 'fail'")]
    pub verdict: String,
    /// The rule set applied.
    #[napi(ts_type = "'default' | 'ad'")]
    pub profile: String,
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

impl From<&pw::PasswordCheck> for PasswordCheck {
    fn from(r: &pw::PasswordCheck) -> Self {
        PasswordCheck {
            verdict: enum_str(&r.verdict),
            profile: enum_str(&r.profile),
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
}

/// Rotation events: a reset, and abnormal-login alerts.
#[napi(object)]
pub struct ExpiryOptions {
    /// The account was reset (the password must change at next login).
    pub reset: Option<bool>,
    /// Abnormal-login alerts (異常登入警訊).
    #[napi(ts_type = "Array<Date | string>")]
    pub alerts: Option<Vec<InstantArg>>,
}

/// Rotation state of a password.
#[napi(object)]
pub struct PasswordExpiry {
    /// `ok`, `expiring_soon`, `expired` or `must_change`.
    #[napi(ts_type = "'ok' | 'expiring_soon' | 'expired' | 'must_change'")]
    pub state: String,
    /// `pass`, `warn` or `fail`.
    #[napi(ts_type = "'pass' | 'warn' | 'fail'")]
    pub verdict: String,
    /// The last good day (ISO date).
    pub due: String,
    /// Days until the due date (negative when past).
    pub days_left: i64,
    /// The findings.
    pub findings: Vec<Finding>,
}

fn context(o: &Option<PasswordOptions>) -> Result<pw::PasswordContext<'_>> {
    let Some(o) = o else {
        return Ok(pw::PasswordContext::default());
    };
    Ok(pw::PasswordContext {
        account: o.account.as_deref(),
        display_name: o.display_name.as_deref(),
        profile: o
            .profile
            .as_deref()
            .map(|s| enum_from::<PasswordProfile>("profile", s))
            .transpose()?,
    })
}

/// Checks a password against the policy (length, classes, names, weak list…).
#[napi(strict, ts_return_type = "PasswordCheck")]
pub fn check_password(
    #[napi(ts_arg_type = "string")] password: SmallStr,
    options: Option<PasswordOptions>,
    policy: Option<&JsPolicy>,
) -> Result<ViaJson<PasswordCheck>> {
    guard(|| {
        let ctx = context(&options)?;
        let r: PasswordCheck = (&pw::check(password.as_str(), &ctx, self::policy(&policy))).into();
        Ok(ViaJson(r))
    })
}

/// Checks many passwords of one account in one call.
#[napi(strict, ts_return_type = "Array<PasswordCheck>")]
pub fn check_passwords(
    #[napi(ts_arg_type = "Array<string>")] passwords: StrArray,
    options: Option<PasswordOptions>,
    policy: Option<&JsPolicy>,
) -> Result<ViaJson<Vec<PasswordCheck>>> {
    guard(|| {
        let ctx = context(&options)?;
        let p = self::policy(&policy);
        let mut out: Vec<PasswordCheck> = Vec::with_capacity(passwords.len());
        passwords
            .for_each(|s| out.push((&pw::check(s, &ctx, p)).into()))
            .map_err(crate::errors::js_err)?;
        Ok(ViaJson(out))
    })
}

/// The verdict alone (`'pass'`, `'warn'` or `'fail'`): the fast path of
/// `checkPassword(password, options, policy).verdict`, without findings.
#[napi(strict, ts_return_type = "'pass' | 'warn' | 'fail'")]
pub fn password_verdict(
    password: String,
    options: Option<PasswordOptions>,
    policy: Option<&JsPolicy>,
) -> Result<&'static str> {
    guard(|| {
        let ctx = context(&options)?;
        Ok(verdict_str(
            pw::check(&password, &ctx, self::policy(&policy)).verdict,
        ))
    })
}

/// The verdict for the default context and policy (the raw fast path's body).
pub fn default_verdict(password: &str) -> Result<&'static str> {
    Ok(verdict_str(
        pw::check(password, &pw::PasswordContext::default(), &DEFAULT_POLICY).verdict,
    ))
}

fn verdict_str(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Warn => "warn",
        Verdict::Fail => "fail",
    }
}

/// Whether a password is on the embedded list of well-known weak passwords.
#[napi(strict)]
pub fn is_common_password(password: String) -> Result<bool> {
    guard(|| Ok(pw::is_common(&password)))
}

/// Rotation state: due date, days left, and whether it must change now.
#[napi(strict)]
pub fn password_expiry(
    #[napi(ts_arg_type = "Date | string")] last_changed: InstantArg,
    #[napi(ts_arg_type = "Date | string")] now: InstantArg,
    options: Option<ExpiryOptions>,
    policy: Option<&JsPolicy>,
) -> Result<PasswordExpiry> {
    guard(|| {
        let (reset, alerts) = match options {
            Some(o) => (o.reset.unwrap_or(false), o.alerts.unwrap_or_default()),
            None => (false, Vec::new()),
        };
        let ctx = pw::ExpiryContext {
            reset,
            alerts: alerts.into_iter().map(instant).collect::<JsResult<_>>()?,
        };
        let r = core(pw::expiry(
            instant(last_changed)?,
            instant(now)?,
            &ctx,
            self::policy(&policy),
        ))?;
        Ok(PasswordExpiry {
            state: enum_str(&r.state),
            verdict: enum_str(&r.verdict),
            due: iso(r.due),
            days_left: r.days_left,
            findings: findings(&r.findings),
        })
    })
}
