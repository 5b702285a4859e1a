//! The pattern matchers of the guess estimate (issue 22 item 6, and 5 for
//! dates): keyboard and keypad walks, sequences, repeats and copies, and dates
//! in the Gregorian and ROC formats. Each starts a bounded run at one position
//! and relaxes the path with what it finds.

use super::*;

/// Spatial walks on the keyboard and the keypad starting at `s`.
#[inline]
pub(super) fn walks<const N: usize>(text: &Text, s: usize, p: &mut Path<N>) {
    if s + 2 >= text.n {
        return;
    }
    let (r0, r1, r2) = (text.raw[s], text.raw[s + 1], text.raw[s + 2]);
    let qwerty = keyboard::walk_step(Board::Qwerty, r0, r1).is_some()
        && keyboard::walk_step(Board::Qwerty, r1, r2).is_some();
    let keypad = r0.is_ascii_digit() && r1.is_ascii_digit() && r2.is_ascii_digit();
    for board in [Board::Qwerty, Board::Keypad] {
        if !(match board {
            Board::Qwerty => qwerty,
            Board::Keypad => keypad,
        }) {
            continue;
        }
        let (start_bits, turn_bits) = keyboard::board_bits(board);
        let mut last = None;
        let mut turns = 0u8;
        let mut shifted = usize::from(is_shifted(text.raw[s]));
        let mut e = s + 1;
        while e < text.n && e - s < MAX_RUN {
            let Some(dir) = keyboard::walk_step(board, text.raw[e - 1], text.raw[e]) else {
                break;
            };
            if last != Some(dir) {
                turns = turns.saturating_add(1);
            }
            last = Some(dir);
            shifted += usize::from(is_shifted(text.raw[e]));
            e += 1;
            let len = e - s;
            if len >= 3 {
                let bits = start_bits
                    + f32::from(turns) * turn_bits
                    + log2(len)
                    + shift_bits(shifted, len, text.raw[s], text.raw[e - 1]);
                p.relax(s, e, bits, Part::Walk { board, turns });
            }
        }
    }
}

/// Shift bits, counted like capitals.
#[inline]
pub(super) fn shift_bits(shifted: usize, len: usize, first: u8, last: u8) -> f32 {
    if shifted == 0 {
        0.0
    } else if shifted == len || (shifted == 1 && (is_shifted(first) || is_shifted(last))) {
        1.0
    } else {
        variations(shifted, len - shifted)
    }
}

/// Runs in an ordered alphabet starting at `s` (`abc`, `6543`, `qwer`, `1qaz2wsx`,
/// `ㄅㄆㄇㄈ` = `1qaz`, `147258369`), ascending or descending; letters and digits
/// also by twos (`13579`).
#[inline]
pub(super) fn sequences<const N: usize>(text: &Text, s: usize, p: &mut Path<N>) {
    let n = text.n;
    if s + 2 >= n {
        return;
    }
    let (r0, r1, r2) = (text.raw[s], text.raw[s + 1], text.raw[s + 2]);
    let mut common = keyboard::follows(r0, r1) & keyboard::follows(r1, r2);
    let k0 = keyboard::plain_key(r0);
    let k1 = keyboard::plain_key(r1);
    while common != 0 {
        let a = common.trailing_zeros() as usize;
        common &= common - 1;
        let alphabet = ALPHABETS[a].1;
        let p0 = keyboard::positions(a, k0);
        let p1 = keyboard::positions(a, k1);
        let obvious = matches!(k0, b'a' | b'z' | b'0' | b'1' | b'9')
            || alphabet.first() == Some(&k0)
            || alphabet.last() == Some(&k0);
        let start_bits = if obvious { 2.0 } else { log2(alphabet.len()) };
        let deltas: &[i8] = if a < 2 { &[1, -1, 2, -2] } else { &[1, -1] };
        for &delta in deltas {
            let mut m = shift(p0, delta) & p1;
            if m == 0 {
                continue;
            }
            let base = start_bits
                + if delta < 0 { 1.0 } else { 0.0 }
                + if delta.abs() > 1 { 1.0 } else { 0.0 }
                + if a < 2 { 0.0 } else { 1.0 };
            let mut e = s + 2;
            let mut upper = usize::from(text.raw[s] != k0) + usize::from(text.raw[s + 1] != k1);
            while e < n && e - s < MAX_RUN {
                let k = keyboard::plain_key(text.raw[e]);
                let next = shift(m, delta) & keyboard::positions(a, k);
                if next == 0 {
                    break;
                }
                m = next;
                upper += usize::from(text.raw[e] != k);
                e += 1;
                let len = e - s;
                let bits = base + log2(len) + shift_bits(upper, len, text.raw[s], text.raw[e - 1]);
                p.relax(s, e, bits, Part::Sequence { alphabet: a as u8 });
            }
        }
    }
}

#[inline]
pub(super) fn shift(m: u64, delta: i8) -> u64 {
    if delta >= 0 {
        m << delta
    } else {
        m >> (-delta)
    }
}

/// Copies: characters equal (with their case) to those `block` places before,
/// for blocks of 1 to [`MAX_BLOCK`] (`abcabc`, `20212021`, `aaaa`). Runs are
/// found right to left in one pass per block size; a copy is reported where a
/// run starts and every [`MAX_RUN`] characters after, so a long repetition
/// chains. At most 16 copies are kept, sorted by start.
pub(super) struct Copies {
    /// `(start, end, block, continued)`: `continued` when the copy goes on from
    /// the chunk before it.
    found: [(u16, u16, u8, bool); 16],
    len: usize,
}

impl Copies {
    #[inline]
    pub(super) fn list(&self) -> &[(u16, u16, u8, bool)] {
        &self.found[..self.len]
    }

