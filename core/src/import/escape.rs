//! Writing cells back to CSV/TSV safely (formula injection, quoting).

/// One cell, ready to write into a CSV or TSV file that people open in Excel.
///
/// Importers keep cells verbatim (`=HYPERLINK(…)` stays as typed, so a check can
/// see it); escaping happens here, when a file is written. Decided (after the
/// OWASP "CSV injection" advice): a cell starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading `'`, so a spreadsheet shows it as text
/// instead of running it — except a plain number such as `-5`, `+886912345678` or
/// `-0.5`, which no spreadsheet runs. Then a cell holding a comma, tab, quote,
/// carriage return or newline is quoted, with quotes doubled; the result is
/// valid in both CSV and TSV.
///
/// ```
/// use ntpc_policy::import::csv_escape_cell;
/// assert_eq!(csv_escape_cell("=1+1"), "'=1+1");
/// assert_eq!(csv_escape_cell("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(csv_escape_cell("-5"), "-5");
/// assert_eq!(csv_escape_cell("a,b"), "\"a,b\"");
/// assert_eq!(csv_escape_cell("=\"x\",1"), "\"'=\"\"x\"\",1\"");
/// assert_eq!(csv_escape_cell("殭屍電腦(Bot)"), "殭屍電腦(Bot)");
/// ```
pub fn csv_escape_cell(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(value);
    let mut cell = String::with_capacity(value.len() + 3);
    if risky {
        cell.push('\'');
    }
    cell.push_str(value);
    if cell.contains([',', '\t', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// `[+-]digits[.digits]`: a number, not a formula.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_formulas_but_not_numbers() {
        assert_eq!(csv_escape_cell("+886912345678"), "+886912345678");
        assert_eq!(csv_escape_cell("-0.5"), "-0.5");
        assert_eq!(csv_escape_cell("-1+1"), "'-1+1");
        assert_eq!(csv_escape_cell("-"), "'-");
        assert_eq!(csv_escape_cell("+"), "'+");
        assert_eq!(csv_escape_cell("-.5"), "'-.5");
        assert_eq!(csv_escape_cell("\tx"), "\"'\tx\"");
        assert_eq!(csv_escape_cell("a\nb"), "\"a\nb\"");
        assert_eq!(csv_escape_cell(""), "");
        assert_eq!(
            csv_escape_cell("163.20.[REDACTED] (natIP)"),
            "163.20.[REDACTED] (natIP)"
        );
    }
}
