//! Folding a cell for matching against a fixed set of words: the readers of
//! levels (`1級`, `Level 2`) and CVSS versions (`CVSS:3.1`) compare the folded
//! cell, so full-width digits, spaces and case do not matter.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// A cell folded for matching: NFKC, no white space, lower case. A cell that
/// folding leaves as it is (`1級`, `3`, `v3.1`: nearly all) is borrowed, so an
/// import does not allocate twice per row for it (issue 9).
pub(crate) fn fold_cell(text: &str) -> Cow<'_, str> {
    let unchanged = |c: char| {
        let mut lower = c.to_lowercase();
        !c.is_whitespace() && lower.next() == Some(c) && lower.next().is_none()
    };
    if unicode_normalization::is_nfkc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
        && text.chars().all(unchanged)
    {
        return text.into();
    }
    let folded: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
    folded.to_lowercase().into()
}
#[cfg(test)]
mod tests {
    use super::fold_cell;
    use unicode_normalization::UnicodeNormalization;

    /// The borrowed shortcut folds exactly as NFKC, white space removed, then
    /// lower case.
    #[test]
    fn the_shortcut_is_the_full_fold() {
        for s in [
            "1級",
            "第3級",
            "3",
            "三級",
            "Level 2",
            "LEVEL2",
            "level 4",
            "１級",
            "Ⅱ",
            "ǅ",
            "Σ級",
            "σ",
            " 2 ",
            "2\u{3000}級",
            "高",
            "",
            "İ",
            "ﬁ",
            "CVSS:3.1/AV:N",
            "v3.1",
            "CVSSv3",
            "４.０",
        ] {
            let full: String = s.nfkc().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(fold_cell(s), full.to_lowercase(), "{s:?}");
        }
    }
}
