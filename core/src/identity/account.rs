//! The custom-account rule (自訂帳號格式規範, seed 000 PART TWO; RULES §2, §5).
//!
//! "A custom account name with the format of a new-style ID number — first
//! character a letter, second any of 1 2 a b c d 8 9, ten characters in all —
//! must be reset for security reasons." Decided: characters 3–10 must be digits,
//! as in all three ID formats (`b1ackberry` is not flagged). The rule is
//! case-insensitive and looks at the local part of e-mail-style names. The
//! seed's literal wording (the rest of the ten characters anything) is the
//! policy option `identity.custom_account_rule: literal`.

use super::classify::{IdKind, classify};
use super::mask::mask;
use crate::codes::Code;
use crate::finding::{Finding, Verdict};
use crate::policy::{CustomAccountRule, Policy};
use serde::Serialize;

/// The custom-account rule applied to one account name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AccountNameCheck {
    /// `fail` when the name must be reset.
    pub verdict: Verdict,
    /// The local part has the format of an ID number (as the policy's rule reads it).
    pub id_format: bool,
    /// …and its check digit is valid: very likely a real person's number.
    pub checksum_valid: bool,
    /// Which ID format it has.
    pub kind: IdKind,
    /// The local part, masked when it is ID-shaped (account names are not secret otherwise).
    pub local_part_masked: String,
    /// Why.
    pub findings: Vec<Finding>,
}

/// Checks one custom account name.
///
/// ```
/// use ntpc_policy::{Policy, Verdict, identity::check_account};
/// let p = Policy::default();
/// let r = check_account("a123456789@apps.ntpc.edu.tw", &p);
/// assert_eq!(r.verdict, Verdict::Fail);
/// assert_eq!(r.local_part_masked, "A12****789");
/// assert_eq!(check_account("wang.xiaoming", &p).verdict, Verdict::Pass);
/// ```
pub fn check_account(name: &str, policy: &Policy) -> AccountNameCheck {
    let local = match name.rfind(['@', '＠']) {
        Some(i) => &name[..i],
        None => name,
    };
    let info = classify(local);
    let id_format = match policy.identity.custom_account_rule {
        CustomAccountRule::IdLike => info.format_valid,
        CustomAccountRule::Literal => info.format_valid || literal_id_shape(local),
    };
    let mut findings = Vec::new();
    if local.trim().is_empty() {
        findings.push(Finding::new(Code::IdentityAccountBlank));
    }
    if id_format {
        let kind = if info.format_valid {
            kind_str(info.kind)
        } else {
            "literal"
        };
        findings.push(Finding::new(Code::IdentityAccountIdFormat).with("kind", kind));
    }
    if info.format_valid {
        if info.checksum_valid {
            findings.push(Finding::new(Code::IdentityAccountRealId));
        }
        if let Some(a) = info.area().filter(|a| a.retired) {
            findings.push(
                Finding::new(Code::IdentityRetiredArea)
                    .with("letter", a.letter.to_string())
                    .with("area", a.name_zh),
            );
        }
    }
    AccountNameCheck {
        verdict: Verdict::of(&findings),
        id_format,
        checksum_valid: info.checksum_valid,
        kind: info.kind,
        local_part_masked: if id_format || info.format_valid {
            mask(local, &policy.identity)
        } else {
            local.trim().to_owned()
        },
        findings,
    }
}

/// The seed's literal wording: ten characters (after trimming), the first an
/// ASCII letter, the second one of `12abcd89` in any case.
fn literal_id_shape(local: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let chars: Vec<char> = local.trim().nfkc().collect();
    chars.len() == 10
        && chars[0].is_ascii_alphabetic()
        && "12abcd89".contains(chars[1].to_ascii_lowercase())
}

pub(crate) fn kind_str(k: IdKind) -> &'static str {
    match k {
        IdKind::NationalId => "national_id",
        IdKind::ResidentOld => "resident_old",
        IdKind::ResidentNew => "resident_new",
        IdKind::None => "none",
    }
}
