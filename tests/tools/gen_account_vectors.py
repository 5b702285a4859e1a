"""Writes tests/vectors/account.json (RULES §5, §2).

Expected values come from the oracle below, written from RULES §5, seed 000 PART
TWO 帳號篇 and the decisions documented in core/src/account (a leaving or gap
status dated after today is scheduled; access is all or nothing), with the
ID checksum from the independent id_oracle.py.
"""

import json
from datetime import date, timedelta
from pathlib import Path

import id_oracle as o

C = []
E = "input.invalid_argument"


def ok(name, call, args, expect):
    C.append({"name": name, "call": call, "args": args, "expect": expect})


def err(name, call, args, code):
    C.append({"name": name, "call": call, "args": args, "error": code})


def roc(x):
    return f"{x.year - 1911}/{x.month:02}/{x.day:02}"


STUDENT = ["school_account", "parent_platform", "google_workspace", "microsoft_365"]
STAFF = STUDENT + ["ntpc_mail"]
ZH_STATUS = {"enrolled": "在學", "transfer_gap": "轉學空窗", "level_change": "跨階段升學",
             "left_city": "離開本市", "graduated": "畢業", "serving": "在職", "retired": "退休",
             "departed": "離職"}
FROM_ZH = {v: k for k, v in ZH_STATUS.items()}
EVENT = {"transfer_gap": ("transfer", "轉學", "account.transfer_gap", True),
         "level_change": ("level_change", "升學", "account.level_change", True),
         "left_city": ("leaving_city", "轉學或畢業離開本市", "account.left_city", False),
         "graduated": ("graduation", "畢業", "account.graduated", False),
         "retired": ("retirement", "退休", "account.staff_left", False),
         "departed": ("departure", "離職", "account.staff_left", False)}
SEV = {"account.active_student": "info", "account.active_staff": "info"}


def f(code, **params):
    sev = SEV.get(code, "violation" if code.startswith("identity.account") else "warning")
    return {"code": code, "severity": sev, "params": params}


def verdict(fs):
    s = {x["severity"] for x in fs}
    return "fail" if "violation" in s else "warn" if "warning" in s else "pass"


def name_check(name):
    local = name.rsplit("@", 1)[0].strip()
    u = local.upper()
    shaped = len(u) == 10 and u[0].isalpha() and u[0].isascii() and u[1] in "12ABCD89" and u[2:].isdigit()
    if not shaped:
        return {"verdict": "pass", "id_format": False, "checksum_valid": False, "kind": "none",
                "local_part_masked": local, "findings": []}
    kind = {"1": "national_id", "2": "national_id", "8": "resident_new", "9": "resident_new"}.get(u[1], "resident_old")
    good = o.checksum_ok(u)
    fs = [{"code": "identity.account_id_format", "severity": "violation", "params": {"kind": kind}}]
    if good:
        fs.append({"code": "identity.account_real_id", "severity": "violation"})
    return {"verdict": "fail", "id_format": True, "checksum_valid": good, "kind": kind,
            "local_part_masked": u[:3] + "****" + u[7:], "findings": fs}


def oracle(rec, today):
    today = date.fromisoformat(today)
    status = FROM_ZH.get(rec["status"], rec["status"])
    staff = status in ("serving", "retired", "departed")
    services = STAFF if staff else STUDENT
    cls = (rec.get("class") or "").strip()
    sd = rec.get("status_date")
    sd = date.fromisoformat(sd) if sd else None
    fs, backup, until, returns = [], None, None, False
    if status == "enrolled":
        access = bool(cls)
        if access:
            fs.append(f("account.active_student", **{"class": cls}))
        else:
            fs.append(f("account.no_class"))
            returns = True
    elif status == "serving":
        access = True
        fs.append(f("account.active_staff"))
    else:
        ev, ev_zh, code, ret = EVENT[status]
        scheduled = sd is not None and sd > today
        backup = {"event": ev, "before": str(sd) if sd else None, "services": services,
                  "too_late": not scheduled}
        if scheduled:
            access = True
            until = str(sd - timedelta(days=1))
            fs.append(f("account.leaving_scheduled", event=ev, event_zh=ev_zh, date=str(sd), date_zh=roc(sd)))
        else:
            access = False
            returns = ret
            fs.append(f(code, status=status, status_zh=ZH_STATUS[status]) if code == "account.staff_left" else f(code))
    reason = fs[0]["code"]
    acct = (rec.get("account") or "").strip()
    nc = name_check(acct) if acct else None
    if nc:
        fs += nc["findings"]
    person = (rec.get("person") or "").strip() or None
    return {"person": person, "role": "staff" if staff else "student", "status": status, "access": access,
            "reason": reason, "services": services, "access_until": until, "access_returns": returns,
            "backup": backup, "account_name": nc, "verdict": verdict(fs), "findings": fs}


