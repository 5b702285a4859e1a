//! Password policy (RULES §1; seed 001 §陸.二.(一)(二)).
//!
//! The department's rule (seed 001 §陸.二.(一)): at least 8 characters, 3 of 4
//! character classes (upper case, lower case, digits, specials), changed at least
//! every 90 days; on an abnormal-login alert, change it at once (§陸.二.(二)).
//! RULES §1 adds the Active Directory profile, the account-name and display-name
//! rules, control characters, a 256-character limit and warnings for full-width
//! and non-ASCII input, well-known weak passwords and personal data (ID numbers,
//! mobile numbers, dates). Every number comes from [`Policy::password`](crate::policy::PasswordPolicy).
//!
//! Issue 22 adds the **weak-password detection** for the passwords that pass
//! that rule: an estimate of the guesses a password takes (zxcvbn's model, in
//! linear time: common passwords dressed up with case, l33t, digits, years and
//! symbols, one typo away, dictionary words, names, word-like strings, context
//! words, keyboard walks on the QWERTY and Zhuyin layouts, sequences, repeats,
//! Gregorian and ROC dates, Chinese typed on the Zhuyin keyboard). Below
//! `policy.password.weak_guesses_log10` the password is weak and each kind of
//! part found is a finding (`password.common_variant`, `…dictionary_word`,
//! `…word_like`, `…name`, `…context_word`, `…keyboard_walk`, `…sequence`,
//! `…repeat`, `…zhuyin`, `…date`). The rule is documented in `docs/passwords.md`.
//!
//! - [`check`] / [`check_many`]: the policy check → [`PasswordCheck`].
//! - [`is_common`]: the embedded list of well-known weak passwords.
//! - [`expiry`]: rotation and the abnormal-login advice → [`PasswordExpiry`].
//!
//! Privacy (RULES §0): no result ever holds the password. The detection's
//! findings name a part by position and length and show it masked (at most its
//! first and last character, from the list's spelling for a list word).
//!
//! ## Decided where the specification is silent
//!
//! - Over `max_length`: counting stops at `max_length + 1`, which is then the
//!   `length` and the `actual` parameter of `password.too_long` ("at least").
//! - Findings come in code-table order; a control character counts as neither
//!   full-width nor non-ASCII; full-width (U+FF01–U+FF5E, U+3000) is not also
//!   non-ASCII. `password.control_char` gives the first one's 1-based position and
//!   the count.
//! - `too_few_classes` names the missing classes in English (`missing`:
//!   `uppercase, lowercase, digit, special, other_letter`) and in zh-TW
//!   (`missing_zh`); under AD the fifth class is listed too.
//! - Account name: trimmed, the local part before the last `@`. Names match
//!   case-insensitively with per-character Unicode lower-casing; full-width
//!   forms are not folded (`ｗａｎｇ` is not `wang`). The display-name finding
//!   never says which token matched (that would echo part of the password); its
//!   parameter `min` is the shortest token length considered.
//! - ID, mobile and date shapes are searched as substrings of ASCII letters and
//!   digits, with no word boundary; only when the password has 7 or more ASCII
//!   digits. One `password.date` at most: Gregorian `yyyymmdd` (1900–2099) wins
//!   over ROC `yyymmdd` (001–199); either must be a real calendar day.
//! - The weak list is matched whole (not as a substring), ignoring ASCII case;
//!   an exact match is answered by `password.common` alone (no detection).
//! - The detection runs only when the check found no violation (such a password
//!   must change anyway) and the password has at most 256 characters.
//!
//! ```
//! use ntpc_policy::password::{check, PasswordContext, PasswordProfile};
//! use ntpc_policy::{Policy, Verdict};
//!
//! let policy = Policy::default();
//! let r = check("x9$Kp2!mQz7w", &PasswordContext::default(), &policy);
//! assert_eq!(r.verdict, Verdict::Pass);
//! // 8 characters and 3 classes, but a common password dressed up: a warning.
//! let weak = check("Dragon@2021", &PasswordContext::default(), &policy);
//! assert_eq!(weak.verdict, Verdict::Warn);
//! assert_eq!(weak.findings[0].code.as_str(), "password.common_variant");
//! assert_eq!(weak.findings[0].params.get("masked").unwrap().to_string(), "d****n");
//! // Chinese typed on the Zhuyin keyboard (我的密碼) is a phrase, not random.
//! let zh = check("Ji32k7au4a83!", &PasswordContext::default(), &policy);
//! assert_eq!(zh.findings[0].code.as_str(), "password.zhuyin");
//! // A Chinese password counts its Han characters as a fifth class under AD only.
//! let ad = PasswordContext { profile: Some(PasswordProfile::Ad), ..Default::default() };
//! assert_eq!(check("密碼ab12345", &ad, &policy).class_count, 3);
//! assert_eq!(check("密碼ab12345", &PasswordContext::default(), &policy).class_count, 2);
//! ```

