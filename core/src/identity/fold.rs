//! Which characters a text scan reads as an ID number's letters and digits, and
//! which it looks through (RULES §2 "Normalize first"; issue 14 §1).
//!
//! - **Folds.** A character counts as the ASCII letter or digit it folds to when
//!   its NFKC form (Unicode Standard Annex #15, the normalisation `classify` uses) is
//!   exactly one ASCII letter or digit: the full-width forms typed with a Chinese
//!   IME (`Ａ１`), the mathematical alphanumerics (`𝐀𝟏`, U+1D400–U+1D7FF), circled
//!   and parenthesised-free enclosed forms (`①`–`⑨`, `⓪`, `Ⓐ`, `🄰`), super- and
//!   subscripts (`¹`, `₂`), letterlike symbols (`ℂ`, `ℎ`, Kelvin `K`), Roman
//!   numerals of one letter (`Ⅰ`, `Ⅴ`), modifier letters (`ᴬ`, `ʰ`), outlined and
//!   segmented digits (`𜳰`, `🯰`). Characters whose NFKC form is longer (`⑩` →
//!   `10`, `⒜` → `(a)`, `Ⅻ` → `XII`) are not folds. The table below is the
//!   complete list, generated from the `unicode-normalization` crate's NFKC and
//!   checked against it for every code point by the unit test `table_is_nfkc`.
//! - **Invisible characters** are skipped inside an ID and kept in its span: the
//!   Default_Ignorable_Code_Point characters of Unicode (DerivedCoreProperties.txt)
//!   that render as nothing — soft hyphen, zero-width space and joiners, word
//!   joiner, bidi controls, variation selectors, U+FEFF, tags — without the
//!   Hangul fillers (letters that render as a blank) and the Khmer inherent vowels
//!   (marks), which are text, not format.
//! - **Separators** (tolerant mode only, [`super::ScanOptions::loose`]): spaces
//!   (no-break, en quad … hair space, narrow no-break, medium mathematical,
//!   ideographic) and dashes (hyphen … horizontal bar, minus sign, small and
//!   full-width hyphen-minus); ASCII space and `-` are handled on the ASCII path.

/// A character that is looked through inside an ID.
pub(crate) const INVISIBLE: u8 = 1;
/// A space of the tolerant mode.
pub(crate) const SPACE: u8 = 2;
/// A dash of the tolerant mode.
pub(crate) const DASH: u8 = 3;

