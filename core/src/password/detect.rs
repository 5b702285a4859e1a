//! The findings of a weak password: one per kind of pattern on its best path
//! (issue 22 "every finding names what it found, in zh-TW and English").
//!
//! Privacy (RULES §0): no finding holds the password or a matched part in full.
//! A part is named by its position and length, its list and rank, and a masked
//! form of what it matched: for a list word the *list's* spelling (so the case and
//! l33t the user typed stay hidden), otherwise the part in lower case.
//! Decided: up to 3 characters all masked (`***`), 4–5 keep the first (`q***`),
//! 6 or more keep the first and the last (`p******d`).

use super::context::{ContextKind, ContextWords};
use super::dict::WordKind;
use super::guess::{self, DateFormat, Estimate, Part, Segment, Text};
use super::keyboard::{ALPHABETS, Board};
use crate::codes::Code;
use crate::finding::Finding;

/// The masked form of a shown text (see the module docs).
pub(crate) fn mask(shown: &str) -> String {
    let n = shown.chars().count();
    let mut out = String::with_capacity(shown.len());
    for (i, c) in shown.chars().enumerate() {
        let keep = (n >= 4 && i == 0) || (n >= 6 && i == n - 1);
        out.push(if keep { c } else { '*' });
    }
    out
}

/// Stars to mask with: a masked part is at most [`guess::MAX_CHARS`] long.
const STARS: &str = match std::str::from_utf8(&[b'*'; guess::MAX_CHARS]) {
    Ok(s) => s,
    Err(_) => "",
};

/// The masked form of ASCII bytes: the kept ends around a run of stars (one
/// allocation, no per-character pushes).
fn mask_bytes(shown: &[u8]) -> String {
    let n = shown.len();
    let shown_at = |i: usize| match shown.get(i) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => '*',
    };
    let mut out = String::with_capacity(n);
    let (first, last) = (n >= 4, n >= 6);
    if first {
        out.push(shown_at(0));
    }
    let stars = n - usize::from(first) - usize::from(last);
    match STARS.get(..stars) {
        Some(run) => out.push_str(run),
        None => out.extend(std::iter::repeat_n('*', stars)),
    }
    if last {
        out.push(shown_at(n - 1));
    }
    out
}

/// The code a part of the path is reported under.
fn code_of(part: Part) -> Code {
    match part {
        Part::Word { node, .. } => code_of_kind(guess::word_kind(node)),
        Part::Fuzzy { word, .. } => {
            code_of_kind(guess::fuzzy_word(word).map_or(WordKind::Password, |(_, e)| e.kind))
        }
        Part::WordLike { .. } => Code::PasswordWordLike,
        Part::Walk { .. } => Code::PasswordKeyboardWalk,
        Part::Sequence { alphabet } if alphabet < 2 => Code::PasswordSequence,
        Part::Sequence { .. } => Code::PasswordKeyboardWalk,
        Part::Repeat { .. } => Code::PasswordRepeat,
        Part::Date(DateFormat::ContextYear | DateFormat::ContextRocYear) | Part::Context { .. } => {
            Code::PasswordContextWord
        }
        Part::Date(_) => Code::PasswordDate,
        Part::Zhuyin { .. } => Code::PasswordZhuyin,
        Part::Brute | Part::Decoration => Code::PasswordCommonVariant,
    }
}

/// The finding of one part: what it found, masked, where and how long.
///
/// `code` is the part's code ([`code_of`]), found once by the caller.
fn finding_of(
    code: Code,
    seg: &Segment,
    text: &Text,
    password: &str,
    ctx: &ContextWords<'_>,
) -> Finding {
    let typed = &text.key[seg.start..seg.end];
    // Room for the most parameters a part takes (a word: masked, list, rank,
    // two more, position, length and count), so that the list never regrows.
    let f = Finding::with_capacity(code, MAX_PARAMS);
    let f = match seg.part {
        Part::Word { node, leet } => {
            let (word, len, entry) = guess::word_of(node);
            let kind = entry.map_or(WordKind::Password, |e| e.kind);
            let f = f
                .with("masked", mask_bytes(&word[..len]))
                .with("list", kind.list_name())
                .with("rank", entry.map_or(0, |e| e.rank));
            if kind == WordKind::Zhuyin {
                f.with("syllables", syllables(&word[..len]))
                    .with("kind", "phrase")
            } else if guess::is_name(kind) {
                f
            } else {
                f.with("leet", leet > 0).with("fuzzy", false)
            }
        }
        Part::Fuzzy { word, leet } => {
            let (w, kind, rank) = guess::fuzzy_word(word)
                .map_or((&b""[..], WordKind::Password, 0), |(w, e)| {
                    (w, e.kind, e.rank)
                });
            f.with("masked", mask_bytes(w))
                .with("list", kind.list_name())
                .with("rank", rank)
                .with("leet", leet > 0)
                .with("fuzzy", true)
        }
        Part::WordLike { leet } => f.with("masked", mask_bytes(typed)).with("leet", leet > 0),
        Part::Walk { board, turns } => f
            .with("masked", mask_bytes(typed))
            .with("keyboard", board.as_str())
            .with("keyboard_zh", board_zh(board))
            .with("turns", turns),
        Part::Sequence { alphabet } => {
            let name = ALPHABETS
                .get(usize::from(alphabet))
                .map_or("letters", |a| a.0);
            let f = f.with("masked", mask_bytes(typed));
            if alphabet < 2 {
                f.with("alphabet", name)
                    .with("alphabet_zh", alphabet_zh(name))
            } else {
                f.with("keyboard", name)
                    .with("keyboard_zh", alphabet_zh(name))
                    .with("turns", 0u32)
            }
        }
        Part::Repeat { block } => f.with("masked", mask_bytes(typed)).with("block", block),
        Part::Date(fmt @ (DateFormat::ContextYear | DateFormat::ContextRocYear)) => f
            .with("masked", mask_bytes(typed))
            .with("kind", ContextKind::Year.as_str())
            .with("kind_zh", ContextKind::Year.as_zh())
            .with("format", fmt.as_str()),
        Part::Date(fmt) => f
            .with("format", fmt.as_str())
            .with("format_zh", fmt.as_zh())
            .with("masked", mask_bytes(typed)),
        Part::Zhuyin { syllables } => f
            .with("masked", mask_bytes(typed))
            .with("syllables", syllables)
            .with("kind", "syllables"),
        Part::Context { word, .. } => {
            let kind = ctx.kind(word);
            // The context word as typed, lower case (CJK as typed): it is known
            // to whoever knows the account.
            let masked = if text.wide {
                let shown: String = password
                    .chars()
                    .skip(seg.start)
                    .take(seg.end - seg.start)
                    .zip(typed)
                    .map(|(c, &k)| if k == 0x80 { c } else { char::from(k) })
                    .collect();
                mask(&shown)
            } else {
                mask_bytes(typed)
            };
            f.with("masked", masked)
                .with("kind", kind.as_str())
                .with("kind_zh", kind.as_zh())
        }
        Part::Brute | Part::Decoration => f,
    };
    f.with("position", seg.start + 1)
        .with("length", seg.end - seg.start)
}

