//! The character-level scanner behind [`super::scan_with`] (module docs of
//! `scan`): the block search for a byte that may start an ID, and the machine
//! that reads a run of letters and digits from there and reports the windows
//! that are IDs.

use super::{Cursor, IdMatch, ScanOptions};
use crate::identity::classify::{IdInfo, classify_ascii};
use crate::identity::fold::{self, CharKind};
use crate::identity::mask::mask_id;
use crate::policy::IdentityPolicy;

/// Flags of an item: a window may start here; what the gap before it held; how
/// the character was written.
const CUT: u8 = 1;
const SEP: u8 = 2;
const TAG: u8 = 4;
const INV: u8 = 8;
const FW: u8 = 16;
const FOLD: u8 = 32;

/// Most separators in one gap of the tolerant mode (`A - 123`); more end the run.
const MAX_GAP: u8 = 3;

/// Longest tag of the HTML mode, in bytes. A stray `<x` in text that is not
/// HTML must not hide everything up to a distant `>` (an ID in there would
/// leak); real tags longer than this (inline `data:` images) are read as text,
/// which can only find more.
pub(super) const MAX_TAG: usize = 4096;

/// A window that may be reported (see [`Machine::window`]).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    s: usize,
    start: usize,
    end: usize,
    info: IdInfo,
    norm: [u8; 10],
    flags: u8,
}

/// One letter or digit of the current run.
#[derive(Debug, Clone, Copy, Default)]
struct Item {
    start: usize,
    len: u8,
    fold: u8,
    flags: u8,
}

/// The character-level scanner. It keeps the last sixteen letters and digits of
/// the current run in a ring: an ID is ten of them between two *cuts* (the run's
/// ends; in the modes, tags and gaps of separators; after an escape), so a
/// window is tested each time a cut closes one, and memory stays constant
/// however long the run.
struct Machine<'t> {
    text: &'t str,
    b: &'t [u8],
    html: bool,
    loose: bool,
    ring: [Item; 16],
    /// Letters and digits in the current run (0: between runs).
    k: usize,
    /// What the gap since the last letter or digit held (`SEP`, `TAG`, `INV`).
    gap: u8,
    /// Separators in that gap.
    seps: u8,
    /// Index after an escape at the run's start (0: none).
    esc: usize,
    /// Index where the last ID found in this run ended (IDs never overlap).
    taken: usize,
    /// A window starting inside the escape, waiting for the one after it.
    pending: Option<Candidate>,
    /// A non-ASCII byte was read.
    non_ascii: bool,
    /// HTML: position of the next `>` after the last search (`len` when none).
    gt: Option<usize>,
    /// Character and UTF-16 offsets of the matches.
    cur: Cursor,
    /// How to mask.
    mask: &'t IdentityPolicy,
    out: Vec<IdMatch>,
}