A = "account.check"
T = "2021-12-07"


def case(name, rec, today=T, iso=None):
    ok(name, A, {"record": rec, "today": today}, oracle(iso or rec, today))


case("enrolled with a class: access to the four student services", {"person": "S110001", "status": "enrolled", "class": "501"})
case("enrolled, class blank: no access until placed", {"status": "enrolled", "class": "  "})
case("enrolled, class missing: no access until placed", {"status": "enrolled"})
case("Chinese status 在學 with a class", {"status": "在學", "class": "一年一班"})
case("transfer gap, no date: no access, it returns", {"status": "transfer_gap"})
case("transfer gap set today: no access today", {"status": "transfer_gap", "status_date": T})
case("transfer out tomorrow: access until today, back up before tomorrow", {"status": "transfer_gap", "status_date": "2021-12-08"})
case("level change (primary to junior high), not yet received", {"status": "level_change", "status_date": "2021-08-01"})
case("level change with a class written in: class is ignored, still no access",
     {"status": "跨階段升學", "class": "701"}, iso={"status": "level_change", "class": "701"})
case("left New Taipei last month: ended, backup too late", {"status": "left_city", "status_date": "2021-11-15"})
case("leaving New Taipei next term: scheduled", {"status": "left_city", "status_date": "2022-02-01"})
case("graduated today", {"status": "graduated", "status_date": T})
case("graduating in June: access until the day before", {"status": "畢業", "status_date": "2022-06-30"},
     iso={"status": "graduated", "status_date": "2022-06-30"})
case("graduated, no date", {"status": "graduated"})
case("serving staff: five services", {"person": " 王老師 ", "status": "serving"})
case("retired: no more access", {"status": "retired", "status_date": "2021-08-01"})
case("departed today", {"status": "departed", "status_date": T})
case("departure scheduled: access until the day before, back up mail too", {"status": "離職", "status_date": "2022-01-31"},
     iso={"status": "departed", "status_date": "2022-01-31"})
case("serving with an ID-shaped custom account: must be reset", {"status": "serving", "account": "A123456789"})
case("enrolled with an ordinary custom account", {"status": "enrolled", "class": "302", "account": "star.lin"})
case("e-mail-style lowercase ID account of a student", {"status": "enrolled", "class": "302",
                                                         "account": "a123456789@apps.ntpc.edu.tw"})
case("ID-shaped account with a bad checksum, retired owner",
     {"status": "retired", "account": "F123456780"})
case("new-certificate-shaped account", {"status": "serving", "account": "A800000014"})
case("blank custom account is no account", {"status": "serving", "account": " "})
ok("ROC status date", A, {"record": {"status": "graduated", "status_date": "111/06/30"}, "today": "110/12/07"},
   oracle({"status": "graduated", "status_date": "2022-06-30"}, T))
case("status date is ignored for enrolled students", {"status": "enrolled", "class": "601", "status_date": "2020-01-01"})
full = oracle({"status": "departed", "status_date": "2021-11-30"}, T)
full["findings"][0]["message_en"] = ("No longer serving in New Taipei (departed): no more access to the school account. "
                                     "Data must be backed up before leaving school.")
full["findings"][0]["message_zh"] = "已離職、未在本市服務，即無校務帳號存取權；相關資料須於離校前自行備份。"
ok("departed: messages in both languages", A, {"record": {"status": "departed", "status_date": "2021-11-30"}, "today": T}, full)
err("unknown status", A, {"record": {"status": "suspended"}, "today": T}, E)
err("unknown field", A, {"record": {"status": "serving", "klass": "501"}, "today": T}, E)
err("status missing", A, {"record": {"class": "501"}, "today": T}, E)
err("status date that does not exist", A, {"record": {"status": "graduated", "status_date": "111/02/29"}, "today": T}, E)
err("today not a date", A, {"record": {"status": "serving"}, "today": "soon"}, "calendar.unrecognized_format")

rows = [{"status": "enrolled", "class": "501"}, {"status": "transfer_gap"},
        {"status": "retired", "status_date": "2022-07-31"}, {"status": "serving", "account": "B200000001"}]
ok("many people at once, in input order", "account.check_many", {"records": rows, "today": T},
   [oracle(r, T) for r in rows])
ok("no people", "account.check_many", {"records": [], "today": T}, [])
err("many: one record of the wrong shape fails the call", "account.check_many",
    {"records": [{"status": "serving"}, {"status": 3}], "today": T}, E)


