//! Taiwan mobile numbers as parents' records hold them (RULES §5).

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Longest text read as a phone number; anything longer is `invalid` (`too_long`).
pub const MAX_PHONE_CHARS: usize = 64;

/// What a phone field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    /// A Taiwan mobile number: `09` and 8 more digits.
    Mobile,
    /// A landline (市話): `0` and an area code digit 2–8, or 7–8 digits without an area code.
    Landline,
    /// Not usable: see the problem.
    Invalid,
    /// Blank.
    Empty,
}

/// Why a phone field is not a usable mobile number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PhoneProblem {
    /// Letters or other characters that are not digits, spaces, `-`, `.`, `()` or a leading `+`.
    BadCharacters,
    /// Starts like a mobile number but has the wrong number of digits.
    WrongLength,
    /// Nine digits starting with 9: the leading 0 was lost (a spreadsheet drops it).
    LeadingZeroMissing,
    /// A number with another country code than +886.
    ForeignNumber,
    /// Digits that are no Taiwan phone number at all.
    NotAPhoneNumber,
    /// More than [`MAX_PHONE_CHARS`] characters.
    TooLong,
}

impl PhoneProblem {
    /// The stable string form.
    pub const fn as_str(self) -> &'static str {
        match self {
            PhoneProblem::BadCharacters => "bad_characters",
            PhoneProblem::WrongLength => "wrong_length",
            PhoneProblem::LeadingZeroMissing => "leading_zero_missing",
            PhoneProblem::ForeignNumber => "foreign_number",
            PhoneProblem::NotAPhoneNumber => "not_a_phone_number",
            PhoneProblem::TooLong => "too_long",
        }
    }

    /// The problem in Chinese, for messages.
    pub const fn as_zh(self) -> &'static str {
        match self {
            PhoneProblem::BadCharacters => "含有數字以外的字元",
            PhoneProblem::WrongLength => "位數不對",
            PhoneProblem::LeadingZeroMissing => "開頭的 0 不見了，試算表常會刪去",
            PhoneProblem::ForeignNumber => "不是臺灣（+886）門號",
            PhoneProblem::NotAPhoneNumber => "不是臺灣的電話號碼",
            PhoneProblem::TooLong => "內容過長",
        }
    }
}

/// A phone field read as a Taiwan mobile number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PhoneCheck {
    /// Mobile, landline, invalid or empty.
    pub kind: PhoneKind,
    /// Usable to register: a mobile number.
    pub valid: bool,
    /// The mobile number as ten digits (`0912345678`), when valid.
    pub normalized: Option<String>,
    /// Why it is not usable, for `invalid`.
    pub problem: Option<PhoneProblem>,
    /// The likely intended number, when the leading 0 was lost.
    pub suggestion: Option<String>,
}

impl PhoneCheck {
    fn of(kind: PhoneKind) -> Self {
        PhoneCheck {
            kind,
            valid: false,
            normalized: None,
            problem: None,
            suggestion: None,
        }
    }

    fn invalid(problem: PhoneProblem) -> Self {
        PhoneCheck {
            problem: Some(problem),
            ..PhoneCheck::of(PhoneKind::Invalid)
        }
    }
}

/// Reads a phone field as a Taiwan mobile number (`09` + 8 digits).
///
/// Accepted and normalised: spaces, `-`, `.`, `/` and parentheses anywhere;
/// full-width digits and signs (NFKC); the country code as `+886`, `00886` or a
/// bare `886` before nine digits, with or without the trunk `0` after it
/// (`+886 0912…`). Decided: `0` followed by 2–8 is a landline (市話; area codes
/// 02–089), as is a 7- or 8-digit number without an area code or a number with an
/// extension (`#`, `ext`, `分機`); these are rejected as landlines, not as
/// malformed. A nine-digit number starting with 9 is the mobile number with its
/// leading 0 lost by a spreadsheet: invalid, with the likely number as a
/// suggestion (the record itself must be fixed, since the app matches the stored
/// number). Only Taiwan mobile numbers register (decided: another country code is
/// `foreign_number`).
///
/// ```
/// use ntpc_policy::parent::{normalize_mobile, PhoneKind};
/// for s in ["0912-345-678", "0912 345 678", "+886912345678", "+886 912 345 678", "０９１２３４５６７８"] {
///     assert_eq!(normalize_mobile(s).normalized.as_deref(), Some("0912345678"), "{s}");
/// }
/// assert_eq!(normalize_mobile("(02)2960-3456").kind, PhoneKind::Landline);
/// assert_eq!(normalize_mobile("912345678").suggestion.as_deref(), Some("0912345678"));
/// ```
pub fn normalize_mobile(text: &str) -> PhoneCheck {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return PhoneCheck::of(PhoneKind::Empty);
    }
    if trimmed.chars().count() > MAX_PHONE_CHARS {
        return PhoneCheck::invalid(PhoneProblem::TooLong);
    }
    let folded: String = trimmed.nfkc().collect();
    let lower = folded.to_lowercase();
    if lower.contains('#') || lower.contains("ext") || lower.contains("分機") {
        return PhoneCheck::of(PhoneKind::Landline);
    }
    let mut plus = false;
    let mut digits = String::with_capacity(16);
    for (i, c) in folded.trim().chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '-' | '.' | '/' | '(' | ')' | '\u{2010}'..='\u{2015}' => {}
            _ => return PhoneCheck::invalid(PhoneProblem::BadCharacters),
        }
    }
    if digits.is_empty() {
        return PhoneCheck::invalid(PhoneProblem::NotAPhoneNumber);
    }
    // The international forms, down to the national number with its trunk 0.
    let national = if let Some(rest) = international(&digits, plus) {
        match rest {
            Some(r) => format!("0{}", r.strip_prefix('0').unwrap_or(r)),
            None => return PhoneCheck::invalid(PhoneProblem::ForeignNumber),
        }
    } else {
        digits
    };
    classify_national(&national)
}

