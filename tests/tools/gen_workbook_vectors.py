"""Writes tests/vectors/workbook.json: workbooks in (issue 21 §1). Every input
is a fixture written by LibreOffice (tests/tools/make_workbook_fixtures.sh)
from a CSV source of make_workbook_sources.py, given as `data_hex`; the
expected values are those of the CSV source, worked out by hand in
gen_import_vectors.py / gen_files_vectors.py (the seed's six incidents, the
file checks of issue 15), plus the sheet each row and error names.
Hostile files (zip bombs, DTDs, truncation, passwords) are crafted here."""

# ruff: noqa: E501

import io
import zipfile
from pathlib import Path

from make_workbook_sources import MAILBOXES
from seed_incidents import seed_records
from vector_doc import Doc

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "workbooks"
M = Doc(
    "workbook",
    "Workbooks in (issue 21): xlsx, xls and ods written by LibreOffice from the CSV fixtures read as their CSV "
    "sources do, rows and errors naming the sheet; `options.sheet` picks a sheet; hostile zips and "
    "encrypted files are typed errors. `data_hex` holds the file bytes.",
)


def hexf(name):
    return (FIX / name).read_bytes().hex()


FORMATS = ["xlsx", "xls", "ods"]

# The seed's incident table, in three encodings of its CSV, as three workbook formats.
for base in ["incidents", "incidents-big5", "incidents-utf16"]:
    for fmt in FORMATS:
        M.ok(
            f"the seed's incident table ({base}.csv) saved by LibreOffice as {fmt}: the same six incidents",
            "incident.import",
            {"data_hex": hexf(f"{base}.{fmt}")},
            {
                "records": seed_records,
                "lines": [2, 3, 4, 5, 6, 7],
                "errors": [],
                "format": fmt,
                "sheet": base,
                "rows": 6,
                "truncated": False,
                "ignored_columns": [],
            },
        )
M.ok(
    "the CSV source itself: format csv, no sheet",
    "incident.import",
    {"data_hex": hexf("incidents.csv")},
    {"records": seed_records, "format": "csv", "sheet": None},
)

# Two sheets: the notes sheet first (default) has no incident columns; the
# incidents are on 事件.
for fmt in FORMATS:
    M.err(
        f"{fmt} with two sheets: the first (a notes sheet) is read by default and has no incident header",
        "incident.import",
        {"data_hex": hexf(f"two-sheets.{fmt}")},
        "import.missing_column",
    )
    M.ok(
        f"{fmt} with two sheets: options.sheet 事件 reads the seed's incidents",
        "incident.import",
        {"data_hex": hexf(f"two-sheets.{fmt}"), "options": {"sheet": "事件"}},
        {"records": seed_records, "lines": [2, 3, 4, 5, 6, 7], "sheet": "事件", "format": fmt},
    )
    M.err(
        f"{fmt}: a sheet that does not exist",
        "incident.import",
        {"data_hex": hexf(f"two-sheets.{fmt}"), "options": {"sheet": "統計"}},
        "workbook.sheet_not_found",
    )