# Imports (CSV/TSV exports; expected values worked out by hand from the rows).
C.append({"name": "import: Chinese headers and statuses, a custom account, an ROC date", "call": "account.import", "args": {"data": "姓名,狀態,班級,異動日期,自訂帳號\n王小明,在學,501,,\n李小華,轉學空窗,,110/12/01,\n陳老師,在職,,,a123456789\n"}, "expect": {"records": [{"person": "王小明", "status": "enrolled", "class": "501", "status_date": None, "account": None}, {"person": "李小華", "status": "transfer_gap", "class": None, "status_date": "2021-12-01", "account": None}, {"person": "陳老師", "status": "serving", "class": None, "status_date": None, "account": "a123456789"}], "lines": [2, 3, 4], "errors": []}})
C.append({"name": "import: English headers and codes", "call": "account.import", "args": {"data": "name,status,date\nS1001,graduated,2022-06-30\n"}, "expect": {"records": [{"person": "S1001", "status": "graduated", "status_date": "2022-06-30"}], "errors": []}})
C.append({"name": "import: an unknown status is a row error; the others are read", "call": "account.import", "args": {"data": "姓名,狀態\n甲,休學\n乙,畢業\n"}, "expect": {"records": [{"person": "乙", "status": "graduated"}], "lines": [3], "errors": [{"line": 2, "column": 2, "header": "狀態", "field": "status", "code": "import.invalid_value"}]}})
C.append({"name": "import: a blank status is a missing value", "call": "account.import", "args": {"data": "姓名,狀態\n甲,\n"}, "expect": {"records": [], "errors": [{"line": 2, "field": "status", "code": "import.missing_value"}]}})
C.append({"name": "import: no status column", "call": "account.import", "args": {"data": "姓名,班級\n甲,501\n"}, "error": "import.missing_column"})
C.append({"name": "import: an empty file", "call": "account.import", "args": {"data": ""}, "error": "import.empty_file"})

# Issue 16 item 8, by hand: substitute (代理) and temporary (代課) teachers are
# staff serving in New Taipei: access to the five staff services, like 在職.
for status, word in [("substitute", "代理"), ("temporary", "代課"), ("substitute", "代理教師"),
                     ("temporary", "代課教師")]:
    ok(f"{word} is a staff status with access while serving", A,
       {"record": {"status": word}, "today": T},
       {"role": "staff", "status": status, "access": True, "reason": "account.active_staff",
        "services": STAFF, "backup": None, "verdict": "pass",
        "findings": [{"code": "account.active_staff", "severity": "info"}]})
C.append({"name": "import: 代理 and 代課 rows are staff, not errors", "call": "account.import",
          "args": {"data": "姓名,狀態\n林老師,代理\n張老師,代課教師\n王老師,temporary\n"},
          "expect": {"records": [{"person": "林老師", "status": "substitute"},
                                 {"person": "張老師", "status": "temporary"},
                                 {"person": "王老師", "status": "temporary"}],
                     "lines": [2, 3, 4], "errors": []}})
# The custom-account rule: the ID-like reading (default) and the seed's literal
# wording (policy identity.custom_account_rule = literal). By hand:
# b1ackberry: letter, 1, then letters — literal only. x9-and-8: letter, 9, any.
# a123456789: ID-shaped (and a valid checksum) under both. ae12345678: second
# character e — neither. b1ack: five characters — neither.
LIT = {"identity": {"custom_account_rule": "literal"}}
for name, id_like, literal in [("b1ackberry", False, True), ("x9-and-8ok", False, True),
                               ("ae12345678", False, False), ("b1ack", False, False),
                               ("Ｂ1ackberry", False, True)]:
    ok(f"custom account {name}: ID-like reading", "identity.check_account", {"name": name},
       {"id_format": id_like, "verdict": "fail" if id_like else "pass"})
    exp = {"id_format": literal, "verdict": "fail" if literal else "pass"}
    if literal:
        exp["findings"] = [{"code": "identity.account_id_format", "params": {"kind": "literal"}}]
    ok(f"custom account {name}: the seed's literal wording", "identity.check_account",
       {"name": name, "policy": LIT}, exp)
ok("custom account a123456789: an ID under the literal wording too", "identity.check_account",
   {"name": "a123456789@apps.ntpc.edu.tw", "policy": LIT},
   {"id_format": True, "checksum_valid": True, "local_part_masked": "A12****789", "verdict": "fail",
    "findings": [{"code": "identity.account_id_format", "params": {"kind": "national_id"}},
                 {"code": "identity.account_real_id"}]})
ok("people file with the literal wording: b1ackberry must be reset", "account.check",
   {"record": {"status": "代理", "account": "b1ackberry"}, "today": T, "policy": LIT},
   {"access": True, "account_name": {"id_format": True}, "verdict": "fail"})

doc = {"rule": "account",
       "description": "Education-account access of students and staff, backup advice, custom-account rule (RULES §5, §2).",
       "cases": C}
out = Path(__file__).resolve().parents[1] / "vectors" / "account.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(C)} cases → {out}")
