//! Classifying a value as one of the three Taiwan ID formats (RULES §2).

use super::area::{Area, area, letter_weight};
use super::normalize::normalize;
use crate::policy::IdentityPolicy;
use serde::{Serialize, Serializer, ser::SerializeMap};

/// Which of the three formats a value has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// 身分證字號: second character 1 (male) or 2 (female).
    NationalId,
    /// 舊式居留證: second character A–D.
    ResidentOld,
    /// 新式統一證號 (since 2021-01-02): second character 8 (male) or 9 (female).
    ResidentNew,
    /// Not an ID number.
    None,
}

/// Gender encoded in the second character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// 1, 8; old certificates A, C.
    Male,
    /// 2, 9; old certificates B, D.
    Female,
}

/// Category of a new unified certificate, from its third character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum NewCertCategory {
    /// 0–6: foreign nationals and stateless persons (外國人、無國籍人士).
    Foreign,
    /// 7: nationals without household registration (無戶籍國民).
    NationalWithoutHousehold,
    /// 8: Hong Kong and Macao residents (香港或澳門居民).
    HongKongMacao,
    /// 9: people of the mainland area (大陸地區人民).
    MainlandChina,
}

/// What a value is as an ID number. `Copy` and built without allocating, since
/// nightly sweeps classify hundreds of thousands of account names.
///
/// Serialises as `{kind, format_valid, checksum_valid, gender, area, category,
/// masked}`; the number itself never appears unmasked (RULES §0 "Privacy").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdInfo {
    /// The format, or `none`.
    pub kind: IdKind,
    /// Letter + one of `1 2 A B C D 8 9` + eight digits, after normalising.
    pub format_valid: bool,
    /// The check digit matches (only ever true when the format is valid).
    pub checksum_valid: bool,
    /// Gender, when the format is valid.
    pub gender: Option<Gender>,
    /// Category, for new unified certificates.
    pub category: Option<NewCertCategory>,
    normalized: [u8; 10],
}

impl IdInfo {
    /// Area of the first letter, when the format is valid. A method rather than a
    /// field so an `IdInfo` stays 16 bytes: sweeps keep millions of them.
    pub fn area(&self) -> Option<Area> {
        self.format_valid.then(|| area(self.normalized[0]))
    }

    const NONE: IdInfo = IdInfo {
        kind: IdKind::None,
        format_valid: false,
        checksum_valid: false,
        gender: None,
        category: None,
        normalized: [0; 10],
    };

    /// The classification in one byte, for sweeps that need a verdict per value
    /// and not an object (one byte per account name instead of a record):
    ///
    /// | bits | meaning |
    /// |---|---|
    /// | 0–1 | kind: 0 `none`, 1 `national_id`, 2 `resident_old`, 3 `resident_new` |
    /// | 2 (value 4) | `format_valid` |
    /// | 3 (value 8) | `checksum_valid` |
    /// | 4–5 | gender: 0 none, 1 `male`, 2 `female` |
    ///
    /// The layout is public and stable (every binding's `classify_ids_packed`
    /// returns these bytes): `byte & 8 != 0` is "a valid ID number".
    ///
    /// ```
    /// use ntpc_policy::identity::classify;
    /// assert_eq!(classify("A123456789").packed(), 0b01_1_1_01);
    /// assert_eq!(classify("A123456780").packed(), 0b01_0_1_01);
    /// assert_eq!(classify("wang.xiaoming").packed(), 0);
    /// ```
    #[inline]
    pub const fn packed(&self) -> u8 {
        let kind = match self.kind {
            IdKind::None => 0,
            IdKind::NationalId => 1,
            IdKind::ResidentOld => 2,
            IdKind::ResidentNew => 3,
        };
        let gender = match self.gender {
            None => 0,
            Some(Gender::Male) => 1,
            Some(Gender::Female) => 2,
        };
        kind | (self.format_valid as u8) << 2 | (self.checksum_valid as u8) << 3 | gender << 4
    }

