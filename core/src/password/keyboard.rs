//! Keyboard walks, sequences and the key positions behind them (issue 22 item 6).
//!
//! Taiwan types on one physical keyboard with two layouts printed on it: QWERTY
//! and the standard (大千) Zhuyin layout, whose symbols run down the columns
//! (ㄅㄆㄇㄈ = `1 q a z`, ㄉㄊㄋㄌ = `2 w s x`, …). A walk on the Zhuyin layout is
//! therefore a walk over the same keys, and reciting the Zhuyin alphabet types
//! the keyboard column by column (`1qaz2wsx…`). Two detectors cover both:
//!
//! - **Spatial walks** ([`walk_step`]): each key next to the one before on the
//!   QWERTY grid (zxcvbn's slanted graph) or on the numeric keypad, with the
//!   number of turns. Shifted keys count as their key plus case-like bits.
//! - **Sequences** ([`ALPHABETS`]): runs in the order of an alphabet: letters,
//!   digits, QWERTY rows, keyboard columns top-down and bottom-up, the Zhuyin
//!   order (ㄅㄆㄇㄈㄉ…, tone keys left out), keypad rows and columns.

/// QWERTY rows, unshifted and shifted (US layout, the one sold in Taiwan).
static ROWS: [(&[u8], &[u8]); 4] = [
    (b"`1234567890-=", b"~!@#$%^&*()_+"),
    (b"qwertyuiop[]\\", b"QWERTYUIOP{}|"),
    (b"asdfghjkl;'", b"ASDFGHJKL:\""),
    (b"zxcvbnm,./", b"ZXCVBNM<>?"),
];

/// Where an ASCII character sits: `(row, column, shifted)`, row 0 the number row.
/// Unknown characters are `(0xFF, 0xFF, false)`.
static POS: [(u8, u8, bool); 128] = {
    let mut t = [(0xFFu8, 0xFFu8, false); 128];
    let mut r = 0;
    while r < ROWS.len() {
        let (plain, shifted) = ROWS[r];
        let mut c = 0;
        while c < plain.len() {
            t[plain[c] as usize] = (r as u8, c as u8, false);
            t[shifted[c] as usize] = (r as u8, c as u8, true);
            c += 1;
        }
        r += 1;
    }
    t
};

/// The key under a character and whether it needs shift.
#[inline]
pub(crate) const fn key_of(b: u8) -> Option<(u8, u8, bool)> {
    if b >= 128 {
        return None;
    }
    let p = POS[b as usize];
    if p.0 == 0xFF { None } else { Some(p) }
}

/// The unshifted character of a key (`!` → `1`, `Q` → `q`).
#[inline]
pub(crate) const fn unshifted(b: u8) -> u8 {
    match key_of(b) {
        Some((r, c, _)) => ROWS[r as usize].0[c as usize],
        None => b,
    }
}

/// For every byte: its key unshifted and lowercased (`!` → `1`, `Q` → `q`;
/// other bytes as they are, lowercased), and whether it needs shift, computed
/// at compile time: the walks and sequences read them at every character.
static PLAIN: [(u8, bool); 256] = {
    let mut t = [(0u8, false); 256];
    let mut b = 0;
    while b < 256 {
        let shifted = match key_of(b as u8) {
            Some(k) => k.2,
            None => false,
        };
        t[b] = (unshifted(b as u8).to_ascii_lowercase(), shifted);
        b += 1;
    }
    t
};

/// A byte's key unshifted and lowercased (see [`PLAIN`]).
#[inline]
pub(crate) fn plain_key(b: u8) -> u8 {
    PLAIN[usize::from(b)].0
}

/// Whether a byte is typed with shift (see [`PLAIN`]).
#[inline]
pub(crate) fn is_shifted(b: u8) -> bool {
    PLAIN[usize::from(b)].1
}

/// The direction from one key to the next on the slanted QWERTY grid (zxcvbn's
/// graph: each key touches two on its row, two above and two below), or `None`.
/// Directions: 0 left, 1 right, 2 up-left, 3 up-right, 4 down-left, 5 down-right.
const fn qwerty_dir(a: (u8, u8, bool), b: (u8, u8, bool)) -> Option<u8> {
    let (ra, ca) = (a.0 as i32, a.1 as i32);
    let (rb, cb) = (b.0 as i32, b.1 as i32);
    // Row 1 starts one and a half keys right of row 0; rows 2 and 3 start half a
    // key right of the row above: the column offset between rows.
    let up_shift = if rb == 0 { 1 } else { 0 };
    let down_shift = if ra == 0 { 1 } else { 0 };
    match rb - ra {
        0 if cb == ca - 1 => Some(0),
        0 if cb == ca + 1 => Some(1),
        -1 if cb == ca + up_shift => Some(2),
        -1 if cb == ca + up_shift + 1 => Some(3),
        1 if cb == ca - down_shift - 1 => Some(4),
        1 if cb == ca - down_shift => Some(5),
        _ => None,
    }
}

