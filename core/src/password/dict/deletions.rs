//! The deletion-neighbourhood index behind fuzzy matching (issue 22 item 3):
//! for the hash of a word, or of a word with one letter deleted, the fuzzy
//! words it comes from.
//!
//! Flat arrays sorted by hash and cut into buckets by bits of the hash, not
//! a hash map: the index is built on the first password check of every
//! process (the command line, and so each PHP call, pays it every time), and
//! inserting ~130,000 keys into a map took a quarter of that set-up, most of
//! it in cache misses and in faulting in the map's fresh pages. One counting
//! pass and one scatter build the buckets; a lookup reads one bucket of two or
//! three keys, about what a probe of the map read.

use super::{FuzzyWord, key_hash};
use std::ops::Range;

/// Buckets, by [`BUCKET_BITS`] bits of a key's hash (see [`bucket`]).
const BUCKET_BITS: u32 = 16;
const BUCKETS: usize = 1 << BUCKET_BITS;

/// Bits of [`Deletions::present`] (128 KB): about 130,000 keys set about one
/// bit in nine, so eight of nine keys that are no key are answered by it.
const PRESENT_BITS: usize = 1 << 20;

pub(crate) struct Deletions {
    /// Bucket `b` holds the entries `starts[b]..starts[b + 1]`.
    starts: Vec<u32>,
    /// Each entry's key hash, sorted (by bucket, then hash, then word).
    hashes: Vec<u64>,
    /// Each entry's word (an index into the fuzzy words); the words of one
    /// hash are consecutive and in list order.
    words: Vec<u32>,
    /// One bit per [`PRESENT_BITS`] of the keys' hashes (their low bits) that
    /// some key has: most keys looked up (a run's deletions) are in no list,
    /// and one bit read answers them without reading a bucket.
    present: Vec<u64>,
}

/// The bucket of a hash: the top bits of the hash times a large odd
/// constant (Fibonacci hashing). The key hash's own top bits are ill mixed
/// for short keys (most buckets stayed empty and a few held dozens of keys).
#[inline]
fn bucket(h: u64) -> usize {
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BUCKET_BITS)) as usize
}

/// The word and bit of [`Deletions::present`] for a hash (its low 20 bits).
#[inline]
fn present_bit(h: u64) -> (usize, u32) {
    let low = (h as usize) & (PRESENT_BITS - 1);
    (low / 64, (low % 64) as u32)
}

impl Deletions {
    /// Indexes each word and each of its one-letter deletions. A word that
    /// gives the same key twice (`pasword` from either `s` of `password`) is
    /// listed once under it.
    pub(crate) fn build(fuzzy_words: &[FuzzyWord]) -> Deletions {
        let total: usize = fuzzy_words.iter().map(|w| w.word.len() + 1).sum();
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(total);
        let mut buf = [0u8; super::FUZZY_MAX];
        for (i, fw) in fuzzy_words.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let w = fw.word;
            pairs.push((key_hash(w), i));
            // The word without its letter `d`, for each `d` in order: from one
            // to the next only the letter before `d` comes back.
            let n = w.len();
            if n == 0 {
                continue;
            }
            buf[..n - 1].copy_from_slice(&w[1..]);
            for d in 0..n {
                if d > 0 {
                    buf[d - 1] = w[d - 1];
                }
                pairs.push((key_hash(&buf[..n - 1]), i));
            }
        }
        // Counting sort by bucket: stable, so each bucket keeps the words'
        // order.
        let mut starts = vec![0u32; BUCKETS + 1];
        for &(h, _) in &pairs {
            starts[bucket(h) + 1] += 1;
        }
        for b in 0..BUCKETS {
            starts[b + 1] += starts[b];
        }
        let mut sorted = vec![(0u64, 0u32); pairs.len()];
        let mut next = starts.clone();
        for &(h, w) in &pairs {
            let at = &mut next[bucket(h)];
            sorted[*at as usize] = (h, w);
            *at += 1;
        }
        drop(pairs);
        // Within each bucket (two or three entries): sort by hash, stably,
        // then drop repeated entries, and lay the result out flat.
        let mut hashes = Vec::with_capacity(sorted.len());
        let mut words = Vec::with_capacity(sorted.len());
        let mut present = vec![0u64; PRESENT_BITS / 64];
        let mut from = 0usize;
        for b in 0..BUCKETS {
            let to = starts[b + 1] as usize;
            let chunk = &mut sorted[from..to];
            if chunk.len() > 1 {
                chunk.sort_by_key(|&(h, _)| h);
            }
            starts[b] = hashes.len() as u32;
            let mut last = None;
            for &(h, w) in chunk.iter() {
                if last == Some((h, w)) {
                    continue;
                }
                last = Some((h, w));
                hashes.push(h);
                words.push(w);
                let (word, bit) = present_bit(h);
                present[word] |= 1 << bit;
            }
            from = to;
        }
        starts[BUCKETS] = hashes.len() as u32;
        Deletions {
            starts,
            hashes,
            words,
            present,
        }
    }

    /// The fuzzy words under one key (a word, or a word less one letter), in
    /// list order.
    #[inline]
    pub(crate) fn candidates(&self, key: &[u8]) -> &[u32] {
        let h = key_hash(key);
        let (word, bit) = present_bit(h);
        if self.present.get(word).is_none_or(|w| (w >> bit) & 1 == 0) {
            return &[];
        }
        let range = self.range(h);
        self.words.get(range).unwrap_or_default()
    }

    /// The entries of hash `h` (empty if none).
    #[inline]
    fn range(&self, h: u64) -> Range<usize> {
        let b = bucket(h);
        let (Some(&lo), Some(&hi)) = (self.starts.get(b), self.starts.get(b + 1)) else {
            return 0..0;
        };
        let (lo, hi) = (lo as usize, hi as usize);
        let keys = self.hashes.get(lo..hi).unwrap_or_default();
        let Some(first) = keys.iter().position(|&k| k >= h) else {
            return 0..0;
        };
        let n = keys[first..].iter().take_while(|&&k| k == h).count();
        lo + first..lo + first + n
    }

    /// How many entries the index holds (the tests check its size).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }
}
