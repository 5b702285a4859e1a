//! The dictionary matchers of the guess estimate (issue 22 items 2, 3, 5):
//! words through the trie with their l33t spellings, fuzzy matches at one
//! edit, and word-like runs of letters. Each starts a bounded walk at one
//! position and relaxes the path with what it finds.

use super::*;

/// Whether a character can be part of a decoration: a digit or an ASCII symbol.
#[inline]
pub(super) fn is_decoration(b: u8) -> bool {
    matches!(ascii_kind(b), DIGIT | SPECIAL)
}

/// Dictionary words starting at `s`, with l33t spellings, through the trie.
///
/// Each visit reads its node once (children and entry together) and looks the
/// keys up by their trie codes: this walk is the hottest loop of the check.
#[inline]
pub(super) fn words<const N: usize>(d: &Dict, text: &Text, s: usize, p: &mut Path<N>) {
    let trie = &d.trie;
    let n = text.n;
    // Branches not yet taken (l33t spellings): (node, next position, l33t count).
    // Packed `node << 16 | offset << 8 | l33t` (one zeroed block to set up).
    let mut pending = [0u64; 8];
    let mut top = 0;
    let (mut here, mut i, mut subs) = (trie.node(0), s, 0u8);
    let mut visits = 0;
    loop {
        // Follow the literal key; keep the l33t readings for later.
        let mut next = dict::NONE;
        if i < n {
            // The key's own code and its l33t letters' codes, in one read.
            let [own, alts @ ..] = dict::readings(text.key[i]);
            next = here.child(own);
            for &alt in &alts {
                if alt == 0xFF {
                    break;
                }
                let c = here.child(alt);
                if c != dict::NONE && top < pending.len() {
                    pending[top] = u64::from(c) << 16
                        | u64::from((i + 1 - s) as u8) << 8
                        | u64::from(subs + 1);
                    top += 1;
                }
            }
        }
        let node = if next != dict::NONE {
            i += 1;
            next
        } else if top > 0 {
            top -= 1;
            let packed = pending[top];
            i = s + usize::from((packed >> 8) as u8);
            subs = packed as u8;
            (packed >> 16) as u32
        } else {
            return;
        };
        visits += 1;
        if visits > MAX_VISITS {
            return;
        }
        here = trie.node(node);
        if let Some(entry) = trie.entry_of(here)
            && p.worth(s, i, entry.bits)
            && plausible(entry.kind, i - s, subs)
        {
            let bits = entry.bits + text.case_bits(s, i) + f32::from(subs);
            p.relax(s, i, bits, Part::Word { node, leet: subs });
        }
    }
}

/// Whether a word found in the password counts: three letters or more (two for
/// the Taiwanese name syllables `li`, `wu`, `yu` and the hand-picked Taiwan
/// decorations `aa`, `qq`), and l33t only in words of four
/// letters or more with at least half the letters typed as letters. Shorter or
/// mostly-symbol matches turn up by chance in random strings.
#[inline]
pub(super) fn plausible(kind: WordKind, len: usize, subs: u8) -> bool {
    let short_ok = matches!(
        kind,
        WordKind::TwSurname | WordKind::TwGiven | WordKind::Taiwan
    );
    let subs = usize::from(subs);
    (len >= 3 || (short_ok && len >= 2 && subs == 0))
        && (subs == 0 || (len >= 4 && subs + 2 <= len))
}

/// The runs of letters (with l33t characters between letters) that fuzzy
/// matching looks at, in order: `(start, end, l33t count)`, at most 16.
pub(super) struct FuzzyRuns {
    list: [(u16, u16, u8); 16],
    len: usize,
}

impl FuzzyRuns {
    #[inline]
    pub(super) fn of(text: &Text) -> FuzzyRuns {
        let mut r = FuzzyRuns {
            list: [(0, 0, 0); 16],
            len: 0,
        };
        let key = text.keys();
        let n = key.len();
        let mut i = 0;
        while i < n && r.len < r.list.len() {
            if !key[i].is_ascii_lowercase() {
                i += 1;
                continue;
            }
            // Extend over letters and l33t characters; the run ends after its
            // last letter (a digit after a word is a decoration, not a
            // letter), and its l33t characters are those before that letter.
            let (mut j, mut e) = (i + 1, i + 1);
            let (mut leet_n, mut trailing) = (0usize, 0usize);
            while j < n {
                let k = key[j];
                if k.is_ascii_lowercase() {
                    e = j + 1;
                    leet_n += trailing;
                    trailing = 0;
                } else if !leet(k).is_empty() {
                    trailing += 1;
                } else {
                    break;
                }
                j += 1;
            }
            let len = e - i;
            if (dict::FUZZY_MIN..=dict::FUZZY_MAX).contains(&len) && plain_case(text, i, e) {
                r.list[r.len] = (i as u16, e as u16, leet_n as u8);
                r.len += 1;
            }
            i = j;
        }
        r
    }

