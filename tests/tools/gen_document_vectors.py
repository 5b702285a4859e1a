"""Writes tests/vectors/document.json: ID scans over documents (issue 21 §2).
The documents are LibreOffice's conversions of the sources in
make_workbook_sources.py (tests/fixtures/documents/); each holds the RULES
example ID A123456789 (valid check digit, masked A12****789) exactly once, and
where it is was read off the source by hand: awards.csv row 2 column B
(`awards!B2`, the sheet named after the file), roster.txt line 2 (its second
paragraph), minutes.html line 4 (split by a <b> tag: found in HTML mode, second
paragraph after the heading). Unreadable documents are crafted here."""

# ruff: noqa: E501

from pathlib import Path

from vector_doc import Doc

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
M = Doc(
    "document",
    "ID scans over documents (issue 21 §2): xlsx/xls/ods cell by cell, docx/odt paragraphs, HTML text nodes, "
    "PDF text layer; a document that cannot be read is readable: false with the code of why, never clean.",
)
ID = {"kind": "national_id", "checksum_valid": True, "masked": "A12****789"}


def hexf(name):
    return (DOCS / name).read_bytes().hex()


def found(kind, location, extra=None):
    return {
        "kind": kind,
        "readable": True,
        "problem": None,
        "matches": [{"location": location, "id": {**ID, **(extra or {})}}],
    }


for fmt in ["xlsx", "xls", "ods"]:
    for given in [fmt, "auto"]:
        M.ok(
            f"awards.{fmt} (type {given}): the ID in cell awards!B2",
            "identity.scan_document",
            {"data_hex": hexf(f"awards.{fmt}"), "kind": given},
            found(fmt, "awards!B2"),
        )
for fmt in ["docx", "odt"]:
    for given in [fmt, "auto"]:
        M.ok(
            f"roster.{fmt} (type {given}): the ID in paragraph 2",
            "identity.scan_document",
            {"data_hex": hexf(f"roster.{fmt}"), "kind": given},
            found(fmt, "paragraph 2"),
        )
    M.ok(
        f"minutes.{fmt} from HTML: the ID (bold half) in paragraph 2",
        "identity.scan_document",
        {"data_hex": hexf(f"minutes.{fmt}"), "kind": fmt},
        found(fmt, "paragraph 2"),
    )
M.ok(
    "roster.pdf: the ID on page 1 of the text layer",
    "identity.scan_document",
    {"data_hex": hexf("roster.pdf"), "kind": "pdf"},
    found("pdf", "page 1"),
)
# LibreOffice's HTML export makes two pages (its page tree says /Count 2): the
# heading alone on the first, the paragraphs on the second. The bold half of
# the ID is a text run of its own font, joined again.
M.ok(
    "minutes.pdf: the ID, half in bold, on page 2 of the text layer",
    "identity.scan_document",
    {"data_hex": hexf("minutes.pdf"), "kind": "pdf"},
    found("pdf", "page 2"),
)
M.ok(
    "roster.txt: line 2",
    "identity.scan_document",
    {"data_hex": hexf("roster.txt"), "kind": "text"},
    found("text", "line 2"),
)
M.ok(
    "awards.csv: line 2",
    "identity.scan_document",
    {"data_hex": hexf("awards.csv"), "kind": "csv"},
    found("csv", "line 2"),
)
M.ok(
    "minutes.html: the ID split by a <b> tag, found in HTML mode at line 4",
    "identity.scan_document",
    {"data_hex": hexf("minutes.html"), "kind": "html"},
    found("html", "line 4", {"tagged": True}),
)
M.ok(
    "minutes.html with type auto: detected as HTML",
    "identity.scan_document",
    {"data_hex": hexf("minutes.html"), "kind": "auto"},
    found("html", "line 4", {"tagged": True}),
)


def unreadable(name, data, kind, code):
    M.ok(
        name,
        "identity.scan_document",
        {"data_hex": data.hex(), "kind": kind},
        {"readable": False, "problem": {"code": code}, "matches": []},
    )


def pdf(objects, trailer_extra=""):
    """A small PDF with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


IMAGE_ONLY = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    b"<< /Length 0 >>\nstream\n\nendstream",
]
unreadable(
    "a PDF whose page has no text layer (a scanned image): not readable, never clean",
    pdf(IMAGE_ONLY),
    "pdf",
    "document.no_text",
)
unreadable(
    "an encrypted PDF (an /Encrypt dictionary): not readable",
    pdf(
        IMAGE_ONLY + [b"<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -4 >>"],
        "/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ",
    ),
    "pdf",
    "document.password_protected",
)
unreadable(
    "a truncated PDF (first 300 bytes of roster.pdf)",
    (DOCS / "roster.pdf").read_bytes()[:300],
    "pdf",
    "document.unreadable",
)
unreadable(
    "a PDF nested 10 000 arrays deep: refused before parsing",
    b"%PDF-1.4\n1 0 obj\n" + b"[" * 10000,
    "pdf",
    "document.too_deep",
)
unreadable(
    "a docx cut in half", (DOCS / "roster.docx").read_bytes()[:2000], "docx", "archive.malformed"
)
unreadable(
    "a docx that is really a PDF", (DOCS / "roster.pdf").read_bytes(), "docx", "document.unreadable"
)
unreadable(
    "an xlsx cut in half", (DOCS / "awards.xlsx").read_bytes()[:2000], "xlsx", "archive.malformed"
)
# Real password-protected workbooks (make_workbook_fixtures.sh): not readable,
# never clean, whatever type the caller names.
WORKBOOKS = DOCS.parent / "workbooks"
for fmt in ["xlsx", "xls", "ods"]:
    unreadable(
        f"a password-protected {fmt} saved by an office suite: not readable",
        (WORKBOOKS / f"incidents-password.{fmt}").read_bytes(),
        "auto",
        "workbook.password_protected",
    )
M.err(
    "a type no scanner reads",
    "identity.scan_document",
    {"data_hex": "00", "kind": "pptx"},
    "input.invalid_argument",
)

M.write(minimum=20)