fn code_of_kind(kind: WordKind) -> Code {
    match kind {
        WordKind::Password | WordKind::Taiwan => Code::PasswordCommonVariant,
        WordKind::English | WordKind::Tv => Code::PasswordDictionaryWord,
        WordKind::Zhuyin => Code::PasswordZhuyin,
        _ => Code::PasswordName,
    }
}

/// Syllables of a listed Zhuyin phrase: its tone keys, plus a last syllable
/// typed without one.
fn syllables(keys: &[u8]) -> u32 {
    let tones = keys.iter().filter(|&&b| super::zhuyin::is_tone(b)).count();
    let last = keys.last().is_some_and(|&b| !super::zhuyin::is_tone(b));
    u32::try_from(tones + usize::from(last)).unwrap_or(u32::MAX)
}

fn board_zh(board: Board) -> &'static str {
    match board {
        Board::Qwerty => "鍵盤上相鄰的按鍵",
        Board::Keypad => "數字鍵盤上相鄰的按鍵",
    }
}

fn alphabet_zh(name: &str) -> &'static str {
    match name {
        "letters" => "英文字母順序",
        "digits" => "數字順序",
        "qwerty_row" => "鍵盤同一排依序",
        "keyboard_columns" => "鍵盤直行依序",
        "zhuyin_order" => "注音符號順序（ㄅㄆㄇㄈ）",
        "keypad" => "數字鍵盤依序",
        _ => "依序排列",
    }
}

/// The most parameters a finding of the detection holds.
const MAX_PARAMS: usize = 8;

/// The codes of the detection, in code-table order.
const CODES: [Code; 10] = [
    Code::PasswordDate,
    Code::PasswordCommonVariant,
    Code::PasswordDictionaryWord,
    Code::PasswordWordLike,
    Code::PasswordName,
    Code::PasswordContextWord,
    Code::PasswordKeyboardWalk,
    Code::PasswordSequence,
    Code::PasswordRepeat,
    Code::PasswordZhuyin,
];

/// The findings of a weak password, in code-table order, one per code: its
/// first (leftmost) part, with `count` saying how many parts of that kind the
/// path has. A date is left out when the check already reported one.
///
/// Kept out of line: only weak passwords come here, and inlined into the
/// check it changes how the rest of the check is compiled.
#[inline(never)]
pub(crate) fn push_findings<const N: usize>(
    est: &Estimate<'_, N>,
    text: &Text,
    password: &str,
    ctx: &ContextWords<'_>,
    had_date: bool,
    out: &mut Vec<Finding>,
) {
    let mut first: [Option<Segment>; CODES.len()] = [None; CODES.len()];
    let mut count = [0u32; CODES.len()];
    // The path comes last part first: the last one seen is the leftmost.
    for seg in est.patterns() {
        let code = code_of(seg.part);
        if code == Code::PasswordDate && had_date {
            continue;
        }
        if let Some(i) = CODES.iter().position(|&c| c == code) {
            first[i] = Some(seg);
            count[i] += 1;
        }
    }
    for ((seg, n), &code) in first.iter().zip(count).zip(&CODES) {
        if let Some(seg) = seg {
            out.push(finding_of(code, seg, text, password, ctx).with("count", n));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_keeps_at_most_two_characters() {
        assert_eq!(mask("abc"), "***");
        assert_eq!(mask("ntpc"), "n***");
        assert_eq!(mask("0701"), "0***");
        assert_eq!(mask("dragon"), "d****n");
        assert_eq!(mask("password"), "p******d");
        assert_eq!(mask("新北"), "**");
    }

    #[test]
    fn masking_bytes_agrees_with_masking_text() {
        for shown in [
            "",
            "a",
            "ab",
            "abc",
            "ntpc",
            "0701",
            "dragon",
            "password",
            "p@ss w0rd!",
        ] {
            assert_eq!(mask_bytes(shown.as_bytes()), mask(shown), "{shown}");
        }
        // An opaque key (0x80, a character outside ASCII) is never shown.
        assert_eq!(mask_bytes(&[0x80, b'b', b'c', b'd', b'e', 0x80]), "******");
    }
}
