//! Tests of the table reader: line counting, stray quotes, limits, and the
//! splitter against the csv crate.

use super::*;
use crate::import::split::{Next, Splitter, detect};

#[test]
fn folds_headers_and_detects_delimiters() {
    assert_eq!(fold(" Occurred_At "), "occurredat");
    assert_eq!(fold("ＩＰ"), "ip");
    assert_eq!(detect("a\tb,c\td\n"), b'\t');
    assert_eq!(detect("\"a\tb\",c\n"), b',');
    assert_eq!(detect("\n\nid\n"), b',');
}

const ONE: Schema = Schema {
    record: "thing",
    record_zh: "項目",
    columns: &[ColumnSpec {
        field: "v",
        headers: &["值", "value"],
        required: true,
    }],
    skip_prefixes: &["#"],
    groups: None,
    unique: None,
};

crate::import::import_results! {
    /// Values of one column, for the reader's own tests.
    Values(String);
}

fn lines_of(text: &str) -> Vec<u64> {
    let got: Values = read(
        text.as_bytes(),
        &ONE,
        &ImportOptions::default(),
        &Policy::default(),
        |r| r.required("v").map(str::to_owned),
    )
    .unwrap();
    let mut all: Vec<u64> = got.lines.clone();
    all.extend(got.errors.iter().map(|e| e.line));
    all.sort_unstable();
    all
}

#[test]
fn counts_lines_like_an_editor() {
    assert_eq!(lines_of("value\na\nb\n"), [2, 3]);
    assert_eq!(lines_of("value\r\na\r\nb\r\n"), [2, 3]);
    assert_eq!(lines_of("\n\nvalue\n\n\na\n\"b\nc\"\nd"), [6, 7, 9]);
    assert_eq!(
        lines_of("value\r\n\r\n\"x\r\ny\"\r\n#skip\r\n\r\nw,\r\nz"),
        [3, 7, 8]
    );
}

