//! Masking ID numbers for display (RULES §2 "Masking"; RULES §0 "Privacy").

use super::normalize::normalize;
use crate::policy::IdentityPolicy;

/// Masks a value: keeps `mask_keep_start` characters at the start and
/// `mask_keep_end` at the end of its normalised form and hides the rest
/// (`A123456789` → `A12****789`). A value too short to keep both ends is
/// hidden entirely, so masking never reveals a short secret.
///
/// ```
/// use ntpc_policy::{Policy, identity::mask};
/// assert_eq!(mask("a123456789", &Policy::default().identity), "A12****789");
/// assert_eq!(mask("abc", &Policy::default().identity), "***");
/// ```
pub fn mask(value: &str, policy: &IdentityPolicy) -> String {
    mask_normalized(&normalize(value), policy)
}

pub(crate) fn mask_normalized(s: &str, policy: &IdentityPolicy) -> String {
    let n = s.chars().count();
    let keep_start = policy.mask_keep_start as usize;
    let keep_end = policy.mask_keep_end as usize;
    let mut out = String::with_capacity(s.len());
    if n <= keep_start.saturating_add(keep_end) {
        out.extend(std::iter::repeat_n(policy.mask_char, n));
        return out;
    }
    for (i, c) in s.chars().enumerate() {
        out.push(if i < keep_start || i >= n - keep_end {
            c
        } else {
            policy.mask_char
        });
    }
    out
}
