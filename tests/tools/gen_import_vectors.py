"""Writes tests/vectors/import.json: the shared CSV/TSV importer, through the
incident importer and the import module's own calls. Expected values are the
inputs themselves (what a correct reader returns) and codes of RULES §0."""

# ruff: noqa: E501 (long literal strings: expected messages and data)

from seed_incidents import HEAD, SEED, seed_records
from vector_doc import Doc

# --------------------------------------------------------------------------- import
M = Doc(
    "import",
    "The shared CSV/TSV importer (every record type): encodings (UTF-8 with or without BOM, Big5/CP950, "
    "UTF-16 with BOM), delimiters, quoting, CRLF, header mapping, empty and header-only files, per-row "
    "errors with line and column, limits, formula cells kept verbatim, and csv_escape_cell. Import "
    "calls use the incident importer; `data_hex` gives raw bytes.",
)
H3 = "編號,通報單位,等級"


def row(i, u="甲國小", lv="1級"):
    return f"{i},{u},{lv}"


def hexs(b):
    return b.hex()


M.ok(
    "UTF-8 with a BOM and CRLF",
    "incident.import",
    {"data_hex": hexs(("\ufeff" + H3 + "\r\n" + row(1) + "\r\n").encode("utf-8"))},
    {
        "records": [{"id": "1", "unit": "甲國小", "level": 1}],
        "lines": [2],
        "encoding": "utf-8",
        "bom": True,
        "columns": [
            {"column": 1, "header": "編號", "field": "id"},
            {"column": 2, "header": "通報單位", "field": "unit"},
            {"column": 3, "header": "等級", "field": "level"},
        ],
    },
)
big5_text = (
    HEAD
    + "\r\n"
    + "\r\n".join(",".join([r[0], r[1], "1級", "INT", r[2], r[3], r[4], r[5], r[6]]) for r in SEED)
    + "\r\n"
)
M.ok(
    "Big5/CP950 as Excel in Taiwan saves it: the seed rows",
    "incident.import",
    {"data_hex": hexs(big5_text.encode("cp950"))},
    {
        "records": seed_records,
        "lines": [2, 3, 4, 5, 6, 7],
        "encoding": "big5",
        "bom": False,
        "errors": [],
    },
)
M.ok(
    "UTF-16LE with a BOM, tab-separated (Excel's Unicode text)",
    "incident.import",
    {
        "data_hex": hexs(
            ("\ufeff" + H3.replace(",", "\t") + "\r\n1\t乙國小\t2級\r\n").encode("utf-16-le")
        )
    },
    {
        "records": [{"id": "1", "unit": "乙國小", "level": 2}],
        "encoding": "utf-16le",
        "bom": True,
        "delimiter": "tab",
    },
)
M.err(
    "bytes that are neither UTF-8 nor Big5",
    "incident.import",
    {"data_hex": hexs(b"id,unit,level\n1,A,1\n\xff\xfe\xff\n")},
    "import.bad_encoding",
)
M.err(
    "a UTF-8 BOM then invalid UTF-8 is not read as Big5",
    "incident.import",
    {"data_hex": hexs("\ufeff".encode() + (H3 + "\n1,").encode() + "甲".encode("cp950") + b",1\n")},
    "import.bad_encoding",
)
M.ok(
    "quoted cells: commas, doubled quotes, a newline; lines after it stay right",
    "incident.import",
    {"data": H3 + '\r\n1,"甲國小, ""分校""\r\n第二行",1級\r\n2,乙國小,2級\r\n'},
    {
        "records": [{"id": "1", "unit": '甲國小, "分校"\r\n第二行'}, {"id": "2", "unit": "乙國小"}],
        "lines": [2, 4],
    },
)
M.err("an empty file", "incident.import", {"data": ""}, "import.empty_file")
M.err("a file of blank lines", "incident.import", {"data": "\r\n  \r\n\t\n"}, "import.empty_file")
M.ok(
    "a header-only file is an empty result",
    "incident.import",
    {"data": H3 + "\r\n"},
    {"records": [], "lines": [], "errors": [], "rows": 0, "skipped_rows": 0},
)
M.ok(
    "blank lines before the header and between rows",
    "incident.import",
    {"data": "\n\n" + H3 + "\n\n" + row(1) + "\n,,\n" + row(2) + "\n"},
    {"records": [{"id": "1"}, {"id": "2"}], "lines": [5, 7], "rows": 2, "skipped_rows": 1},
)
M.ok(
    "a cell over the field limit is a row error at its column",
    "incident.import",
    {
        "data": H3 + "\n" + row(1, "一二三四五六七八九十十一") + "\n" + row(2) + "\n",
        "policy": {"limits": {"import_max_field_chars": 10}},
    },
    {
        "records": [{"id": "2"}],
        "lines": [3],
        "errors": [
            {
                "line": 2,
                "column": 2,
                "header": "通報單位",
                "field": None,
                "code": "import.field_too_long",
                "params": {"limit": 10, "actual": 12},
            }
        ],
    },
)
M.ok(
    "rows past the row limit: one error, reading stops",
    "incident.import",
    {
        "data": H3 + "\n" + "\n".join(row(i) for i in range(1, 6)) + "\n",
        "policy": {"limits": {"import_max_rows": 2}},
    },
    {
        "records": [{"id": "1"}, {"id": "2"}],
        "lines": [2, 3],
        "truncated": True,
        "rows": 2,
        "errors": [
            {"line": 4, "column": None, "code": "import.too_many_rows", "params": {"limit": 2}}
        ],
    },
)
M.err(
    "a file over the byte limit",
    "incident.import",
    {"data": H3 + "\n" + row(1) + "\n", "policy": {"limits": {"import_max_bytes": 16}}},
    "input.too_large",
)
M.err(
    "two headers for one field",
    "incident.import",
    {"data": "編號,通報單位,等級,ID\n1,A,1,2\n"},
    "import.duplicate_column",
)
M.err(
    "all required columns missing",
    "incident.import",
    {"data": "IP,備註\n1.2.3.4,x\n"},
    "import.missing_column",
)
M.ok(
    "formula-looking cells are kept verbatim",
    "incident.import",
    {
        "data": H3
        + ',子類型,IP\n=1+1,"=HYPERLINK(""http://x"")",1級,+cmd|\' /C calc\'!A0,@SUM(A1)\n-2,-A,2級,-,\n'
    },
    {
        "records": [
            {
                "id": "=1+1",
                "unit": '=HYPERLINK("http://x")',
                "subtype": "+cmd|' /C calc'!A0",
                "ip": "@SUM(A1)",
            },
            {"id": "-2", "unit": "-A", "subtype": "-", "ip": None},
        ],
        "errors": [],
    },
)
M.ok(
    "headers match ignoring case, width, spaces and underscores",
    "incident.import",
    {
        "data": "ＩＤ, Unit ,LEVEL,Occurred_At,reported-at\nX,Y,3,2021-09-01 10:00,2021-09-01 10:30\n"
    },
    {
        "records": [
            {
                "id": "X",
                "unit": "Y",
                "level": 3,
                "occurred_at": "2021-09-01T10:00:00+08:00",
                "reported_at": "2021-09-01T10:30:00+08:00",
            }
        ],
        "ignored_columns": [],
    },
)
M.ok(
    "an explicit tab delimiter wins over detection",
    "incident.import",
    {
        "data": "編號\t通報單位\t等級\t備註,a,b,c\n1\t甲,乙\t1級\tx,y\n",
        "options": {"delimiter": "tab"},
    },
    {
        "records": [{"id": "1", "unit": "甲,乙", "level": 1}],
        "delimiter": "tab",
        "ignored_columns": ["備註,a,b,c"],
    },
)
M.ok(
    "detection picks comma when commas outnumber tabs",
    "incident.import",
    {"data": "編號,通報單位,等級\n1,甲\t國小,1級\n"},
    {"records": [{"unit": "甲\t國小"}], "delimiter": "comma"},
)
M.err(
    "an unknown option",
    "incident.import",
    {"data": H3 + "\n", "options": {"delimiter": "tab", "encoding": "big5"}},
    "input.invalid_argument",
)
M.err(
    "an unknown delimiter",
    "incident.import",
    {"data": H3 + "\n", "options": {"delimiter": "semicolon"}},
    "input.invalid_argument",
)
M.ok(
    "decode: UTF-8 without a BOM",
    "import.decode",
    {"data_hex": hexs("等級".encode())},
    {"text": "等級", "encoding": "utf-8", "bom": False},
)
M.ok(
    "decode: Big5",
    "import.decode",
    {"data_hex": hexs("資安通報".encode("cp950"))},
    {"text": "資安通報", "encoding": "big5", "bom": False},
)
M.ok(
    "decode: UTF-16BE with a BOM",
    "import.decode",
    {"data_hex": hexs("\ufeff等級".encode("utf-16-be"))},
    {"text": "等級", "encoding": "utf-16be", "bom": True},
)
M.ok(
    "decode: empty",
    "import.decode",
    {"data_hex": ""},
    {"text": "", "encoding": "utf-8", "bom": False},
)
M.err(
    "decode: a truncated Big5 character",
    "import.decode",
    {"data_hex": hexs("資安".encode("cp950")[:3])},
    "import.bad_encoding",
)
for value, cell, why in [
    ("=1+1", "'=1+1", "formula"),
    ("+cmd", "'+cmd", "plus"),
    ("-A1", "'-A1", "minus"),
    ("@SUM(A1)", "'@SUM(A1)", "at sign"),
    ("-5", "-5", "a negative number stays"),
    ("+886912345678", "+886912345678", "a phone number stays"),
    ("\tx", '"\'\tx"', "leading tab"),
    ("a,b", '"a,b"', "comma"),
    ('say "hi"', '"say ""hi"""', "quotes"),
    ("a\nb", '"a\nb"', "newline"),
    ('="x",1', '"\'=""x"",1"', "formula with quote and comma"),
    ("系統被入侵", "系統被入侵", "plain text"),
    ("", "", "empty"),
]:
    M.ok(f"csv_escape_cell: {why}", "import.csv_escape_cell", {"value": value}, {"cell": cell})
for text, n in [("3", 3), ("是", 1), ("有", 1), ("無", 0), ("Yes", 1), ("N", 0), ("１２", 12)]:
    M.ok(f"count {text}", "import.parse_count", {"text": text}, {"count": n})
M.err("count -1", "import.parse_count", {"text": "-1"}, "import.invalid_value")
M.write()