mod check;
mod classes;
mod context;
mod detect;
mod dict;
mod expiry;
mod guess;
mod keyboard;
mod names;
mod patterns;
mod weak;
mod zhuyin;

pub use self::check::{check, check_many};
pub use self::classes::CharClasses;
pub use self::expiry::{ExpiryContext, ExpiryState, PasswordExpiry, expiry};
pub use self::weak::{MAX_COMMON_LEN, is_common};
pub use crate::policy::PasswordProfile;

use crate::finding::{Finding, Severity, Verdict};
use crate::policy::PasswordPolicy;
use chrono::NaiveDate;
use serde::Serialize;

/// Who the password belongs to, and which profile to apply.
///
/// Why: RULES §1: the account name (≥ `min_account_length` characters; for
/// `name@domain` its local part) and every display-name token (≥
/// `min_name_token_length` characters) must not appear in the password, in both
/// profiles, when the caller gives them. `profile: None` means
/// `policy.password.profile`.
///
/// The school's name and code, the account and the display name are also the
/// context words of the weak-password detection (issue 22 item 4; NIST SP
/// 800-63B-4: "context-specific words"), and `today` gives the current Gregorian
/// and ROC year (no function reads the clock; without it every year of
/// `policy.password.context_years_from..=context_years_to` counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PasswordContext<'a> {
    /// The account name, e.g. `wang01` or `wang01@apps.ntpc.edu.tw`.
    pub account: Option<&'a str>,
    /// The display name, e.g. `Wang Xiao-Ming` or `王小明`.
    pub display_name: Option<&'a str>,
    /// The profile; `None` takes the policy's.
    pub profile: Option<PasswordProfile>,
    /// The school's name, e.g. `新北市立板橋國民小學` or `Banqiao Elementary`
    /// (official affixes are dropped: 板橋).
    pub school_name: Option<&'a str>,
    /// The school's code, e.g. `014601`.
    pub school_code: Option<&'a str>,
    /// Today (Asia/Taipei), for the current year; `None` counts every year of
    /// the policy's context range.
    pub today: Option<NaiveDate>,
}

/// The answer of [`check`]: a verdict, the facts it used and the findings.
///
/// Why: RULES §0 "Verdicts are explainable". Serialises flat, with snake_case
/// keys, and never holds the password or any piece of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PasswordCheck {
    /// `pass`, `warn` or `fail`.
    pub verdict: Verdict,
    /// The profile applied (`default` or `ad`).
    pub profile: PasswordProfile,
    /// Length in Unicode scalar values; `max_length + 1` when over the limit
    /// (counting stops there).
    pub length: u32,
    /// Which classes are present (all `false` when over the length limit).
    pub classes: CharClasses,
    /// How many classes are present.
    pub class_count: u32,
    /// How many classes the policy requires (`min_classes`, both profiles).
    pub required_classes: u32,
    /// log10 of the guesses the password is estimated to take (two decimals), as
    /// zxcvbn counts them; weak below `policy.password.weak_guesses_log10`.
    /// `None` when the detection did not run (a violation, an exact list match,
    /// `detect_weak: false`, or more than 256 characters).
    pub guesses_log10: Option<f64>,
    /// Why, in code-table order.
    pub findings: Vec<Finding>,
}

/// Raises the warnings the policy lists in `escalate` to violations (RULES §1
/// "a policy option can raise them to violations"). Violations stay as they are.
pub(crate) fn escalate(findings: &mut [Finding], rules: &PasswordPolicy) {
    if rules.escalate.is_empty() {
        return;
    }
    for f in findings {
        if f.severity == Severity::Warning && rules.escalate.contains(&f.code) {
            f.severity = Severity::Violation;
        }
    }
}
