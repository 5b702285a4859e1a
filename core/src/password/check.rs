//! The password check: one pass over the characters, then the findings
//! (RULES §1; seed 001 §陸.二.(一)).

use super::classes::{CONTROL, CharClasses, DIGIT, ascii_kind, is_fullwidth};
use super::context::ContextWords;
use super::detect;
use super::guess::{self, Text, Years};
use super::names::{Haystack, contains_account, contains_name_token};
use super::patterns::{self, MIN_DIGITS};
use super::weak::is_common_ascii;
use super::{PasswordCheck, PasswordContext, escalate};
use crate::codes::Code;
use crate::finding::{Finding, Severity, Verdict};
use crate::policy::{PasswordPolicy, PasswordProfile, Policy};

/// Checks one password against the policy's password rules.
///
/// Why: seed 001 §陸.二.(一) sets the department's rule (at least 8 characters, 3
/// of 4 character classes); RULES §1 adds the AD profile, the account-name and
/// display-name rules, control characters, the 256-character limit and the
/// warnings (full-width, non-ASCII, well-known weak password, ID number, mobile
/// number, date). `ctx.profile` picks the profile, else `policy.password.profile`.
///
/// The answer is always a value: a weak password is a `fail` verdict with
/// findings, never an error. The result never holds the password or any piece
/// of it (parameters are counts, positions and class names).
///
/// Order of work and findings:
/// - First, a password over `max_length` characters gives only
///   `password.too_long` and the check stops. Counting stops at `max_length + 1`,
///   so a 10 MB input costs no more than a 257-character one.
///   Decided: `length` and the `actual` parameter are then `max_length + 1`
///   ("at least"), the count at which reading stopped.
/// - Otherwise one pass over the characters gives the length (Unicode scalar
///   values), the classes, control characters, full-width and other non-ASCII
///   counts; the other rules run only when they can apply (the digit shapes only
///   with 7 or more ASCII digits). A passing password allocates nothing.
/// - Decided: findings come in code-table order: `too_short`, `too_few_classes`,
///   `control_char` (the first one's 1-based position, and the count),
///   `contains_account`, `contains_display_name`, `fullwidth`, `non_ascii`,
///   `common`, `id_number`, `mobile_number`, `date`. A control character counts
///   as neither full-width nor non-ASCII; a full-width character (U+FF01–U+FF5E,
///   U+3000) counts as full-width only.
/// - Codes listed in `policy.password.escalate` are raised from warning to
///   violation; the verdict is [`Verdict::of`] the findings.
///
/// ```
/// use ntpc_policy::password::{check, PasswordContext};
/// use ntpc_policy::{Policy, Verdict};
///
/// let policy = Policy::default();
/// let ok = check("Tq7#vLm2pX", &PasswordContext::default(), &policy);
/// assert_eq!(ok.verdict, Verdict::Pass);
/// assert_eq!(ok.class_count, 4);
///
/// let ctx = PasswordContext { account: Some("wang01"), ..Default::default() };
/// let bad = check("Wang01!xyz", &ctx, &policy);
/// assert_eq!(bad.verdict, Verdict::Fail);
/// assert_eq!(bad.findings[0].code.as_str(), "password.contains_account");
/// ```
#[must_use]
pub fn check(password: &str, ctx: &PasswordContext<'_>, policy: &Policy) -> PasswordCheck {
    let rules = &policy.password;
    let profile = ctx.profile.unwrap_or(rules.profile);
    let max = usize::try_from(rules.max_length).unwrap_or(usize::MAX);
    // A string of at most `max` bytes has at most `max` characters: only a
    // longer one needs counting, and the count stops just past the limit.
    if password.len() > max {
        let counted = password.chars().take(max.saturating_add(1)).count();
        if counted > max {
            return too_long(counted, profile, rules);
        }
    }
    let scan = Scan::of(password, profile);
    let length = u32::try_from(scan.length).unwrap_or(u32::MAX);
    let class_count = scan.classes.count();
    let mut findings = Vec::new();

    if length < rules.min_length {
        findings.push(
            Finding::new(Code::PasswordTooShort)
                .with("min", rules.min_length)
                .with("actual", length),
        );
    }
    if class_count < rules.min_classes {
        let (missing, missing_zh) = scan.classes.missing(profile);
        findings.push(
            Finding::new(Code::PasswordTooFewClasses)
                .with("required", rules.min_classes)
                .with("actual", class_count)
                .with("missing", missing)
                .with("missing_zh", missing_zh),
        );
    }
    if let Some(position) = scan.first_control {
        findings.push(
            Finding::new(Code::PasswordControlChar)
                .with("position", position + 1)
                .with("count", scan.controls),
        );
    }
    // Every character is one byte exactly when the password is all ASCII.
    let hay = Haystack {
        text: password,
        chars: scan.length,
        ascii: password.len() == scan.length,
    };
    if let Some(account) = ctx.account
        && contains_account(hay, account, rules.min_account_length)
    {
        findings.push(Finding::new(Code::PasswordContainsAccount));
    }
    if let Some(name) = ctx.display_name
        && contains_name_token(hay, name, rules.min_name_token_length)
    {
        findings.push(
            Finding::new(Code::PasswordContainsDisplayName)
                .with("min", rules.min_name_token_length),
        );
    }
    if scan.fullwidth > 0 {
        findings.push(Finding::new(Code::PasswordFullwidth).with("count", scan.fullwidth));
    }
    if scan.non_ascii > 0 {
        findings.push(Finding::new(Code::PasswordNonAscii).with("count", scan.non_ascii));
    }
    let common = hay.ascii && is_common_ascii(password.as_bytes());
    let common_at = findings.len();
    if common {
        findings.push(Finding::new(Code::PasswordCommon));
    }
    let mut had_date = false;
    if scan.digits >= MIN_DIGITS {
        let bytes = password.as_bytes();
        if patterns::has_id_shape(bytes) {
            findings.push(Finding::new(Code::PasswordIdNumber));
        }
        if patterns::has_mobile(bytes) {
            findings.push(Finding::new(Code::PasswordMobileNumber));
        }
        if let Some(format) = patterns::find_date(bytes) {
            had_date = true;
            findings.push(
                Finding::new(Code::PasswordDate)
                    .with("format", format.as_str())
                    .with("format_zh", format.as_zh()),
            );
        }
    }
    // The weak-password detection (issue 22) looks at the passwords that pass:
    // one with a violation must change anyway, an exact list match is answered.
    let mut guesses_log10 = None;
    let detected_at = findings.len();
    let violation = findings.iter().any(|f| f.severity == Severity::Violation);
    if rules.detect_weak
        && !common
        && !violation
        && let Some(log10) = detect(password, ctx, rules, had_date, &mut findings)
    {
        guesses_log10 = Some((log10 * 100.0).round() / 100.0);
    }
    // `weak_is_violation` raises what the detection found, and the list match.
    if rules.weak_is_violation {
        for (i, f) in findings.iter_mut().enumerate() {
            if (common && i == common_at) || i >= detected_at {
                f.severity = Severity::Violation;
            }
        }
    }
    escalate(&mut findings, rules);
    PasswordCheck {
        verdict: Verdict::of(&findings),
        profile,
        length,
        classes: scan.classes,
        class_count,
        required_classes: rules.min_classes,
        guesses_log10,
        findings,
    }
}

