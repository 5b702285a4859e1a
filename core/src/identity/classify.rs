//! Classifying a value as one of the three Taiwan ID formats (RULES §2).

use super::area::{Area, area, letter_code};
use super::normalize::normalize;
use crate::policy::IdentityPolicy;
use serde::{Serialize, Serializer, ser::SerializeMap};

/// Which of the three formats a value has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// 1, 8; old certificates A, C.
    Male,
    /// 2, 9; old certificates B, D.
    Female,
}

/// Category of a new unified certificate, from its third character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
pub fn classify(value: &str) -> IdInfo {
    let bytes = value.as_bytes();
    // The common case first: exactly ten ASCII bytes, no trimming to do.
    if let Ok(b) = <&[u8; 10]>::try_from(bytes)
        && b.is_ascii()
    {
        return classify_ascii(b);
    }
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

/// Whether the value is a format-valid ID number with a valid check digit.
///
/// ```
/// assert!(ntpc_policy::identity::checksum_valid("AB12345677"));
/// ```
pub fn checksum_valid(value: &str) -> bool {
    classify(value).checksum_valid
}

/// Classifies ten ASCII bytes (any case).
#[inline]
pub(crate) fn classify_ascii(raw: &[u8; 10]) -> IdInfo {
    let mut b = *raw;
    b[0] = b[0].to_ascii_uppercase();
    b[1] = b[1].to_ascii_uppercase();
    if !b[0].is_ascii_uppercase() || !b[2..].iter().all(u8::is_ascii_digit) {
        return IdInfo::NONE;
    }
    let (kind, gender, second) = match b[1] {
        b'1' => (IdKind::NationalId, Gender::Male, 1),
        b'2' => (IdKind::NationalId, Gender::Female, 2),
        b'8' => (IdKind::ResidentNew, Gender::Male, 8),
        b'9' => (IdKind::ResidentNew, Gender::Female, 9),
        b'A' | b'C' => (IdKind::ResidentOld, Gender::Male, letter_code(b[1]) % 10),
        b'B' | b'D' => (IdKind::ResidentOld, Gender::Female, letter_code(b[1]) % 10),
        _ => return IdInfo::NONE,
    };
    let code = letter_code(b[0]);
    // Weights 1,9,8,7,6,5,4,3,2,1,1 over tens, units, characters 2..10.
    const W: [u32; 8] = [7, 6, 5, 4, 3, 2, 1, 1];
    let mut sum = u32::from(code / 10) + 9 * u32::from(code % 10) + 8 * u32::from(second);
    for (w, &d) in W.iter().zip(&b[2..]) {
        sum += w * u32::from(d - b'0');
    }
    let category = (kind == IdKind::ResidentNew).then(|| match b[2] {
        b'7' => NewCertCategory::NationalWithoutHousehold,
        b'8' => NewCertCategory::HongKongMacao,
        b'9' => NewCertCategory::MainlandChina,
        _ => NewCertCategory::Foreign,
    });
    IdInfo {
        kind,
        format_valid: true,
        checksum_valid: sum.is_multiple_of(10),
        gender: Some(gender),
        category,
        normalized: b,
    }
}