    #[inline]
    pub(super) fn of(text: &Text) -> Copies {
        let n = text.n;
        let mut c = Copies {
            found: [(0, 0, 0, false); 16],
            len: 0,
        };
        let raw = &text.raw[..n];
        // prev[i]: the last index before i holding the same byte.
        let mut last = [u8::MAX; 256];
        let mut prev = [u8::MAX; MAX_CHARS];
        for (i, &b) in raw.iter().enumerate() {
            prev[i] = last[usize::from(b)];
            last[usize::from(b)] = i as u8;
        }
        for i in 1..n.saturating_sub(2) {
            let mut j = prev[i];
            while j != u8::MAX && i - usize::from(j) <= MAX_BLOCK {
                let block = i - usize::from(j);
                // A run of copies starts here (not one character earlier).
                if raw[i] != 0x80 && (i == block || raw[i - 1] != raw[i - 1 - block]) {
                    let mut end = i + 1;
                    while end < n && raw[end] == raw[end - block] {
                        end += 1;
                    }
                    let mut start = i;
                    while start + 3 <= end && c.len < c.found.len() {
                        let e = (start + MAX_RUN).min(end);
                        c.found[c.len] = (start as u16, e as u16, block as u8, start != i);
                        c.len += 1;
                        start = e;
                    }
                }
                j = prev[usize::from(j)];
            }
        }
        let len = c.len;
        c.found[..len].sort_unstable();
        c
    }
}

/// Dates and years in the digits starting at `s`.
///
/// `len`: how many digits start at `s` (at most 8). A single digit is no date
/// or year in any format (each needs two digits or more): the caller does not
/// call for one.
#[inline]
pub(super) fn dates<const N: usize>(
    text: &Text,
    s: usize,
    len: usize,
    years: Years,
    p: &mut Path<N>,
) {
    let n = text.n;
    let digit = |i: usize| u32::from(text.key[s + i] - b'0');
    let num = |a: usize, b: usize| (a..b).fold(0u32, |v, i| v * 10 + digit(i));
    let mut emit = |e: usize, bits: f32, f: DateFormat| p.relax(s, s + e, bits, Part::Date(f));
    // Years.
    if len >= 4 {
        let y = num(0, 4) as i32;
        if years.contains(y) {
            emit(4, years.bits(), DateFormat::ContextYear);
        } else if (1900..=2099).contains(&y) {
            emit(4, YEAR_BITS, DateFormat::Year);
        }
        if valid_md(2000, num(0, 2), num(2, 4)) {
            emit(4, DATE_MMDD_BITS, DateFormat::Mmdd);
        }
    }
    for l in [2usize, 3] {
        if len >= l && (l == 2 || text.key[s] != b'0') {
            let roc = num(0, l) as i32;
            if roc > 0 && years.contains(roc + 1911) {
                emit(l, years.bits(), DateFormat::ContextRocYear);
            }
        }
    }
    if len >= 6 {
        let (yy, m, dd) = (num(0, 2) as i32, num(2, 4), num(4, 6));
        if valid_md(1900 + yy, m, dd) || valid_md(2000 + yy, m, dd) || valid_md(1911 + yy, m, dd) {
            emit(6, DATE_FULL_BITS, DateFormat::Ymd6);
        }
    }
    if len >= 7 {
        let y = num(0, 3) as i32;
        if (1..=199).contains(&y) && valid_md(1911 + y, num(3, 5), num(5, 7)) {
            emit(7, DATE_FULL_BITS, DateFormat::RocYmd7);
        }
    }
    if len >= 8 {
        let y = num(0, 4) as i32;
        if (1900..=2099).contains(&y) && valid_md(y, num(4, 6), num(6, 8)) {
            emit(8, DATE_FULL_BITS, DateFormat::Ymd8);
        }
        let y2 = num(4, 8) as i32;
        if (1900..=2099).contains(&y2)
            && (valid_md(y2, num(0, 2), num(2, 4)) || valid_md(y2, num(2, 4), num(0, 2)))
        {
            emit(8, DATE_FULL_BITS + 1.0, DateFormat::Dmy8);
        }
    }
    // Year, month and day with one separator kind: y{2,4} sep m{1,2} sep d{1,2}.
    if (2..=4).contains(&len) && s + len < n {
        let sep = text.key[s + len];
        if matches!(sep, b'/' | b'-' | b'.' | b'_') {
            let y = num(0, len) as i32;
            let year = match len {
                4 => y,
                3 => 1911 + y,
                _ => 1911 + y, // two digits: ROC or Gregorian, both close enough
            };
            let mut i = s + len + 1;
            let field = |i: &mut usize| {
                let st = *i;
                while *i < n && *i - st < 2 && text.key[*i].is_ascii_digit() {
                    *i += 1;
                }
                (*i > st).then(|| {
                    text.key[st..*i]
                        .iter()
                        .fold(0u32, |v, &b| v * 10 + u32::from(b - b'0'))
                })
            };
            if let Some(m) = field(&mut i)
                && i < n
                && text.key[i] == sep
            {
                i += 1;
                if let Some(dd) = field(&mut i)
                    && (valid_md(year, m, dd) || (len == 2 && valid_md(1900 + y, m, dd)))
                {
                    emit(i - s, DATE_FULL_BITS + 1.0, DateFormat::Separated);
                }
            }
        }
    }
}

/// Whether month `m`, day `d` is a day of `year` (proleptic Gregorian, as
/// `NaiveDate::from_ymd_opt` decides it for the years 1900–2110 asked here;
/// without its year-flag tables: dates are tried at every digit).
#[inline]
pub(super) fn valid_md(year: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
