//! Unit tests of the word lists and their indexes.

mod unit {
    use super::super::*;

    fn lookup(word: &str) -> Option<Entry> {
        let t = &dict().trie;
        let mut n = 0;
        for &b in word.as_bytes() {
            n = t.child(n, b);
            if n == NONE {
                return None;
            }
        }
        t.entry(n).copied()
    }

    #[test]
    fn lists_are_clean() {
        for kind in WordKind::ALL {
            let mut n = 0;
            for (w, _) in ranked(kind) {
                n += 1;
                assert!(w.len() <= MAX_WORD, "{kind:?} {w:?}");
                assert!(
                    w.iter().all(|b| b.is_ascii_graphic() || *b == b' '),
                    "{kind:?} {w:?}"
                );
                assert!(!w.iter().any(u8::is_ascii_uppercase), "{kind:?} {w:?}");
            }
            assert!(n > 90, "{kind:?} has {n}");
        }
    }

    #[test]
    fn trie_finds_words_with_their_cheapest_list() {
        let e = lookup("password").unwrap();
        assert_eq!((e.kind, e.rank), (WordKind::Password, 2));
        assert_eq!(lookup("ji32k7au4a83").unwrap().kind, WordKind::Zhuyin);
        // 新北 typed with and without the inner tone-1 space.
        assert_eq!(lookup("vup 1o3").unwrap().kind, WordKind::Zhuyin);
        assert_eq!(lookup("vup1o3").unwrap().kind, WordKind::Zhuyin);
        assert!(lookup("chen").is_some());
        assert!(lookup("zzqxj").is_none());
    }

    /// The bucketed index answers every key as the map it replaced did: the
    /// words of all `(hash, word)` pairs of that hash, sorted and without
    /// repeats, in list order.
    #[test]
    fn deletion_index_answers_as_a_sorted_map_of_its_pairs() {
        let d = dict();
        let mut map: std::collections::BTreeMap<u64, Vec<u32>> = Default::default();
        let mut keys: Vec<Vec<u8>> = Vec::new();
        for (i, fw) in d.fuzzy_words.iter().enumerate() {
            let mut own = vec![fw.word.to_vec()];
            for del in 0..fw.word.len() {
                let mut k = fw.word.to_vec();
                k.remove(del);
                own.push(k);
            }
            for k in own {
                map.entry(key_hash(&k)).or_default().push(i as u32);
                keys.push(k);
            }
        }
        let mut entries = 0;
        for words in map.values_mut() {
            words.sort_unstable();
            words.dedup();
            entries += words.len();
        }
        assert_eq!(d.deletions.len(), entries);
        for k in &keys {
            assert_eq!(d.fuzzy_candidates(k), &map[&key_hash(k)][..], "{k:?}");
        }
        for miss in ["zzqxjw", "qwfpgj", "xylophonez", ""] {
            let want = map
                .get(&key_hash(miss.as_bytes()))
                .map_or(&[][..], |w| &w[..]);
            assert_eq!(d.fuzzy_candidates(miss.as_bytes()), want);
        }
    }

    /// Every listed word is a path of the trie that spells it back, and the
    /// nodes are numbered breadth first (a node's depth never falls as its
    /// number grows), as the walk's `start + rank` lookup needs.
    #[test]
    fn trie_spells_back_every_word_and_is_numbered_breadth_first() {
        let t = &dict().trie;
        let depth_of = |mut n: u32| {
            let mut depth = 0;
            let mut out = [0u8; MAX_WORD];
            let len = t.spell(n, &mut out);
            while n != 0 {
                n = t.parent[n as usize];
                depth += 1;
            }
            assert_eq!(depth, len);
            depth
        };
        let mut last = 0;
        for n in 0..t.label.len() as u32 {
            let depth = depth_of(n);
            assert!(depth >= last, "node {n}");
            last = depth;
        }
        for kind in WordKind::ALL {
            for (w, _) in ranked(kind) {
                if w.len() < MIN_WORD || w.len() > MAX_WORD || w.iter().any(|&b| code(b) == 0xFF) {
                    continue;
                }
                let mut n = 0;
                for &b in w {
                    n = t.child(n, b);
                    assert_ne!(n, NONE, "{kind:?} {w:?}");
                }
                let mut out = [0u8; MAX_WORD];
                let len = t.spell(n, &mut out);
                assert_eq!(&out[..len], w);
                assert!(t.entry(n).is_some(), "{kind:?} {w:?}");
            }
        }
    }

    #[test]
    fn deletion_index_holds_words_and_their_deletions() {
        let d = dict();
        let hit = |k: &str| !d.fuzzy_candidates(k.as_bytes()).is_empty();
        assert!(hit("password") && hit("passwrd") && hit("assword"));
        assert!(d.fuzzy_words.iter().all(|w| w.word.len() >= FUZZY_MIN));
        assert!(d.is_syllable(b"ji") && d.is_syllable(b"au") && !d.is_syllable(b"qq"));
    }
}
mod markov_debug {
    #[test]
    #[ignore]
    fn show() {
        let m = &super::super::dict().markov;
        for w in [
            "ltkmaby", "the", "nation", "apteka", "qzxjvkwp", "lilman", "stas",
        ] {
            let (mut a, mut b) = (26usize, 26usize);
            let mut v = Vec::new();
            for ch in w.bytes() {
                let c = usize::from(ch - b'a');
                v.push(m.bits(a, b, c));
                (a, b) = (b, c);
            }
            println!("{w}: {:?} total {}", v, v.iter().sum::<f32>());
        }
    }
}
