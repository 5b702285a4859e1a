//! Properties of the identity module: every valid ID classifies back, one changed
//! digit breaks the checksum, normalising changes nothing, redaction leaves
//! nothing to find, scan offsets are exact, and nothing panics. And the fold
//! rule of issue 14 §1: wherever each character of a candidate folds (NFKC) to
//! exactly one ASCII letter or digit, what `classify` calls a valid ID, the scan
//! finds inside any text, invisible characters and glued escapes included.

use ntpc_policy::Policy;
use ntpc_policy::identity::{self, IdKind, ScanOptions};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

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

#[test]
fn hostile_text_stays_linear_in_every_mode() {
    // Many `<` without `>`, tags everywhere, spaced digits, escapes, invisible
    // characters inside one endless run: 1 MB each, every mode, found nothing.
    let p = Policy::default();
    let modes = [
        ScanOptions::default(),
        ScanOptions {
            html: true,
            loose: false,
        },
        ScanOptions {
            html: false,
            loose: true,
        },
        ScanOptions {
            html: true,
            loose: true,
        },
    ];
    for text in [
        "<a1".repeat(1 << 18),
        "<a>1".repeat(1 << 18),
        "1 ".repeat(1 << 19),
        "1-2 ".repeat(1 << 18),
        "\\u1234".repeat(150_000),
        "%2F".repeat(1 << 18),
        "1\u{200B}".repeat(1 << 18),
        "Ａ１".repeat(150_000),
    ] {
        for o in &modes {
            let t = std::time::Instant::now();
            assert!(
                identity::scan_with(&text, o, &p).unwrap().is_empty(),
                "{o:?}"
            );
            let took = t.elapsed();
            assert!(
                took.as_secs() < 10,
                "{o:?} took {took:?} on {:?}…",
                &text[..8]
            );
        }
    }
}

/// Every character whose NFKC form is exactly one ASCII letter or digit, by
/// that letter (uppercase) or digit: built from NFKC itself, not from the core's
/// table, so the properties below test the table too.
fn folds() -> &'static HashMap<char, Vec<char>> {
    static FOLDS: OnceLock<HashMap<char, Vec<char>>> = OnceLock::new();
    FOLDS.get_or_init(|| {
        let mut map: HashMap<char, Vec<char>> = HashMap::new();
        for cp in 0x80..=0x10_FFFFu32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let n: String = c.to_string().nfkc().collect();
            let mut it = n.chars();
            if let (Some(f), None) = (it.next(), it.next())
                && f.is_ascii_alphanumeric()
            {
                map.entry(f.to_ascii_uppercase()).or_default().push(c);
            }
        }
        map
    })
}

/// The invisible characters the issue names, and a few more of the same kind.
const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}', '\u{FEFF}', '\u{200E}', '\u{2066}',
    '\u{FE0F}',
];

/// Text that may stand before an ID without gluing to it: boundaries, and the
/// escapes of logs (JSON, Python, C, URL) that end right where the ID starts.
const BEFORE: &[&str] = &[
    "",
    "學生",
    "：",
    " ",
    "(",
    "=",
    "。",
    "\n",
    "\\n",
    "\\t",
    "\\r",
    "\\u751f",
    "\\u0041",
    "\\xe7",
    "%E7%94%9F",
    "%20",
    "%2F",
    "\"",
    "\u{200B}",
    "學\u{00AD}",
];
/// Text that may stand after an ID.
const AFTER: &[&str] = &[
    "", "。", " ", "\\n", ",", ")", "號", "%20", "\\u3002", "\u{200B}", "\t",
];

/// An ID written character by character: each character either as it is, in
/// lowercase, or as a random character that folds to it; invisible characters
/// inserted between. Returns the written form and the ID.
fn written_id() -> impl Strategy<Value = (String, String)> {
    (
        any_valid_id(),
        prop::collection::vec((0usize..4, any::<prop::sample::Index>()), 10),
        prop::collection::vec((1usize..10, any::<prop::sample::Index>()), 0..3),
    )
        .prop_map(|(id, choices, inserts)| {
            let mut chars: Vec<char> = id
                .chars()
                .zip(&choices)
                .map(|(c, (how, pick))| match how {
                    0 => c,
                    1 => c.to_ascii_lowercase(),
                    _ => *pick.get(&folds()[&c]),
                })
                .collect();
            let mut inserts = inserts;
            inserts.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
            for (at, pick) in inserts {
                chars.insert(at, *pick.get(INVISIBLE));
            }
            (chars.into_iter().collect(), id)
        })
}

/// Masks an ID as the default policy does (`A12****789`), independently.
fn masked(id: &str) -> String {
    format!("{}****{}", &id[..3], &id[7..])
}

