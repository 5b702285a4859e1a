//! The first line of each value of a schema's unique field (an incident's 編號),
//! kept compactly: one text buffer for every key, and a table from each key's
//! hash to its place in it. A `HashMap<String, u64>` cost an allocation per
//! row and a pointer to follow per look-up, which at 100,000 rows missed the
//! caches (issue 9: the incident import grew faster than its rows).

use std::collections::HashMap;
use std::collections::hash_map::{Entry, RandomState};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The keys seen so far, each with the line it was first seen on.
pub(super) struct Seen {
    state: RandomState,
    /// Hash → (start, end in `text`, line) of the first key with that hash.
    first: HashMap<u64, (usize, usize, u64), BuildHasherDefault<Prehashed>>,
    /// Keys whose hash an earlier, different key already has (next to never:
    /// the hasher is keyed at random), by their text.
    clashes: HashMap<String, u64>,
    text: String,
}

impl Seen {
    pub(super) fn new() -> Self {
        Seen {
            state: RandomState::new(),
            first: HashMap::default(),
            clashes: HashMap::new(),
            text: String::new(),
        }
    }

    /// Room for `n` keys.
    pub(super) fn reserve(&mut self, n: usize) {
        self.first.reserve(n);
    }

    /// The key's hash, for [`Seen::line_of`] and [`Seen::insert`].
    pub(super) fn hash(&self, key: &str) -> u64 {
        self.state.hash_one(key)
    }

    /// The line `key` was first seen on.
    pub(super) fn line_of(&self, key: &str, hash: u64) -> Option<u64> {
        match self.first.get(&hash) {
            None => None,
            Some(&(start, end, line)) if &self.text[start..end] == key => Some(line),
            Some(_) => self.clashes.get(key).copied(),
        }
    }

    /// Notes `key` as first seen on `line` (a key not seen before).
    pub(super) fn insert(&mut self, key: &str, hash: u64, line: u64) {
        match self.first.entry(hash) {
            Entry::Vacant(v) => {
                let start = self.text.len();
                self.text.push_str(key);
                v.insert((start, self.text.len(), line));
            }
            Entry::Occupied(_) => {
                self.clashes.entry(key.to_owned()).or_insert(line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    /// Keys that share a hash are still told apart.
    #[test]
    fn tells_apart_keys_with_one_hash() {
        let mut s = Seen::new();
        s.insert("a", 7, 2);
        assert_eq!(s.line_of("a", 7), Some(2));
        assert_eq!(s.line_of("b", 7), None);
        s.insert("b", 7, 3);
        assert_eq!((s.line_of("a", 7), s.line_of("b", 7)), (Some(2), Some(3)));
        let h = s.hash("c");
        assert_eq!(s.line_of("c", h), None);
        s.insert("c", h, 4);
        assert_eq!(s.line_of("c", h), Some(4));
    }
}