/// The weak-password detection: log10 of the estimated guesses, and the
/// findings when the password is weak; `None` for a password longer than the
/// detection reads.
///
/// Its state (the text, the context words) is set up here, in place: built
/// inside the check's condition it was copied into place on every check.
fn detect(
    password: &str,
    ctx: &PasswordContext<'_>,
    rules: &PasswordPolicy,
    had_date: bool,
    findings: &mut Vec<Finding>,
) -> Option<f64> {
    let mut text = Text::new();
    if !text.read(password) {
        return None;
    }
    let words = ContextWords::new(ctx, rules);
    let years = Years::new(ctx.today, rules.context_years_from, rules.context_years_to);
    // A small path for the usual lengths: less state to clear per check.
    Some(if text.n < guess::SHORT {
        detect_with::<{ guess::SHORT }>(password, &text, &words, years, rules, had_date, findings)
    } else {
        detect_with::<{ guess::LONG }>(password, &text, &words, years, rules, had_date, findings)
    })
}

/// Runs the estimate with a path of size `N` and adds the findings when the
/// password is weak; returns log10 of the estimated guesses.
fn detect_with<const N: usize>(
    password: &str,
    text: &Text,
    words: &ContextWords<'_>,
    years: Years,
    rules: &PasswordPolicy,
    had_date: bool,
    findings: &mut Vec<Finding>,
) -> f64 {
    let mut path = guess::Path::<N>::new();
    let est = guess::estimate(password, text, words, years, &mut path);
    let log10 = f64::from(est.bits) * std::f64::consts::LOG10_2;
    if log10 < rules.weak_guesses_log10 {
        detect::push_findings(&est, text, password, words, had_date, findings);
    }
    log10
}