    /// The run ending at `e`, if any (runs do not overlap).
    #[inline]
    pub(super) fn ending_at(&self, e: usize, cursor: &mut usize) -> Option<(usize, u8)> {
        while let Some(&(rs, re, l)) = self.list[..self.len].get(*cursor) {
            if usize::from(re) > e {
                return None;
            }
            *cursor += 1;
            if usize::from(re) == e {
                return Some((usize::from(rs), l));
            }
        }
        None
    }
}

/// The run `[s, e)` against the common-password list with one edit (Entra's
/// fuzzy match): the deletion neighbourhoods of the run and of the list words
/// meet exactly when the two are one insertion, deletion, substitution or
/// transposition apart.
#[inline]
pub(super) fn fuzzy<const N: usize>(
    d: &Dict,
    text: &Text,
    s: usize,
    e: usize,
    leet_n: u8,
    p: &mut Path<N>,
) {
    let len = e - s;
    let mut run = [0u8; dict::FUZZY_MAX];
    for (o, &k) in run.iter_mut().zip(&text.key[s..e]) {
        *o = if k.is_ascii_lowercase() {
            k
        } else {
            leet(k).first().copied().unwrap_or(k)
        };
    }
    let run = &run[..len];
    let mut best: Option<(f32, u32)> = None;
    let mut try_key = |key: &[u8]| {
        for &w in d.fuzzy_candidates(key) {
            if let Some(fw) = d.fuzzy_words.get(w as usize)
                && fw.word != run
                && best.is_none_or(|(b, _)| fw.entry.bits < b)
                && one_edit(run, fw.word)
            {
                best = Some((fw.entry.bits, w));
            }
        }
    };
    try_key(run);
    // The run without its letter `del`, for each `del` in order: from one to
    // the next only the letter before `del` comes back (`buf[del - 1]`).
    let mut buf = [0u8; dict::FUZZY_MAX];
    buf[..len - 1].copy_from_slice(&run[1..]);
    for del in 0..len {
        if del > 0 {
            buf[del - 1] = run[del - 1];
        }
        try_key(&buf[..len - 1]);
    }
    if let Some((bits, word)) = best {
        let bits = bits + log2(len) + FUZZY_BITS + text.case_bits(s, e) + f32::from(leet_n);
        p.relax(s, e, bits, Part::Fuzzy { word, leet: leet_n });
    }
}

/// Whether a run is cased as words are typed: all lower, all upper, or
/// capitalised. Fuzzy matching skips mixed-case runs (`vLm2pX`), which are not
/// typos of a word.
#[inline]
pub(super) fn plain_case(text: &Text, s: usize, e: usize) -> bool {
    let u = text.ups[e] - text.ups[s];
    let l = text.lows[e] - text.lows[s];
    u == 0 || l == 0 || (u == 1 && text.raw[s].is_ascii_uppercase())
}

/// Whether two words are one insertion, deletion, substitution or adjacent
/// transposition apart.
#[inline]
pub(super) fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match b.len() - a.len() {
        0 => {
            let mut first = None;
            let mut count = 0;
            for i in 0..a.len() {
                if a[i] != b[i] {
                    count += 1;
                    first.get_or_insert(i);
                }
            }
            match (count, first) {
                (1, _) => true,
                (2, Some(i)) => i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i],
                _ => false,
            }
        }
        1 => {
            let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            a[i..] == b[i + 1..]
        }
        _ => false,
    }
}

/// Word-like strings starting at `s`: runs of letters (l33t characters inside a
/// run count as their letter) priced by the letter model, three letters or more.
#[inline]
pub(super) fn word_like<const N: usize>(d: &Dict, text: &Text, s: usize, p: &mut Path<N>) {
    let n = text.n;
    if s + 2 >= n || !text.key[s].is_ascii_lowercase() {
        return;
    }
    let (mut a, mut b) = (26usize, 26usize);
    let mut bits = 0.0f32;
    let mut leet_n = 0u8;
    let mut e = s;
    while e < n && e - s < MAX_WORD_LIKE {
        let k = text.key[e];
        let c = if k.is_ascii_lowercase() {
            k
        } else {
            // A l33t character counts inside a run (two at most): a letter must
            // follow, possibly after one more l33t character (`p@1sl3y`).
            if leet_n >= 2 {
                break;
            }
            let at = |j: usize| text.key.get(j).copied().unwrap_or(0);
            let inside = at(e + 1).is_ascii_lowercase()
                || (!leet(at(e + 1)).is_empty() && at(e + 2).is_ascii_lowercase());
            match leet(k).first() {
                Some(&l) if inside => {
                    leet_n += 1;
                    l
                }
                _ => break,
            }
        };
        let c = usize::from(c - b'a');
        bits += d.markov.bits(a, b, c);
        (a, b) = (b, c);
        e += 1;
        if e - s >= 3 && text.key[e - 1].is_ascii_lowercase() && p.worth(s, e, bits) {
            let cost = bits + text.case_bits(s, e) + f32::from(leet_n) + WORD_LIKE_BITS;
            p.relax(s, e, cost, Part::WordLike { leet: leet_n });
        }
        // A run the model finds no likelier than random letters will not
        // become a word by growing.
        if bits > BF_LOWER * (e - s) as f32 + WORD_LIKE_SLACK {
            break;
        }
    }
}
