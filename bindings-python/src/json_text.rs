//! A core answer as JSON text, byte for byte what Python's `json.dumps(answer,
//! ensure_ascii=False)` (one line) or `json.dumps(answer, ensure_ascii=False,
//! indent=2)` writes of the same answer converted to Python objects.
//!
//! Why: the command line prints `--json` and `--jsonl`, and PHP reads them. A
//! 100,000-mailbox sweep took 12 s and 1.9 GB that way, almost all of it in
//! building Python objects for every row and in Python's JSON encoder (its
//! indenting one is written in Python); the core answered in a fraction of a
//! second. Written here, the text is the same and the objects are never built.
//!
//! What differs from `serde_json`'s own writers: Python's separators (`", "` and
//! `": "` on one line) and Python's `repr` of a float (`1e-05`, `1e+16`). The
//! key order and the string escapes are already the same (the answer's maps are
//! sorted; both escape `"`, `\`, and the control characters only, in lowercase
//! hex).

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

/// One-line JSON with Python's default separators.
struct PyLine;

impl Formatter for PyLine {
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, x: f64) -> io::Result<()> {
        w.write_all(python_float(x).as_bytes())
    }
}

/// Indented JSON (two spaces) as Python writes it: `serde_json`'s pretty
/// layout is Python's already, apart from the floats.
struct PyPretty<'a>(PrettyFormatter<'a>);

macro_rules! forward {
    ($($name:ident($($arg:ident: $t:ty),*)),* $(,)?) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $t)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl Formatter for PyPretty<'_> {
    forward!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        begin_object_value(),
        end_object_value(),
    );

    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, x: f64) -> io::Result<()> {
        w.write_all(python_float(x).as_bytes())
    }
}

/// `repr(x)` of a finite float, as Python writes it: the shortest digits that
/// read back as `x` (the closest such, as `serde_json`'s writer finds them);
/// positional from 1e-4 up to 1e16 (always with a point), else scientific with
/// a signed exponent of at least two digits.
pub fn python_float(x: f64) -> String {
    // `serde_json` writes a number that is not finite as `null`.
    let text = serde_json::to_string(&x).unwrap_or_else(|_| "null".to_owned());
    if !x.is_finite() {
        return text;
    }
    let (sign, body) = match text.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", text.as_str()),
    };
    let (mantissa, exp) = body.split_once(['e', 'E']).unwrap_or((body, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    // The digits, and where the point goes after the first `point` of them.
    let dot = mantissa.find('.').unwrap_or(mantissa.len());
    let all: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let point = i64::try_from(dot).unwrap_or(0) + exp - i64::try_from(lead).unwrap_or(0);
    let e = point - 1;
    if (-4..16).contains(&e) {
        if point <= 0 {
            let zeros = "0".repeat(usize::try_from(-point).unwrap_or(0));
            format!("{sign}0.{zeros}{digits}")
        } else {
            let point = usize::try_from(point).unwrap_or(0);
            if digits.len() <= point {
                let zeros = "0".repeat(point - digits.len());
                format!("{sign}{digits}{zeros}.0")
            } else {
                format!("{sign}{}.{}", &digits[..point], &digits[point..])
            }
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if e < 0 { '-' } else { '+' };
        format!("{sign}{first}{frac}e{esign}{:02}", e.unsigned_abs())
    }
}

fn write_with<F: Formatter>(out: &mut Vec<u8>, value: &Value, f: F) {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, f);
    // Writing a `Value` into a `Vec` cannot fail (its keys are strings).
    let _ = value.serialize(&mut ser);
}

/// The whole answer, indented as `json.dumps(answer, ensure_ascii=False,
/// indent=2)` writes it, and a newline.
pub fn indented(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 16);
    write_with(
        &mut out,
        value,
        PyPretty(PrettyFormatter::with_indent(b"  ")),
    );
    out.push(b'\n');
    out
}

/// One JSON line per row of a file answer (`rows`), then one per error
/// (`{"line", "sheet", "error"}`), each as `json.dumps(x, ensure_ascii=False)`
/// writes it: the command line's `--jsonl`.
pub fn lines(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 16);
    let list = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
    };
    for row in list("rows") {
        write_with(&mut out, row, PyLine);
        out.push(b'\n');
    }
    // In this key order (the command line's), not sorted as a map would be.
    for e in list("errors") {
        for (i, key) in ["line", "sheet", "error"].into_iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"{\"" } else { b", \"" });
            out.extend_from_slice(key.as_bytes());
            out.extend_from_slice(b"\": ");
            let v = if key == "error" { Some(e) } else { e.get(key) };
            write_with(&mut out, v.unwrap_or(&Value::Null), PyLine);
        }
        out.extend_from_slice(b"}\n");
    }
    out
}
