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
    pub(super) label: Vec<u8>,
    pub(super) parent: Vec<u32>,
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
    /// No full sort first: the lists are built once per process, on the first
    /// password check, and the command line pays that on every PHP call.
    /// Sorting the ~40,000 words (to add each child last) was more than half
    /// of it; grouping them by their first two bytes (one counting pass) keeps
    /// most of the locality a sort gave. Each node keeps a map of the codes it
    /// has children for:
    /// a child that is not there yet is added at once, and only one that is
    /// there is looked for among its siblings. The first two levels, where
    /// nearly every byte finds its child and the sibling lists are longest,
    /// are tables by code.
    #[inline]
    pub(super) fn build(words: &[(&[u8], Entry)]) -> Trie {
        // Phase 1: a first-child / next-sibling trie, with each node's map of
        // child codes.
        let mut first = vec![NONE];
        let mut next = vec![NONE];
        let mut lab = vec![0u8];
        let mut ent = vec![NONE];
        let mut kids = vec![0u64];
        // The nodes of one and of two bytes, by their codes.
        let mut top = vec![NONE; CODES + CODES * CODES];
        let mut entries: Vec<Entry> = Vec::with_capacity(words.len());
        // Words taken grouped by their first two bytes (a stable counting
        // sort, so a word listed twice meets its copies in list order): the
        // nodes a group shares stay in cache while it is added.
        let code_or_end = |b: Option<&u8>| b.map_or(CODES, |&b| usize::from(code(b)).min(CODES));
        let group = |w: &[u8]| code_or_end(w.first()) * (CODES + 1) + code_or_end(w.get(1));
        let groups = (CODES + 1) * (CODES + 1);
        let mut ends = vec![0u32; groups + 1];
        for (w, _) in words {
            ends[group(w) + 1] += 1;
        }
        for g in 0..groups {
            ends[g + 1] += ends[g];
        }
        let mut grouped = vec![0u32; words.len()];
        for (i, (w, _)) in words.iter().enumerate() {
            let at = &mut ends[group(w)];
            grouped[*at as usize] = i as u32;
            *at += 1;
        }
        for &i in &grouped {
            let (word, e) = &words[i as usize];
            if word.iter().any(|&b| code(b) == 0xFF) {
                continue;
            }
            let mut v = 0usize;
            let mut prefix = 0usize;
            for (depth, &b) in word.iter().enumerate() {
                let c = code(b);
                let slot = match depth {
                    0 => Some(usize::from(c)),
                    1 => Some(CODES + prefix * CODES + usize::from(c)),
                    _ => None,
                };
                prefix = usize::from(c);
                let found = if kids[v] & (1 << c) == 0 {
                    NONE
                } else if let Some(i) = slot {
                    top[i]
                } else {
                    let mut k = first[v];
                    while k != NONE && lab[k as usize] != b {
                        k = next[k as usize];
                    }
                    k
                };
                v = if found != NONE {
                    found as usize
                } else {
                    let k = first.len();
                    first.push(NONE);
                    next.push(first[v]);
                    lab.push(b);
                    ent.push(NONE);
                    kids.push(0);
                    first[v] = k as u32;
                    kids[v] |= 1 << c;
                    if let Some(i) = slot {
                        top[i] = k as u32;
                    }
                    k
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
        // code order (the order of their bits), and fill each node as it is
        // numbered: its children are numbered right after the nodes before
        // them, so its `start` is the count so far.
        let count = first.len();
        let mut t = Trie {
            nodes: Vec::with_capacity(count),
            label: vec![0; count],
            parent: vec![NONE; count],
            entries,
        };
        let mut order = Vec::with_capacity(count);
        order.push(0usize);
        let mut by_code = [0usize; CODES];
        let mut head = 0;
        while let Some(&v) = order.get(head) {
            let id = head as u32;
            head += 1;
            let bits = kids[v];
            t.nodes.push(Node {
                bits,
                start: if bits == 0 { 0 } else { order.len() as u32 },
                entry: ent[v],
            });
            let mut k = first[v];
            while k != NONE {
                by_code[usize::from(code(lab[k as usize]))] = k as usize;
                k = next[k as usize];
            }
            let mut rest = bits;
            while rest != 0 {
                let c = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let k = by_code[c];
                let new = order.len();
                t.label[new] = lab[k];
                t.parent[new] = id;
                order.push(k);
            }
        }
        t
    }
}
