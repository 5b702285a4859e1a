//! Cutting decoded CSV/TSV text into rows and cells (issue 14 §2: a broken
//! quote costs one row; linear in the text). The importer (`table`) maps the
//! cells to fields.

/// Tab when the header line has more tabs than commas (outside quotes), else
/// comma. The header line is the first non-blank line with a separator (a title
/// line of one cell above it says nothing).
pub(super) fn detect(text: &str) -> u8 {
    let count = |line: &str| {
        let (mut tabs, mut commas, mut quoted) = (0usize, 0usize, false);
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                '\t' if !quoted => tabs += 1,
                ',' if !quoted => commas += 1,
                _ => {}
            }
        }
        (tabs, commas)
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or_default();
    let (tabs, commas) = match count(first) {
        (0, 0) => lines.next().map_or((0, 0), count),
        c => c,
    };
    if tabs > commas { b'\t' } else { b',' }
}

/// One row of the text as the splitter cut it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Record {
    /// The line (1-based) it starts on.
    pub(super) line: u64,
    /// Byte offset of its first character.
    pub(super) start: usize,
    /// Its kept cells (at most the number the caller asked for), one after
    /// another: one allocation per row, not per cell.
    pub(super) buf: String,
    /// The end of each kept cell in `buf`.
    pub(super) ends: Vec<usize>,
    /// How many cells it has (kept or not).
    pub(super) count: usize,
    /// Every cell is blank (spaces only), kept or not.
    pub(super) blank: bool,
    /// A quoted cell of it spans lines.
    pub(super) multiline: bool,
}

impl Record {
    /// The kept cell `i`.
    pub(super) fn cell(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.buf[start..self.ends[i]]
    }

    /// The kept cells in order.
    pub(super) fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| self.cell(i))
    }
}

/// What the splitter read next.
pub(super) enum Next {
    Record(Record),
    /// A quote opened on this line that does not close where a cell can end;
    /// the splitter has moved on to the next line.
    Broken {
        line: u64,
    },
    End,
}

/// Where the table reader takes its rows from: CSV/TSV text ([`Splitter`]) or
/// a worksheet (`workbook::SheetRows`). One reader for both keeps the header
/// mapping, the row errors and the limits the same (issue 21 §1).
pub(super) trait RowSource {
    /// The next row, keeping at most `keep` of its cells.
    fn next_row(&mut self, keep: usize) -> Next;
    /// Drops the rest of a multi-line row (text only; a sheet has none).
    fn skip_row(&mut self, start: usize, line: u64);
    /// The header line is `width` cells wide: a worksheet pads shorter rows to
    /// it (a spreadsheet stores no trailing empty cells; CSV writes every comma).
    fn set_width(&mut self, _width: usize) {}
    /// The row at which a worksheet stopped being read (past the rows kept in
    /// memory), when it did.
    fn cut_at(&self) -> Option<u64> {
        None
    }
    /// Hands back a row the reader is done with, so that the next row can use
    /// its buffers: reading a file then costs no allocation per row for its
    /// cells (issue 9: the incident import of 100,000 rows).
    fn recycle(&mut self, _done: Record) {}
    /// At most how many more rows there are, when the source can tell
    /// cheaply (0 when it cannot): the reader sizes its lists once.
    fn rows_left_hint(&self) -> usize {
        0
    }
}

impl RowSource for Splitter<'_> {
    fn next_row(&mut self, keep: usize) -> Next {
        self.next(keep)
    }
    fn skip_row(&mut self, start: usize, line: u64) {
        Splitter::skip_row(self, start, line);
    }
    fn recycle(&mut self, done: Record) {
        self.spare = Some((done.buf, done.ends));
    }
    /// The line ends left: every row but the last ends with one.
    fn rows_left_hint(&self) -> usize {
        let rest = &self.bytes()[self.pos.min(self.bytes().len())..];
        // Counted in byte lanes, which the compiler turns into vector code.
        let count = |c: &[u8]| c.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'));
        rest.chunks(255)
            .map(|c| usize::from(count(c)))
            .sum::<usize>()
            + 1
    }
}

/// Cuts decoded text into rows and cells the way Excel writes CSV/TSV: a cell
/// that starts with `"` is quoted (`""` inside is one `"`, delimiters and line
/// ends inside are text); a quote anywhere else is an ordinary character; CRLF,
/// LF and a lone CR end lines; empty lines are not rows.
///
/// **A broken quote costs one row** (issue 14 §2). A quoted cell must close
/// with a `"` followed by the delimiter, a line end or the end of the text.
/// When it never closes, or closes into other text after spanning lines, the
/// quote was a stray one (`"Wang` in a name, a quote typed by hand): the row it
/// opens on is reported ([`Next::Broken`]) and reading goes on at the next
/// line, where the rows the quote would have swallowed are read as usual.
/// (A quoted cell on one line followed by text, `"a"b`, reads as `ab`, as Excel
/// and the csv crate read it.) Rows spanning lines whose cell count then
/// differs from the header's are treated the same way by the reader.
///
/// The delimiter, quote and line ends are ASCII, so cutting UTF-8 at them keeps
/// every piece valid text. One pass, no backtracking except the one line of a
/// broken row: linear in the text.
pub(super) struct Splitter<'a> {
    src: &'a str,
    pos: usize,
    line: u64,
    delim: u8,
    /// The last search for a quote: where it started and what it found. A
    /// later search starting between the two has the same answer, so rows that
    /// each open a quote that never closes do not each scan to the end of the
    /// text (that would be quadratic).
    quote_search: Option<(usize, Option<usize>)>,
    /// The kept text and cell count of the last row: the next row's buffers
    /// start at that size (rows of one file are alike), so a wide row does not
    /// grow them by doubling, cell after cell.
    last_size: (usize, usize),
    /// The buffers of a row the reader handed back ([`RowSource::recycle`]).
    spare: Option<(String, Vec<usize>)>,
}