/// Every non-ASCII character the scan treats specially, sorted and disjoint:
/// `(first, last, value)`. A value that is an ASCII letter or digit is the fold
/// of `first`; the following code points fold to the following letters or
/// digits (`①`–`⑨` → `1`–`9`). Otherwise the value is [`INVISIBLE`], [`SPACE`]
/// or [`DASH`].
#[rustfmt::skip]
pub(crate) const TABLE: [(u32, u32, u8); 179] = [
    (0x000A0, 0x000A0, SPACE), // no-break space
    (0x000AA, 0x000AA, b'A'), // ª
    (0x000AD, 0x000AD, INVISIBLE), // soft hyphen
    (0x000B2, 0x000B3, b'2'), // ²–³
    (0x000B9, 0x000B9, b'1'), // ¹
    (0x000BA, 0x000BA, b'O'), // º
    (0x0017F, 0x0017F, b'S'), // ſ
    (0x002B0, 0x002B0, b'H'), // ʰ
    (0x002B2, 0x002B2, b'J'), // ʲ
    (0x002B3, 0x002B3, b'R'), // ʳ
    (0x002B7, 0x002B7, b'W'), // ʷ
    (0x002B8, 0x002B8, b'Y'), // ʸ
    (0x002E1, 0x002E1, b'L'), // ˡ
    (0x002E2, 0x002E2, b'S'), // ˢ
    (0x002E3, 0x002E3, b'X'), // ˣ
    (0x0034F, 0x0034F, INVISIBLE), // combining grapheme joiner
    (0x0061C, 0x0061C, INVISIBLE), // Arabic letter mark
    (0x0180B, 0x0180F, INVISIBLE), // Mongolian variation selectors, vowel separator
    (0x01D2C, 0x01D2C, b'A'), // ᴬ
    (0x01D2E, 0x01D2E, b'B'), // ᴮ
    (0x01D30, 0x01D31, b'D'), // ᴰ–ᴱ
    (0x01D33, 0x01D3A, b'G'), // ᴳ–ᴺ
    (0x01D3C, 0x01D3C, b'O'), // ᴼ
    (0x01D3E, 0x01D3E, b'P'), // ᴾ
    (0x01D3F, 0x01D3F, b'R'), // ᴿ
    (0x01D40, 0x01D41, b'T'), // ᵀ–ᵁ
    (0x01D42, 0x01D42, b'W'), // ᵂ
    (0x01D43, 0x01D43, b'A'), // ᵃ
    (0x01D47, 0x01D47, b'B'), // ᵇ
    (0x01D48, 0x01D49, b'D'), // ᵈ–ᵉ
    (0x01D4D, 0x01D4D, b'G'), // ᵍ
    (0x01D4F, 0x01D4F, b'K'), // ᵏ
    (0x01D50, 0x01D50, b'M'), // ᵐ
    (0x01D52, 0x01D52, b'O'), // ᵒ
    (0x01D56, 0x01D56, b'P'), // ᵖ
    (0x01D57, 0x01D58, b'T'), // ᵗ–ᵘ
    (0x01D5B, 0x01D5B, b'V'), // ᵛ
    (0x01D62, 0x01D62, b'I'), // ᵢ
    (0x01D63, 0x01D63, b'R'), // ᵣ
    (0x01D64, 0x01D65, b'U'), // ᵤ–ᵥ
    (0x01D9C, 0x01D9C, b'C'), // ᶜ
    (0x01DA0, 0x01DA0, b'F'), // ᶠ
    (0x01DBB, 0x01DBB, b'Z'), // ᶻ
    (0x02000, 0x0200A, SPACE), // en quad … hair space
    (0x0200B, 0x0200F, INVISIBLE), // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x02010, 0x02015, DASH), // hyphen … horizontal bar
    (0x0202A, 0x0202E, INVISIBLE), // bidi embeddings and overrides
    (0x0202F, 0x0202F, SPACE), // narrow no-break space
    (0x0205F, 0x0205F, SPACE), // medium mathematical space
    (0x02060, 0x0206F, INVISIBLE), // word joiner, invisible operators, bidi isolates
    (0x02070, 0x02070, b'0'), // ⁰
    (0x02071, 0x02071, b'I'), // ⁱ
    (0x02074, 0x02079, b'4'), // ⁴–⁹
    (0x0207F, 0x0207F, b'N'), // ⁿ
    (0x02080, 0x02089, b'0'), // ₀–₉
    (0x02090, 0x02090, b'A'), // ₐ
    (0x02091, 0x02091, b'E'), // ₑ
    (0x02092, 0x02092, b'O'), // ₒ
    (0x02093, 0x02093, b'X'), // ₓ
    (0x02095, 0x02095, b'H'), // ₕ
    (0x02096, 0x02099, b'K'), // ₖ–ₙ
    (0x0209A, 0x0209A, b'P'), // ₚ
    (0x0209B, 0x0209C, b'S'), // ₛ–ₜ
    (0x0209D, 0x0209D, b'W'), // ₝
    (0x0209E, 0x0209F, b'Y'), // ₞–₟
    (0x02102, 0x02102, b'C'), // ℂ
    (0x0210A, 0x0210B, b'G'), // ℊ–ℋ
    (0x0210C, 0x0210C, b'H'), // ℌ
    (0x0210D, 0x0210D, b'H'), // ℍ
    (0x0210E, 0x0210E, b'H'), // ℎ
    (0x02110, 0x02110, b'I'), // ℐ
    (0x02111, 0x02111, b'I'), // ℑ
    (0x02112, 0x02112, b'L'), // ℒ
    (0x02113, 0x02113, b'L'), // ℓ
    (0x02115, 0x02115, b'N'), // ℕ
    (0x02119, 0x0211B, b'P'), // ℙ–ℛ
    (0x0211C, 0x0211C, b'R'), // ℜ
    (0x0211D, 0x0211D, b'R'), // ℝ
    (0x02124, 0x02124, b'Z'), // ℤ
    (0x02128, 0x02128, b'Z'), // ℨ
    (0x0212A, 0x0212A, b'K'), // K
    (0x0212C, 0x0212D, b'B'), // ℬ–ℭ
    (0x0212F, 0x0212F, b'E'), // ℯ
    (0x02130, 0x02131, b'E'), // ℰ–ℱ
    (0x02133, 0x02133, b'M'), // ℳ
    (0x02134, 0x02134, b'O'), // ℴ
    (0x02139, 0x02139, b'I'), // ℹ
    (0x02145, 0x02145, b'D'), // ⅅ
    (0x02146, 0x02147, b'D'), // ⅆ–ⅇ
    (0x02148, 0x02149, b'I'), // ⅈ–ⅉ
    (0x02160, 0x02160, b'I'), // Ⅰ
    (0x02164, 0x02164, b'V'), // Ⅴ
    (0x02169, 0x02169, b'X'), // Ⅹ
    (0x0216C, 0x0216C, b'L'), // Ⅼ
    (0x0216D, 0x0216E, b'C'), // Ⅽ–Ⅾ
    (0x0216F, 0x0216F, b'M'), // Ⅿ
    (0x02170, 0x02170, b'I'), // ⅰ
    (0x02174, 0x02174, b'V'), // ⅴ
    (0x02179, 0x02179, b'X'), // ⅹ
    (0x0217C, 0x0217C, b'L'), // ⅼ
    (0x0217D, 0x0217E, b'C'), // ⅽ–ⅾ
    (0x0217F, 0x0217F, b'M'), // ⅿ
    (0x02212, 0x02212, DASH), // minus sign
    (0x02460, 0x02468, b'1'), // ①–⑨
    (0x024B6, 0x024CF, b'A'), // Ⓐ–Ⓩ
    (0x024D0, 0x024E9, b'A'), // ⓐ–ⓩ
    (0x024EA, 0x024EA, b'0'), // ⓪
    (0x02C7C, 0x02C7C, b'J'), // ⱼ
    (0x02C7D, 0x02C7D, b'V'), // ⱽ
    (0x03000, 0x03000, SPACE), // ideographic space
    (0x0A7F1, 0x0A7F1, b'S'), // ꟱
    (0x0A7F2, 0x0A7F2, b'C'), // ꟲ
    (0x0A7F3, 0x0A7F3, b'F'), // ꟳ
    (0x0A7F4, 0x0A7F4, b'Q'), // ꟴ
    (0x0FE00, 0x0FE0F, INVISIBLE), // variation selectors
    (0x0FE58, 0x0FE58, DASH), // small em dash
    (0x0FE63, 0x0FE63, DASH), // small hyphen-minus
    (0x0FEFF, 0x0FEFF, INVISIBLE), // zero-width no-break space (BOM)
    (0x0FF0D, 0x0FF0D, DASH), // full-width hyphen-minus
    (0x0FF10, 0x0FF19, b'0'), // ０–９
    (0x0FF21, 0x0FF3A, b'A'), // Ａ–Ｚ
    (0x0FF41, 0x0FF5A, b'A'), // ａ–ｚ
    (0x107A5, 0x107A5, b'Q'), // 𐞥
    (0x1BCA0, 0x1BCA3, INVISIBLE), // shorthand format controls
    (0x1CCD6, 0x1CCEF, b'A'), // 𜳖–𜳯
    (0x1CCF0, 0x1CCF9, b'0'), // 𜳰–𜳹
    (0x1D173, 0x1D17A, INVISIBLE), // musical symbol format controls
    (0x1D400, 0x1D419, b'A'), // 𝐀–𝐙
    (0x1D41A, 0x1D433, b'A'), // 𝐚–𝐳
    (0x1D434, 0x1D44D, b'A'), // 𝐴–𝑍
    (0x1D44E, 0x1D454, b'A'), // 𝑎–𝑔
    (0x1D456, 0x1D467, b'I'), // 𝑖–𝑧
    (0x1D468, 0x1D481, b'A'), // 𝑨–𝒁
    (0x1D482, 0x1D49B, b'A'), // 𝒂–𝒛
    (0x1D49C, 0x1D49C, b'A'), // 𝒜
    (0x1D49E, 0x1D49F, b'C'), // 𝒞–𝒟
    (0x1D4A2, 0x1D4A2, b'G'), // 𝒢
    (0x1D4A5, 0x1D4A6, b'J'), // 𝒥–𝒦
    (0x1D4A9, 0x1D4AC, b'N'), // 𝒩–𝒬
    (0x1D4AE, 0x1D4B5, b'S'), // 𝒮–𝒵
    (0x1D4B6, 0x1D4B9, b'A'), // 𝒶–𝒹
    (0x1D4BB, 0x1D4BB, b'F'), // 𝒻
    (0x1D4BD, 0x1D4C3, b'H'), // 𝒽–𝓃
    (0x1D4C5, 0x1D4CF, b'P'), // 𝓅–𝓏
    (0x1D4D0, 0x1D4E9, b'A'), // 𝓐–𝓩
    (0x1D4EA, 0x1D503, b'A'), // 𝓪–𝔃
    (0x1D504, 0x1D505, b'A'), // 𝔄–𝔅
    (0x1D507, 0x1D50A, b'D'), // 𝔇–𝔊
    (0x1D50D, 0x1D514, b'J'), // 𝔍–𝔔
    (0x1D516, 0x1D51C, b'S'), // 𝔖–𝔜
    (0x1D51E, 0x1D537, b'A'), // 𝔞–𝔷
    (0x1D538, 0x1D539, b'A'), // 𝔸–𝔹
    (0x1D53B, 0x1D53E, b'D'), // 𝔻–𝔾
    (0x1D540, 0x1D544, b'I'), // 𝕀–𝕄
    (0x1D546, 0x1D546, b'O'), // 𝕆
    (0x1D54A, 0x1D550, b'S'), // 𝕊–𝕐
    (0x1D552, 0x1D56B, b'A'), // 𝕒–𝕫
    (0x1D56C, 0x1D585, b'A'), // 𝕬–𝖅
    (0x1D586, 0x1D59F, b'A'), // 𝖆–𝖟
    (0x1D5A0, 0x1D5B9, b'A'), // 𝖠–𝖹
    (0x1D5BA, 0x1D5D3, b'A'), // 𝖺–𝗓
    (0x1D5D4, 0x1D5ED, b'A'), // 𝗔–𝗭
    (0x1D5EE, 0x1D607, b'A'), // 𝗮–𝘇
    (0x1D608, 0x1D621, b'A'), // 𝘈–𝘡
    (0x1D622, 0x1D63B, b'A'), // 𝘢–𝘻
    (0x1D63C, 0x1D655, b'A'), // 𝘼–𝙕
    (0x1D656, 0x1D66F, b'A'), // 𝙖–𝙯
    (0x1D670, 0x1D689, b'A'), // 𝙰–𝚉
    (0x1D68A, 0x1D6A3, b'A'), // 𝚊–𝚣
    (0x1D7CE, 0x1D7D7, b'0'), // 𝟎–𝟗
    (0x1D7D8, 0x1D7E1, b'0'), // 𝟘–𝟡
    (0x1D7E2, 0x1D7EB, b'0'), // 𝟢–𝟫
    (0x1D7EC, 0x1D7F5, b'0'), // 𝟬–𝟵
    (0x1D7F6, 0x1D7FF, b'0'), // 𝟶–𝟿
    (0x1F12B, 0x1F12B, b'C'), // 🄫
    (0x1F12C, 0x1F12C, b'R'), // 🄬
    (0x1F130, 0x1F149, b'A'), // 🄰–🅉
    (0x1FBF0, 0x1FBF9, b'0'), // 🯰–🯹
    (0xE0000, 0xE0FFF, INVISIBLE), // tags, variation selectors supplement
];

