//! The account name and display name must not appear in the password (RULES §1,
//! from Active Directory's complexity rule; on in both profiles when given).
//!
//! Matching is case-insensitive and allocation-free: ASCII compares bytes with
//! `eq_ignore_ascii_case`; anything else compares character by character with
//! Unicode lower-case mapping.

/// Characters that split a display name into tokens: `, . - _ #`, space, tab
/// (AD's list) and the ideographic space U+3000 typed by a Chinese IME.
pub(crate) fn is_name_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '-' | '_' | '#' | ' ' | '\t' | '\u{3000}')
}

/// The part of an account name that is compared: trimmed, and for
/// `name@domain` the local part.
///
/// Decided: the split is at the last `@` (a domain never holds one).
pub(crate) fn account_local_part(account: &str) -> &str {
    let account = account.trim();
    account.rsplit_once('@').map_or(account, |(local, _)| local)
}

/// The password as the name rules see it: its text, its length in characters
/// and whether it is all ASCII (both known from the check's one pass).
#[derive(Clone, Copy)]
pub(crate) struct Haystack<'a> {
    pub(crate) text: &'a str,
    pub(crate) chars: usize,
    pub(crate) ascii: bool,
}

impl<'a> Haystack<'a> {
    /// Measures a text (the check passes what its own pass already knows).
    #[cfg(test)]
    pub(crate) fn of(text: &'a str) -> Self {
        Haystack {
            text,
            chars: text.chars().count(),
            ascii: text.is_ascii(),
        }
    }
}

/// Whether the password contains the account's local part, when that part has
/// at least `min_len` characters.
pub(crate) fn contains_account(password: Haystack<'_>, account: &str, min_len: u32) -> bool {
    let local = account_local_part(account);
    long_enough(local, min_len, password.chars) && contains_ci(password, local)
}

/// Whether the password contains any display-name token of at least `min_len`
/// characters.
pub(crate) fn contains_name_token(password: Haystack<'_>, name: &str, min_len: u32) -> bool {
    name.split(is_name_separator)
        .any(|t| long_enough(t, min_len, password.chars) && contains_ci(password, t))
}

/// `min_len ≤ chars(needle) ≤ pw_len`, counting no further than needed (a token
/// longer than the password cannot be inside it).
fn long_enough(needle: &str, min_len: u32, pw_len: usize) -> bool {
    if needle.len() < min_len as usize {
        return false; // fewer bytes than `min_len`, so fewer characters too
    }
    let n = needle.chars().take(pw_len.saturating_add(1)).count();
    n > 0 && n >= min_len as usize && n <= pw_len
}

/// Case-insensitive substring test.
///
/// Decided: non-ASCII text is folded one character at a time with
/// `char::to_lowercase` (simple per-character folding, no normalisation), so
/// `ΑΒΓ` matches `αβγ`; full-width `ｗａｎｇ` is not the account `wang`.
pub(crate) fn contains_ci(hay: Haystack<'_>, needle: &str) -> bool {
    if hay.ascii && needle.is_ascii() {
        return contains_ascii_ci(hay.text.as_bytes(), needle.as_bytes());
    }
    let hay = hay.text;
    !needle.is_empty()
        && hay.char_indices().any(|(start, _)| {
            let mut rest = hay.get(start..).unwrap_or_default().chars();
            needle
                .chars()
                .all(|n| rest.next().is_some_and(|h| same_folded(h, n)))
        })
}

/// ASCII case-insensitive substring test: finds the first byte, then compares.
fn contains_ascii_ci(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return false;
    };
    let first = first.to_ascii_lowercase();
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    hay[..=last_start].iter().enumerate().any(|(i, b)| {
        b.to_ascii_lowercase() == first
            && hay
                .get(i + 1..i + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

fn same_folded(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_contains() {
        let ci = |h: &str, n: &str| contains_ci(Haystack::of(h), n);
        assert!(ci("xxWANG01yy", "wang01"));
        assert!(ci("wang01", "WANG01"));
        assert!(ci("xwang", "wang"));
        assert!(ci("密碼王小明123", "王小明"));
        assert!(ci("ΑΒΓδ", "αβγ"));
        assert!(!ci("wan", "wang"));
        assert!(!ci("wanx", "wang"));
        assert!(!ci("ｗａｎｇ", "wang"));
        assert!(!ci("abc", ""));
        assert!(!ci("", "a"));
    }

    #[test]
    fn accounts_and_tokens() {
        assert_eq!(account_local_part(" wang01@apps.ntpc.edu.tw "), "wang01");
        let h = Haystack::of;
        assert!(contains_account(h("Wang01!xyz"), "wang01", 3));
        assert!(!contains_account(h("ab12345678"), "ab", 3));
        assert!(contains_name_token(h("Ming#2021ab"), "Wang Xiao-Ming", 3));
        assert!(!contains_name_token(h("Li#2021abcd"), "Li Da", 3));
        assert!(!contains_name_token(h("short"), "averyveryverylongname", 3));
        assert!(contains_name_token(h("王小明Ab#12"), "王小明", 3));
    }
}