# File checks (issue 15) of the same rows as files.json, from workbooks: the
# bad row names its sheet and row.
for fmt in FORMATS:
    M.ok(
        f"mailbox sweep of {fmt}: states at their rows, the bad row at sheet mailboxes row 3",
        "mailbox.sweep_file",
        {"data_hex": hexf(f"mailboxes.{fmt}"), "today": "110/12/07"},
        {
            "source": {"format": fmt, "sheet": "mailboxes", "rows": 3, "ignored_columns": ["備註"]},
            "rows": [
                {
                    "line": 2,
                    "sheet": "mailboxes",
                    "result": {
                        "account": "lin@ntpc.edu.tw",
                        "state": "deletable",
                        "days_inactive": 500,
                        "verdict": "fail",
                    },
                },
                {
                    "line": 4,
                    "sheet": "mailboxes",
                    "result": {
                        "account": "chen@ntpc.edu.tw",
                        "state": "active",
                        "days_inactive": 7,
                        "verdict": "pass",
                    },
                },
            ],
            "errors": [
                {
                    "line": 3,
                    "sheet": "mailboxes",
                    "field": "activated_on",
                    "code": "calendar.invalid_date",
                }
            ],
            "summary": {
                "checked": 2,
                "passed": 1,
                "warned": 0,
                "failed": 1,
                "errors": 1,
                "verdict": "fail",
            },
        },
    )
    M.ok(
        f"account access of a people file as {fmt}: the unknown status at sheet people row 4",
        "account.check_file",
        {"data_hex": hexf(f"people.{fmt}"), "today": "2021-12-07"},
        {
            "rows": [
                {
                    "line": 2,
                    "sheet": "people",
                    "result": {"person": "王小明", "access": True, "verdict": "pass"},
                },
                {
                    "line": 3,
                    "sheet": "people",
                    "result": {"person": "李小華", "access": False, "verdict": "warn"},
                },
            ],
            "errors": [
                {"line": 4, "sheet": "people", "field": "status", "code": "import.invalid_value"}
            ],
        },
    )
    M.ok(
        f"drill ranking of {fmt}: 900001 20 minutes over, 900002 in time",
        "drill.rank_file",
        {"data_hex": hexf(f"drills.{fmt}"), "now": "2021-12-07T09:00"},
        {
            "rows": [
                {
                    "line": 2,
                    "sheet": "drills",
                    "result": {"school": "900001", "overtime_minutes": 20, "verdict": "fail"},
                },
                {
                    "line": 3,
                    "sheet": "drills",
                    "result": {"school": "900002", "overtime_minutes": 0, "verdict": "pass"},
                },
            ],
            "errors": [],
        },
    )
    M.ok(
        f"audit schools of {fmt}: five schools, codes kept as text",
        "audit.import_schools",
        {"data_hex": hexf(f"schools.{fmt}")},
        {
            "records": [{"school": c} for c in ["900001", "900002", "900003", "900004", "900005"]],
            "errors": [],
            "format": fmt,
            "sheet": "schools",
        },
    )


# Dates as Excel serial numbers (issue 21 §1): the same rows with number cells
# in the date columns (make_workbook_sources.py MAILBOXES_SERIAL, DRILLS_SERIAL)
# give the same results as the text dates above. The expectations are those of
# the CSV rows: 43709 is 2019-09-01 (108/09/01), 44445.4305555556 is
# 2021-09-06 10:20.
for fmt in FORMATS:
    M.ok(
        f"mailbox sweep of {fmt} with serial-number dates: the same states as the text dates",
        "mailbox.sweep_file",
        {"data_hex": hexf(f"mailboxes-serial.{fmt}"), "today": "110/12/07"},
        {
            "rows": [
                {
                    "line": 2,
                    "sheet": "mailboxes-serial",
                    "result": {"account": "lin@ntpc.edu.tw", "state": "deletable", "days_inactive": 500},
                },
                {
                    "line": 4,
                    "sheet": "mailboxes-serial",
                    "result": {"account": "chen@ntpc.edu.tw", "state": "active", "days_inactive": 7},
                },
            ],
            "errors": [
                {"line": 3, "sheet": "mailboxes-serial", "field": "activated_on", "code": "calendar.invalid_date"}
            ],
        },
    )
    M.ok(
        f"drill ranking of {fmt} with serial-number date-times: 900001 20 minutes over, 900002 in time",
        "drill.rank_file",
        {"data_hex": hexf(f"drills-serial.{fmt}"), "now": "2021-12-07T09:00"},
        {
            "rows": [
                {"line": 2, "sheet": "drills-serial", "result": {"school": "900001", "overtime_minutes": 20}},
                {"line": 3, "sheet": "drills-serial", "result": {"school": "900002", "overtime_minutes": 0}},
            ],
            "errors": [],
        },
    )