    /// The number masked by the policy (`A12****789`), or `None` when it is not one.
    pub fn masked(&self, policy: &IdentityPolicy) -> Option<String> {
        if !self.format_valid {
            return None;
        }
        // The ten bytes are ASCII by construction.
        let s = std::str::from_utf8(&self.normalized).ok()?;
        Some(super::mask::mask_normalized(s, policy))
    }
}

impl Serialize for IdInfo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("format_valid", &self.format_valid)?;
        m.serialize_entry("checksum_valid", &self.checksum_valid)?;
        m.serialize_entry("gender", &self.gender)?;
        m.serialize_entry("area", &self.area())?;
        m.serialize_entry("category", &self.category)?;
        m.serialize_entry("masked", &self.masked(&IdentityPolicy::DEFAULT))?;
        m.end()
    }
}

/// Classifies a value: kind, format and checksum validity, gender, area, category.
///
/// Case, surrounding spaces and full-width characters do not matter
/// (`classify(normalize(x)) == classify(x)`).
///
/// ```
/// use ntpc_policy::identity::{classify, IdKind};
/// let id = classify("A123456789");
/// assert_eq!((id.kind, id.checksum_valid), (IdKind::NationalId, true));
/// assert!(!classify("A123456780").checksum_valid);
/// assert_eq!(classify("ａ８００００００１４").kind, IdKind::ResidentNew);
/// ```
#[inline]
pub fn classify(value: &str) -> IdInfo {
    // The common case first, inlined into the caller's loop: exactly ten ASCII
    // bytes, no trimming to do.
    if let Ok(b) = <&[u8; 10]>::try_from(value.as_bytes())
        && is_ascii10(b)
    {
        return classify_ascii(b);
    }
    classify_other(value)
}

/// Ten bytes are ASCII: two word-wide tests instead of ten byte tests.
#[inline(always)]
fn is_ascii10(b: &[u8; 10]) -> bool {
    let mut head = [0u8; 8];
    head.copy_from_slice(&b[..8]);
    let head = u64::from_le_bytes(head);
    let tail = u16::from_le_bytes([b[8], b[9]]);
    (head & 0x8080_8080_8080_8080) == 0 && (tail & 0x8080) == 0
}

/// Everything but ten ASCII bytes: trim, or normalise (full-width, spaces).
#[inline(never)]
fn classify_other(value: &str) -> IdInfo {
    let bytes = value.as_bytes();
    if bytes.is_ascii() {
        let t = value.trim_ascii().as_bytes();
        return match <&[u8; 10]>::try_from(t) {
            Ok(b) => classify_ascii(b),
            Err(_) => IdInfo::NONE,
        };
    }
    let n = normalize(value);
    match <&[u8; 10]>::try_from(n.as_bytes()) {
        Ok(b) => classify_ascii(b),
        Err(_) => IdInfo::NONE,
    }
}

/// Classifies many values into one byte each ([`IdInfo::packed`]): the form for
/// nightly sweeps over hundreds of thousands of account names, where a binding
/// would otherwise build one object per name (issue #8).
///
/// ```
/// use ntpc_policy::identity::classify_packed;
/// let codes = classify_packed(["A123456789", "A123456780", "user01"]);
/// assert_eq!(codes, [0x1d, 0x15, 0]);
/// assert!(codes[0] & 8 != 0); // valid
/// ```
pub fn classify_packed<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    values.into_iter().map(|v| classify(v).packed()).collect()
}

/// Whether the value is a format-valid ID number with a valid check digit.
///
/// ```
/// assert!(ntpc_policy::identity::checksum_valid("AB12345677"));
/// ```
pub fn checksum_valid(value: &str) -> bool {
    classify(value).checksum_valid
}

