//! Normalising what people type (RULES §2 "Normalize first").

use super::fold::is_invisible;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Drop invisible characters, trim, fold full-width forms to ASCII (NFKC),
/// uppercase ASCII letters.
///
/// Account names and forms in Taiwan are often typed with the IME in full-width
/// mode (`ａ１２３…`); the rules must see the same characters either way. Only
/// ASCII letters change case (Unicode case mapping can change a string's length).
/// Already-normal ASCII input is returned without allocating.
///
/// Invisible format characters (zero-width space and joiners, soft hyphen,
/// U+FEFF, bidi controls, variation selectors: the list is in the scan's docs)
/// are dropped first. Decided (issue 14 §1): a reader sees `A12\u{200B}3456789`
/// as `A123456789`, so `classify` must too — and the text scan, which looks
/// through the same characters, then agrees with `classify` on every span it
/// reports.
///
/// ```
/// use ntpc_policy::identity::normalize;
/// assert_eq!(normalize(" ａ１２３４５６７８９ "), "A123456789");
/// assert_eq!(normalize("A12\u{200B}3456789\u{00AD}"), "A123456789");
/// ```
pub fn normalize(value: &str) -> Cow<'_, str> {
    if value.is_ascii() {
        let t = value.trim_ascii();
        if t.bytes().any(|b| b.is_ascii_lowercase()) {
            return Cow::Owned(t.to_ascii_uppercase());
        }
        return Cow::Borrowed(t);
    }
    let visible: String = value.chars().filter(|&c| !is_invisible(c)).collect();
    let folded: String = visible.trim().nfkc().collect();
    let mut out = folded.trim().to_owned();
    out.make_ascii_uppercase();
    Cow::Owned(out)
}
