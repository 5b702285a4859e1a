//! Text typed on the standard Zhuyin (注音, 大千) keyboard in English mode
//! (issue 22 item 5).
//!
//! A Taiwanese user who "types Chinese" while the IME is off gets ASCII: 我的密碼 is
//! ㄨㄛˇ ㄉㄜ˙ ㄇㄧˋ ㄇㄚˇ, the keys `ji3 2k7 au4 a83`, so the password
//! `ji32k7au4a83`. Such a string is a phrase, not random characters. Each syllable
//! is one to four symbol keys followed by a tone key: `3` (ˇ), `4` (ˋ), `6` (ˊ),
//! `7` (˙) or the space bar (tone 1). The syllables are the 423 of Mandarin
//! (`data/zhuyin_syllables.txt`, from pypinyin), so a parse is a real reading.
//!
//! Decided: a span is at least two syllables; the last one may lack its tone key
//! (nobody types the final tone-1 space); inner syllables need theirs (without
//! tone keys nearly any lowercase string would parse: `u`, `j`, `m` are
//! syllables on their own).

use super::dict::Dict;

/// Longest syllable body in keys (ㄓㄨㄤ = `5j;`, ㄒㄧㄠ = `vul`).
const MAX_BODY: usize = 3;

/// Longest span looked at from one start, in characters (ten syllables): a bound
/// that keeps the whole pass linear in the password's length.
pub(crate) const MAX_SPAN: usize = 40;

/// Whether a key (already lowercased) is a tone key.
#[inline]
pub(crate) fn is_tone(b: u8) -> bool {
    matches!(b, b'3' | b'4' | b'6' | b'7' | b' ')
}

/// Whether a key can be part of a syllable body.
#[inline]
fn is_body_key(b: u8) -> bool {
    matches!(
        b,
        b'a'..=b'z' | b'0' | b'1' | b'2' | b'5' | b'8' | b'9' | b',' | b'.' | b'/' | b';' | b'-'
    )
}

/// Calls `emit(end, syllables)` for the ends of the Zhuyin spans starting at
/// `s` (two syllables or more; an end may be reported again with fewer
/// syllables).
///
/// `keys` holds the lowercased password. Bodies hold no tone key, so a toned
/// syllable's body runs exactly to the next tone key: each reachable position
/// has one toned continuation, and up to [`MAX_BODY`] toneless endings (a last
/// syllable typed without its tone-1 space, before the end or anything but a
/// letter). Cost: at most [`MAX_SPAN`] positions.
///
/// `memo` keeps the toned syllables found at each position for the next start
/// (the same text; see [`Syllables`]).
pub(crate) fn spans<const N: usize>(
    dict: &Dict,
    keys: &[u8],
    s: usize,
    memo: &mut Syllables<N>,
    mut emit: impl FnMut(usize, u32),
) {
    let n = keys.len();
    let w = (n - s).min(MAX_SPAN);
    // The first syllable: body keys, then a tone key.
    let Some(t) = memo.toned(s, s + w) else {
        return;
    };
    if !may_follow(dict, keys, t + 1, memo) {
        return;
    }
    // count[p]: fewest syllables covering keys[s..s+p]; reach: offsets to expand.
    let mut count = [0u8; MAX_SPAN + 1];
    let mut reach = 0u64;
    count[t + 1 - s] = 1;
    reach |= 1 << (t + 1 - s);
    while reach != 0 {
        let p = reach.trailing_zeros() as usize;
        reach &= reach - 1;
        let c = count[p];
        let at = s + p;
        // A toned syllable.
        if let Some(t) = memo.toned(at, s + w) {
            let q = t + 1 - s;
            if count[q] == 0 || count[q] > c + 1 {
                count[q] = c + 1;
                reach |= 1 << q;
                emit(s + q, u32::from(c) + 1);
            }
        }
        // A last syllable without its tone key, up to the span's limit.
        let mut lens = memo.toneless(dict, keys, at) & ((1 << MAX_BODY.min(s + w - at)) - 1);
        while lens != 0 {
            let len = lens.trailing_zeros() as usize + 1;
            lens &= lens - 1;
            emit(at + len, u32::from(c) + 1);
        }
    }
}

/// Whether a second syllable can begin at `at`, as the loop of [`spans`] reads
/// it there (toned, or a last one without its tone key): a span needs two, and
/// most first syllables have none after them, so the parse is not set up.
/// (Both limits of that loop are the text's end this close to the start.)
#[inline]
fn may_follow<const N: usize>(
    dict: &Dict,
    keys: &[u8],
    at: usize,
    memo: &mut Syllables<N>,
) -> bool {
    let n = keys.len();
    if at >= n {
        return false;
    }
    memo.toned(at, n).is_some() || memo.toneless(dict, keys, at) != 0
}

/// The toned syllables of one text by position, found once: the parses from
/// successive starts of a Zhuyin-typed password cross the same positions.
///
/// Sized like the path (`N`, more than the text's length): most texts are
/// short, and the memo is cleared on every check.
pub(crate) struct Syllables<const N: usize> {
    /// 1: none (0 past the text); else the tone key's offset from the
    /// position, plus one.
    ends: [u8; N],
    /// [`TONELESS_KNOWN`] once looked at, with bit `len - 1` for each last
    /// syllable without its tone key of `len` keys at the position.
    toneless: [u8; N],
}

/// The bit of `Syllables::toneless` that says the position was looked at.
const TONELESS_KNOWN: u8 = 0x80;