# A CSV cell is never a serial: 43709 in a CSV date column is a bad date.
M.ok(
    "the serial-number mailboxes as CSV: numbers in date columns are not dates outside a workbook",
    "mailbox.sweep_file",
    {"data_hex": hexf("mailboxes-serial.csv"), "today": "110/12/07"},
    {
        "rows": [],
        "errors": [
            {"line": 2, "field": "activated_on"},
            {"line": 3, "field": "activated_on", "code": "calendar.invalid_date"},
            {"line": 4, "field": "activated_on"},
        ],
    },
)


# Families as a table, one row per student (make_workbook_sources.py FAMILIES;
# RULES §5): 301-05 the father and the grandmother can register, the mother
# has no mobile (fail); 301-06 the mother's number is a landline, nobody can
# register (fail); 301-07 the father can register (pass). In the workbooks
# the father's 0912345678 is the number 912345678 and gets its zero back.
FAMILY_ROWS = [
    (2, "301-05", "fail", [("father", "王大明", "0912345678"), ("other", "王奶奶", "0933111222")]),
    (3, "301-06", "fail", []),
    (4, "301-07", "pass", [("father", "林志明", "0911222333")]),
]
for fmt in ["csv"] + FORMATS:
    sheet = None if fmt == "csv" else "families"
    M.ok(
        f"parent registration from a family table as {fmt}: one row per student",
        "parent.check_file",
        {"data_hex": hexf(f"families.{fmt}")},
        {
            "source": {"format": fmt, "sheet": sheet, "rows": 3},
            "rows": [
                {
                    "line": line,
                    "sheet": sheet,
                    "result": {
                        "student": student,
                        "verdict": verdict,
                        "registrants": [{"slot": s, "name": n, "mobile": m} for s, n, m in reg],
                    },
                }
                for line, student, verdict, reg in FAMILY_ROWS
            ],
            "errors": [],
            "summary": {"checked": 3, "passed": 1, "warned": 0, "failed": 2, "errors": 0, "verdict": "fail"},
        },
    )
M.ok(
    "families read from an ods: the father of 301-05 as typed, the mother listed without a mobile",
    "parent.import",
    {"data_hex": hexf("families.ods")},
    {
        "records": [
            {
                "student": "301-05",
                "father": {"name": "王大明", "mobile": "0912345678", "relation": None},
                "mother": {"name": "李美麗", "mobile": None, "relation": None},
                "guardian1": None,
                "guardian2": None,
                "others": [{"name": "王奶奶", "mobile": "0933-111-222", "relation": "祖母"}],
            },
            {"student": "301-06", "father": None},
            {"student": "301-07", "mother": None, "others": []},
        ],
        "lines": [2, 3, 4],
        "errors": [],
    },
)
M.ok(
    "in CSV a mobile of nine digits is taken as typed: 912345678 is not a mobile number",
    "parent.check_file",
    {"data": "學號,父親姓名,父親手機\n301-05,王大明,912345678\n"},
    {"rows": [{"line": 2, "result": {"verdict": "fail", "registrants": []}}]},
)
M.err(
    "a family table without a student column",
    "parent.check_file",
    {"data": "父親姓名,父親手機\n王大明,0912345678\n"},
    "import.missing_column",
)
M.ok(
    "families: the sheet picked by options.sheet (the only sheet, by name)",
    "parent.check_file",
    {"data_hex": hexf("families.xlsx"), "options": {"sheet": "families"}},
    {"summary": {"checked": 3, "errors": 0}},
)


