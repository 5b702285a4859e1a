//! First-letter areas and checksum codes of Taiwan ID numbers (RULES §2).
//!
//! The letter codes are not alphabetical (I=34, O=35, W=32, X=30, Y=31, Z=33)
//! because those letters were added after the original 22; L, R, S and Y belong
//! to counties merged into cities (2010) or abolished, and are no longer issued.

use serde::Serialize;

/// The household-registration area a first letter stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Area {
    /// The letter, A–Z.
    pub letter: char,
    /// Name in Traditional Chinese.
    pub name_zh: &'static str,
    /// Name in English.
    pub name_en: &'static str,
    /// No longer issued (L, R, S, Y).
    pub retired: bool,
}

/// (checksum code, zh, en, retired) for A..=Z.
const TABLE: [(u8, &str, &str, bool); 26] = [
    (10, "臺北市", "Taipei City", false),
    (11, "臺中市", "Taichung City", false),
    (12, "基隆市", "Keelung City", false),
    (13, "臺南市", "Tainan City", false),
    (14, "高雄市", "Kaohsiung City", false),
    (15, "新北市", "New Taipei City", false),
    (16, "宜蘭縣", "Yilan County", false),
    (17, "桃園市", "Taoyuan City", false),
    (34, "嘉義市", "Chiayi City", false),
    (18, "新竹縣", "Hsinchu County", false),
    (19, "苗栗縣", "Miaoli County", false),
    (20, "臺中縣", "Taichung County", true),
    (21, "南投縣", "Nantou County", false),
    (22, "彰化縣", "Changhua County", false),
    (35, "新竹市", "Hsinchu City", false),
    (23, "雲林縣", "Yunlin County", false),
    (24, "嘉義縣", "Chiayi County", false),
    (25, "臺南縣", "Tainan County", true),
    (26, "高雄縣", "Kaohsiung County", true),
    (27, "屏東縣", "Pingtung County", false),
    (28, "花蓮縣", "Hualien County", false),
    (29, "臺東縣", "Taitung County", false),
    (32, "金門縣", "Kinmen County", false),
    (30, "澎湖縣", "Penghu County", false),
    (31, "陽明山管理局", "Yangmingshan Administration", true),
    (33, "連江縣", "Lienchiang County", false),
];

/// The first letter's share of the checksum, for an ASCII letter of either
/// case: its code's tens plus 9 × its units (RULES §2: weights 1 and 9), so
/// `A` (10) → 1 and `I` (34) → 39; `0` for any other byte (no letter gives 0,
/// every code has tens ≥ 1). One lookup on the hot path of
/// [`super::classify`].
#[inline]
pub(crate) fn letter_weight(b: u8) -> u8 {
    WEIGHTS[usize::from(b)]
}

const WEIGHTS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 26 {
        let code = TABLE[i].0;
        let w = code / 10 + 9 * (code % 10);
        t[b'A' as usize + i] = w;
        t[b'a' as usize + i] = w;
        i += 1;
    }
    t
};

/// The area of an uppercase ASCII letter.
pub(crate) fn area(b: u8) -> Area {
    let (_, zh, en, retired) = TABLE[usize::from(b - b'A')];
    Area {
        letter: char::from(b),
        name_zh: zh,
        name_en: en,
        retired,
    }
}