/// `Some(Some(rest))` after +886 / 00886 / 886, `Some(None)` for another country
/// code, `None` for a national number.
fn international(digits: &str, plus: bool) -> Option<Option<&str>> {
    if plus {
        return Some(digits.strip_prefix("886"));
    }
    if let Some(rest) = digits.strip_prefix("00") {
        return Some(rest.strip_prefix("886"));
    }
    // A bare 886 only when the rest is a mobile number's nine (or ten) digits.
    match digits.strip_prefix("886") {
        Some(rest)
            if matches!(rest.len(), 9 | 10) && rest.trim_start_matches('0').starts_with('9') =>
        {
            Some(Some(rest))
        }
        _ => None,
    }
}

fn classify_national(n: &str) -> PhoneCheck {
    let b = n.as_bytes();
    match b {
        [b'0', b'9', ..] if b.len() == 10 => PhoneCheck {
            valid: true,
            normalized: Some(n.to_owned()),
            ..PhoneCheck::of(PhoneKind::Mobile)
        },
        [b'0', b'9', ..] => PhoneCheck::invalid(PhoneProblem::WrongLength),
        [b'0', b'2'..=b'8', ..] => PhoneCheck::of(PhoneKind::Landline),
        [b'9', ..] if b.len() == 9 => PhoneCheck {
            suggestion: Some(format!("0{n}")),
            ..PhoneCheck::invalid(PhoneProblem::LeadingZeroMissing)
        },
        [b'1'..=b'9', ..] if matches!(b.len(), 7 | 8) => PhoneCheck::of(PhoneKind::Landline),
        _ => PhoneCheck::invalid(PhoneProblem::NotAPhoneNumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> (PhoneKind, Option<String>, Option<PhoneProblem>) {
        let c = normalize_mobile(s);
        (c.kind, c.normalized, c.problem)
    }

    #[test]
    fn reads_the_usual_forms() {
        let m = (PhoneKind::Mobile, Some("0912345678".to_string()), None);
        for s in [
            "0912345678",
            "0912-345-678",
            "0912.345.678",
            "(0912)345678",
            "+886-912-345-678",
            "+886 (0)912 345 678",
            "00886912345678",
            "886912345678",
            "＋８８６９１２３４５６７８",
        ] {
            assert_eq!(k(s), m, "{s}");
        }
        assert_eq!(k("02-2960-3456").0, PhoneKind::Landline);
        assert_eq!(k("+886 2 2960 3456").0, PhoneKind::Landline);
        assert_eq!(k("29603456").0, PhoneKind::Landline);
        assert_eq!(k("0912-345-678#12").0, PhoneKind::Landline);
        assert_eq!(k("091234567").2, Some(PhoneProblem::WrongLength));
        assert_eq!(k("+852 9123 4567").2, Some(PhoneProblem::ForeignNumber));
        assert_eq!(k("0912-ABC-678").2, Some(PhoneProblem::BadCharacters));
        assert_eq!(k("+").2, Some(PhoneProblem::NotAPhoneNumber));
        assert_eq!(k("12").2, Some(PhoneProblem::NotAPhoneNumber));
        assert_eq!(k(&"9".repeat(65)).2, Some(PhoneProblem::TooLong));
        assert_eq!(k(" ").0, PhoneKind::Empty);
    }
}
