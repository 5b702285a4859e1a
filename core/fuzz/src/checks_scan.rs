//! The differential fuzzing of the fold rule, scan ⇔ classify
//! (`scan_classify`, issue 14 §1): part of `checks.rs`.

use super::*;

/// Reads fuzz bytes one at a time (0 once they run out).
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::from(self.next()) % items.len()]
    }
}

/// Characters that fold (NFKC) to the ASCII letter or digit `c`, picked by hand
/// from the Unicode charts (not from the core's table): full-width, mathematical
/// alphanumerics, circled, squared, outlined and segmented forms, super- and
/// subscripts, letterlike symbols and one-letter Roman numerals.
fn fold_alternatives(c: char) -> Vec<char> {
    let at = |base: u32, off: u32| char::from_u32(base + off).expect("a code point");
    let mut v = vec![c];
    if let Some(d) = c.to_digit(10) {
        for base in [
            0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1FBF0, 0x1CCF0, 0x2080,
        ] {
            v.push(at(base, d));
        }
        v.push(match d {
            0 => '⓪',
            _ => at(0x2460, d - 1),
        });
        v.push(match d {
            1 => '¹',
            2 => '²',
            3 => '³',
            _ => at(0x2070, d),
        });
    } else {
        let o = c as u32 - 'A' as u32;
        v.push(c.to_ascii_lowercase());
        for base in [
            0xFF21, 0xFF41, 0x1D400, 0x1D41A, 0x1D5D4, 0x1D670, 0x1D68A, 0x24B6, 0x24D0, 0x1F130,
            0x1CCD6,
        ] {
            v.push(at(base, o));
        }
        v.extend(match c {
            'C' => &['ℂ', 'Ⅽ', 'ⅽ'][..],
            'D' => &['Ⅾ', 'ⅅ'],
            'H' => &['ℍ', 'ℋ'],
            'I' => &['Ⅰ', 'ⅰ', 'ℐ'],
            'K' => &['\u{212A}'],
            'L' => &['Ⅼ', 'ℒ'],
            'M' => &['Ⅿ', 'ℳ'],
            'N' => &['ℕ'],
            'P' => &['ℙ'],
            'Q' => &['ℚ'],
            'R' => &['ℝ', 'ℛ'],
            'S' => &['ſ'],
            'V' => &['Ⅴ'],
            'X' => &['Ⅹ'],
            'Z' => &['ℤ'],
            _ => &[],
        });
    }
    v
}