impl Machine<'_> {
    /// A letter or digit of the run at `start..end`, folded to `fold`.
    #[inline]
    fn alnum(&mut self, start: usize, end: usize, fold: u8, form: u8) {
        let k = self.k;
        let mut flags = form;
        if k == 0 {
            flags |= CUT;
            self.taken = 0;
            self.esc = escape_len(self.b, start);
        } else {
            flags |= self.gap;
            if self.gap & (SEP | TAG) != 0 || k == self.esc {
                flags |= CUT;
            }
            if flags & CUT != 0 && k >= 10 {
                self.window(k - 10);
            }
        }
        self.ring[k & 15] = Item {
            start,
            len: (end - start) as u8,
            fold,
            flags,
        };
        self.k = k + 1;
        self.gap = 0;
        self.seps = 0;
        // Past the window at the escape's end without testing it (no cut there).
        if self.esc > 0 && k == self.esc + 10 {
            self.flush();
        }
    }

    /// The run ends (at a boundary character, a long gap, or the text's end).
    #[inline]
    fn end_run(&mut self) {
        if self.k >= 10 {
            self.window(self.k - 10);
        }
        self.flush();
        self.k = 0;
        self.gap = 0;
        self.seps = 0;
    }

    /// A separator (tolerant mode).
    #[inline]
    fn separator(&mut self) {
        if self.k > 0 {
            self.gap |= SEP;
            self.seps += 1;
            if self.seps > MAX_GAP {
                self.end_run();
            }
        }
    }

    /// Tests the ten letters and digits from index `s` of the run, which end at a
    /// cut: they must start at one too, not overlap the last ID, have separator
    /// gaps only after the 1st, 4th and 7th, and have an ID format.
    ///
    /// IDs never overlap and the leftmost wins, with one exception: after an
    /// escape (`\nA123…`), the ID that starts right after the escape wins over
    /// one that starts inside it, which a tag or gap could otherwise end
    /// (`\tB20000000<b>4` is `B200000004`, not `TB20000000`). A window starting
    /// before the escape's end waits in `pending` until the window at the
    /// escape's end has been tested.
    fn window(&mut self, s: usize) {
        if s < self.taken {
            return;
        }
        let Some(c) = self.candidate(s) else {
            if s == self.esc {
                self.flush();
            }
            return;
        };
        if s < self.esc {
            self.pending.get_or_insert(c);
            return;
        }
        if s == self.esc {
            self.pending = None;
        }
        self.accept(c);
    }

    /// The window of ten from index `s`, if it may be an ID (see [`Self::window`]).
    fn candidate(&self, s: usize) -> Option<Candidate> {
        let first = self.ring[s & 15];
        if first.flags & CUT == 0 {
            return None;
        }
        let mut norm = [0u8; 10];
        let mut flags = first.flags & (FW | FOLD);
        for (j, n) in norm.iter_mut().enumerate() {
            let it = self.ring[(s + j) & 15];
            *n = it.fold;
            if j > 0 {
                if it.flags & SEP != 0 && !matches!(j, 1 | 4 | 7) {
                    return None;
                }
                flags |= it.flags;
            }
        }
        let info = classify_ascii(&norm);
        if !info.format_valid {
            return None;
        }
        let last = self.ring[(s + 9) & 15];
        Some(Candidate {
            s,
            start: first.start,
            end: last.start + usize::from(last.len),
            info,
            norm,
            flags,
        })
    }

    /// Reports a window as an ID.
    fn accept(&mut self, c: Candidate) {
        self.emit(c.start, c.end, c.info, &c.norm, c.flags);
        self.taken = c.s + 10;
    }

    /// The window at the escape's end was not an ID: the waiting one is.
    fn flush(&mut self) {
        if let Some(c) = self.pending.take()
            && c.s >= self.taken
        {
            self.accept(c);
        }
    }

    /// A run of ASCII letters and digits only, `i..e`, between boundaries: the
    /// common case, tested without the ring (the whole run, or the run after
    /// an escape, must be ten characters).
    #[inline]
    fn ascii_run(&mut self, i: usize, e: usize) {
        let len = e - i;
        let s = match len {
            10 => i,
            11..=19 if len - 10 == escape_len(self.b, i) => i + len - 10,
            _ => return,
        };
        let Ok(tok) = <&[u8; 10]>::try_from(&self.b[s..s + 10]) else {
            return;
        };
        let info = classify_ascii(tok);
        if info.format_valid {
            let mut norm = *tok;
            norm.make_ascii_uppercase();
            self.emit(s, s + 10, info, &norm, 0);
        }
    }

    /// Records a match: offsets, masked form.
    fn emit(&mut self, start: usize, end: usize, info: IdInfo, norm: &[u8; 10], flags: u8) {
        // Every byte before `end` was skipped as ASCII by the block search or
        // read here: while none was non-ASCII, every offset is the byte offset.
        self.cur.ascii = !self.non_ascii;
        self.cur.advance(self.b, start);
        let (char_start, utf16_start) = (self.cur.chars, self.cur.utf16);
        self.cur.advance(self.b, end);
        self.out.push(IdMatch {
            start,
            end,
            char_start,
            char_end: self.cur.chars,
            utf16_start,
            utf16_end: self.cur.utf16,
            kind: info.kind,
            checksum_valid: info.checksum_valid,
            fullwidth: flags & FW != 0,
            folded: flags & FOLD != 0,
            invisible: flags & INV != 0,
            separated: flags & SEP != 0,
            tagged: flags & TAG != 0,
            masked: mask_id(norm, self.mask),
        });
    }

    /// HTML: the end of the tag that starts at `i` (a `<`), if it is one.
    fn tag_end(&mut self, i: usize) -> Option<usize> {
        let next = *self.b.get(i + 1)?;
        if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            return None;
        }
        // One search per `>`: linear however many `<` there are.
        let gt = match self.gt {
            Some(g) if g > i => g,
            _ => {
                let g = memchr(b'>', &self.b[i + 1..]).map_or(self.b.len(), |p| i + 1 + p);
                self.gt = Some(g);
                g
            }
        };
        if gt >= self.b.len() || gt - i > MAX_TAG {
            return None;
        }
        // A tag with non-ASCII text inside is skipped unread: say so.
        self.non_ascii |= !self.b[i..gt].is_ascii();
        Some(gt + 1)
    }

    /// Reads from `i` (a character boundary) until past `until`, between runs, at
    /// an ASCII byte (or the end). Returns where it stopped.
    fn run(&mut self, mut i: usize, until: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let lead = if self.loose {
            &fold::LEAD_LOOSE
        } else {
            &fold::LEAD
        };
        while i < n {
            let x = b[i];
            if x < 0x80 {
                if x.is_ascii_alphanumeric() {
                    if self.k == 0 || self.gap & (SEP | TAG) != 0 {
                        // A group of ASCII letters and digits starts here, at a
                        // cut: measure it.
                        let e = b[i + 1..]
                            .iter()
                            .position(|c| !c.is_ascii_alphanumeric())
                            .map_or(n, |p| i + 1 + p);
                        let next = b.get(e).copied();
                        // A whole run, ASCII to a plain boundary: take it whole.
                        if self.k == 0
                            && next.is_none_or(|y| {
                                y < 0x80
                                    && !(self.html && y == b'<')
                                    && !(self.loose && (y == b' ' || y == b'-'))
                            })
                        {
                            self.ascii_run(i, e);
                            i = e;
                            continue;
                        }
                        // A group that ends at an ASCII byte (so no cut falls
                        // inside it) with a letter after its second character
                        // lies in no ID: an ID has letters only first and
                        // second, and a window starts and ends at cuts. It ends
                        // the run, as the cut before it would have (words of
                        // prose in the modes; not after an escape).
                        if next.is_none_or(|y| y < 0x80)
                            && (self.k > 0 || escape_len(b, i) == 0)
                            && b.get(i + 2..e)
                                .is_some_and(|t| t.iter().any(u8::is_ascii_alphabetic))
                        {
                            if self.k > 0 {
                                self.end_run();
                            }
                            i = e;
                            continue;
                        }
                    }
                    self.alnum(i, i + 1, x.to_ascii_uppercase(), 0);
                    i += 1;
                    continue;
                }
                if self.k == 0 && i >= until {
                    return i;
                }
                if self.html
                    && x == b'<'
                    && let Some(e) = self.tag_end(i)
                {
                    if self.k > 0 {
                        self.gap |= TAG;
                    }
                    i = e;
                    continue;
                }
                if self.loose && (x == b' ' || x == b'-') {
                    self.separator();
                } else if self.k > 0 {
                    self.end_run();
                }
                i += 1;
                // Between runs past the hit: back to the block search.
                if self.k == 0 && i >= until {
                    return i;
                }
                continue;
            }
            self.non_ascii = true;
            let len = utf8_len(x);
            if lead[usize::from(x)]
                && let Some(c) = self.text[i..].chars().next()
            {
                match fold::kind(c) {
                    CharKind::Alnum(f) => {
                        let form = if fold::is_fullwidth(c) { FW } else { FOLD };
                        self.alnum(i, i + len, f, form);
                    }
                    CharKind::Invisible => {
                        if self.k > 0 {
                            self.gap |= INV;
                        }
                    }
                    CharKind::Space | CharKind::Dash if self.loose => self.separator(),
                    _ => {
                        if self.k > 0 {
                            self.end_run();
                        }
                    }
                }
            } else if self.k > 0 {
                self.end_run();
            }
            i += len;
        }
        self.end_run();
        n
    }
}