/// What a character is to the scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharKind {
    /// An ASCII letter or digit, or a character that folds to one (uppercase).
    Alnum(u8),
    /// Looked through inside an ID.
    Invisible,
    /// A space of the tolerant mode (non-ASCII; ASCII space is handled apart).
    Space,
    /// A dash of the tolerant mode (non-ASCII; ASCII `-` is handled apart).
    Dash,
    /// Anything else: ends a run of letters and digits.
    Other,
}

/// What a character is to the scan (see the module docs).
#[inline]
pub(crate) fn kind(c: char) -> CharKind {
    let cp = c as u32;
    if cp < 0x80 {
        return if c.is_ascii_alphanumeric() {
            CharKind::Alnum(c.to_ascii_uppercase() as u8)
        } else {
            CharKind::Other
        };
    }
    let i = TABLE.partition_point(|r| r.0 <= cp);
    let Some(&(first, last, value)) = i.checked_sub(1).map(|i| &TABLE[i]) else {
        return CharKind::Other;
    };
    if cp > last {
        return CharKind::Other;
    }
    match value {
        INVISIBLE => CharKind::Invisible,
        SPACE => CharKind::Space,
        DASH => CharKind::Dash,
        // Ranges never run past Z or 9 (checked by `ranges_stay_in_class`).
        v => CharKind::Alnum(v + (cp - first) as u8),
    }
}