/// A reader's view: each character's NFKC fold when it has one, invisible
/// characters dropped.
fn reader(text: &str) -> String {
    text.chars()
        .filter(|c| !INVISIBLE.contains(c))
        .map(|c| {
            if c.is_ascii() {
                return c.to_ascii_uppercase();
            }
            let n: String = c.to_string().nfkc().collect();
            let mut it = n.chars();
            match (it.next(), it.next()) {
                (Some(f), None) if f.is_ascii_alphanumeric() => f.to_ascii_uppercase(),
                _ => c,
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// The fold rule (issue 14 §1): classify accepts the written form, and the
    /// scan finds it — exactly its span, its kind, its mask — in any context
    /// that does not glue it; the redaction leaves its digits unreadable.
    #[test]
    fn the_scan_finds_what_classify_accepts_in_any_context(
        (written, id) in written_id(),
        before in prop::sample::select(BEFORE),
        after in prop::sample::select(AFTER),
        filler in "[學生家長 ,。\\n]{0,6}",
    ) {
        let p = Policy::default();
        let info = identity::classify(&written);
        prop_assert!(info.format_valid && info.checksum_valid, "classify({:?})", written);
        let text = format!("{filler}{before}{written}{after}{filler}");
        let found = identity::scan(&text, &p).unwrap();
        prop_assert_eq!(found.len(), 1, "{:?}: {:?}", text, found);
        let m = &found[0];
        let start = filler.len() + before.len();
        prop_assert_eq!((m.start, m.end), (start, start + written.len()), "{:?}", text);
        prop_assert_eq!(m.kind, info.kind);
        prop_assert_eq!(&m.masked, &masked(&id));
        let red = identity::redact(&text, &p).unwrap();
        prop_assert!(!reader(&red).contains(&id[2..]), "{:?} -> {:?}", text, red);
        prop_assert_eq!(red, format!("{filler}{before}{}{after}{filler}", masked(&id)));
    }

    /// Glued to a letter or digit on either side — through invisible
    /// characters too — the written form is no ID.
    #[test]
    fn glued_forms_are_not_ids(
        (written, _) in written_id(),
        glue in prop::sample::select(vec!["X", "7", "ｘ", "𝟕", "x\u{200B}", "\u{200D}5"]),
        left in any::<bool>(),
    ) {
        let text = if left { format!("學{glue}{written}。") } else { format!("學{written}{glue}。") };
        prop_assert!(identity::scan(&text, &Policy::default()).unwrap().is_empty(), "{:?}", text);
    }

    /// HTML mode: tags anywhere between the characters are looked through and
    /// left standing by the redaction.
    #[test]
    fn html_tags_inside_are_looked_through(
        id in any_valid_id(),
        tags in prop::collection::vec((1usize..10, prop::sample::select(vec!["<b>", "</b>", "<span class=\"a\">", "<!-- x -->", "<br/>"])), 0..4),
    ) {
        let mut parts: Vec<String> = id.chars().map(String::from).collect();
        for (at, tag) in &tags {
            parts[*at] = format!("{tag}{}", parts[*at]);
        }
        let text = format!("<p>學生{}</p>", parts.concat());
        let o = ScanOptions { html: true, ..Default::default() };
        let p = Policy::default();
        let found = identity::scan_with(&text, &o, &p).unwrap();
        prop_assert_eq!(found.len(), 1, "{:?}", text);
        prop_assert_eq!(found[0].tagged, !tags.is_empty());
        let red = identity::redact_with(&text, &o, &p).unwrap();
        prop_assert_eq!(red.matches('<').count(), text.matches('<').count());
        let visible: String = red.split('<').map(|s| s.split_once('>').map_or(s, |(_, t)| t)).collect();
        prop_assert_eq!(visible, format!("學生{}", masked(&id)));
    }

    /// Tolerant mode: gaps of one to three separators after the 1st, 4th and
    /// 7th characters, any of them; the default mode finds none of these.
    #[test]
    fn loose_groups_are_found_only_in_loose_mode(
        id in any_valid_id(),
        gaps in prop::array::uniform3(prop::collection::vec(prop::sample::select(vec![' ', '-', '\u{00A0}', '\u{3000}', '\u{2013}', '\u{2014}']), 0..4)),
    ) {
        let g: Vec<String> = gaps.iter().map(|v| v.iter().collect()).collect();
        let text = format!("學號{}{}{}{}{}{}{}。", &id[..1], g[0], &id[1..4], g[1], &id[4..7], g[2], &id[7..]);
        let p = Policy::default();
        let loose = ScanOptions { loose: true, ..Default::default() };
        let found = identity::scan_with(&text, &loose, &p).unwrap();
        prop_assert_eq!(found.len(), 1, "{:?}", text);
        prop_assert_eq!(&found[0].masked, &masked(&id));
        let spaced = g.iter().any(|s| !s.is_empty());
        prop_assert_eq!(found[0].separated, spaced);
        let plain = identity::scan(&text, &p).unwrap();
        prop_assert_eq!(plain.len(), usize::from(!spaced), "{:?}", text);
    }

    /// In the modes, IDs (plain or grouped) among words of prose, separated by
    /// spaces, dashes or tags, are found exactly where they are, and nothing
    /// else: words of three or more letters belong to no ID.
    #[test]
    fn modes_find_ids_among_words(tokens in prop::collection::vec(prop_oneof![
        3 => "[a-z]{3,8}".prop_map(|w| (w, None)),
        1 => (any_valid_id(), any::<bool>()).prop_map(|(id, grouped)| {
            let w = if grouped { format!("{} {}-{} {}", &id[..1], &id[1..4], &id[4..7], &id[7..]) } else { id.clone() };
            (w, Some(id))
        }),
    ], 1..24), seps in prop::collection::vec(prop::sample::select(vec![" ", "-", "\u{00A0}", "<br>", " <b>", "</b> ", "\n"]), 24)) {
        let mut text = String::new();
        let mut want = Vec::new();
        for (i, (w, id)) in tokens.iter().enumerate() {
            if i > 0 {
                text.push_str(seps[i]);
            }
            if let Some(id) = id {
                want.push((text.len(), text.len() + w.len(), masked(id)));
            }
            text.push_str(w);
        }
        let o = ScanOptions { html: true, loose: true };
        let got: Vec<_> = identity::scan_with(&text, &o, &Policy::default()).unwrap()
            .into_iter().map(|m| (m.start, m.end, m.masked)).collect();
        prop_assert_eq!(got, want, "{:?}", text);
    }

    /// scan ⇔ classify on arbitrary text near the ID alphabet: every span the
    /// scan reports is, by itself, what classify calls that ID; and the scan
    /// reports exactly the maximal runs a plain reference scan finds.
    #[test]
    fn scan_agrees_with_a_reference_scan(parts in prop::collection::vec(prop_oneof![
        written_id().prop_map(|(w, _)| w),
        "[A-Z0-9a-z]{1,11}",
        "[ 。學\\\\%\\n]{1,2}",
        prop::sample::select(vec!["\\u751f", "%E7", "\\n", "\u{200B}", "Ａ", "１", "①", "𝟕", "⑩", "ſ"]).prop_map(String::from),
    ], 0..8)) {
        let text: String = parts.concat();
        let p = Policy::default();
        let got: Vec<(usize, usize)> = identity::scan(&text, &p).unwrap().iter().map(|m| (m.start, m.end)).collect();
        for &(s, e) in &got {
            prop_assert!(identity::classify(&text[s..e]).format_valid, "{:?}", &text[s..e]);
        }
        prop_assert_eq!(got, reference_scan(&text), "{:?}", text);
    }
}

/// The default scan written plainly: maximal runs of characters that fold to
/// one ASCII letter or digit, looking through invisible characters; a run of
/// exactly ten is an ID when classify says so; a longer run after `\` or `%`
/// may also be one after its escape.
fn reference_scan(text: &str) -> Vec<(usize, usize)> {
    let fold = |c: char| -> Option<char> {
        if c.is_ascii_alphanumeric() {
            return Some(c);
        }
        let n: String = c.to_string().nfkc().collect();
        let mut it = n.chars();
        match (it.next(), it.next()) {
            (Some(f), None) if f.is_ascii_alphanumeric() => Some(f),
            _ => None,
        }
    };
    let invisible = |c: char| INVISIBLE.contains(&c);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if fold(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        // The run: alphanumeric positions, through invisible characters.
        let mut alnum = vec![i];
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if fold(c).is_some() {
                alnum.push(j);
            } else if !invisible(c) {
                break;
            }
            j += 1;
        }
        let start_byte = chars[i].0;
        let span = |a: usize, b: usize| {
            let s = chars[alnum[a]].0;
            let e = chars[alnum[b]].0 + chars[alnum[b]].1.len_utf8();
            (s, e)
        };
        let ascii_prefix: String = chars[i..].iter().take(9).map(|&(_, c)| c).collect();
        let before = text[..start_byte].chars().next_back();
        let hex =
            |s: &str, n: usize| s.chars().take(n).filter(char::is_ascii_hexdigit).count() == n;
        let esc = match before {
            Some('\\') if ascii_prefix.starts_with('u') && hex(&ascii_prefix[1..], 4) => 5,
            Some('\\') if ascii_prefix.starts_with('U') && hex(&ascii_prefix[1..], 8) => 9,
            Some('\\') if ascii_prefix.starts_with('x') && hex(&ascii_prefix[1..], 2) => 3,
            Some('\\') if ascii_prefix.starts_with(['n', 't', 'r', 'b', 'f', 'v']) => 1,
            Some('%') if hex(&ascii_prefix, 2) => 2,
            _ => 0,
        };
        let n = alnum.len();
        let whole = span(0, n - 1);
        if n == 10 && identity::classify(&text[whole.0..whole.1]).format_valid {
            out.push(whole);
        } else if esc > 0 && n == esc + 10 {
            let (s, e) = span(esc, n - 1);
            if identity::classify(&text[s..e]).format_valid {
                out.push((s, e));
            }
        }
        i = j;
    }
    out
}
