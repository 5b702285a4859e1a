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

doc = {
    "rule": "bad_input",
    "description": "Hostile input across every rule (issue #9): the error code each must raise, "
    "or the result when the rule reads it correctly. Written by tests/tools/gen_bad_input_vectors.py.",
    "cases": cases,
}
OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(cases)} cases -> {OUT}")