impl<const N: usize> Syllables<N> {
    /// The memo of one text, with its toned syllables found in one pass over
    /// its tone keys (a password has few): a syllable's body runs to the next
    /// tone key, so the starts of the syllables ending at a tone key are the
    /// one to [`MAX_BODY`] body keys before it.
    ///
    /// Found up front so that [`Syllables::may_start`] is one read at each
    /// position; before, the estimate tested for a tone key near every start
    /// and most of the starts it let through held no syllable.
    pub(crate) fn of(dict: &Dict, keys: &[u8]) -> Self {
        let mut m = Syllables {
            ends: [0; N],
            toneless: [0; N],
        };
        let n = keys.len().min(N - 1);
        m.ends[..=n].fill(1);
        for t in 0..n {
            if !is_tone(keys[t]) {
                continue;
            }
            for len in 1..=MAX_BODY.min(t) {
                let at = t - len;
                if !is_body_key(keys[at]) {
                    break;
                }
                if dict.is_syllable(&keys[at..t]) {
                    m.ends[at] = (len + 1) as u8;
                }
            }
        }
        m
    }

    /// Whether a span can start at `s`: a toned syllable starts there (exact,
    /// and a span needs one; see [`Syllables::of`]).
    #[inline]
    pub(crate) fn may_start(&self, s: usize) -> bool {
        self.ends.get(s).is_some_and(|&e| e > 1)
    }

    /// The lengths (bit `len - 1`) of the syllables at `at` typed without their
    /// tone key that can end a span there: body keys only, one of Mandarin's,
    /// before the end or anything but a letter (a decoration follows). Found
    /// once per position; the same for every start that reaches it.
    #[inline]
    fn toneless(&mut self, dict: &Dict, keys: &[u8], at: usize) -> u8 {
        let Some(slot) = self.toneless.get_mut(at) else {
            return 0;
        };
        if *slot == 0 {
            let n = keys.len();
            let mut m = TONELESS_KNOWN;
            for len in 1..=MAX_BODY.min(n.saturating_sub(at)) {
                let end = at + len;
                if !is_body_key(keys[end - 1]) || is_tone(keys[end - 1]) {
                    break;
                }
                let ends_here = end == n || !keys[end].is_ascii_lowercase();
                if ends_here && dict.is_syllable(&keys[at..end]) {
                    m |= 1 << (len - 1);
                }
            }
            *slot = m;
        }
        *slot & !TONELESS_KNOWN
    }

    /// Where the toned syllable at `at` has its tone key, if it is one of
    /// Mandarin's and the key is before `limit` (found by [`Syllables::of`]
    /// for every position up to the text's end).
    #[inline]
    fn toned(&self, at: usize, limit: usize) -> Option<usize> {
        let slot = *self.ends.get(at)?;
        let t = at + usize::from(slot.max(1)) - 1;
        (slot > 1 && t < limit).then_some(t)
    }
}

/// Where the syllable starting at `at` has its tone key: body keys, then a tone
/// key, within `MAX_BODY + 1` keys and before `limit`: the one-position
/// reading, the tests' oracle for [`Syllables::of`].
#[cfg(test)]
fn toned_end(keys: &[u8], at: usize, limit: usize) -> Option<usize> {
    let mut t = at;
    while t < limit && t <= at + MAX_BODY {
        let k = keys[t];
        if is_tone(k) {
            return (t > at).then_some(t);
        }
        if !is_body_key(k) {
            return None;
        }
        t += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::password::dict::dict;

    fn ends(text: &str) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        let mut memo =
            Syllables::<{ crate::password::guess::MAX_CHARS }>::of(dict(), text.as_bytes());
        spans(dict(), text.as_bytes(), 0, &mut memo, |e, c| {
            out.push((e, c))
        });
        out.sort_unstable();
        out
    }

    /// The up-front pass finds at each position the toned syllable that the
    /// one-position reading ([`toned_end`], then the syllable list) finds.
    #[test]
    fn toned_syllables_found_up_front_match_the_reading_at_each_position() {
        let d = dict();
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b"ji32k7au4a8 vup1o5x/;-,.90wqz6";
        for _ in 0..2_000 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let len = (rng % 20) as usize;
            let keys: Vec<u8> = (0..len)
                .map(|i| alphabet[((rng >> (i % 8 * 8)) as usize + i * 7) % alphabet.len()])
                .collect();
            let memo = Syllables::<33>::of(d, &keys);
            for at in 0..keys.len() {
                let read =
                    toned_end(&keys, at, keys.len()).filter(|&t| d.is_syllable(&keys[at..t]));
                let found = (memo.ends[at] > 1).then(|| at + usize::from(memo.ends[at]) - 1);
                assert_eq!(found, read, "{:?} at {at}", String::from_utf8_lossy(&keys));
                assert_eq!(memo.may_start(at), read.is_some());
            }
        }
    }

    #[test]
    fn my_password_parses_as_four_syllables() {
        // 我的密碼: ㄨㄛˇ ㄉㄜ˙ ㄇㄧˋ ㄇㄚˇ
        assert!(ends("ji32k7au4a83").contains(&(12, 4)));
        // 新北 with its tone-1 space, and without the final tone key.
        assert!(ends("vup 1o3").contains(&(7, 2)));
        assert!(ends("u xj4gjp4z/123").contains(&(11, 4)));
        assert!(ends("5p 5j s93t86").contains(&(12, 4)));
        assert!(ends("ji394w96j0").contains(&(10, 4)));
        assert!(ends("password").is_empty());
        assert!(ends("Tq7#").is_empty());
    }
}