/// The QWERTY step between every two ASCII bytes (0–5, or 0xFF when the keys
/// do not touch), computed at compile time.
static QWERTY_STEP: [[u8; 128]; 128] = {
    let mut t = [[0xFFu8; 128]; 128];
    let mut a = 0;
    while a < 128 {
        let mut b = 0;
        while b < 128 {
            if let (Some(ka), Some(kb)) = (key_of(a as u8), key_of(b as u8))
                && let Some(d) = qwerty_dir(ka, kb)
            {
                t[a][b] = d;
            }
            b += 1;
        }
        a += 1;
    }
    t
};

/// The numeric keypad: `7 8 9 / 4 5 6 / 1 2 3 / _ 0 _`.
const fn keypad_pos(b: u8) -> Option<(i32, i32)> {
    Some(match b {
        b'7' => (0, 0),
        b'8' => (0, 1),
        b'9' => (0, 2),
        b'4' => (1, 0),
        b'5' => (1, 1),
        b'6' => (1, 2),
        b'1' => (2, 0),
        b'2' => (2, 1),
        b'3' => (2, 2),
        b'0' => (3, 1),
        _ => return None,
    })
}

/// The keypad step between every two digits (`(dr + 1) * 3 + (dc + 1)`, or
/// 0xFF when the keys do not touch), computed at compile time.
static KEYPAD_STEP: [[u8; 10]; 10] = {
    let mut t = [[0xFFu8; 10]; 10];
    let mut a = 0;
    while a < 10 {
        let mut b = 0;
        while b < 10 {
            if let (Some((ra, ca)), Some((rb, cb))) =
                (keypad_pos(b'0' + a as u8), keypad_pos(b'0' + b as u8))
            {
                let (dr, dc) = (rb - ra, cb - ca);
                if !(dr == 0 && dc == 0) && dr.abs() <= 1 && dc.abs() <= 1 {
                    t[a][b] = ((dr + 1) * 3 + (dc + 1)) as u8;
                }
            }
            b += 1;
        }
        a += 1;
    }
    t
};

/// Which keyboard a walk is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Board {
    /// The main keyboard (QWERTY and Zhuyin share its keys).
    Qwerty,
    /// The numeric keypad.
    Keypad,
}

impl Board {
    /// The stable `keyboard` parameter.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Board::Qwerty => "qwerty",
            Board::Keypad => "keypad",
        }
    }
}

/// One step of a walk from `a` to `b`: the direction (0–7), or `None` when the
/// keys do not touch on that board.
#[inline]
pub(crate) fn walk_step(board: Board, a: u8, b: u8) -> Option<u8> {
    match board {
        Board::Qwerty => {
            let d = *QWERTY_STEP.get(usize::from(a))?.get(usize::from(b))?;
            (d != 0xFF).then_some(d)
        }
        Board::Keypad => {
            let d = *KEYPAD_STEP
                .get(usize::from(a.wrapping_sub(b'0')))?
                .get(usize::from(b.wrapping_sub(b'0')))?;
            (d != 0xFF).then_some(d)
        }
    }
}

/// Bits of a walk's start and of each turn on a board: `log2` of the starting
/// keys and of the average number of neighbours (zxcvbn's numbers: 47 keys with
/// 4.6 neighbours; the keypad's 10 digits with about 5). A walk of length `l`
/// with `t` turns costs `start + t·turn + log2(l)` bits.
pub(crate) const fn board_bits(board: Board) -> (f32, f32) {
    match board {
        Board::Qwerty => (5.555, 2.202),
        Board::Keypad => (3.322, 2.322),
    }
}

/// Ordered alphabets whose runs are sequences, with a stable name. Characters of
/// a password are compared unshifted and lowercased, so `!@#$` is the digits row
/// and `ABC` the letters (shift and case cost their own bits).
pub(crate) static ALPHABETS: [(&str, &[u8]); 11] = [
    ("letters", b"abcdefghijklmnopqrstuvwxyz"),
    ("digits", b"01234567890"),
    ("qwerty_row", b"qwertyuiop[]\\"),
    ("qwerty_row", b"asdfghjkl;'"),
    ("qwerty_row", b"zxcvbnm,./"),
    (
        "keyboard_columns",
        b"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]",
    ),
    (
        "keyboard_columns",
        b"zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
    ),
    // ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄧㄨㄩㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦ
    ("zhuyin_order", b"1qaz2wsxedcrfv5tgbyhnujm8ik,9ol.0p;/-"),
    ("keypad", b"147258369"),
    ("keypad", b"789456123"),
    ("keypad", b"1593570"),
];

