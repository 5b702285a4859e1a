//! Unified Business Number (統一編號) check, 2023 rule (RULES §2).
//!
//! Schools and their vendors carry one. Weights 1,2,1,2,1,2,4,1; the digits of
//! each product are added (28 counts as 10); the sum must be divisible by 5 (the
//! Ministry of Finance changed 10 to 5 in 2023 to widen the number space). When
//! the 7th digit is 7 its 10 may also count as 1, so sum + 1 divisible by 5 is
//! valid too.

use serde::Serialize;

/// The result of a Unified Business Number check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UbnCheck {
    /// Exactly eight digits (after trimming and folding full-width digits).
    pub format_valid: bool,
    /// The weighted sum rule holds.
    pub checksum_valid: bool,
    /// Valid only through the 7th-digit-is-7 alternative.
    pub seventh_digit_rule: bool,
}

/// Checks a Unified Business Number.
///
/// ```
/// use ntpc_policy::identity::check_ubn;
/// assert!(check_ubn("04595257").checksum_valid);
/// assert!(check_ubn("10458574").seventh_digit_rule);
/// assert!(!check_ubn("12345678").checksum_valid);
/// ```
pub fn check_ubn(value: &str) -> UbnCheck {
    let n = super::normalize(value);
    let digits: Option<[u8; 8]> = <[u8; 8]>::try_from(n.as_bytes())
        .ok()
        .filter(|b| b.iter().all(u8::is_ascii_digit));
    let Some(d) = digits else {
        return UbnCheck {
            format_valid: false,
            checksum_valid: false,
            seventh_digit_rule: false,
        };
    };
    const W: [u32; 8] = [1, 2, 1, 2, 1, 2, 4, 1];
    let sum: u32 = d
        .iter()
        .zip(W)
        .map(|(&c, w)| {
            let p = u32::from(c - b'0') * w;
            p / 10 + p % 10
        })
        .sum();
    let plain = sum.is_multiple_of(5);
    let seventh = !plain && d[6] == b'7' && (sum + 1).is_multiple_of(5);
    UbnCheck {
        format_valid: true,
        checksum_valid: plain || seventh,
        seventh_digit_rule: seventh,
    }
}