/// What the second character says, one byte per ASCII value (either case):
/// `0` when it cannot be second, else `kind << 5 | female << 4 | digit`, where
/// `digit` is its value in the checksum (`1`, `2`, `8`, `9` themselves; for
/// `A`–`D` the units of the letter code, RULES §2) and `kind` is 1 national ID,
/// 2 old resident certificate, 3 new unified certificate.
///
/// Why a table: the second character of real inputs is spread over eight
/// values, and a `match` on it is a branch the CPU guesses wrong most of the
/// time; a lookup is the same few cycles for every input (issue #8's sweeps).
const SECOND: [u8; 256] = {
    let mut t = [0u8; 256];
    let national = 1 << 5;
    let old = 2 << 5;
    let new = 3 << 5;
    let female = 1 << 4;
    t[b'1' as usize] = national | 1;
    t[b'2' as usize] = national | female | 2;
    t[b'8' as usize] = new | 8;
    t[b'9' as usize] = new | female | 9;
    // A=10, B=11, C=12, D=13: the units digit counts (RULES §2).
    t[b'A' as usize] = old;
    t[b'B' as usize] = old | female | 1;
    t[b'C' as usize] = old | 2;
    t[b'D' as usize] = old | female | 3;
    t[b'a' as usize] = t[b'A' as usize];
    t[b'b' as usize] = t[b'B' as usize];
    t[b'c' as usize] = t[b'C' as usize];
    t[b'd' as usize] = t[b'D' as usize];
    t
};

/// The eight bytes are all ASCII digits (SWAR: a byte passes when it is
/// `0x30..=0x39`; subtracting `0x30` leaves 0–9, and adding `0x76` sets the top
/// bit of any byte that was 10 or more; a byte that sets no top bit carries into
/// no neighbour).
#[inline]
fn all_digits(word: u64) -> bool {
    const ZERO: u64 = 0x3030_3030_3030_3030;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ADD: u64 = 0x7676_7676_7676_7676;
    let d = word ^ ZERO;
    ((d.wrapping_add(ADD) | d) & HIGH) == 0
}

/// Classifies ten ASCII bytes (any case).
///
/// Branch-light on purpose: two table lookups and one word-wide digit test
/// decide the format, so mixed inputs (valid, bad checksum, other strings) cost
/// the same (issue #8: ≥ 60 M strings/s on one core).
#[inline]
pub(crate) fn classify_ascii(raw: &[u8; 10]) -> IdInfo {
    let code = letter_weight(raw[0]);
    let second = SECOND[usize::from(raw[1])];
    let mut word = [0u8; 8];
    word.copy_from_slice(&raw[2..]);
    if code == 0 || second == 0 || !all_digits(u64::from_le_bytes(word)) {
        return IdInfo::NONE;
    }
    const KINDS: [IdKind; 4] = [
        IdKind::None,
        IdKind::NationalId,
        IdKind::ResidentOld,
        IdKind::ResidentNew,
    ];
    const GENDERS: [Gender; 2] = [Gender::Male, Gender::Female];
    // New unified certificates: the third character gives the category.
    const CATEGORIES: [NewCertCategory; 10] = {
        let mut t = [NewCertCategory::Foreign; 10];
        t[7] = NewCertCategory::NationalWithoutHousehold;
        t[8] = NewCertCategory::HongKongMacao;
        t[9] = NewCertCategory::MainlandChina;
        t
    };
    let kind = KINDS[usize::from(second >> 5)];
    let gender = GENDERS[usize::from((second >> 4) & 1)];
    // Weights 1,9,8,7,6,5,4,3,2,1,1 over tens, units, characters 2..10; the
    // letter's share (tens + 9 × units) comes from its table.
    const W: [u32; 8] = [7, 6, 5, 4, 3, 2, 1, 1];
    let mut sum = u32::from(code) + 8 * u32::from(second & 0x0f);
    for (w, &d) in W.iter().zip(&word) {
        sum += w * u32::from(d - b'0');
    }
    let category = if kind == IdKind::ResidentNew {
        Some(CATEGORIES[usize::from(word[0] - b'0') % 10])
    } else {
        None
    };
    let mut normalized = *raw;
    normalized[0] = normalized[0].to_ascii_uppercase();
    normalized[1] = normalized[1].to_ascii_uppercase();
    IdInfo {
        kind,
        format_valid: true,
        checksum_valid: sum.is_multiple_of(10),
        gender: Some(gender),
        category,
        normalized,
    }
}
