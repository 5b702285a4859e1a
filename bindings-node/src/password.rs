//! The password functions the core's table marks `fast` (RULES §1): a
//! change-password form checks on every keystroke, and audits check thousands.

use crate::convert::to_json;
use crate::errors::guard;
use crate::js_results::{check, helpers};
use crate::js_strings::SmallStr;
use crate::password_results::{BatchPacker, CheckJs, ChecksJs, to_scratch};
use crate::policy::{JsPolicy, policy};
use napi::bindgen_prelude::{FromNapiValue, Object};
use napi::{Env, JsValue, sys};
use napi_derive::napi;
use ntpc_policy::api::Date;
use ntpc_policy::password::{self as pw, PasswordContext, PasswordProfile};
use ntpc_policy::{Policy, PolicyError, Verdict};
use serde::Deserialize;
use std::ptr;

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
) -> napi::Result<CheckJs> {
    guard(&env, || {
        let o = self::options(&env, options)?;
        let r = run(&o, |ctx| pw::check(&password, ctx, self::policy(&policy)))?;
        Ok(CheckJs(r))
    })
}

/// `checkPassword` over many passwords of one account, in order.
#[napi(strict, ts_return_type = "Array<PasswordCheck>")]
pub fn check_passwords(
    env: Env,
    passwords: Vec<String>,
    #[napi(ts_arg_type = "PasswordOptions")] options: Option<Object>,
    policy: Option<&JsPolicy>,
) -> napi::Result<ChecksJs> {
    guard(&env, || {
        let o = self::options(&env, options)?;
        let p = self::policy(&policy);
        // `pw::check_many` is `check` over the list; each result is packed as
        // it comes, so no list of results is held.
        let mut out = unsafe { BatchPacker::new(env.raw(), passwords.len()) }
            .map_err(|e| crate::errors::napi_err("passwords", e))?;
        run(&o, |ctx| {
            for pwd in &passwords {
                out.push(&pw::check(pwd, ctx, p));
            }
        })?;
        Ok(out.finish())
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

/// The fast path of `checkPassword` (see `wrapCheck` in `lib/results.js`):
/// `(password, account, displayName, profile, schoolName, schoolCode, today)`,
/// each option a string or undefined, the default policy. It writes the check
/// into the scratch buffer and returns `true`, or returns `false` for anything
/// it does not read itself (a non-string, a profile or date that does not
/// parse), which the wrapper then hands to `check_password` for its own answer
/// or error.
/// The arguments of the fast path, or `None` for a shape it leaves to the
/// napi-rs function.
unsafe fn fast_args(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> napi::Result<Option<(SmallStr, Options)>> {
    let mut argc = 7usize;
    let mut argv = [ptr::null_mut(); 7];
    check(unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut argc,
            argv.as_mut_ptr(),
            ptr::null_mut(),
            ptr::null_mut(),
        )
    })?;
    let mut t = -1;
    check(unsafe { sys::napi_typeof(env, argv[0], &mut t) })?;
    if argc == 0 || t != sys::ValueType::napi_string {
        return Ok(None);
    }
    let password = unsafe { SmallStr::read(env, argv[0]) }?;
    let mut o: [Option<String>; 6] = Default::default();
    for (k, slot) in o.iter_mut().enumerate().take(argc.min(7).saturating_sub(1)) {
        let v = argv[k + 1];
        check(unsafe { sys::napi_typeof(env, v, &mut t) })?;
        match t {
            sys::ValueType::napi_undefined | sys::ValueType::napi_null => {}
            sys::ValueType::napi_string => {
                *slot = Some(unsafe { String::from_napi_value(env, v) }?)
            }
            _ => return Ok(None),
        }
    }
    let [
        account,
        display_name,
        profile,
        school_name,
        school_code,
        today,
    ] = o;
    let profile = match profile {
        None => None,
        Some(p) => {
            let de = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(&p);
            match PasswordProfile::deserialize(de) {
                Ok(p) => Some(p),
                Err(_) => return Ok(None),
            }
        }
    };
    let opts = Options {
        account,
        display_name,
        profile,
        school_name,
        school_code,
        today,
    };
    if let Some(t) = &opts.today
        && t.parse::<Date>().is_err()
    {
        return Ok(None);
    }
    Ok(Some((password, opts)))
}

/// Runs a raw entry's body and hands its boolean (or its error) to JS.
unsafe fn boolean_or_throw(env: sys::napi_env, r: napi::Result<bool>) -> sys::napi_value {
    let mut out = ptr::null_mut();
    match r {
        Ok(b) => {
            unsafe { sys::napi_get_boolean(env, b, &mut out) };
            out
        }
        Err(e) => {
            unsafe { napi::JsError::from(e).throw_into(env) };
            ptr::null_mut()
        }
    }
}

unsafe extern "C" fn raw_check(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    let r = (|| -> napi::Result<bool> {
        let Some(r) = (unsafe { fast_check(env, info) })? else {
            return Ok(false);
        };
        unsafe { to_scratch(env, &r) }?;
        Ok(true)
    })();
    unsafe { boolean_or_throw(env, r) }
}

/// The check of a fast call, or `None` when its arguments are not the fast
/// shape (the caller then takes the napi-rs path).
unsafe fn fast_check(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> napi::Result<Option<pw::PasswordCheck>> {
    let Some((password, opts)) = (unsafe { fast_args(env, info) })? else {
        return Ok(None);
    };
    guard(&Env::from_raw(env), || {
        run(&opts, |ctx| pw::check(password.as_str(), ctx, &DEFAULT))
    })
    .map(Some)
}

/// Benchmark builds only: [`raw_check`] without the result (the arguments
/// read, the core's check run, its verdict dropped), so a benchmark can tell
/// the core's time from the binding's.
#[cfg(feature = "bench-floor")]
pub(crate) unsafe extern "C" fn raw_check_core(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    let r = (|| -> napi::Result<bool> {
        let Some(r) = (unsafe { fast_check(env, info) })? else {
            return Ok(false);
        };
        Ok(std::hint::black_box(r).verdict != Verdict::Pass)
    })();
    unsafe { boolean_or_throw(env, r) }
}

/// Replaces `exports.checkPassword` by the JS wrapper over [`raw_check`] and
/// the napi-rs function.
pub(crate) unsafe fn install(env: sys::napi_env, exports: sys::napi_value) -> napi::Result<()> {
    let h = unsafe { helpers(env)? };
    unsafe { crate::js_results::wrap(env, exports, c"checkPassword", h.pw_wrap, Some(raw_check)) }
}