impl<'a> Splitter<'a> {
    pub(super) fn new(src: &'a str, delim: u8) -> Self {
        Splitter {
            src,
            pos: 0,
            line: 1,
            delim,
            quote_search: None,
            last_size: (0, 0),
            spare: None,
        }
    }

    /// The first `"` at or after `from`.
    fn next_quote(&mut self, from: usize) -> Option<usize> {
        if let Some((start, found)) = self.quote_search
            && start <= from
            && found.is_none_or(|q| from <= q)
        {
            return found;
        }
        let found = self.bytes()[from..]
            .iter()
            .position(|&b| b == b'"')
            .map(|i| from + i);
        self.quote_search = Some((from, found));
        found
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// Steps over one line end at `pos` (CRLF, LF or CR), if there is one.
    fn line_end(&mut self) -> bool {
        let b = self.bytes();
        match b.get(self.pos) {
            Some(b'\n') => self.pos += 1,
            Some(b'\r') => {
                self.pos += 1;
                if b.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            _ => return false,
        }
        self.line += 1;
        true
    }

    /// Lines ended inside a piece of a quoted cell (CRLF counts once).
    fn count_lines(piece: &[u8]) -> u64 {
        let mut n = 0;
        for (i, &b) in piece.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && piece.get(i + 1) != Some(&b'\n')) {
                n += 1;
            }
        }
        n
    }

    /// The end of an unquoted piece: the next delimiter or line end.
    fn piece_end(&self, from: usize) -> usize {
        let d = self.delim;
        self.bytes()[from..]
            .iter()
            .position(|&b| b == d || b == b'\n' || b == b'\r')
            .map_or(self.bytes().len(), |i| from + i)
    }

    /// Goes back to the row starting at `start` on `line` and on to the line
    /// after its first one.
    pub(super) fn skip_row(&mut self, start: usize, line: u64) -> Next {
        self.pos = start;
        self.line = line;
        self.pos = self.piece_end_any(start);
        if !self.line_end() {
            self.line = line + 1;
        }
        Next::Broken { line }
    }

    /// The next line end at or after `from` (or the end of the text).
    fn piece_end_any(&self, from: usize) -> usize {
        self.bytes()[from..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(self.bytes().len(), |i| from + i)
    }

    /// The next row, keeping at most `keep` of its cells.
    pub(super) fn next(&mut self, keep: usize) -> Next {
        while self.line_end() {}
        if self.pos >= self.bytes().len() {
            return Next::End;
        }
        let (start, line) = (self.pos, self.line);
        let (buf, ends) = match self.spare.take() {
            Some((mut buf, mut ends)) => {
                buf.clear();
                ends.clear();
                buf.reserve(self.last_size.0);
                ends.reserve(self.last_size.1);
                (buf, ends)
            }
            None => (
                String::with_capacity(self.last_size.0),
                Vec::with_capacity(self.last_size.1),
            ),
        };
        let mut rec = Record {
            line,
            start,
            buf,
            ends,
            count: 0,
            blank: true,
            multiline: false,
        };
        loop {
            let cell_start = rec.buf.len();
            let cell = &mut rec.buf;
            if self.bytes().get(self.pos) == Some(&b'"') {
                self.pos += 1;
                let mut spans_lines = false;
                loop {
                    let from = self.pos;
                    let Some(q) = self.next_quote(from) else {
                        // The end of the text inside quotes.
                        return self.skip_row(start, line);
                    };
                    let piece = &self.src[from..q];
                    let lines = Self::count_lines(piece.as_bytes());
                    self.line += lines;
                    spans_lines |= lines > 0;
                    cell.push_str(piece);
                    self.pos = q + 1;
                    if self.bytes().get(self.pos) == Some(&b'"') {
                        cell.push('"');
                        self.pos += 1;
                        continue;
                    }
                    break;
                }
                rec.multiline |= spans_lines;
                match self.bytes().get(self.pos) {
                    None | Some(b'\n' | b'\r') => {}
                    Some(&b) if b == self.delim => {}
                    Some(_) if spans_lines => return self.skip_row(start, line),
                    Some(_) => {
                        let end = self.piece_end(self.pos);
                        cell.push_str(&self.src[self.pos..end]);
                        self.pos = end;
                    }
                }
            } else {
                let end = self.piece_end(self.pos);
                cell.push_str(&self.src[self.pos..end]);
                self.pos = end;
            }
            rec.blank = rec.blank && rec.buf[cell_start..].trim().is_empty();
            if rec.count < keep {
                rec.ends.push(rec.buf.len());
            } else {
                rec.buf.truncate(cell_start);
            }
            rec.count += 1;
            match self.bytes().get(self.pos) {
                Some(&b) if b == self.delim => self.pos += 1,
                _ => {
                    self.line_end();
                    self.last_size = (rec.buf.len(), rec.ends.len());
                    return Next::Record(rec);
                }
            }
        }
    }
}