/// An invisible character (looked through by the scan, dropped by `normalize`).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    kind(c) == CharKind::Invisible
}

/// A full-width letter or digit (U+FF10–U+FF5A), the form a Chinese IME types.
#[inline]
pub(crate) fn is_fullwidth(c: char) -> bool {
    ('\u{FF10}'..='\u{FF5A}').contains(&c)
}

/// The lead byte of the UTF-8 form of a code point.
const fn lead(cp: u32) -> u8 {
    if cp < 0x80 {
        cp as u8
    } else if cp < 0x800 {
        0xC0 | (cp >> 6) as u8
    } else if cp < 0x1_0000 {
        0xE0 | (cp >> 12) as u8
    } else {
        0xF0 | (cp >> 18) as u8
    }
}

/// Lead bytes that can start a character of [`TABLE`]; with `separators` false,
/// only folds and invisible characters count. Every other non-ASCII character
/// (all of CJK, for one) is [`CharKind::Other`] without a look-up.
const fn leads(separators: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < TABLE.len() {
        let (first, last, value) = TABLE[i];
        if separators || (value != SPACE && value != DASH) {
            let mut b = lead(first) as usize;
            while b <= lead(last) as usize {
                t[b] = true;
                b += 1;
            }
        }
        i += 1;
    }
    t
}

