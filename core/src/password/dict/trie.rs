//! The trie of every list word (issue 22 item 3): substring matching walks it
//! from each position of a password, reading each node once.

use super::*;

/// The bytes a word may hold, as codes 0–49: letters, digits, space and the
/// thirteen symbols the lists use (`' . _ / @ - = * $ | ! , ;`). A word with
/// any other byte is left out of the trie.
pub(super) static CODE: [u8; 128] = {
    let mut t = [0xFFu8; 128];
    let mut c = 0u8;
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = c;
        c += 1;
        b += 1;
    }
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = c;
        c += 1;
        b += 1;
    }
    let others = b" '._/@-=*$|!,;";
    let mut i = 0;
    while i < others.len() {
        t[others[i] as usize] = c;
        c += 1;
        i += 1;
    }
    t
};

/// The trie code of a byte (0xFF: none).
#[inline]
pub(crate) fn code(b: u8) -> u8 {
    CODE.get(usize::from(b)).copied().unwrap_or(0xFF)
}

/// A byte trie in flat arrays, numbered breadth-first so that the children of a
/// node are consecutive. Each node keeps a 64-bit map of the byte codes it has
/// children for ([`CODE`]): the child along code `c` is `start + (number of set
/// bits below c)`, one 16-byte read per step. `label` and `parent` spell a
/// word back.
pub(crate) struct Trie {
    nodes: Vec<Node>,
    label: Vec<u8>,
    parent: Vec<u32>,
    entries: Vec<Entry>,
}

/// One trie node: which codes it has children for, where they start, and the
/// entry of the word it ends ([`NONE`] if none).
#[derive(Clone, Copy)]
pub(crate) struct Node {
    pub(super) bits: u64,
    start: u32,
    entry: u32,
}

/// What [`Trie::node`] answers for a node that does not exist: no children, no
/// word.
pub(super) const NO_NODE: Node = Node {
    bits: 0,
    start: 0,
    entry: NONE,
};

impl Node {
    /// The child along trie code `c` ([`code`]), or [`NONE`].
    #[inline]
    pub(crate) fn child(self, c: u8) -> u32 {
        if c >= 64 || (self.bits >> c) & 1 == 0 {
            return NONE;
        }
        self.start + (self.bits & ((1u64 << c) - 1)).count_ones()
    }
}

/// No child / no entry.
pub(crate) const NONE: u32 = u32::MAX;

impl Trie {
    /// The child of `node` along byte `label`, or [`NONE`] (the tests spell
    /// words with it).
    #[cfg(test)]
    #[inline]
    pub(crate) fn child(&self, node: u32, label: u8) -> u32 {
        let c = code(label);
        let Some(n) = self.nodes.get(node as usize) else {
            return NONE;
        };
        if c >= 64 || (n.bits >> c) & 1 == 0 {
            return NONE;
        }
        n.start + (n.bits & ((1u64 << c) - 1)).count_ones()
    }

    /// The node record of `node` (one read; children and entry together).
    #[inline]
    pub(crate) fn node(&self, node: u32) -> Node {
        self.nodes.get(node as usize).copied().unwrap_or(NO_NODE)
    }

    /// The word that ends at a node read by [`Trie::node`], if any.
    #[inline]
    pub(crate) fn entry_of(&self, node: Node) -> Option<&Entry> {
        self.entries.get(node.entry as usize)
    }

    /// The word that ends at `node`, if any.
    #[inline]
    pub(crate) fn entry(&self, node: u32) -> Option<&Entry> {
        let e = self.nodes.get(node as usize)?.entry;
        self.entries.get(e as usize)
    }

    /// Writes the word that leads to `node` into `out`; returns its length.
    #[inline]
    pub(crate) fn spell(&self, node: u32, out: &mut [u8; MAX_WORD]) -> usize {
        let mut len = 0;
        let mut n = node;
        while n != 0 && n != NONE && len < MAX_WORD {
            out[len] = self.label.get(n as usize).copied().unwrap_or(b'?');
            len += 1;
            n = self.parent.get(n as usize).copied().unwrap_or(NONE);
        }
        out[..len].reverse();
        len
    }

    /// Builds the trie from words in any order; a word listed more than once
    /// keeps its cheapest entry (the first of equally cheap ones). Words with
    /// bytes outside the trie codes are skipped (the lists are ASCII).
    ///
    /// No sort first: the lists are built once per process, on the first
    /// password check, and the command line pays that on every PHP call.
    /// Sorting the ~40,000 words (to add each child last) was more than half
    /// of it; finding a child among its siblings costs less.
    #[inline]
    pub(super) fn build(words: &[(&[u8], Entry)]) -> Trie {
        // Phase 1: a first-child / next-sibling trie.
        let mut first = vec![NONE];
        let mut next = vec![NONE];
        let mut lab = vec![0u8];
        let mut ent = vec![NONE];
        let mut entries: Vec<Entry> = Vec::with_capacity(words.len());
        for (word, e) in words {
            if word.iter().any(|&b| code(b) == 0xFF) {
                continue;
            }
            let mut v = 0usize;
            for &b in *word {
                let mut c = first[v];
                let mut prev = NONE;
                while c != NONE && lab[c as usize] != b {
                    prev = c;
                    c = next[c as usize];
                }
                v = if c != NONE {
                    c as usize
                } else {
                    let c = first.len();
                    first.push(NONE);
                    next.push(NONE);
                    lab.push(b);
                    ent.push(NONE);
                    if prev == NONE {
                        first[v] = c as u32;
                    } else {
                        next[prev as usize] = c as u32;
                    }
                    c
                };
            }
            match entries.get_mut(ent[v] as usize) {
                Some(kept) if kept.bits <= e.bits => {}
                Some(kept) => *kept = *e,
                None => {
                    entries.push(*e);
                    ent[v] = (entries.len() - 1) as u32;
                }
            }
        }
        // Phase 2: number breadth-first so that siblings are consecutive, in
        // code order (the order of their bits).
        let count = first.len();
        let mut order = Vec::with_capacity(count);
        let mut new_id = vec![0u32; count];
        order.push(0usize);
        let mut head = 0;
        let mut kids: Vec<usize> = Vec::new();
        while head < order.len() {
            let v = order[head];
            head += 1;
            kids.clear();
            let mut c = first[v];
            while c != NONE {
                kids.push(c as usize);
                c = next[c as usize];
            }
            kids.sort_by_key(|&c| code(lab[c]));
            for &c in &kids {
                new_id[c] = order.len() as u32;
                order.push(c);
            }
        }
        let mut t = Trie {
            nodes: vec![
                Node {
                    bits: 0,
                    start: 0,
                    entry: NONE,
                };
                count
            ],
            label: vec![0; count],
            parent: vec![NONE; count],
            entries,
        };
        for (id, &old) in order.iter().enumerate() {
            let mut node = Node {
                bits: 0,
                start: u32::MAX,
                entry: ent[old],
            };
            let mut c = first[old];
            while c != NONE {
                let cid = new_id[c as usize];
                node.start = node.start.min(cid);
                let b = lab[c as usize];
                node.bits |= 1 << code(b);
                t.parent[cid as usize] = id as u32;
                t.label[cid as usize] = b;
                c = next[c as usize];
            }
            if node.start == u32::MAX {
                node.start = 0;
            }
            t.nodes[id] = node;
        }
        t
    }
}
