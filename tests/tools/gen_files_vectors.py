"""Writes tests/vectors/files.json: the file checks (issue 15), one core call per
workflow from a file to rows at their lines, errors at their lines, counts that
agree and the workflow's total. Expected values are worked out by hand from the
rules (RULES §4, §5, §7, §8) for these small files; the per-row rules themselves
are pinned by their own vector files.
"""

import json
from pathlib import Path

C = []


def ok(name, call, args, expect):
    C.append({"name": name, "call": call, "args": args, "expect": expect})


def err(name, call, args, code):
    C.append({"name": name, "call": call, "args": args, "error": code})


def summary(checked, passed, warned, failed, errors, verdict):
    return {"checked": checked, "passed": passed, "warned": warned, "failed": failed,
            "errors": errors, "verdict": verdict}


# Mailbox sweep on 110/12/07 (2021-12-07). lin last logged in 2020-07-25: day
# 500, deletable from today (violation). wang's activation 110/02/30 does not
# exist: an error at line 3. chen logged in 7 days ago: active. 備註 is not read.
MAILBOXES = ("帳號,開通日期,最後登入,備註\n"
             "lin@ntpc.edu.tw,108/09/01,109/07/25,x\n"
             "wang@ntpc.edu.tw,110/02/30,,\n"
             "chen@ntpc.edu.tw,2021-01-01,110/11/30,\n")
ok("mailbox sweep of a file: states at their lines, a bad row at its line, ignored column, counts agree",
   "mailbox.sweep_file", {"data": MAILBOXES, "today": "110/12/07"},
   {"source": {"encoding": "utf-8", "bom": False, "delimiter": "comma", "rows": 3,
               "ignored_columns": ["備註"]},
    "rows": [{"line": 2, "sheet": None, "result": {"account": "lin@ntpc.edu.tw", "state": "deletable",
                                                   "days_inactive": 500, "verdict": "fail"}},
             {"line": 4, "sheet": None, "result": {"account": "chen@ntpc.edu.tw", "state": "active",
                                                   "days_inactive": 7, "verdict": "pass"}}],
    "errors": [{"line": 3, "field": "activated_on", "code": "calendar.invalid_date", "file": None}],
    "findings": [{"code": "import.ignored_columns", "severity": "info",
                  "params": {"count": 1, "columns": "備註"}}],
    "summary": summary(2, 1, 0, 1, 1, "fail"),
    "total": {"today": "2021-12-07",
              "counts": {"active": 1, "notice": 0, "deletable": 1, "disabled": 0, "errors": 1},
              "notices": [],
              "deletable": [{"line": 2, "account": "lin@ntpc.edu.tw", "deletion_date": "2021-12-07",
                             "days_left": 0}]}})
ok("mailbox sweep of a header-only file: nothing to do, all counts zero",
   "mailbox.sweep_file", {"data": "帳號,開通日期\n", "today": "2021-12-07"},
   {"rows": [], "errors": [], "findings": [], "summary": summary(0, 0, 0, 0, 0, "pass"),
    "total": {"counts": {"active": 0, "notice": 0, "deletable": 0, "disabled": 0, "errors": 0},
              "notices": [], "deletable": []}})
err("mailbox sweep of an empty file", "mailbox.sweep_file", {"data": "", "today": "2021-12-07"},
    "import.empty_file")
err("mailbox sweep: today is not a date", "mailbox.sweep_file",
    {"data": MAILBOXES, "today": "110/02/30"}, "calendar.invalid_date")

# Education-account access on 2021-12-07: 王小明 enrolled with a class (pass),
# 李小華 in a transfer gap (warn), 休假 is no status (an error at line 4).
PEOPLE = "姓名,狀態,班級\n王小明,在學,501\n李小華,轉學空窗,\n陳老師,休假,\n"
ok("account access of a people file: each at its line, an unknown status at its line",
   "account.check_file", {"data": PEOPLE, "today": "2021-12-07"},
   {"rows": [{"line": 2, "result": {"person": "王小明", "access": True, "verdict": "pass"}},
             {"line": 3, "result": {"person": "李小華", "access": False, "access_returns": True,
                                    "verdict": "warn"}}],
    "errors": [{"line": 4, "field": "status", "code": "import.invalid_value"}],
    "findings": [],
    "summary": summary(2, 1, 1, 0, 1, "warn")})

