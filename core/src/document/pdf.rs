//! The text layer of a PDF (issue 21 §2), read by lopdf (pure Rust, MIT) on a
//! thread of its own, behind limits.
//!
//! Why the guards: a PDF is a graph of objects a hostile file can nest
//! without end, and lopdf's parser recurses into nested arrays and
//! dictionaries. So, before lopdf sees a byte:
//!
//! - the file is at most `limits.import_max_bytes` (checked by the caller);
//! - its nesting of `[`/`<<` outside strings and streams is at most
//!   [`MAX_NESTING`] (`document.too_deep`), which the stack of the thread
//!   below holds many times over;
//!
//! then lopdf runs on a thread with a fixed [`STACK`] (so the depth it may
//! reach does not depend on the caller's stack: a binding's thread, a web
//! worker), each page's decompressed content is capped at
//! `limits.archive_max_uncompressed_bytes`, and a panic inside lopdf is
//! caught at the join and reported as `document.unreadable`, never taking the
//! process down. An encrypted PDF is `document.password_protected`; a PDF with
//! pages but no text (a scanned image) is `document.no_text`.

use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::Params;
use crate::policy::Policy;

/// Deepest nesting of arrays and dictionaries accepted (real files: < 10).
pub(crate) const MAX_NESTING: usize = 256;
/// The stack of the parsing thread.
const STACK: usize = 16 << 20;

fn err(code: Code, params: Params) -> PolicyError {
    PolicyError::File { code, params }
}

fn unreadable(reason: impl std::fmt::Display) -> PolicyError {
    err(
        Code::DocumentUnreadable,
        Params::new()
            .with("format", "pdf")
            .with("reason", crate::calendar::clip(&reason.to_string()))
            .with("reason_zh", "PDF 結構無法解析"),
    )
}

/// The deepest nesting of `[` and `<<` outside strings `( … )` and stream data.
pub(crate) fn nesting(data: &[u8]) -> usize {
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while i < data.len() {
        match data[i] {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string: balanced parentheses, `\` escapes.
                let mut level = 1usize;
                i += 1;
                while i < data.len() && level > 0 {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => level -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                continue;
            }
            b's' if data[i..].starts_with(b"stream") && !data[..i].ends_with(b"end") => {
                match data[i..].windows(9).position(|w| w == b"endstream") {
                    Some(p) => i += p + 9,
                    None => return max,
                }
                continue;
            }
            b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                depth += 1;
                max = max.max(depth);
                i += 1;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if data.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    max
}

/// lopdf ends every text chunk (a run of one font) with `" \n"`: an ID
/// written half in bold (`A123<b>456789</b>` saved as PDF) comes out as
/// `"A123 \n456789 \n"`. Chunks are joined without the break, so the ID is
/// one run again; a line of the page still ends with its own break.
fn join_chunks(text: &str) -> String {
    text.replace(" \n", "")
}

/// The text of each page, in page order (see the module docs).
pub(crate) fn pages(data: &[u8], policy: &Policy) -> Result<Vec<String>> {
    let depth = nesting(data);
    if depth > MAX_NESTING {
        return Err(err(
            Code::DocumentTooDeep,
            Params::new()
                .with("limit", MAX_NESTING)
                .with("actual", depth),
        ));
    }
    let cap = usize::try_from(policy.limits.archive_max_uncompressed_bytes).unwrap_or(usize::MAX);
    let owned = data.to_vec();
    let worker = std::thread::Builder::new()
        .name("ntpc-pdf".into())
        .stack_size(STACK)
        .spawn(move || -> Result<Vec<String>> {
            let doc = lopdf::Document::load_mem(&owned).map_err(|e| match e {
                lopdf::Error::Decryption(_) => err(
                    Code::DocumentPasswordProtected,
                    Params::new().with("format", "pdf"),
                ),
                e => unreadable(e),
            })?;
            if doc.is_encrypted() {
                return Err(err(
                    Code::DocumentPasswordProtected,
                    Params::new().with("format", "pdf"),
                ));
            }
            let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
            let mut out = Vec::with_capacity(numbers.len());
            for n in &numbers {
                let text = doc
                    .extract_text_with_limit(&[*n], cap)
                    .map_err(unreadable)?;
                out.push(join_chunks(&text));
            }
            Ok(out)
        })
        .map_err(|e| unreadable(format!("no thread: {e}")))?;
    let pages = worker
        .join()
        .map_err(|_| unreadable("the PDF reader failed on this file"))??;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(err(
            Code::DocumentNoText,
            Params::new().with("pages", pages.len()),
        ));
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_nesting_outside_strings_and_streams() {
        assert_eq!(nesting(b"<< /A [1 [2] ] >>"), 3);
        // Brackets inside a string (balanced parentheses, an escaped one) do not count.
        assert_eq!(nesting(br"(a [[[[ (b) \) c) [1]"), 1);
        assert_eq!(nesting(b"stream\n[[[[[[\nendstream [ ]"), 1);
        let deep = "[".repeat(100_000);
        assert_eq!(nesting(deep.as_bytes()), 100_000);
        let e = pages(deep.as_bytes(), &Policy::default()).unwrap_err();
        assert_eq!(e.code(), Code::DocumentTooDeep);
    }

    #[test]
    fn garbage_is_unreadable_not_clean() {
        let e = pages(b"%PDF-1.7\n1 0 obj << /Type /Catalog", &Policy::default()).unwrap_err();
        assert_eq!(e.code(), Code::DocumentUnreadable);
    }
}
