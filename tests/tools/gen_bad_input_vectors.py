#!/usr/bin/env python3
"""Writes tests/vectors/bad_input.json: the hostile-input catalogue (issue #9).

Each case is input a school IT coordinator or a hand-edited file really produces —
wrong types, impossible and far-away dates, broken or foreign encodings, BOMs,
CRLF, empty and header-only files, duplicate ids, formulas in cells — with the
stable error code it must raise, or the result it must give when the rule reads
it correctly. The expectations are written by hand from RULES.md, not copied
from output. Every runner (Rust, Python, Node, Kotlin) executes the file.

    python3 tests/tools/gen_bad_input_vectors.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "tests/vectors/bad_input.json"
E = "input.invalid_argument"
cases: list[dict] = []


def err(name: str, call: str, args: dict, code: str) -> None:
    cases.append({"name": name, "call": call, "args": args, "error": code})


def ok(name: str, call: str, args: dict, expect: dict) -> None:
    cases.append({"name": name, "call": call, "args": args, "expect": expect})


def hexed(data: bytes) -> str:
    return data.hex()


SEED_HEAD = "編號,通報單位,等級,事件類型,子類型,發生時間,通報時間,審核時間,IP"
SEED_ROW = "189750,新北市某國小,1級,INT,系統被入侵,2021/02/08 17:50,2021/02/09 10:41,2021/02/09 11:38,163.20.1.1"

# ---- wrong JSON types for plain arguments ----
err("classify: a number, not text", "identity.classify", {"value": 123456789}, E)
err("classify: null", "identity.classify", {"value": None}, E)
err("password: a number, not text", "password.check", {"password": 12345678}, E)
err("date: a list, not text", "calendar.parse", {"text": ["110", "12", "07"]}, E)
err("security training: hours as text", "training.security_training", {"hours": "3"}, E)
err("security training: negative hours", "training.security_training", {"hours": -1}, E)
err("smart learning: negative quota", "training.smart_learning_progress", {"teacher_quota": -5, "certified": 0}, E)
err("mailbox quota: negative bytes", "mailbox.quota", {"used_bytes": -1}, E)
err("message size: text, not a number", "mailbox.message_size", {"size_bytes": "20MB"}, E)
err("CVSS band: a negative score", "audit.cvss_band", {"score": -0.1}, E)
err("CVSS band: a score above 10", "audit.cvss_band", {"score": 10.1}, E)
err("audit pick: negative capacity", "audit.pick", {"schools": [], "capacity": -1}, E)
err("permission: an unknown right", "permission.who_can", {"module": "學籍管理", "right": "admin"}, E)
err("permission: an unknown module", "permission.who_can", {"module": "不存在的模組", "right": "manage"},
    "permission.unknown_module")

# ---- wrong record shapes ----
err("family: a list where a record goes", "parent.check", {"family": [{"name": "王大明"}]}, E)
err("family: a misspelt slot", "parent.check", {"family": {"farther": {"name": "王大明", "mobile": "0912345678"}}}, E)
err("account record: status as a number", "account.check", {"record": {"status": 1}, "today": "2021-12-07"}, E)
err("mailbox record: activation missing", "mailbox.status", {"mailbox": {"account": "a@ntpc.edu.tw"}, "today": "2021-12-07"}, E)
err("incident: level 7 does not exist", "incident.evaluate",
    {"incident": {"id": "1", "unit": "某校", "level": 7}, "now": "2021-12-07T09:00:00+08:00"}, E)
err("incident: level as text", "incident.evaluate",
    {"incident": {"id": "1", "unit": "某校", "level": "一級"}, "now": "2021-12-07T09:00:00+08:00"}, E)
err("drill report: notice time missing", "drill.evaluate", {"report": {"school": "900001"}, "now": "2021-12-07"}, E)
err("scan finding: round unknown", "audit.pick",
    {"schools": [{"school": "900001"}], "scans": [{"school": "900001", "scan": "third", "cvss": 7.5}]}, E)
err("attendance: a record with a name field is refused", "permission.absent_counts",
    {"records": [{"class": "101", "date": "2021-12-07", "student": "x", "status": "病假", "name": "王小明"}]}, E)

# ---- impossible, ancient and far-future dates ----
err("date: 1911, before the Republic", "calendar.parse", {"text": "1911-12-31"}, "calendar.out_of_range")
err("date: ROC year 0", "calendar.parse", {"text": "0/01/01"}, "calendar.out_of_range")
err("date: 民國前 1 年", "calendar.parse", {"text": "民國前1年1月1日"}, "calendar.out_of_range")
err("date: 30 February", "calendar.parse", {"text": "110/02/30"}, "calendar.invalid_date")
err("date: month 13", "calendar.parse", {"text": "110/13/01"}, "calendar.invalid_date")
err("date: 29 February of a common year", "calendar.parse", {"text": "2021-02-29"}, "calendar.invalid_date")
err("date: empty", "calendar.parse", {"text": ""}, "calendar.unrecognized_format")
err("date: only spaces", "calendar.parse", {"text": "   "}, "calendar.unrecognized_format")
err("date: words", "calendar.parse", {"text": "next Tuesday"}, "calendar.unrecognized_format")
err("date: year 10000", "calendar.parse", {"text": "10000-01-01"}, "calendar.unrecognized_format")
ok("date: far future 9999-12-31 is still a date", "calendar.parse", {"text": "9999-12-31"}, {"date": "9999-12-31"})
err("instant: 25 o'clock", "calendar.parse_datetime", {"text": "2021-02-08T25:00"}, "calendar.invalid_date")
err("format: an unknown style", "calendar.format", {"date": "2021-12-07", "style": "klingon"}, "calendar.unknown_style")
err("from ROC: month 13", "calendar.from_roc", {"year": 110, "month": 13, "day": 1}, "calendar.invalid_date")
err("mailbox record: activated in 1900 (the field is named)", "mailbox.status",
    {"mailbox": {"account": "a@ntpc.edu.tw", "activated_on": "1900-01-01"}, "today": "2021-12-07"}, E)
err("incident: now before 1912", "incident.evaluate",
    {"incident": {"id": "1", "unit": "某校", "level": 1}, "now": "1900-01-01T00:00:00+08:00"}, "calendar.out_of_range")
err("password expiry: changed on 30 February", "password.expiry",
    {"last_changed": "110/02/30", "now": "2021-12-07T09:00:00+08:00"}, "calendar.invalid_date")

# ---- policy documents ----
err("policy: not JSON", "policy.load", {"json": "{"}, "policy.invalid_file")
err("policy: a list, not an object", "policy.load", {"json": "[]"}, "policy.invalid_file")
err("policy: an unknown key", "policy.load", {"json": '{"password": {"min_lenght": 8}}'}, "policy.invalid_file")
err("policy: a negative number", "policy.load", {"json": '{"password": {"min_length": -1}}'}, "policy.invalid_file")
err("policy: month 13 for the school year", "policy.load",
    {"json": '{"calendar": {"school_year_start_month": 13}}'}, "policy.invalid_file")
err("policy: minimum above maximum", "policy.load",
    {"json": '{"password": {"min_length": 300, "max_length": 256}}'}, "policy.invalid_file")
err("policy: a zero row limit", "policy.load", {"json": '{"limits": {"import_max_rows": 0}}'}, "policy.invalid_file")
err("policy: CVSS threshold 11", "policy.load", {"json": '{"audit": {"rescan_min_cvss": 11}}'}, "policy.invalid_file")
err("policy: nested 100 deep", "policy.load", {"json": "[" * 100 + "]" * 100}, "input.too_large")
err("policy: an unknown edition", "policy.edition", {"name": "ntpc-999"}, "policy.unknown_edition")

# ---- limits ----
err("scan: text over the policy's scan limit", "identity.scan",
    {"text": "A123456789 " * 10, "policy": {"limits": {"scan_max_bytes": 50}}}, "input.too_large")
ok("password: 300 characters is a finding, not a crash", "password.check", {"password": "aA1!" * 75},
   {"verdict": "fail"})
ok("mobile: 1,000 characters is a finding, not a crash", "parent.normalize_mobile", {"text": "0" * 1000},
   {"valid": False, "problem": "too_long"})

# ---- files: encodings, BOMs, line ends ----
csv_ok = f"{SEED_HEAD}\n{SEED_ROW}\n"
ok("file: UTF-8 with a BOM and CRLF line ends", "incident.import",
   {"data_hex": hexed(b"\xef\xbb\xbf" + csv_ok.replace("\n", "\r\n").encode("utf-8"))},
   {"records": [{"id": "189750", "level": 1}], "lines": [2], "errors": [], "bom": True, "encoding": "utf-8"})
ok("file: Big5 (CP950) as Excel in Taiwan saves it", "incident.import",
   {"data_hex": hexed(csv_ok.encode("cp950"))},
   {"records": [{"id": "189750", "unit": "新北市某國小", "subtype": "系統被入侵"}], "encoding": "big5", "errors": []})
ok("file: UTF-16LE with a BOM (Excel's Unicode text)", "incident.import",
   {"data_hex": hexed(b"\xff\xfe" + csv_ok.replace(",", "\t").encode("utf-16-le"))},
   {"records": [{"id": "189750"}], "encoding": "utf-16le", "delimiter": "tab", "errors": []})
err("file: bytes that are neither UTF-8 nor Big5", "incident.import",
    {"data_hex": hexed(SEED_HEAD.encode("utf-8") + b"\n\xff\xfe\xfd,\x80\x80\n")}, "import.bad_encoding")
err("file: empty", "incident.import", {"data": ""}, "import.empty_file")
err("file: only a BOM", "incident.import", {"data_hex": "efbbbf"}, "import.empty_file")
err("file: only blank lines", "incident.import", {"data": "\n\r\n\n"}, "import.empty_file")
ok("file: the header line alone is no records and no errors", "incident.import", {"data": SEED_HEAD + "\n"},
   {"records": [], "errors": [], "rows": 0})
err("file: the required 編號 column is missing", "incident.import",
    {"data": "通報單位,等級\n某校,1級\n"}, "import.missing_column")
err("file: two headers for one field", "incident.import",
    {"data": "編號,id,通報單位,等級\n1,1,某校,1級\n"}, "import.duplicate_column")
ok("file: a row with an extra cell is an error at its line; the next row is read", "incident.import",
   {"data": "編號,通報單位,等級\n1,某校,1級,多的\n2,某校,2級\n"},
   {"records": [{"id": "2", "level": 2}], "lines": [3], "errors": [{"line": 2, "code": "import.column_count"}]})
ok("file: a duplicate incident id is an error at the later row", "incident.import",
   {"data": "編號,通報單位,等級\n7,甲校,1級\n8,乙校,1級\n7,丙校,2級\n"},
   {"records": [{"id": "7", "unit": "甲校"}, {"id": "8"}], "lines": [2, 3],
    "errors": [{"line": 4, "field": "id", "code": "import.duplicate_key", "params": {"value": "7", "first_line": 2}}]})
ok("file: a duplicate school code in the audit figures", "audit.import_schools",
   {"data": "學校代碼,資安等級\n900001,A\n900001,C\n"},
   {"records": [{"school": "900001", "security_grade": "A"}],
    "errors": [{"line": 3, "code": "import.duplicate_key"}]})
ok("file: the same mailbox twice", "mailbox.import",
   {"data": "帳號,啟用日期\na@ntpc.edu.tw,110/02/01\na@ntpc.edu.tw,110/03/01\n"},
   {"records": [{"account": "a@ntpc.edu.tw", "activated_on": "2021-02-01"}],
    "errors": [{"line": 3, "code": "import.duplicate_key"}]})
ok("file: a formula in a cell is kept as text, never evaluated", "incident.import",
   {"data": "編號,通報單位,等級\n1,=cmd|' /C calc'!A0,1級\n"},
   {"records": [{"id": "1", "unit": "=cmd|' /C calc'!A0"}], "errors": []})
ok("CSV out: a formula cell is escaped", "import.csv_escape_cell", {"value": "=cmd|' /C calc'!A0"},
   {"cell": "'=cmd|' /C calc'!A0"})
ok("CSV out: a cell starting with + is escaped", "import.csv_escape_cell", {"value": "+SUM(A1:A9)"},
   {"cell": "'+SUM(A1:A9)"})
ok("CSV out: a plain number with + stays a number", "import.csv_escape_cell", {"value": "+886912345678"},
   {"cell": "+886912345678"})
ok("CSV out: a cell starting with @ is escaped", "import.csv_escape_cell", {"value": "@SUM(A1:A9)"},
   {"cell": "'@SUM(A1:A9)"})
ok("file: a level written 五級 is a row error", "incident.import",
   {"data": "編號,通報單位,等級\n1,某校,五級\n"},
   {"records": [], "errors": [{"line": 2, "field": "level", "code": "import.invalid_value"}]})
ok("file: a notice time before 1912 is a row error", "drill.import",
   {"data": "學校代碼,通知時間\n900001,1900/01/01 09:00\n900002,110/09/06 09:00\n"},
   {"records": [{"school": "900002"}], "errors": [{"line": 2, "field": "notified_at", "code": "calendar.out_of_range"}]})
ok("file: a CVSS score of 11 is a row error", "audit.import_scans",
   {"data": "學校代碼,掃描別,CVSS\n900001,複掃,11\n900001,複掃,7.5\n"},
   {"records": [{"school": "900001", "cvss": 7.5}], "errors": [{"line": 2, "field": "cvss", "code": "import.invalid_value"}]})
ok("file: rows past the policy's row limit stop the read with one error", "incident.import",
   {"data": "編號,通報單位,等級\n1,甲,1級\n2,乙,1級\n3,丙,1級\n", "policy": {"limits": {"import_max_rows": 2}}},
   {"records": [{"id": "1"}, {"id": "2"}], "truncated": True, "errors": [{"line": 4, "code": "import.too_many_rows"}]})
ok("file: a cell over the policy's field limit", "incident.import",
   {"data": "編號,通報單位,等級\n1," + "長" * 50 + ",1級\n", "policy": {"limits": {"import_max_field_chars": 20}}},
   {"records": [], "errors": [{"line": 2, "column": 2, "code": "import.field_too_long"}]})
err("file: over the policy's byte limit", "incident.import",
    {"data": csv_ok, "policy": {"limits": {"import_max_bytes": 10}}}, "input.too_large")
err("file: an unknown option", "incident.import", {"data": csv_ok, "options": {"sheet": 2}}, E)

# ==== Issue 14 §2, §4, §5 (core side): stray quotes, bounded cost, policy documents ====
# Worked out by hand from the rules of docs/rules.md: a quoted cell must close
# before a delimiter or line end, else the row it opens on is import.broken_quote
# at its line and reading goes on at the next line; a quote inside a cell is text.

# ---- §2 a stray quote costs one row ----
# Mailboxes on 110/12/07 (inactive_days 500, notice_days 30): last login 109/07/25
# is 500 days ago (deletable); 109/08/04, 109/08/14, 109/08/24 are 490, 480 and
# 470 days ago (notices due, days 470-499).
MB_HEAD = "帳號,開通日期,最後登入,備註"
MB_ROWS = [
    "lin@ntpc.edu.tw,108/09/01,109/07/25,",
    "wang@ntpc.edu.tw,108/09/01,109/08/04,請留意",
    "chen@ntpc.edu.tw,108/09/01,109/08/14,",
    "lee@ntpc.edu.tw,108/09/01,109/08/24,x",
]


def mb_file(rows: list[str]) -> str:
    return "\n".join([MB_HEAD, *rows]) + "\n"


def mb_counts(active: int, notice: int, deletable: int, errors: int) -> dict:
    return {"active": active, "notice": notice, "deletable": deletable, "disabled": 0, "errors": errors}


ok("stray quote: the export without it reads 4 mailboxes (3 notices due, 1 deletable)", "mailbox.sweep_file",
   {"data": mb_file(MB_ROWS), "today": "110/12/07"},
   {"source": {"rows": 4}, "errors": [], "total": {"counts": mb_counts(0, 3, 1, 0)}})
stray = [MB_ROWS[0], MB_ROWS[1].replace("請留意", '"請留意'), MB_ROWS[2], MB_ROWS[3]]
ok("stray quote: it costs only the row it opens on, which the error names; the rows after it are read",
   "mailbox.sweep_file", {"data": mb_file(stray), "today": "110/12/07"},
   {"source": {"rows": 4},
    "rows": [{"line": 2, "result": {"account": "lin@ntpc.edu.tw", "state": "deletable"}},
             {"line": 4, "result": {"account": "chen@ntpc.edu.tw", "state": "notice", "days_inactive": 480}},
             {"line": 5, "result": {"account": "lee@ntpc.edu.tw", "state": "notice", "days_inactive": 470}}],
    "errors": [{"line": 3, "code": "import.broken_quote", "params": {"line": 3}}],
    "total": {"counts": mb_counts(0, 2, 1, 1)}})
ok("stray quote: a later quoted cell does not close it; both later rows are read", "mailbox.sweep_file",
   {"data": mb_file([MB_ROWS[0], MB_ROWS[1].replace("請留意", '"請留意'), MB_ROWS[2],
                     MB_ROWS[3].replace(",x", ',"a, b"')]), "today": "110/12/07"},
   {"source": {"rows": 4}, "errors": [{"line": 3, "code": "import.broken_quote"}],
    "total": {"counts": mb_counts(0, 2, 1, 1)}})
ok("stray quote: a quote inside a cell is an ordinary character", "mailbox.import",
   {"data": mb_file([MB_ROWS[0], MB_ROWS[1].replace("請留意", '請"留意'), MB_ROWS[2], MB_ROWS[3]])},
   {"rows": 4, "errors": [], "lines": [2, 3, 4, 5]})
ok("stray quote: at the start of the account cell", "mailbox.import",
   {"data": mb_file([MB_ROWS[0], '"' + MB_ROWS[1], MB_ROWS[2], MB_ROWS[3]])},
   {"records": [{"account": "lin@ntpc.edu.tw"}, {"account": "chen@ntpc.edu.tw"}, {"account": "lee@ntpc.edu.tw"}],
    "lines": [2, 4, 5], "errors": [{"line": 3, "code": "import.broken_quote"}]})
ok("stray quote: two stray quotes cost two rows", "mailbox.import",
   {"data": mb_file(['"' + MB_ROWS[0], MB_ROWS[1], MB_ROWS[2].replace("109/08/14,", '109/08/14,"'), MB_ROWS[3]])},
   {"lines": [3, 5], "errors": [{"line": 2, "code": "import.broken_quote"}, {"line": 4, "code": "import.broken_quote"}]})
ok("stray quote: on the last line, never closed", "incident.import",
   {"data": "編號,通報單位,等級\n1,甲校,1級\n2,\"乙校,2級\n"},
   {"records": [{"id": "1"}], "lines": [2], "rows": 2, "errors": [{"line": 3, "code": "import.broken_quote"}]})
ok("stray quote: CRLF line ends, the line after it is read", "incident.import",
   {"data": "編號,通報單位,等級\r\n1,\"甲校,1級\r\n2,乙校,2級\r\n3,丙校,1級\r\n"},
   {"records": [{"id": "2"}, {"id": "3"}], "lines": [3, 4], "errors": [{"line": 2, "code": "import.broken_quote"}]})
ok("stray quote: in a TSV file", "incident.import",
   {"data": "編號\t通報單位\t等級\n1\t\"甲校\t1級\n2\t乙校\t2級\n"},
   {"delimiter": "tab", "records": [{"id": "2", "unit": "乙校"}], "errors": [{"line": 2, "code": "import.broken_quote"}]})
err("stray quote: in the header line the file cannot be read", "incident.import",
    {"data": "編號,\"通報單位,等級\n1,甲校,1級\n"}, "import.broken_quote")
ok("quotes: a cell quoted over two lines is still one cell", "incident.import",
   {"data": "編號,通報單位,等級\n1,\"新北市\n某國小\",1級\n2,乙校,2級\n"},
   {"records": [{"id": "1", "unit": "新北市\n某國小"}, {"id": "2"}], "lines": [2, 4], "errors": []})
ok("quotes: a closed quote followed by text on its line reads as Excel reads it", "incident.import",
   {"data": "編號,通報單位,等級\n1,\"甲\"校,1級\n"},
   {"records": [{"id": "1", "unit": "甲校"}], "errors": []})
ok("quotes: doubled quotes inside a quoted cell", "incident.import",
   {"data": "編號,通報單位,等級\n1,\"甲\"\"乙\"\"校\",1級\n"},
   {"records": [{"id": "1", "unit": "甲\"乙\"校"}], "errors": []})
ok("stray quote: a multi-line row of the wrong width costs its first line; the rest is read as rows", "incident.import",
   {"data": "編號,通報單位,等級\n1,\"甲校\n2\",乙校,2級\n3,丙校,1級\n"},
   {"records": [{"id": "2\"", "unit": "乙校"}, {"id": "3"}], "lines": [3, 4],
    "errors": [{"line": 2, "code": "import.broken_quote"}]})
ok("stray quote: a broken row counts toward the row limit", "incident.import",
   {"data": "編號,通報單位,等級\n1,\"甲校,1級\n2,乙校,2級\n3,丙校,1級\n", "policy": {"limits": {"import_max_rows": 2}}},
   {"records": [{"id": "2"}], "rows": 2, "truncated": True,
    "errors": [{"line": 2, "code": "import.broken_quote"}, {"line": 4, "code": "import.too_many_rows"}]})
ok("stray quote: drill reports", "drill.import",
   {"data": "學校代碼,通知時間\n900001,\"110/09/06 09:00\n900002,110/09/06 09:00\n"},
   {"records": [{"school": "900002"}], "errors": [{"line": 2, "code": "import.broken_quote"}]})
ok("stray quote: audit figures", "audit.import_schools",
   {"data": "學校代碼,學校名稱,資安等級\n900001,\"甲校,C\n900002,乙校,A\n"},
   {"records": [{"school": "900002", "security_grade": "A"}], "errors": [{"line": 2, "code": "import.broken_quote"}]})
ok("stray quote: scan findings", "audit.import_scans",
   {"data": "學校代碼,掃描別,CVSS\n900001,\"複掃,7.5\n900002,複掃,9.8\n"},
   {"records": [{"school": "900002", "cvss": 9.8}], "errors": [{"line": 2, "code": "import.broken_quote"}]})
ok("stray quote: people of a school-admin export", "account.import",
   {"data": "姓名,狀態\n王小明,\"在學\n李小華,在學\n"},
   {"lines": [3], "errors": [{"line": 2, "code": "import.broken_quote"}]})

# ---- §4 the header line's width is capped ----
INC3 = "編號,通報單位,等級"
err("columns: a header of 1,025 cells is over the default limit of 1,024", "incident.import",
    {"data": INC3 + ",x" * 1022 + "\n1,甲校,1級" + "," * 1022 + "\n"}, "import.too_many_columns")
ok("columns: a header of 1,024 cells is read; the unknown ones are ignored", "incident.import",
   {"data": INC3 + ",x" * 1021 + "\n1,甲校,1級" + "," * 1021 + "\n"},
   {"records": [{"id": "1", "unit": "甲校", "level": 1}], "errors": []})
err("columns: over the policy's column limit", "incident.import",
    {"data": INC3 + ",備註\n1,甲校,1級,x\n", "policy": {"limits": {"import_max_columns": 3}}}, "import.too_many_columns")
ok("columns: exactly the policy's column limit", "incident.import",
   {"data": INC3 + "\n1,甲校,1級\n", "policy": {"limits": {"import_max_columns": 3}}},
   {"records": [{"id": "1"}], "errors": []})
err("columns: blank header cells count toward the limit", "incident.import",
    {"data": INC3 + ",,\n1,甲校,1級,,\n", "policy": {"limits": {"import_max_columns": 4}}}, "import.too_many_columns")
ok("columns: a data row of 5,000 cells is one column-count error at its line", "incident.import",
   {"data": INC3 + "\n1,甲校,1級" + ",x" * 4997 + "\n2,乙校,2級\n"},
   {"records": [{"id": "2"}], "errors": [{"line": 2, "code": "import.column_count",
                                          "params": {"expected": 3, "actual": 5000}}]})
ok("columns: unknown header cells within the limit are listed as ignored", "incident.import",
   {"data": INC3 + ",甲,乙,丙\n1,某校,1級,a,b,c\n"},
   {"records": [{"id": "1"}], "ignored_columns": ["甲", "乙", "丙"], "errors": []})
err("policy: a column limit of 0", "policy.load", {"json": '{"limits": {"import_max_columns": 0}}'}, "policy.invalid_file")

# ---- §4 the overrides of a permission call are capped ----
# 上課yo (新學生出缺席) management: 學務處相關人員, 生教組, 幹事 by default.
YO_DEFAULT = [{"role": r, "right": "manage", "rule": "default"} for r in ["學務處相關人員", "生教組", "幹事"]]
add3 = [{"module": "上課yo", "right": "manage", "add": ["營養師", "護理師", "會計"]}]
err("overrides: 3 role changes over a policy limit of 2", "permission.who_can",
    {"module": "上課yo", "right": "manage", "overrides": add3,
     "policy": {"limits": {"permission_max_overrides": 2}}}, "permission.too_many_overrides")
ok("overrides: 2 role changes at a policy limit of 2", "permission.who_can",
   {"module": "上課yo", "right": "manage",
    "overrides": [{"module": "上課yo", "right": "manage", "add": ["營養師"], "remove": ["幹事"]}],
    "policy": {"limits": {"permission_max_overrides": 2}}},
   {"holders": [YO_DEFAULT[0], YO_DEFAULT[1], {"role": "營養師", "right": "manage", "rule": "override_add"}],
    "removed": ["幹事"]})
err("overrides: can refuses them over the limit too", "permission.can",
    {"person": {"title": "營養師"}, "app_or_module": "上課yo", "right": "manage", "overrides": add3,
     "policy": {"limits": {"permission_max_overrides": 2}}}, "permission.too_many_overrides")
err("overrides: the attendance view refuses them over the limit too", "permission.attendance_view",
    {"person": {"title": "營養師"}, "overrides": add3,
     "policy": {"limits": {"permission_max_overrides": 2}}}, "permission.too_many_overrides")
err("overrides: the limit is checked before the overrides are read (3 empty overrides, limit 2)",
    "permission.who_can",
    {"module": "上課yo", "right": "manage", "overrides": [{"module": "上課yo", "right": "manage"}] * 3,
     "policy": {"limits": {"permission_max_overrides": 2}}}, "permission.too_many_overrides")
err("overrides: 1,001 over the default limit of 1,000", "permission.who_can",
    {"module": "上課yo", "right": "manage",
     "overrides": [{"module": "上課yo", "right": "manage", "add": ["營養師"]}] * 1001}, "permission.too_many_overrides")
ok("overrides: 1,000 at the default limit; a role added 1,000 times is one holder", "permission.who_can",
   {"module": "上課yo", "right": "manage",
    "overrides": [{"module": "上課yo", "right": "manage", "add": ["營養師"]}] * 1000},
   {"holders": [*YO_DEFAULT, {"role": "營養師", "right": "manage", "rule": "override_add"}], "removed": []})
ok("overrides: can with 1,000 overrides at the limit", "permission.can",
   {"person": {"roles": ["營養師"]}, "app_or_module": "上課yo", "right": "edit",
    "overrides": [{"module": "上課yo", "right": "manage", "add": ["營養師"]}] * 1000},
   {"allowed": True, "rule": "override_add", "granted_right": "manage", "matched_role": "營養師"})
err("policy: an override limit of 0", "policy.load", {"json": '{"limits": {"permission_max_overrides": 0}}'},
    "policy.invalid_file")

# ---- §5 a key given twice in a policy document ----
err("policy: a top-level key given twice (the last one used to win)", "policy.load",
    {"json": '{"password": {"min_length": 12}, "password": {"min_length": 6}}'}, "policy.invalid_file")
err("policy: a nested key given twice", "policy.load",
    {"json": '{"password": {"min_length": 12, "min_length": 6}}'}, "policy.invalid_file")
err("policy: a key given twice in an office-calendar year", "policy.load",
    {"json": '{"calendar": {"office_days": {"2030": {"days_off": [], "days_off": []}}}}'}, "policy.invalid_file")
err("policy: the edition given twice", "policy.load",
    {"json": '{"edition": "ntpc-110", "edition": "ntpc-109"}'}, "policy.invalid_file")
err("policy: the same key twice with the same value", "policy.load",
    {"json": '{"mailbox": {"notice_days": 30, "notice_days": 30}}'}, "policy.invalid_file")
ok("policy: the same key name in two objects is no repeat", "policy.load",
   {"json": '{"password": {"max_length": 200}, "limits": {"scan_max_bytes": 200}}'},
   {"password": {"max_length": 200}, "limits": {"scan_max_bytes": 200}})

# ---- §5 the mask must be a visible character ----
for label, ch in [
    ("a zero-width space", "\u200b"), ("a space", " "), ("a no-break space", "\u00a0"),
    ("an ideographic space", "\u3000"), ("a tab", "\t"), ("NUL", "\u0000"), ("ESC", "\u001b"),
    ("a soft hyphen", "\u00ad"), ("a right-to-left override", "\u202e"), ("a byte-order mark", "\ufeff"),
    ("a combining acute accent", "\u0301"), ("the noncharacter U+FFFE", "\ufffe"),
    ("the noncharacter U+FDD0", "\ufdd0"), ("an unassigned code point", "\u0378"),
    ("a private-use character", "\ue000"), ("the line separator", "\u2028"),
]:
    err(f"policy: mask_char {label} hides the mask", "policy.load",
        {"json": json.dumps({"identity": {"mask_char": ch}})}, "policy.invalid_file")
ok("policy: mask_char ● is visible", "identity.mask",
   {"value": "A123456789", "policy": {"identity": {"mask_char": "●"}}}, {"masked": "A12●●●●789"})
ok("policy: mask_char ＊ (full width) is visible", "identity.mask",
   {"value": "A123456789", "policy": {"identity": {"mask_char": "＊"}}}, {"masked": "A12＊＊＊＊789"})
err("policy: an invisible mask given with a call is refused, not used", "identity.mask",
    {"value": "A123456789", "policy": {"identity": {"mask_char": "\u200b"}}}, "policy.invalid_file")

# ---- §5 repeated keys of an import fold case and width as the account rule does ----
MB2 = "帳號,開通日期\n"
ok("duplicate key: an account differing only in case", "mailbox.import",
   {"data": MB2 + "wang@ntpc.edu.tw,110/02/01\nWANG@ntpc.edu.tw,110/03/01\n"},
   {"records": [{"account": "wang@ntpc.edu.tw"}],
    "errors": [{"line": 3, "code": "import.duplicate_key", "params": {"value": "WANG@ntpc.edu.tw", "first_line": 2}}]})
ok("duplicate key: an account typed in full width", "mailbox.import",
   {"data": MB2 + "wang@ntpc.edu.tw,110/02/01\nｗａｎｇ＠ｎｔｐｃ．ｅｄｕ．ｔｗ,110/03/01\n"},
   {"records": [{"account": "wang@ntpc.edu.tw"}], "errors": [{"line": 3, "code": "import.duplicate_key"}]})
ok("duplicate key: an account with a zero-width space inside", "mailbox.import",
   {"data": MB2 + "wang@ntpc.edu.tw,110/02/01\nwa\u200bng@ntpc.edu.tw,110/03/01\n"},
   {"records": [{"account": "wang@ntpc.edu.tw"}], "errors": [{"line": 3, "code": "import.duplicate_key"}]})
ok("duplicate key: accounts that differ after folding are both read", "mailbox.import",
   {"data": MB2 + "wang@ntpc.edu.tw,110/02/01\nwang1@ntpc.edu.tw,110/03/01\nwa.ng@ntpc.edu.tw,110/03/01\n"},
   {"lines": [2, 3, 4], "errors": []})
ok("duplicate key: an incident id in full-width digits", "incident.import",
   {"data": "編號,通報單位,等級\n189750,甲校,1級\n１８９７５０,乙校,2級\n"},
   {"records": [{"id": "189750"}], "errors": [{"line": 3, "code": "import.duplicate_key", "params": {"first_line": 2}}]})
ok("duplicate key: a school code in full-width digits", "audit.import_schools",
   {"data": "學校代碼,資安等級\n014601,A\n０１４６０１,C\n"},
   {"records": [{"school": "014601"}], "errors": [{"line": 3, "code": "import.duplicate_key"}]})

doc = {
    "rule": "bad_input",
    "description": "Hostile input across every rule (issue #9): the error code each must raise, "
    "or the result when the rule reads it correctly. Written by tests/tools/gen_bad_input_vectors.py.",
    "cases": cases,
}
OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(cases)} cases -> {OUT}")
