//! Properties of the identity module: every valid ID classifies back, one changed
//! digit breaks the checksum, normalising changes nothing, redaction leaves
//! nothing to find, scan offsets are exact, and nothing panics.

use ntpc_policy::Policy;
use ntpc_policy::identity::{self, IdKind};
use proptest::prelude::*;

const SECOND: &[u8] = b"12ABCD89";

/// The letter codes of RULES §2, written out again here on purpose.
fn code(l: u8) -> u32 {
    const C: [u32; 26] = [
        10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32,
        30, 31, 33,
    ];
    C[usize::from(l - b'A')]
}

/// A valid ID from a letter, a second character and eight digits (the last one fixed).
fn valid_id(letter: u8, second: u8, digits: [u8; 7]) -> String {
    let c = code(letter);
    let sv = if second.is_ascii_digit() {
        u32::from(second - b'0')
    } else {
        code(second) % 10
    };
    let mut sum = c / 10 + 9 * (c % 10) + 8 * sv;
    for (i, d) in digits.iter().enumerate() {
        sum += (7 - i as u32) * u32::from(*d);
    }
    let check = (10 - sum % 10) % 10;
    let mut s = String::new();
    s.push(char::from(letter));
    s.push(char::from(second));
    for d in digits {
        s.push(char::from(b'0' + d));
    }
    s.push(char::from(b'0' + check as u8));
    s
}

