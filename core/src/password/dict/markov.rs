//! The letter trigram model that prices word-like strings (issue 22 item 3).

/// A letter trigram model of the words in the lists: how surprising each letter
/// is after the two before it, in bits. It prices words that are on no list but
/// are built like words (names, transliterations, compounds, pinyin): a human
/// string costs 2–3 bits a letter, a random one 5 or more.
///
/// Trained when the lists are indexed, on their letters (each entry once, all
/// lists), with Witten-Bell interpolation of trigram, bigram and (add-half)
/// unigram estimates. Position 26 is the word boundary.
pub(crate) struct Markov {
    /// `bits[(a * 27 + b) * 26 + c]`, quantised to 1/16 bit.
    bits: Vec<u16>,
}

impl Markov {
    /// Bits of letter `c` after `a`, `b` (`0..26` letters, 26 the boundary).
    #[inline]
    pub(crate) fn bits(&self, a: usize, b: usize, c: usize) -> f32 {
        let q = self
            .bits
            .get((a * 27 + b) * 26 + c)
            .copied()
            .unwrap_or(u16::MAX);
        f32::from(q) / 16.0
    }

    #[inline]
    pub(super) fn train<'w>(words: impl Iterator<Item = &'w [u8]>) -> Markov {
        let mut c3 = vec![0u32; 27 * 27 * 26];
        let mut c2 = vec![0u32; 27 * 26];
        let mut c1 = [0u32; 26];
        for w in words {
            for run in w.split(|b| !b.is_ascii_lowercase()) {
                let (mut a, mut b) = (26usize, 26usize);
                for &ch in run {
                    let c = usize::from(ch - b'a');
                    c3[(a * 27 + b) * 26 + c] += 1;
                    c2[b * 26 + c] += 1;
                    c1[c] += 1;
                    (a, b) = (b, c);
                }
            }
        }
        let total1: f64 = c1.iter().map(|&x| f64::from(x)).sum::<f64>().max(1.0);
        // Witten-Bell: each order's weight is the share of its context's count
        // among count + distinct followers; the rest goes to the lower order.
        let wb = |counts: &[u32]| -> (f64, f64) {
            let n: f64 = counts.iter().map(|&x| f64::from(x)).sum();
            let t = counts.iter().filter(|&&x| x > 0).count() as f64;
            if n > 0.0 {
                (n, n / (n + t))
            } else {
                (0.0, 0.0)
            }
        };
        let mut bits = vec![0u16; 27 * 27 * 26];
        for a in 0..27 {
            for b in 0..27 {
                let row3 = &c3[(a * 27 + b) * 26..(a * 27 + b + 1) * 26];
                let row2 = &c2[b * 26..(b + 1) * 26];
                let (n3, l3) = wb(row3);
                let (n2, l2) = wb(row2);
                for c in 0..26 {
                    let p1 = (f64::from(c1[c]) + 0.5) / (total1 + 13.0);
                    let p2 = if n2 > 0.0 {
                        l2 * f64::from(row2[c]) / n2 + (1.0 - l2) * p1
                    } else {
                        p1
                    };
                    let p3 = if n3 > 0.0 {
                        l3 * f64::from(row3[c]) / n3 + (1.0 - l3) * p2
                    } else {
                        p2
                    };
                    let q = (-p3.log2() * 16.0).round().clamp(0.0, f64::from(u16::MAX));
                    bits[(a * 27 + b) * 26 + c] = q as u16;
                }
            }
        }
        Markov { bits }
    }
}