/// Length of the UTF-8 sequence a lead byte starts (1 for a stray continuation
/// byte, which valid `str` never has at a character boundary).
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The first `needle` in `hay`.
#[inline]
fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// How many letters and digits at the start of a run (at `start`) belong to an
/// escape glued before an ID: JSON/Python `\uXXXX`, `\UXXXXXXXX`, `\xXX`, C
/// `\n \t \r \b \f \v`, URL `%XX` (module docs). 0 when there is none.
fn escape_len(b: &[u8], start: usize) -> usize {
    let Some(&before) = start.checked_sub(1).and_then(|p| b.get(p)) else {
        return 0;
    };
    let hex = |n: usize| {
        b.get(start + 1..start + 1 + n)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    };
    match (before, b.get(start)) {
        (b'\\', Some(b'u')) if hex(4) => 5,
        (b'\\', Some(b'U')) if hex(8) => 9,
        (b'\\', Some(b'x')) if hex(2) => 3,
        (b'\\', Some(b'n' | b't' | b'r' | b'b' | b'f' | b'v')) => 1,
        (b'%', Some(h))
            if h.is_ascii_hexdigit() && b.get(start + 1).is_some_and(u8::is_ascii_hexdigit) =>
        {
            2
        }
        _ => 0,
    }
}

