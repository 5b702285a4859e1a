//! The password as the guess estimate reads it (issue 22 item 2): normalised
//! keys (lowercase, full-width folded, other characters opaque), the typed
//! characters, and the case counts the case bits need; and the bits of a
//! character typed at random.

use super::*;

/// The characters of the password as the detectors see them.
pub(crate) struct Text {
    pub(crate) n: usize,
    /// Lowercase ASCII; full-width ASCII folded; anything else 0x80.
    pub(crate) key: [u8; MAX_CHARS],
    /// The ASCII character as typed (case kept; full-width folded), else 0x80.
    pub(crate) raw: [u8; MAX_CHARS],
    /// Upper- and lowercase letters before each position (for case bits).
    pub(super) ups: [u8; MAX_CHARS + 1],
    pub(super) lows: [u8; MAX_CHARS + 1],
    /// Whether any character is outside ASCII (after folding).
    pub(crate) wide: bool,
}

impl Text {
    /// An empty text, to [`read`](Text::read) into (kept on the caller's stack).
    #[inline]
    pub(crate) fn new() -> Text {
        Text {
            n: 0,
            key: [0x80; MAX_CHARS],
            raw: [0x80; MAX_CHARS],
            ups: [0; MAX_CHARS + 1],
            lows: [0; MAX_CHARS + 1],
            wide: false,
        }
    }

    /// Reads a password of at most [`MAX_CHARS`] characters (else `false`).
    pub(crate) fn read(&mut self, password: &str) -> bool {
        let t = self;
        if password.is_ascii() {
            let bytes = password.as_bytes();
            if bytes.len() > MAX_CHARS {
                return false;
            }
            for (i, &b) in bytes.iter().enumerate() {
                t.raw[i] = b;
                t.key[i] = b.to_ascii_lowercase();
                t.ups[i + 1] = t.ups[i] + u8::from(b.is_ascii_uppercase());
                t.lows[i + 1] = t.lows[i] + u8::from(b.is_ascii_lowercase());
            }
            t.n = bytes.len();
            return true;
        }
        for (i, c) in password.chars().enumerate() {
            if i >= MAX_CHARS {
                return false;
            }
            let a = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
                '\u{3000}' => Some(' '),
                _ => Some(c),
            }
            .filter(char::is_ascii)
            .map(|c| c as u8);
            let (up, low) = match a {
                Some(b) => {
                    t.raw[i] = b;
                    t.key[i] = b.to_ascii_lowercase();
                    (b.is_ascii_uppercase(), b.is_ascii_lowercase())
                }
                None => {
                    t.wide = true;
                    (false, false)
                }
            };
            t.ups[i + 1] = t.ups[i] + u8::from(up);
            t.lows[i + 1] = t.lows[i] + u8::from(low);
            t.n = i + 1;
        }
        true
    }

    #[inline]
    pub(super) fn keys(&self) -> &[u8] {
        &self.key[..self.n]
    }

    /// Bits for the case of the letters in `[s, e)` (zxcvbn's uppercase
    /// variations): 0 when all lower, 1 for all upper, only the first or only
    /// the last upper, else log2 of the ways to place that many capitals.
    #[inline]
    pub(super) fn case_bits(&self, s: usize, e: usize) -> f32 {
        let u = usize::from(self.ups[e] - self.ups[s]);
        if u == 0 {
            return 0.0;
        }
        let l = usize::from(self.lows[e] - self.lows[s]);
        if l == 0 {
            return 1.0;
        }
        let first_up = self.raw[s].is_ascii_uppercase();
        let last_up = self.raw[e - 1].is_ascii_uppercase();
        if u == 1 && (first_up || last_up) {
            return 1.0;
        }
        variations(u, l)
    }

    #[inline]
    pub(super) fn brute_bits(&self, i: usize) -> f32 {
        let b = self.raw[i];
        let mask = match i.checked_sub(1) {
            Some(j) if ascii_kind(self.raw[j]) != ascii_kind(b) => BF_MASK,
            _ => 0.0,
        };
        mask + self.char_bits(i)
    }

    /// Bits of one character by its class alone (one table read).
    #[inline]
    pub(super) fn char_bits(&self, i: usize) -> f32 {
        CHAR_BITS[usize::from(self.raw[i])]
    }
}

/// Bits of one character typed at random, by its class alone: lower, upper,
/// digit, the 9 common symbols `!@#$.*_-?` and space, other symbols, anything
/// else (controls, and 0x80 for a character outside ASCII).
pub(super) const fn class_bits(b: u8) -> f32 {
    match b {
        b'a'..=b'z' => BF_LOWER,
        b'A'..=b'Z' => BF_UPPER,
        b'0'..=b'9' => BF_DIGIT,
        b'!' | b'@' | b'#' | b'$' | b'.' | b'*' | b'_' | b'-' | b'?' | b' ' => BF_COMMON_SYMBOL,
        0x21..=0x7E => BF_SYMBOL,
        _ => BF_OTHER,
    }
}

/// [`class_bits`] of every byte, computed at compile time (it is read for every
/// character and every decoration).
pub(super) static CHAR_BITS: [f32; 256] = {
    let mut t = [0.0f32; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = class_bits(b as u8);
        b += 1;
    }
    t
};

/// `log2(Σ_{i=1}^{min(u,l)} C(u+l, i))`, from a table built once (u, l ≤ 32).
#[inline]
pub(super) fn variations(u: usize, l: usize) -> f32 {
    static TABLE: LazyLock<Vec<f32>> = LazyLock::new(|| {
        let mut t = vec![0.0f32; 33 * 33];
        for u in 0..=32usize {
            for l in 0..=32usize {
                let n = u + l;
                let mut sum = 0.0f64;
                let mut c = 1.0f64; // C(n, 0)
                for i in 1..=u.min(l) {
                    c = c * (n + 1 - i) as f64 / i as f64;
                    sum += c;
                }
                t[u * 33 + l] = if sum > 0.0 { sum.log2() as f32 } else { 0.0 };
            }
        }
        t
    });
    TABLE
        .get(u.min(32) * 33 + l.min(32))
        .copied()
        .unwrap_or(0.0)
}
