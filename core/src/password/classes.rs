//! Character classes of the two profiles (RULES §1; seed 001 §陸.二.(一)2).
//!
//! The department's rule counts four ASCII classes; the Active Directory profile
//! counts five Unicode categories. Both are decided here, per character, so the
//! check can stay one pass over the password.

use crate::policy::PasswordProfile;
use serde::Serialize;

/// Which character classes a password contains.
///
/// Why: the seed's rule is "3 of these 4 kinds of characters" (seed 001
/// §陸.二.(一)2: 英文大寫、英文小寫、基本數字、特殊字元); the AD profile adds a fifth,
/// letters with no case (RULES §1 "Optional profile `ad`").
///
/// Decided: in the default profile only ASCII counts: `A–Z`, `a–z`, `0–9`, and
/// the 32 printable ASCII punctuation/symbol characters (space counts as none).
/// In the AD profile upper and lower case are Unicode's (so full-width `Ａ` and
/// Greek `Ω` are upper case), digits and specials stay ASCII (AD counts neither
/// full-width digits nor currency signs), and `other_letter` is a letter that is
/// neither upper nor lower case (CJK, 注音). `other_letter` is always `false` in
/// the default profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CharClasses {
    /// An upper-case letter (default: `A–Z`; AD: any Unicode upper case).
    pub upper: bool,
    /// A lower-case letter (default: `a–z`; AD: any Unicode lower case).
    pub lower: bool,
    /// A digit `0–9` (ASCII in both profiles).
    pub digit: bool,
    /// A printable ASCII punctuation or symbol character, not space.
    pub special: bool,
    /// AD only: a letter without case (e.g. `密`).
    pub other_letter: bool,
}

/// Stable English and zh-TW names of the classes, in the order they are listed.
const NAMES: [(&str, &str); 5] = [
    ("uppercase", "大寫字母"),
    ("lowercase", "小寫字母"),
    ("digit", "數字"),
    ("special", "特殊字元"),
    ("other_letter", "其他文字（如中文）"),
];

impl CharClasses {
    /// How many classes are present.
    pub(crate) fn count(self) -> u32 {
        self.flags().iter().map(|&f| u32::from(f)).sum()
    }

    fn flags(self) -> [bool; 5] {
        [
            self.upper,
            self.lower,
            self.digit,
            self.special,
            self.other_letter,
        ]
    }

    /// The names of the classes the profile knows but the password lacks:
    /// `(english, zh)`, e.g. `("uppercase, special", "大寫字母、特殊字元")`.
    pub(crate) fn missing(self, profile: PasswordProfile) -> (String, String) {
        let known = match profile {
            PasswordProfile::Default => 4,
            PasswordProfile::Ad => 5,
        };
        let (mut en, mut zh) = (String::new(), String::new());
        for (present, (name_en, name_zh)) in self.flags().iter().zip(NAMES).take(known) {
            if !present {
                if !en.is_empty() {
                    en.push_str(", ");
                    zh.push('、');
                }
                en.push_str(name_en);
                zh.push_str(name_zh);
            }
        }
        (en, zh)
    }

    /// Records the class bits ([`ascii_kind`]) of one or more ASCII characters.
    #[inline]
    pub(crate) fn add_bits(&mut self, bits: u8) {
        self.upper |= bits & UPPER != 0;
        self.lower |= bits & LOWER != 0;
        self.digit |= bits & DIGIT != 0;
        self.special |= bits & SPECIAL != 0;
    }

    /// Records one non-ASCII, non-control character under the AD profile.
    #[inline]
    pub(crate) fn add_unicode_ad(&mut self, c: char) {
        if c.is_uppercase() {
            self.upper = true;
        } else if c.is_lowercase() {
            self.lower = true;
        } else if c.is_alphabetic() {
            self.other_letter = true;
        }
    }
}

/// Class bits of an ASCII byte (see [`ascii_kind`]).
pub(crate) const UPPER: u8 = 1;
/// `a–z`.
pub(crate) const LOWER: u8 = 2;
/// `0–9`.
pub(crate) const DIGIT: u8 = 4;
/// Printable ASCII punctuation and symbols (not space).
pub(crate) const SPECIAL: u8 = 8;
/// C0 controls and DEL.
pub(crate) const CONTROL: u8 = 16;

/// The class of every ASCII byte, computed at compile time; space is 0.
static ASCII_KIND: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' => DIGIT,
            b' ' => 0,
            // Every other printable ASCII character is punctuation or a symbol.
            0x21..=0x7E => SPECIAL,
            _ => CONTROL,
        };
        b += 1;
    }
    t
};

/// The class bits of an ASCII byte (a non-ASCII byte gives 0).
#[inline]
pub(crate) fn ascii_kind(b: u8) -> u8 {
    ASCII_KIND.get(usize::from(b)).copied().unwrap_or(0)
}

/// Full-width forms typed in an IME's full-width mode (`Ａ１！`, U+FF01–U+FF5E)
/// and the ideographic space U+3000 (RULES §1 "Full-width input").
#[inline]
pub(crate) fn is_fullwidth(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes_match_the_seed() {
        let mut c = CharClasses::default();
        for b in b"Az9 !~" {
            c.add_bits(ascii_kind(*b));
        }
        assert_eq!(c.count(), 4);
        assert_eq!(ascii_kind(b' '), 0);
        assert_eq!(ascii_kind(b'\t'), CONTROL);
        assert_eq!(ascii_kind(0x7F), CONTROL);
        assert_eq!(ascii_kind(0xE5), 0);
        let specials = (0u8..=0x7F).filter(|&b| ascii_kind(b) == SPECIAL);
        assert!(specials.map(char::from).all(|c| c.is_ascii_punctuation()));
        assert_eq!(
            (0u8..=0x7F).filter(|&b| ascii_kind(b) == SPECIAL).count(),
            32
        );
        assert_eq!(
            (0u8..=0x7F).filter(|&b| ascii_kind(b) == CONTROL).count(),
            33
        );
    }

    #[test]
    fn ad_counts_unicode_case_and_caseless_letters() {
        let mut c = CharClasses::default();
        for ch in ['Ａ', 'ω', '密', '１', '€'] {
            c.add_unicode_ad(ch);
        }
        assert!(c.upper && c.lower && c.other_letter && !c.digit && !c.special);
    }

    #[test]
    fn missing_names_both_languages() {
        let c = CharClasses {
            lower: true,
            digit: true,
            ..CharClasses::default()
        };
        let (en, zh) = c.missing(PasswordProfile::Default);
        assert_eq!(en, "uppercase, special");
        assert_eq!(zh, "大寫字母、特殊字元");
        let (en, _) = c.missing(PasswordProfile::Ad);
        assert_eq!(en, "uppercase, special, other_letter");
        assert!(is_fullwidth('Ａ') && is_fullwidth('\u{3000}') && !is_fullwidth('密'));
    }
}
