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