# Families (JSON): the first can register (both parents with name and mobile);
# the second has a mother without a mobile and nobody else (fail); the third
# record is not a family (an error at record 3).
FAMILIES = json.dumps([
    {"father": {"name": "王大明", "mobile": "0912-345-678"}, "mother": {"name": "李美麗", "mobile": "0933111222"}},
    {"mother": {"name": "陳小芳"}},
    "not a family",
], ensure_ascii=False)
ok("families of a JSON file: each by record number, a record that is not a family at its number",
   "parent.check_file", {"data": FAMILIES},
   {"rows": [{"line": 1, "result": {"verdict": "pass"}},
             {"line": 2, "result": {"verdict": "fail"}}],
    "errors": [{"line": 3, "code": "input.invalid_argument"}],
    "summary": summary(2, 1, 0, 1, 1, "fail")})
ok("families: one JSON object is a list of one (an empty record: nobody can register)",
   "parent.check_file", {"data": "{}"},
   {"rows": [{"line": 1, "result": {"verdict": "fail", "registrants": []}}],
    "errors": [], "summary": summary(1, 0, 0, 1, 0, "fail")})
err("families: a JSON text that is neither list nor object is read as a table without 學號",
    "parent.check_file", {"data": "\"x\""}, "import.missing_column")

# Incidents on 2021-12-07 09:00: ticket 189750 of the seed table (level 1,
# occurred 2021-02-08 17:50, notified 2021-02-09 10:41: 16 h 51 m after, 15 h 51 m
# late); the second row's level 9 does not exist (an error at line 3).
INCIDENTS = ("編號,通報單位,等級,發生時間,通報時間,審核時間\n"
             "189750,新北市某國小,1,2021/02/08 17:50,2021/02/09 10:41,2021/02/09 12:54\n"
             "2,某校,9,2021/02/08 17:50,,\n")
ok("incident check of a file: each incident at its line, a bad level at its line, the statistics",
   "incident.check_file", {"data": INCIDENTS, "now": "2021-12-07T09:00"},
   {"rows": [{"line": 2, "result": {"id": "189750", "level": 1}}],
    "errors": [{"line": 3, "field": "level"}],
    "summary": {"checked": 1, "errors": 1},
    "total": {"total": 1, "by_year": [{"year": 2021, "roc_year": 110, "count": 1}]}})

# Drills: school A notified 09:00, reported 10:20 under the 1-hour limit of
# edition 110: 20 minutes over (fail); school B reported in 30 minutes (pass).
DRILLS = ("學校代碼,學校名稱,通知時間,通報時間\n"
          "900001,甲國小,2021-09-06 09:00,2021-09-06 10:20\n"
          "900002,乙國小,2021-09-06 09:00,2021-09-06 09:30\n")
ok("drill ranking of a file: each report at its line, the ranking of schools",
   "drill.rank_file", {"data": DRILLS, "now": "2021-12-07T09:00"},
   {"rows": [{"line": 2, "result": {"school": "900001", "overtime_minutes": 20, "verdict": "fail"}},
             {"line": 3, "result": {"school": "900002", "overtime_minutes": 0, "verdict": "pass"}}],
    "errors": [],
    "summary": summary(2, 1, 0, 1, 0, "fail"),
    "total": {"late_schools": 1, "schools": [{"rank": 1, "school": "900001"},
                                              {"rank": None, "school": "900002"}]}})

doc = {"rule": "files",
       "description": "File checks: one call from a file to rows and errors at their lines, counts that agree, and the workflow's total (issue 15).",
       "cases": C}
out = Path(__file__).resolve().parents[1] / "vectors" / "files.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(C)} cases → {out}")
