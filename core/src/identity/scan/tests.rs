//! Tests of the text scan and redaction.

use super::*;

fn found(text: &str, options: ScanOptions) -> Vec<(usize, usize, String)> {
    scan_with(text, &options, &Policy::default())
        .unwrap()
        .into_iter()
        .map(|m| (m.start, m.end, m.masked))
        .collect()
}

const HTML: ScanOptions = ScanOptions {
    html: true,
    loose: false,
};
const LOOSE: ScanOptions = ScanOptions {
    html: false,
    loose: true,
};

#[test]
fn escapes_before_are_boundaries() {
    let d = ScanOptions::default();
    for (text, start) in [
        (r"\u751fA123456789", 6),
        (r"\U0001F600A123456789", 10),
        (r"\xe7A123456789", 4),
        (r"\nA123456789", 2),
        (r"\tA123456789", 2),
        ("%E7%94%9FA123456789", 9),
        ("%20A123456789", 3),
        ("%20a123456789", 3),
    ] {
        assert_eq!(
            found(text, d),
            [(start, start + 10, "A12****789".into())],
            "{text}"
        );
    }
    // The whole run wins when it is an ID itself.
    assert_eq!(found(r"\nA12345677", d).len(), 1);
    assert_eq!(found(r"\nA12345677", d)[0].0, 1);
    // Not an escape: glued.
    assert!(found("%ZA123456789", d).is_empty());
    assert!(found(r"\qA123456789", d).is_empty());
    assert!(found(r"\u75fA123456789", d).is_empty());
    assert!(found("xA123456789", d).is_empty());
}

#[test]
fn invisible_and_folded() {
    let d = ScanOptions::default();
    let m = scan_with("學生A12\u{200B}3456789。", &d, &Policy::default()).unwrap();
    assert_eq!((m[0].start, m[0].end, m[0].invisible), (6, 19, true));
    assert_eq!(found("𝐀𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", d).len(), 1);
    assert_eq!(found("A①②③④⑤⑥⑦⑧⑨", d).len(), 1);
    // Glued through an invisible character: one run of eleven.
    assert!(found("X\u{200D}A123456789", d).is_empty());
    // ⑩ is "10": not one character's fold, so a boundary.
    assert!(found("A12345678⑩", d).is_empty());
}

#[test]
fn html_mode() {
    assert_eq!(
        found("<b>A</b>123456789", HTML),
        [(3, 17, "A12****789".into())]
    );
    assert_eq!(
        found("X<br>A123456789", HTML),
        [(5, 15, "A12****789".into())]
    );
    assert_eq!(
        found("A123456789<i>0</i>", HTML),
        [(0, 10, "A12****789".into())]
    );
    assert!(found("<b>A</b>1234567890", HTML).is_empty());
    // After an escape, the ID after it beats one a tag ends inside it.
    assert_eq!(
        found(r"\tB20000000<b>4", HTML),
        [(2, 15, "B20****004".into())]
    );
    assert_eq!(
        found(r"\nA12345677<b>x", HTML),
        [(1, 11, "NA1****677".into())]
    );
    assert!(found("<b>A</b>123456789", ScanOptions::default()).is_empty());
    // `<` that starts no tag is a boundary; a tag never closed is none.
    assert_eq!(found("a < A123456789", HTML).len(), 1);
    assert!(found("<bA123456789", HTML).is_empty());
    // A `<x` far from any `>` is no tag: the ID after it is found.
    let far = format!("a<b {} A123456789 {}>", "x".repeat(5000), "y");
    assert_eq!(found(&far, HTML).len(), 1);
    let p = Policy::default();
    assert_eq!(
        redact_with("<td><b>A</b>12<!-- x -->3456789</td>", &HTML, &p).unwrap(),
        "<td><b>A</b>12<!-- x -->****789</td>"
    );
}

#[test]
fn loose_mode() {
    for text in [
        "A 123 456 789",
        "A123-456-789",
        "A123 456 789",
        "A 123456789",
        "A\u{00A0}123\u{00A0}456\u{00A0}789",
        "A\u{3000}123\u{3000}456\u{3000}789",
        "A123\u{2014}456\u{2014}789",
        "A - 123 - 456 - 789",
    ] {
        assert_eq!(found(text, LOOSE).len(), 1, "{text}");
        assert_eq!(
            redact_with(text, &LOOSE, &Policy::default()).unwrap(),
            "A12****789"
        );
        assert!(found(text, ScanOptions::default()).is_empty(), "{text}");
    }
    for text in [
        "A12 3456789",
        "A 123    456 789",
        "A1 2 3 4 5 6 7 8 9",
        "X A 123 456 789",
    ] {
        let want = usize::from(text.starts_with("X A"));
        assert_eq!(found(text, LOOSE).len(), want, "{text}");
    }
    // A gap ends an ID: the groups after it are another number.
    assert_eq!(found("A 123 456 789 0912 345 678", LOOSE).len(), 1);
    // A long run of spaced words is read through.
    assert_eq!(found(&"the school ".repeat(40), LOOSE).len(), 0);
    assert_eq!(found("report A123 456 789 done", LOOSE)[0].0, 7);
}

#[test]
fn blocks_and_restarts() {
    // IDs across block boundaries, after long digit-free ASCII, after CJK.
    for pad in 0..140 {
        let text = format!(
            "{}A123456789 {}學AB12345677",
            "x ".repeat(pad),
            "好".repeat(pad % 7)
        );
        assert_eq!(found(&text, ScanOptions::default()).len(), 2, "{pad}");
        let loose = format!("{}A 123 456 789 ", "ab ".repeat(pad));
        assert_eq!(found(&loose, LOOSE).len(), 1, "{pad}");
        let html = format!("{}<b>A</b>123456789", "a b ".repeat(pad));
        assert_eq!(found(&html, HTML).len(), 1, "{pad}");
    }
}
