//! Normalising what people type (RULES §2 "Normalize first").

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Trim, fold full-width forms to ASCII (NFKC), uppercase ASCII letters.
///
/// Account names and forms in Taiwan are often typed with the IME in full-width
/// mode (`ａ１２３…`); the rules must see the same characters either way. Only
/// ASCII letters change case (Unicode case mapping can change a string's length).
/// Already-normal ASCII input is returned without allocating.
///
/// ```
/// use ntpc_policy::identity::normalize;
/// assert_eq!(normalize(" ａ１２３４５６７８９ "), "A123456789");
/// ```
pub fn normalize(value: &str) -> Cow<'_, str> {
    if value.is_ascii() {
        let t = value.trim_ascii();
        if t.bytes().any(|b| b.is_ascii_lowercase()) {
            return Cow::Owned(t.to_ascii_uppercase());
        }
        return Cow::Borrowed(t);
    }
    let folded: String = value.trim().nfkc().collect();
    let mut out = folded.trim().to_owned();
    out.make_ascii_uppercase();
    Cow::Owned(out)
}