/// Records, their lines and the (line, code) of each error.
type All = (Vec<String>, Vec<u64>, Vec<(u64, &'static str)>);

fn read_all(text: &str, policy: &Policy) -> Result<All> {
    let got: Values = read(
        text.as_bytes(),
        &ONE,
        &ImportOptions::default(),
        policy,
        |r| r.required("v").map(str::to_owned),
    )?;
    let errors = got
        .errors
        .iter()
        .map(|e| (e.line, e.code().as_str()))
        .collect();
    Ok((got.records, got.lines, errors))
}

/// Issue 14 §2: a stray quote costs the row it opens on, and no more.
#[test]
fn a_missing_column_names_the_line_read_as_the_header() {
    // Two title-like lines, then a line that names no column: the first
    // title line is taken as the header, and the error says so.
    let text = "學校清單\n\n地址,備註,電話\n甲,x,y\n";
    let err = crate::audit::import_schools(
        text.as_bytes(),
        &ImportOptions::default(),
        &Policy::default(),
    )
    .unwrap_err();
    assert_eq!(err.code().as_str(), "import.missing_column");
    assert_eq!(
        serde_json::to_value(err.params()).unwrap()["line"],
        serde_json::json!(1)
    );
    assert!(
        err.message_en()
            .contains("line 1 was read as the header: 學校清單")
    );
}

#[test]
fn a_stray_quote_costs_one_row() {
    let p = Policy::default();
    // Never closed: line 3 is lost, 4 and 5 are read.
    let (recs, lines, errs) = read_all("value\na\n\"b\nc\nd\n", &p).unwrap();
    assert_eq!(
        (recs, lines),
        (vec!["a".into(), "c".into(), "d".into()], vec![2, 4, 5])
    );
    assert_eq!(errs, [(3, "import.broken_quote")]);
    // Closed by a quote of a later line into other text: line 2 is lost.
    let (recs, lines, errs) = read_all("value\n\"stray\nok\n\"q\"x\nlast\n", &p).unwrap();
    assert_eq!(recs, ["ok", "qx", "last"]);
    assert_eq!(lines, [3, 4, 5]);
    assert_eq!(errs, [(2, "import.broken_quote")]);
    // CRLF line ends, the quote on the last row.
    let (recs, _, errs) = read_all("value\r\na\r\nb\r\n\"c\r\n", &p).unwrap();
    assert_eq!(
        (recs, errs),
        (
            vec!["a".into(), "b".into()],
            vec![(4, "import.broken_quote")]
        )
    );
    // Spanning lines into a row of the wrong width: its first line is lost.
    let (recs, lines, errs) = read_all("value\n\"a\nb\",c\nd\n", &p).unwrap();
    assert_eq!((recs, lines), (vec!["d".into()], vec![4]));
    assert_eq!(
        errs,
        [(2, "import.broken_quote"), (3, "import.column_count")]
    );
    // In the header line: the file cannot be read, and the error says where.
    let e = read_all("\n\"value\na\n", &p).unwrap_err();
    assert_eq!(
        e.params().get("line").map(|v| v.to_string()),
        Some("2".into())
    );
    assert_eq!(e.code().as_str(), "import.broken_quote");
}

/// Quoting that is well-formed reads as before.
#[test]
fn well_formed_quotes_read_as_excel_writes_them() {
    let p = Policy::default();
    let (recs, lines, errs) = read_all(
        "value\n\"x\ny\"\n\"a \"\"q\"\"\"\n\"a\"b\nwa\"ng\n\"\"\n",
        &p,
    )
    .unwrap();
    assert_eq!(recs, ["x\ny", "a \"q\"", "ab", "wa\"ng"]);
    assert_eq!(lines, [2, 4, 5, 6]);
    // `""` is a blank row: skipped.
    assert!(errs.is_empty());
    // A lone CR ends a line too.
    let (recs, lines, _) = read_all("value\ra\rb", &p).unwrap();
    assert_eq!((recs, lines), (vec!["a".into(), "b".into()], vec![2, 3]));
}

/// Issue 14 §4: the header line's width is capped (policy data).
#[test]
fn caps_the_columns() {
    let mut p = Policy::default();
    let wide = format!("value{}\na\n", ",x".repeat(1024));
    let e = read_all(&wide, &p).unwrap_err();
    assert_eq!(e.code().as_str(), "import.too_many_columns");
    assert_eq!(
        e.params().get("actual").map(|v| v.to_string()),
        Some("1025".into())
    );
    p.limits.import_max_columns = 1025;
    let (recs, _, _) = read_all(
        &format!("value{}\na{}\n", ",x".repeat(1024), ",".repeat(1024)),
        &p,
    )
    .unwrap();
    assert_eq!(recs, ["a"]);
    // A data row far wider than the header is one column_count error.
    let (_, _, errs) = read_all(&format!("value\na{}\n", ",".repeat(100_000)), &p).unwrap();
    assert_eq!(errs, [(2, "import.column_count")]);
}

proptest::proptest! {
    /// On well-formed CSV (as the csv crate writes it), the splitter reads the
    /// cells the csv crate reads.
    #[test]
    fn splits_like_the_csv_crate(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a, \"\n\r中\t]{0,6}", 1..5), 1..6),
        tab in proptest::bool::ANY,
    ) {
        let delim = if tab { b'\t' } else { b',' };
        let mut w = csv::WriterBuilder::new().delimiter(delim).flexible(true).from_writer(Vec::new());
        for r in &rows {
            w.write_record(r).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let mut want = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(text.as_bytes());
        for r in reader.records() {
            want.push(r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>());
        }
        let mut got = Vec::new();
        let mut sp = Splitter::new(&text, delim);
        loop {
            match sp.next(usize::MAX) {
                Next::End => break,
                Next::Broken { line } => panic!("broken at {line} in {text:?}"),
                Next::Record(r) => {
                    proptest::prop_assert_eq!(r.count, r.ends.len());
                    got.push(r.cells().map(str::to_owned).collect::<Vec<_>>());
                }
            }
        }
        proptest::prop_assert_eq!(got, want, "{:?}", text);
    }
}