/// A piece of a written ID.
enum Piece {
    Char(char),
    Invisible(char),
    Tag(&'static str),
    Separator(char),
}

/// Differential fuzzing of the fold rule (issue 14 §1), scan ⇔ classify:
///
/// 1. From the bytes, a valid (or bad-checksum) ID written with per-character
///    folds, invisible characters, and — in the modes the first byte picks —
///    tags and separator gaps; put between two fuzz texts and boundary and
///    escape contexts. `classify` accepts the written ID without its tags and
///    separators, the scan finds exactly its span, and the redaction of the
///    whole text is the redaction of each side with this one ID masked (tags
///    kept).
/// 2. On the bytes as a file: decoded or refused with a table code; the
///    redacted bytes hold nothing to find.
/// 3. On the bytes as a text, in the same mode: every span found is what
///    `classify` calls an ID of that kind and mask (tags and separators taken
///    out); redacting leaves nothing to find.
pub fn scan_classify(data: &[u8]) {
    let mut b = Bytes(data);
    let mode = b.next();
    let options = ScanOptions {
        html: mode & 1 != 0,
        loose: mode & 2 != 0,
    };
    let policy = Policy::default();

    // 1. The constructed candidate.
    const CODES: [u32; 26] = [
        10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32,
        30, 31, 33,
    ];
    let letter = b'A' + b.next() % 26;
    let second = b.pick(b"12ABCD89");
    let mut id = vec![letter, second];
    for _ in 0..7 {
        id.push(b'0' + b.next() % 10);
    }
    let code = CODES[usize::from(letter - b'A')];
    let sv = if second.is_ascii_digit() {
        u32::from(second - b'0')
    } else {
        CODES[usize::from(second - b'A')] % 10
    };
    let mut sum = code / 10 + 9 * (code % 10) + 8 * sv;
    for (w, &d) in [7, 6, 5, 4, 3, 2, 1].iter().zip(&id[2..]) {
        sum += w * u32::from(d - b'0');
    }
    let check = ((10 - sum % 10) % 10) as u8;
    let bad = b.next() % 8 == 0;
    id.push(b'0' + if bad { (check + 1) % 10 } else { check });
    let id = String::from_utf8(id).expect("ASCII");

    let mut pieces: Vec<Piece> = Vec::new();
    let mut gaps: [Vec<Piece>; 10] = Default::default();
    for _ in 0..b.next() % 6 {
        let at = 1 + usize::from(b.next() % 9);
        let kind = b.next();
        let piece = match kind % 3 {
            1 if options.html => Piece::Tag(b.pick(&[
                "<b>",
                "</b>",
                "<span class=\"x\">",
                "<!-- c -->",
                "<br/>",
                "<?x?>",
            ])),
            2 if options.loose && matches!(at, 1 | 4 | 7) => Piece::Separator(b.pick(&[
                ' ', '-', '\u{00A0}', '\u{3000}', '\u{2010}', '\u{2014}', '\u{2212}', '\u{FF0D}',
                '\u{202F}',
            ])),
            _ => Piece::Invisible(b.pick(&[
                '\u{200B}',
                '\u{200C}',
                '\u{200D}',
                '\u{2060}',
                '\u{00AD}',
                '\u{FEFF}',
                '\u{200E}',
                '\u{202A}',
                '\u{2066}',
                '\u{FE0F}',
                '\u{E0041}',
            ])),
        };
        // At most three separators in one gap.
        if let Piece::Separator(_) = piece
            && gaps[at]
                .iter()
                .filter(|p| matches!(p, Piece::Separator(_)))
                .count()
                == 3
        {
            continue;
        }
        gaps[at].push(piece);
    }
    for (i, c) in id.chars().enumerate() {
        pieces.append(&mut gaps[i]);
        let alts = fold_alternatives(c);
        pieces.push(Piece::Char(alts[usize::from(b.next()) % alts.len()]));
    }
    let mut written = String::new();
    let mut bare = String::new();
    let masked = format!("{}****{}", &id[..3], &id[7..]);
    let mut mask = masked.chars();
    let mut redacted = String::new();
    for p in &pieces {
        match *p {
            Piece::Char(c) => {
                written.push(c);
                bare.push(c);
                redacted.push(mask.next().expect("ten"));
            }
            Piece::Invisible(c) => {
                written.push(c);
                bare.push(c);
            }
            Piece::Tag(t) => {
                written.push_str(t);
                redacted.push_str(t);
            }
            Piece::Separator(c) => written.push(c),
        }
    }
    let before = b.pick(&[
        "",
        "學生",
        " ",
        "(",
        "\\n",
        "\\t",
        "\\u751f",
        "\\U0001F600",
        "\\xe7",
        "%E7%94%9F",
        "%20",
        "\u{200B}",
    ]);
    let after = b.pick(&["", "。", " ", "\\n", "%20", ")", "號", "\u{200B}"]);
    let rest = b.0;
    let (l, r) = rest.split_at(rest.len() / 2);
    let side = |bytes: &[u8]| -> String {
        let s = String::from_utf8_lossy(bytes);
        if options.html {
            s.replace(['<', '>'], "")
        } else {
            s.into_owned()
        }
    };
    let (left, right) = (side(l), side(r));
    let text = format!("{left}。{before}{written}{after}。{right}");

    let info = identity::classify(&bare);
    assert!(info.format_valid, "classify({bare:?}) of {id}");
    assert_eq!(info.checksum_valid, !bad, "{bare:?}");
    let found = identity::scan_with(&text, &options, &policy).expect("under the limit");
    let start = left.len() + "。".len() + before.len();
    let end = start + written.len();
    let hits: Vec<_> = found
        .iter()
        .filter(|m| m.start < end && start < m.end)
        .collect();
    assert!(
        hits.len() == 1 && hits[0].start == start && hits[0].end == end,
        "{written:?} ({id}) in {text:?} with {options:?}: {found:?}"
    );
    assert_eq!(hits[0].kind, info.kind);
    assert_eq!(hits[0].masked, masked);
    let red = identity::redact_with(&text, &options, &policy).expect("under the limit");
    let red_left = identity::redact_with(&left, &options, &policy).expect("under the limit");
    let red_right = identity::redact_with(&right, &options, &policy).expect("under the limit");
    assert_eq!(
        red,
        format!("{red_left}。{before}{redacted}{after}。{red_right}"),
        "redaction of {text:?}"
    );

    // 2. The bytes as a file: read in some encoding or refused with a code of
    // the table, never a panic; what redact_bytes writes has nothing left.
    match identity::redact_bytes(data, &options, &policy) {
        Err(e) => {
            assert_error(&e);
            let again = identity::scan_bytes(data, &options, &policy).unwrap_err();
            assert_eq!(again.code(), e.code());
        }
        Ok(out) => {
            let found = identity::scan_bytes(data, &options, &policy).expect("read once");
            assert_eq!(found.matches, out.matches);
            assert_eq!((found.encoding, found.bom), (out.encoding, out.bom));
            if let Ok(after) = identity::scan_bytes(&out.data, &options, &policy) {
                assert!(
                    after.matches.is_empty(),
                    "redact_bytes left {:?}",
                    after.matches
                );
            }
        }
    }

    // 3. The bytes as a text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found = identity::scan_with(text, &options, &policy).expect("under the limit");
    for m in &found {
        let span = &text[m.start..m.end];
        let mut clean = String::new();
        let mut in_tag = false;
        for c in span.chars() {
            match c {
                '<' if options.html => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if in_tag => {}
                ' '
                | '-'
                | '\u{00A0}'
                | '\u{2000}'..='\u{200A}'
                | '\u{2010}'..='\u{2015}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{2212}'
                | '\u{3000}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
                    if options.loose => {}
                c => clean.push(c),
            }
        }
        let info = identity::classify(&clean);
        assert_eq!(info.kind, m.kind, "{span:?} -> {clean:?}");
        assert_eq!(
            info.masked(&policy.identity).as_deref(),
            Some(m.masked.as_str())
        );
    }
    let red = identity::redact_with(text, &options, &policy).expect("under the limit");
    let again = identity::scan_with(&red, &options, &policy).expect("under the limit");
    assert!(
        again.is_empty(),
        "redact({text:?}) = {red:?} still has {again:?}"
    );
}