# ---- hostile files (issue 21 §3) ----
def zipped(entries, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in entries:
            # A fixed time stamp: the vectors are drift-checked.
            info = zipfile.ZipInfo(name, date_time=(2021, 2, 8, 17, 50, 0))
            info.compress_type = method
            z.writestr(info, data)
    return b.getvalue()


xlsx = (FIX / "incidents.xlsx").read_bytes()
# A zip bomb: one 300 MiB entry of zeros (about 300 KiB packed) beside the
# workbook's own parts; the default cap is 256 MiB.
with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
    parts = [(n, z.read(n)) for n in z.namelist()]
bomb = zipped([("xl/media/zeros.bin", b"\0" * (300 << 20))] + parts, zipfile.ZIP_DEFLATED)
M.err(
    "a zip bomb: an entry unpacking past limits.archive_max_uncompressed_bytes (256 MiB)",
    "incident.import",
    {"data_hex": bomb.hex()},
    "archive.too_large",
)
M.err(
    "the same workbook under a policy capping the unpacked size at 1 KiB",
    "incident.import",
    {"data_hex": xlsx.hex(), "policy": {"limits": {"archive_max_uncompressed_bytes": 1024}}},
    "archive.too_large",
)
M.err(
    "more entries than limits.archive_max_entries",
    "incident.import",
    {"data_hex": xlsx.hex(), "policy": {"limits": {"archive_max_entries": 3}}},
    "archive.too_many_entries",
)
# Billion laughs in the shared strings: refused before any parser sees it.
laughs = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>'
)
M.err(
    "entity expansion (a DTD in xl/sharedStrings.xml)",
    "incident.import",
    {
        "data_hex": zipped(
            [(n, laughs if n == "xl/sharedStrings.xml" else d) for n, d in parts]
        ).hex()
    },
    "document.xml_dtd",
)
xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
M.err(
    "an external entity (SYSTEM file:///etc/passwd) in a workbook part",
    "incident.import",
    {"data_hex": zipped([(n, xxe if n == "xl/workbook.xml" else d) for n, d in parts]).hex()},
    "document.xml_dtd",
)
M.err(
    "a truncated xlsx (first half of the file)",
    "incident.import",
    {"data_hex": xlsx[: len(xlsx) // 2].hex()},
    "archive.malformed",
)
M.err(
    "a zip whose directory is cut off (last byte missing)",
    "incident.import",
    {"data_hex": xlsx[:-1].hex()},
    "archive.malformed",
)
M.err(
    "a zip that is a Word document, given to an importer",
    "incident.import",
    {"data_hex": (FIX.parent / "documents" / "roster.docx").read_bytes().hex()},
    "workbook.not_a_workbook",
)
M.err(
    "an xlsx whose worksheet XML is garbage",
    "incident.import",
    {
        "data_hex": zipped(
            [
                (n, b"<worksheet><sheetData><row" if n == "xl/worksheets/sheet1.xml" else d)
                for n, d in parts
            ]
        ).hex()
    },
    "workbook.unreadable",
)
xls = (FIX / "incidents.xls").read_bytes()
M.err(
    "a truncated xls (first 1 000 bytes)",
    "incident.import",
    {"data_hex": xls[:1000].hex()},
    "workbook.unreadable",
)
# An Office-encrypted xlsx is an OLE2 file with an EncryptedPackage stream: its
# header and directory entry name are enough to recognise it.
ole = bytearray(xls)
name = "EncryptedPackage".encode("utf-16-le")
ole[-len(name) - 64 : -64] = name
M.err(
    "a password-protected xlsx (OLE2 holding EncryptedPackage)",
    "incident.import",
    {"data_hex": bytes(ole).hex()},
    "workbook.password_protected",
)
# Real password-protected workbooks (password "secret"), written by
# make_workbook_fixtures.sh: xls and ods by LibreOffice, xlsx by msoffcrypto-tool.
for fmt in FORMATS:
    M.err(
        f"a password-protected {fmt} (the seed incidents, saved with a password)",
        "incident.import",
        {"data_hex": hexf(f"incidents-password.{fmt}")},
        "workbook.password_protected",
    )
M.ok(
    "a file named .xlsx that is really CSV text: read as CSV (format by first bytes, never the name)",
    "incident.import",
    {"data_hex": (FIX / "incidents.csv").read_bytes().hex()},
    {"format": "csv", "records": seed_records},
)

M.write(minimum=40)
