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

/// [`mask_normalized`] of an ID's ten ASCII bytes, without counting characters
/// (a text scan masks every match it finds; issue 20).
pub(crate) fn mask_id(norm: &[u8; 10], policy: &IdentityPolicy) -> String {
    let keep_start = policy.mask_keep_start as usize;
    let keep_end = policy.mask_keep_end as usize;
    let hide_all = norm.len() <= keep_start.saturating_add(keep_end);
    let keep = |i: usize| !hide_all && (i < keep_start || i >= norm.len() - keep_end);
    if let Ok(m) = u8::try_from(policy.mask_char)
        && m.is_ascii()
    {
        // The usual case: ten ASCII bytes, one copy.
        let mut out = *norm;
        for (i, c) in out.iter_mut().enumerate() {
            if !keep(i) {
                *c = m;
            }
        }
        let mut s = String::with_capacity(out.len());
        s.extend(out.iter().map(|&b| char::from(b)));
        return s;
    }
    let mut out = String::with_capacity(norm.len() * policy.mask_char.len_utf8());
    for (i, &c) in norm.iter().enumerate() {
        out.push(if keep(i) {
            char::from(c)
        } else {
            policy.mask_char
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_id_is_mask_normalized() {
        for (ks, ke, c) in [
            (3, 3, '*'),
            (0, 0, '#'),
            (1, 2, '●'),
            (5, 5, '*'),
            (9, 9, 'x'),
            (10, 0, '*'),
            (0, 12, '*'),
        ] {
            let p = IdentityPolicy {
                mask_keep_start: ks,
                mask_keep_end: ke,
                mask_char: c,
                ..IdentityPolicy::DEFAULT
            };
            assert_eq!(
                mask_id(b"A123456789", &p),
                mask_normalized("A123456789", &p),
                "{ks} {ke}"
            );
        }
    }
}