/// Block size of the search: each block is tested with one OR-fold.
const BLOCK: usize = 64;

/// The first byte at or after `from` that `hit` accepts, else `b.len()`.
///
/// A separate, call-free loop so the compiler keeps the block in registers and
/// vectorises the fold (issue 20: the earlier loop spilled around its call).
#[inline(always)]
fn next_hit(b: &[u8], from: usize, hit: impl Fn(u8) -> bool + Copy) -> usize {
    // The next few bytes one by one: in CJK text the next character is usually
    // right there.
    let near = b.len().min(from + 8);
    if let Some(p) = b[from..near].iter().position(|&x| hit(x)) {
        return from + p;
    }
    let mut i = near;
    while let Some(block) = b.get(i..i + BLOCK) {
        let mut any = false;
        for &x in block {
            any |= hit(x);
        }
        if any {
            return i + block.iter().position(|&x| hit(x)).unwrap_or(0);
        }
        i += BLOCK;
    }
    i + b[i..].iter().position(|&x| hit(x)).unwrap_or(b.len() - i)
}

/// An ASCII digit or a non-ASCII byte: every ID has one (module docs).
#[inline(always)]
fn hit_default(x: u8) -> bool {
    x.wrapping_sub(b'0') < 10 || x >= 0x80
}

/// HTML mode also stops at `<` and `>`, so the bytes it skips are outside tags.
#[inline(always)]
fn hit_html(x: u8) -> bool {
    hit_default(x) || x == b'<' || x == b'>'
}

/// Finds every ID (module docs), in order.
pub(super) fn find(text: &str, options: &ScanOptions, policy: &IdentityPolicy) -> Vec<IdMatch> {
    let b = text.as_bytes();
    let n = b.len();
    let mut m = Machine {
        text,
        b,
        html: options.html,
        loose: options.loose,
        ring: [Item::default(); 16],
        k: 0,
        gap: 0,
        seps: 0,
        esc: 0,
        taken: 0,
        pending: None,
        non_ascii: false,
        gt: None,
        cur: Cursor::default(),
        mask: policy,
        out: Vec::new(),
    };
    let mut pos = 0;
    while pos < n {
        let q = if options.html {
            next_hit(b, pos, hit_html)
        } else {
            next_hit(b, pos, hit_default)
        };
        if q >= n {
            break;
        }
        // Step back over the letters (and, tolerant, separators) before the hit:
        // the bytes skipped are ASCII, and the one before them a boundary.
        let mut r = q;
        if options.loose {
            while r > pos
                && matches!(b[r - 1], b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b' ' | b'-')
            {
                r -= 1;
            }
        } else {
            while r > pos && b[r - 1].is_ascii_alphanumeric() {
                r -= 1;
            }
        }
        pos = m.run(r, q + 1);
    }
    m.out
}