fn any_valid_id() -> impl Strategy<Value = String> {
    (b'A'..=b'Z', 0..SECOND.len(), prop::array::uniform7(0u8..10))
        .prop_map(|(l, s, d)| valid_id(l, SECOND[s], d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_valid_id_classifies_back(id in any_valid_id()) {
        let info = identity::classify(&id);
        let want = match id.as_bytes()[1] {
            b'1' | b'2' => IdKind::NationalId,
            b'8' | b'9' => IdKind::ResidentNew,
            _ => IdKind::ResidentOld,
        };
        prop_assert_eq!(info.kind, want);
        prop_assert!(info.format_valid && info.checksum_valid, "{}", id);
        prop_assert_eq!(identity::classify(&id.to_lowercase()), info);
    }

    /// The table-driven fast path agrees with the rule written plainly: any ten
    /// bytes drawn near the ID alphabet (letters of either case, the second
    /// characters, digits, and the bytes just outside `0`–`9`, which a word-wide
    /// digit test must reject).
    #[test]
    fn ten_bytes_classify_like_the_plain_rule(
        first in prop::sample::select(b"AaZzIiOo1@[`{ ".to_vec()),
        second in prop::sample::select(b"12890AaBbCcDdEe3 ".to_vec()),
        rest in prop::array::uniform8(prop_oneof![
            8 => b'0'..=b'9',
            1 => prop::sample::select(b"/:\x7f Aa".to_vec()),
        ]),
    ) {
        let mut bytes = vec![first, second];
        bytes.extend_from_slice(&rest);
        let Ok(s) = std::str::from_utf8(&bytes) else { return Ok(()) };
        let info = identity::classify(s);
        let t = s.trim_ascii().as_bytes();
        let up = |b: u8| b.to_ascii_uppercase();
        let format = t.len() == 10
            && up(t[0]).is_ascii_uppercase()
            && SECOND.contains(&up(t[1]))
            && t[2..].iter().all(u8::is_ascii_digit);
        prop_assert_eq!(info.format_valid, format, "{:?}", s);
        if format {
            let mut digits = [0u8; 7];
            for (d, b) in digits.iter_mut().zip(&t[2..9]) {
                *d = b - b'0';
            }
            let valid = valid_id(up(t[0]), up(t[1]), digits);
            prop_assert_eq!(info.checksum_valid, valid.as_bytes()[9] == t[9], "{:?}", s);
        } else {
            prop_assert_eq!(info.kind, IdKind::None);
            prop_assert!(!info.checksum_valid);
        }
    }

    /// A changed digit breaks the checksum exactly when weight × change is not a
    /// multiple of 10. The weights 6, 5, 4 and 2 share a factor with 10, so (for
    /// example) adding 2 to the fifth character keeps the sum valid: the mod-10
    /// check of RULES §2 does not catch every single-digit typo, and nothing here
    /// pretends it does.
    #[test]
    fn a_changed_digit_breaks_the_checksum_unless_weight_times_change_is_0_mod_10(
        id in any_valid_id(), pos in 2usize..10, delta in 1u8..10) {
        let weight = if pos == 9 { 1 } else { 9 - pos as u32 };
        let mut b = id.into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(b).unwrap();
        let still_valid = (weight * u32::from(delta)).is_multiple_of(10);
        prop_assert_eq!(identity::classify(&changed).checksum_valid, still_valid, "{}", changed);
    }

    #[test]
    fn a_changed_check_digit_always_breaks_the_checksum(id in any_valid_id(), delta in 1u8..10) {
        let mut b = id.into_bytes();
        b[9] = b'0' + (b[9] - b'0' + delta) % 10;
        prop_assert!(!identity::classify(&String::from_utf8(b).unwrap()).checksum_valid);
    }

    #[test]
    fn normalising_changes_nothing(s in "\\PC{0,16}") {
        let n = identity::normalize(&s).into_owned();
        prop_assert_eq!(identity::classify(&n), identity::classify(&s));
        prop_assert_eq!(identity::normalize(&n).into_owned(), n);
    }

    #[test]
    fn redaction_leaves_nothing_to_find(parts in prop::collection::vec(
        prop_oneof![any_valid_id(), "[A-Za-z0-9 ,。學生\\n１２Ａ]{0,12}", "\\PC{0,6}"], 0..12)) {
        let text: String = parts.concat();
        let p = Policy::default();
        let red = identity::redact(&text, &p).unwrap();
        prop_assert!(identity::scan(&red, &p).unwrap().is_empty(), "{:?} -> {:?}", text, red);
    }

    #[test]
    fn scan_offsets_are_exact(parts in prop::collection::vec(
        prop_oneof![any_valid_id(), "[ 。，😀\\n學]{1,3}", "[A-Z0-9]{0,12}", "[０-９Ａ-Ｚ]{0,3}"], 0..10)) {
        let text: String = parts.concat();
        for m in identity::scan(&text, &Policy::default()).unwrap() {
            let tok = &text[m.start..m.end];
            prop_assert_eq!(text[..m.start].chars().count(), m.char_start);
            prop_assert_eq!(text[..m.end].chars().count(), m.char_end);
            prop_assert_eq!(text[..m.start].encode_utf16().count(), m.utf16_start);
            prop_assert_eq!(text[..m.end].encode_utf16().count(), m.utf16_end);
            prop_assert!(identity::classify(tok).format_valid, "{}", tok);
        }
    }

    #[test]
    fn scan_finds_what_a_naive_scan_finds(parts in prop::collection::vec(
        prop_oneof![any_valid_id(), "[ ,學\\n]{1,2}", "[A-Z0-9]{1,11}"], 0..10)) {
        // Naive reference: maximal ASCII alphanumeric runs of exactly ten characters.
        let text: String = parts.concat();
        let mut want = Vec::new();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_alphanumeric() {
                let s = i;
                while i < b.len() && b[i].is_ascii_alphanumeric() { i += 1; }
                if i - s == 10 && identity::classify(&text[s..i]).format_valid { want.push(s); }
            } else { i += 1; }
        }
        let got: Vec<usize> = identity::scan(&text, &Policy::default()).unwrap().iter().map(|m| m.start).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn arbitrary_input_never_panics(s in "\\PC{0,64}") {
        let p = Policy::default();
        let _ = identity::classify(&s);
        let _ = identity::check_account(&s, &p);
        let _ = identity::mask(&s, &p.identity);
        let _ = identity::check_ubn(&s);
        let _ = identity::scan(&s, &p).unwrap();
        let _ = identity::redact(&s, &p).unwrap();
    }
}

#[test]
fn long_digit_runs_stay_linear() {
    // 4 MB of digits and of a glued ID-like pattern: must finish fast (linear), find nothing.
    let p = Policy::default();
    let digits = "1".repeat(4 << 20);
    assert!(identity::scan(&digits, &p).unwrap().is_empty());
    let glued = "A1".repeat(2 << 20);
    assert!(identity::scan(&glued, &p).unwrap().is_empty());
}
