//! Personal-data shapes inside a password: ID numbers, mobile numbers, dates
//! (RULES §1 "Warnings"; the ID shape is the one of RULES §2).
//!
//! These look only at ASCII letters and digits, byte by byte: every byte of a
//! multi-byte UTF-8 character is ≥ 0x80, so it can never be taken for a digit or a
//! letter, and no slicing can fall inside a character. Nothing allocates.
//!
//! Decided: the shapes are searched as substrings ("contains"), with no word
//! boundary, because a password has no words: `x0912345678!` contains a mobile
//! number. Full-width digits are not folded here (they already give
//! `password.fullwidth`). This small detector is kept inside the password module
//! on purpose (the `identity` module is written in parallel); a later refactor
//! may share it.

use chrono::NaiveDate;

/// Fewest ASCII digits any shape needs (the ROC date `yyymmdd`); the check skips
/// this module entirely below it.
pub(crate) const MIN_DIGITS: u32 = 7;

/// Which kind of date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateFormat {
    /// Gregorian `yyyymmdd`, year 1900–2099.
    Gregorian,
    /// ROC (民國) `yyymmdd`, year 001–199.
    Roc,
}

impl DateFormat {
    /// The stable parameter value.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            DateFormat::Gregorian => "yyyymmdd",
            DateFormat::Roc => "roc_yyymmdd",
        }
    }

    /// How the format reads in the zh-TW message.
    pub(crate) const fn as_zh(self) -> &'static str {
        match self {
            DateFormat::Gregorian => "西元年月日 yyyymmdd",
            DateFormat::Roc => "民國年月日 yyymmdd",
        }
    }
}

fn all_digits(w: &[u8]) -> bool {
    w.iter().all(u8::is_ascii_digit)
}

/// The value of a run of ASCII digits (callers pass at most 4).
fn number(w: &[u8]) -> u32 {
    w.iter()
        .fold(0u32, |n, b| n * 10 + u32::from(b.wrapping_sub(b'0')))
}

/// A letter, then one of `1 2 8 9 A B C D` (any case), then 8 digits: the shape
/// of a national ID, an old resident certificate or a new unified certificate
/// (RULES §2). The checksum is not asked: the shape alone is the warning.
pub(crate) fn has_id_shape(b: &[u8]) -> bool {
    b.windows(10).any(|w| {
        w[0].is_ascii_alphabetic()
            && matches!(
                w[1].to_ascii_uppercase(),
                b'1' | b'2' | b'8' | b'9' | b'A'..=b'D'
            )
            && all_digits(&w[2..])
    })
}

/// `09` followed by 8 digits: a Taiwan mobile number (RULES §5).
pub(crate) fn has_mobile(b: &[u8]) -> bool {
    b.windows(10)
        .any(|w| w[0] == b'0' && w[1] == b'9' && all_digits(&w[2..]))
}

/// The first date format found, Gregorian first.
///
/// Decided: at most one date is reported; an 8-digit Gregorian date wins over a
/// 7-digit ROC date (every Gregorian date of this century also holds a valid ROC
/// date from its second digit: `20211207` ⊃ `0211207`). A date is valid only if
/// it exists (no 2021-02-29; 2020-02-29 is fine). ROC year `yyy` is Gregorian
/// year `yyy + 1911`; years 001–199 (1912–2110) count.
pub(crate) fn find_date(b: &[u8]) -> Option<DateFormat> {
    let gregorian = b.windows(8).any(|w| {
        all_digits(w) && {
            let y = number(&w[..4]);
            (1900..=2099).contains(&y) && valid(y, &w[4..])
        }
    });
    if gregorian {
        return Some(DateFormat::Gregorian);
    }
    let roc = b.windows(7).any(|w| {
        all_digits(w) && {
            let y = number(&w[..3]);
            (1..=199).contains(&y) && valid(y + 1911, &w[3..])
        }
    });
    roc.then_some(DateFormat::Roc)
}

/// Whether `mmdd` is a real day of Gregorian year `year`.
fn valid(year: u32, mmdd: &[u8]) -> bool {
    let (m, d) = (number(&mmdd[..2]), number(&mmdd[2..]));
    i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_shapes() {
        assert!(has_id_shape(b"xA123456789"));
        assert!(has_id_shape(b"a812345678"));
        assert!(has_id_shape(b"zd12345678!"));
        assert!(!has_id_shape(b"A323456789"));
        assert!(!has_id_shape(b"A12345678"));
        assert!(!has_id_shape(b"1123456789"));
    }

    #[test]
    fn mobiles() {
        assert!(has_mobile(b"ab0912345678"));
        assert!(!has_mobile(b"091234567"));
        assert!(!has_mobile(b"0812345678"));
    }

    #[test]
    fn dates() {
        assert_eq!(find_date(b"x20211207"), Some(DateFormat::Gregorian));
        assert_eq!(find_date(b"1101207"), Some(DateFormat::Roc));
        assert_eq!(find_date(b"20200229"), Some(DateFormat::Gregorian));
        assert_eq!(find_date(b"20230229"), None);
        // No 2021-02-29, but `0210229` is ROC 21 (1932), a leap year.
        assert_eq!(find_date(b"20210229"), Some(DateFormat::Roc));
        assert_eq!(find_date(b"1100229"), None);
        assert_eq!(find_date(b"1090229"), Some(DateFormat::Roc));
        assert_eq!(find_date(b"20211345"), None);
        assert_eq!(find_date(b"0001207"), None);
        assert_eq!(find_date(b"18991231"), None);
    }
}