/// The positions of each byte in each alphabet (a digit appears twice in
/// `digits` so that `890` runs on), as bitmasks over the first 64 positions,
/// computed at compile time.
static POSITIONS: [[u64; 128]; ALPHABETS.len()] = {
    let mut t = [[0u64; 128]; ALPHABETS.len()];
    let mut a = 0;
    while a < ALPHABETS.len() {
        let s = ALPHABETS[a].1;
        let mut i = 0;
        while i < s.len() && i < 64 {
            t[a][s[i] as usize] |= 1 << i;
            i += 1;
        }
        a += 1;
    }
    t
};

/// For two typed bytes, the alphabets in which the second follows the first
/// (by ±1, or ±2 in letters and digits), after unshifting and lowercasing: most
/// pairs follow in none, and a sequence is looked for only where one does.
pub(crate) static FOLLOWS: [[u16; 128]; 128] = {
    let mut t = [[0u16; 128]; 128];
    let mut x = 0;
    while x < 128 {
        let k0 = unshifted(x as u8).to_ascii_lowercase();
        let mut y = 0;
        while y < 128 {
            let k1 = unshifted(y as u8).to_ascii_lowercase();
            let mut a = 0;
            while a < ALPHABETS.len() {
                let p0 = POSITIONS[a][k0 as usize];
                let p1 = POSITIONS[a][k1 as usize];
                let two = if a < 2 { (p0 << 2) | (p0 >> 2) } else { 0 };
                if ((p0 << 1) | (p0 >> 1) | two) & p1 != 0 {
                    t[x][y] |= 1 << a;
                }
                a += 1;
            }
            y += 1;
        }
        x += 1;
    }
    t
};

/// The alphabets in which `b` follows `a` (see [`FOLLOWS`]).
#[inline]
pub(crate) fn follows(a: u8, b: u8) -> u16 {
    FOLLOWS
        .get(usize::from(a))
        .and_then(|t| t.get(usize::from(b)))
        .copied()
        .unwrap_or(0)
}

/// Whether a walk of three keys can start with these: two QWERTY steps, or
/// three digits (the keypad).
#[inline]
pub(crate) fn may_walk(a: u8, b: u8, c: u8) -> bool {
    let step = |x: u8, y: u8| {
        QWERTY_STEP
            .get(usize::from(x))
            .and_then(|t| t.get(usize::from(y)))
            .is_some_and(|&d| d != 0xFF)
    };
    (step(a, b) && step(b, c)) || (a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit())
}

/// The positions of a byte in alphabet `a` (see [`POSITIONS`]).
#[inline]
pub(crate) fn positions(a: usize, b: u8) -> u64 {
    POSITIONS
        .get(a)
        .and_then(|t| t.get(usize::from(b)))
        .copied()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(board: Board, s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut turns = 0;
        let mut last = None;
        for w in b.windows(2) {
            let d = walk_step(board, w[0], w[1])?;
            if last != Some(d) {
                turns += 1;
            }
            last = Some(d);
        }
        Some(turns)
    }

    #[test]
    fn qwerty_neighbours() {
        assert_eq!(walk(Board::Qwerty, "qwerty"), Some(1));
        assert_eq!(walk(Board::Qwerty, "1qaz"), Some(1));
        assert_eq!(walk(Board::Qwerty, "zaq1"), Some(1));
        assert_eq!(walk(Board::Qwerty, "!QAZ"), Some(1));
        assert_eq!(walk(Board::Qwerty, "zaq12wsx"), Some(3));
        assert_eq!(walk(Board::Qwerty, "asdfgh"), Some(1));
        assert_eq!(walk(Board::Qwerty, "qaz2"), None);
        assert_eq!(walk(Board::Qwerty, "ac"), None);
        assert_eq!(walk(Board::Keypad, "7415"), Some(2));
        assert_eq!(walk(Board::Keypad, "19"), None);
        assert_eq!(unshifted(b'!'), b'1');
        assert_eq!(unshifted(b'Q'), b'q');
    }

    #[test]
    fn alphabets_are_indexed() {
        assert!(FOLLOWS[usize::from(b'a')][usize::from(b'b')] & 1 != 0);
        assert!(FOLLOWS[usize::from(b'!')][usize::from(b'@')] & 2 != 0);
        assert_eq!(FOLLOWS[usize::from(b'a')][usize::from(b'm')], 0);
        assert_eq!(positions(1, b'0'), 1 | 1 << 10);
        assert!(ALPHABETS.len() <= 16);
    }
}