/// [`leads`] of the default mode.
pub(crate) const LEAD: [bool; 256] = leads(false);
/// [`leads`] of the tolerant mode.
pub(crate) const LEAD_LOOSE: [bool; 256] = leads(true);

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The fold table is exactly "NFKC gives one ASCII letter or digit".
    #[test]
    fn table_is_nfkc() {
        let mut folds = 0;
        for cp in 0x80..=0x10_FFFFu32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let n: String = c.to_string().nfkc().collect();
            let mut it = n.chars();
            let want = match (it.next(), it.next()) {
                (Some(f), None) if f.is_ascii_alphanumeric() => Some(f.to_ascii_uppercase() as u8),
                _ => None,
            };
            let got = match kind(c) {
                CharKind::Alnum(f) => Some(f),
                _ => None,
            };
            assert_eq!(got, want, "U+{cp:04X} {c}");
            folds += usize::from(want.is_some());
        }
        assert!(folds > 1000, "{folds} folds");
    }

    #[test]
    fn ranges_stay_in_class() {
        for w in TABLE.windows(2) {
            assert!(w[0].1 < w[1].0, "sorted and disjoint: {:X?}", w);
        }
        for &(first, last, value) in &TABLE {
            let top = u32::from(value) + (last - first);
            if value.is_ascii_digit() {
                assert!(top <= u32::from(b'9'), "U+{first:04X}");
            } else if value.is_ascii_uppercase() {
                assert!(top <= u32::from(b'Z'), "U+{first:04X}");
            } else {
                assert!(matches!(value, INVISIBLE | SPACE | DASH));
            }
        }
    }

    #[test]
    fn lead_bytes_cover_the_table() {
        for &(first, last, value) in &TABLE {
            for cp in [first, last] {
                let c = char::from_u32(cp).unwrap();
                let mut buf = [0; 4];
                let b = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(LEAD_LOOSE[usize::from(b)]);
                assert!(LEAD[usize::from(b)] || matches!(value, SPACE | DASH));
            }
        }
        // CJK ideographs never need a look-up.
        assert!(!LEAD[0xE4] && !LEAD[0xE9] && !LEAD_LOOSE[0xE5]);
    }

    #[test]
    fn examples() {
        assert_eq!(kind('Ａ'), CharKind::Alnum(b'A'));
        assert_eq!(kind('ｚ'), CharKind::Alnum(b'Z'));
        assert_eq!(kind('𝟕'), CharKind::Alnum(b'7'));
        assert_eq!(kind('⑨'), CharKind::Alnum(b'9'));
        assert_eq!(kind('⓪'), CharKind::Alnum(b'0'));
        assert_eq!(kind('⑩'), CharKind::Other);
        assert_eq!(kind('\u{200B}'), CharKind::Invisible);
        assert_eq!(kind('\u{00AD}'), CharKind::Invisible);
        assert_eq!(kind('\u{FEFF}'), CharKind::Invisible);
        assert_eq!(kind('\u{3000}'), CharKind::Space);
        assert_eq!(kind('\u{2014}'), CharKind::Dash);
        assert_eq!(kind('學'), CharKind::Other);
        assert_eq!(kind('٣'), CharKind::Other);
        assert!(is_fullwidth('１') && !is_fullwidth('1'));
    }
}