/// Checks many passwords with the same context and policy (bulk audits), in
/// order; the same as calling [`check`] on each.
///
/// Why: RULES §1 checks are also run over exported account lists; one call per
/// list keeps the binding overhead out of the loop.
///
/// ```
/// use ntpc_policy::password::{check_many, PasswordContext};
/// use ntpc_policy::{Policy, Verdict};
///
/// let results = check_many(&["Tq7#vLm2pX", "abc"], &PasswordContext::default(), &Policy::default());
/// let verdicts: Vec<Verdict> = results.iter().map(|r| r.verdict).collect();
/// assert_eq!(verdicts, [Verdict::Pass, Verdict::Fail]);
/// ```
#[must_use]
pub fn check_many(
    passwords: &[&str],
    ctx: &PasswordContext<'_>,
    policy: &Policy,
) -> Vec<PasswordCheck> {
    passwords.iter().map(|p| check(p, ctx, policy)).collect()
}

/// The answer for a password over the length limit: that finding alone.
fn too_long(counted: usize, profile: PasswordProfile, rules: &PasswordPolicy) -> PasswordCheck {
    let length = u32::try_from(counted).unwrap_or(u32::MAX);
    let mut findings = vec![
        Finding::new(Code::PasswordTooLong)
            .with("max", rules.max_length)
            .with("actual", length),
    ];
    escalate(&mut findings, rules);
    PasswordCheck {
        verdict: Verdict::of(&findings),
        profile,
        length,
        classes: CharClasses::default(),
        class_count: 0,
        required_classes: rules.min_classes,
        guesses_log10: None,
        findings,
    }
}

/// Everything one pass over the characters tells.
struct Scan {
    length: usize,
    classes: CharClasses,
    digits: u32,
    first_control: Option<usize>,
    controls: usize,
    fullwidth: usize,
    non_ascii: usize,
}

impl Scan {
    /// One pass: ASCII bytes through a table while they last, then characters.
    fn of(password: &str, profile: PasswordProfile) -> Scan {
        let mut s = Scan {
            length: 0,
            classes: CharClasses::default(),
            digits: 0,
            first_control: None,
            controls: 0,
            fullwidth: 0,
            non_ascii: 0,
        };
        let ascii_len = s.scan_ascii(password.as_bytes());
        // `ascii_len` follows an ASCII byte, so it is a character boundary.
        if let Some(rest) = password.get(ascii_len..)
            && !rest.is_empty()
        {
            s.scan_unicode(rest, profile == PasswordProfile::Ad);
        }
        s
    }

    /// The common case, one table lookup per byte; stops at the first non-ASCII
    /// byte and returns its index.
    fn scan_ascii(&mut self, bytes: &[u8]) -> usize {
        let mut bits = 0u8;
        let mut end = bytes.len();
        for (i, &b) in bytes.iter().enumerate() {
            if !b.is_ascii() {
                end = i;
                break;
            }
            let kind = ascii_kind(b);
            bits |= kind;
            self.digits = self.digits.saturating_add(u32::from(kind == DIGIT));
            if kind == CONTROL {
                self.control_at(i);
            }
        }
        self.length = end;
        self.classes.add_bits(bits);
        end
    }

    /// The rest of the password from its first non-ASCII character on.
    fn scan_unicode(&mut self, rest: &str, ad: bool) {
        for c in rest.chars() {
            let i = self.length;
            self.length += 1;
            if c.is_ascii() {
                let kind = ascii_kind(c as u8);
                self.classes.add_bits(kind);
                self.digits = self.digits.saturating_add(u32::from(kind == DIGIT));
                if kind == CONTROL {
                    self.control_at(i);
                }
            } else if c.is_control() {
                self.control_at(i);
            } else {
                if is_fullwidth(c) {
                    self.fullwidth += 1;
                } else {
                    self.non_ascii += 1;
                }
                if ad {
                    self.classes.add_unicode_ad(c);
                }
            }
        }
    }

    fn control_at(&mut self, index: usize) {
        self.controls += 1;
        self.first_control.get_or_insert(index);
    }
}
