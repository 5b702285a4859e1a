//! The password functions the core's table marks `fast` (RULES §1): a
//! change-password form checks on every keystroke, and audits check thousands.

use crate::convert::{camel_json, to_json};
use crate::errors::guard;
use crate::js_results::JsonText;
use crate::policy::{JsPolicy, policy};
use napi::bindgen_prelude::Object;
use napi::{Env, JsValue};
use napi_derive::napi;
use ntpc_policy::api::Date;
use ntpc_policy::password::{self as pw, PasswordContext, PasswordProfile};
use ntpc_policy::{Policy, PolicyError, Verdict};

/// The options of a password check:
/// `{account, displayName, profile, schoolName, schoolCode, today}`.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Options {
    account: Option<String>,
    display_name: Option<String>,
    profile: Option<PasswordProfile>,
    school_name: Option<String>,
    school_code: Option<String>,
    /// Read with the table's date reading, so a bad date keeps its own code.
    today: Option<String>,
}

fn options(env: &Env, given: Option<Object>) -> Result<Options, PolicyError> {
    match given {
        None => Ok(Options::default()),
        Some(o) => {
            let json = unsafe { to_json(env.raw(), o.raw(), "options", 0)? };
            serde_json::from_value(json).map_err(|e| PolicyError::invalid("options", e.to_string()))
        }
    }
}

fn run<T>(o: &Options, f: impl FnOnce(&PasswordContext<'_>) -> T) -> Result<T, PolicyError> {
    let today = o.today.as_deref().map(str::parse::<Date>).transpose()?;
    Ok(f(&PasswordContext {
        account: o.account.as_deref(),
        display_name: o.display_name.as_deref(),
        profile: o.profile,
        school_name: o.school_name.as_deref(),
        school_code: o.school_code.as_deref(),
        today: today.map(|d| d.0),
    }))
}

/// Checks a password: 8+ characters, 3 of 4 classes, no account or display
/// name, and warnings for well-known weak passwords and personal data.
#[napi(strict, ts_return_type = "PasswordCheck")]
pub fn check_password(
    env: Env,
    password: String,
    #[napi(ts_arg_type = "PasswordOptions")] options: Option<Object>,
    policy: Option<&JsPolicy>,
) -> napi::Result<JsonText> {
    guard(&env, || {
        let o = self::options(&env, options)?;
        let r = run(&o, |ctx| pw::check(&password, ctx, self::policy(&policy)))?;
        camel_json(&r).map(JsonText)
    })
}

/// `checkPassword` over many passwords of one account, in order.
#[napi(strict, ts_return_type = "Array<PasswordCheck>")]
pub fn check_passwords(
    env: Env,
    passwords: Vec<String>,
    #[napi(ts_arg_type = "PasswordOptions")] options: Option<Object>,
    policy: Option<&JsPolicy>,
) -> napi::Result<JsonText> {
    guard(&env, || {
        let o = self::options(&env, options)?;
        let p = self::policy(&policy);
        let refs: Vec<&str> = passwords.iter().map(String::as_str).collect();
        let r = run(&o, |ctx| pw::check_many(&refs, ctx, p))?;
        camel_json(&r).map(JsonText)
    })
}

/// The verdict alone of `checkPassword`: `'pass'`, `'warn'` or `'fail'`.
#[napi(strict, ts_return_type = "Verdict")]
pub fn password_verdict(
    env: Env,
    password: String,
    #[napi(ts_arg_type = "PasswordOptions")] options: Option<Object>,
    policy: Option<&JsPolicy>,
) -> napi::Result<&'static str> {
    guard(&env, || {
        let o = self::options(&env, options)?;
        Ok(
            run(&o, |ctx| pw::check(&password, ctx, self::policy(&policy)))?
                .verdict
                .as_str(),
        )
    })
}

/// The verdict for the default context and policy (the body of the raw fast path).
pub fn default_verdict(password: &str) -> Verdict {
    pw::check(password, &PasswordContext::default(), &DEFAULT).verdict
}

static DEFAULT: std::sync::LazyLock<Policy> = std::sync::LazyLock::new(Policy::default);
