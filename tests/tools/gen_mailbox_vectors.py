"""Writes tests/vectors/mailbox.json (RULES §4).

Expected values come from the independent oracle below, written from RULES §4 and
the decisions documented in core/src/mailbox (day N = N whole days after the last
login or activation; notice on days 470-499; deletable from day 500; departed or
retired staff disabled from their departure day), using only Python's datetime.
"""

import json
from datetime import date, timedelta
from pathlib import Path

INACTIVE, NOTICE = 500, 30
GIB, MIB = 1 << 30, 1 << 20
C = []


def ok(name, call, args, expect):
    C.append({"name": name, "call": call, "args": args, "expect": expect})


def err(name, call, args, code):
    C.append({"name": name, "call": call, "args": args, "error": code})


def d(s):
    return date.fromisoformat(s)


def roc(x):
    return f"{x.year - 1911}/{x.month:02}/{x.day:02}"


ZH = {"serving": "在職", "departed": "離職", "retired": "退休"}
SEV = {"mailbox.active": "info", "mailbox.notice": "warning", "mailbox.deletable": "violation",
       "mailbox.disabled": "warning", "mailbox.never_logged_in": "info",
       "mailbox.backup_before_leaving": "warning", "mailbox.near_full": "warning",
       "mailbox.full": "violation", "mailbox.message_too_large": "violation"}


def f(code, **params):
    return {"code": code, "severity": SEV[code], "params": params}


def verdict(findings):
    sev = {x["severity"] for x in findings}
    return "fail" if "violation" in sev else "warn" if "warning" in sev else "pass"


def quota_oracle(used, limit=GIB, pct=90):
    if used >= limit:
        state, fs = "full", [f("mailbox.full", used_bytes=used, quota_bytes=limit)]
    elif used * 100 >= limit * pct:
        percent = (used * 10000 // limit) / 100
        state, fs = "near_full", [f("mailbox.near_full", used_percent=percent, used_bytes=used,
                                    quota_bytes=limit, near_full_percent=pct)]
    else:
        state, fs = "ok", []
    return {"state": state, "used_bytes": used, "quota_bytes": limit,
            "free_bytes": max(0, limit - used), "used_percent": (used * 10000 // limit) / 100,
            "near_full": state != "ok", "verdict": verdict(fs), "findings": fs}


def status_oracle(rec, today, inactive=INACTIVE, notice=NOTICE):
    today = d(today)
    act = d(rec["activated_on"])
    last = rec.get("last_login")
    basis = "last_login" if last else "activation"
    start = d(last) if last else act
    st = rec.get("staff_status", "serving")
    dep = d(rec["departed_on"]) if rec.get("departed_on") else None
    days = (today - start).days
    deletion = start + timedelta(days=inactive)
    notice_from = deletion - timedelta(days=notice)
    left = max(0, (deletion - today).days)
    disabled = st != "serving" and (dep is None or dep <= today)
    if disabled:
        state = "disabled"
    elif today >= deletion:
        state = "deletable"
    elif today >= notice_from:
        state = "notice"
    else:
        state = "active"

    def inact(code):
        return f(code, days_inactive=days, inactive_days=inactive, counted_from=str(start),
                 counted_from_zh=roc(start), deletion_date=str(deletion),
                 deletion_date_zh=roc(deletion), days_left=left)

    fs = [f("mailbox.disabled", status=st, status_zh=ZH[st]) if disabled else inact("mailbox." + state)]
    if disabled and today >= deletion:
        fs.append(inact("mailbox.deletable"))
    if not last:
        fs.append(f("mailbox.never_logged_in", activated_on=str(act), activated_on_zh=roc(act)))
    if dep and dep > today:
        fs.append(f("mailbox.backup_before_leaving", status=st, status_zh=ZH[st],
                    departed_on=str(dep), departed_on_zh=roc(dep)))
    q = quota_oracle(rec["used_bytes"]) if "used_bytes" in rec else None
    if q:
        fs += q["findings"]
    return {"account": rec["account"].strip(), "state": state, "reason": fs[0]["code"],
            "staff_status": st, "basis": basis, "counted_from": str(start), "days_inactive": days,
            "deletion_date": str(deletion), "notice_from": str(notice_from), "days_left": left,
            "notice_due_today": state == "notice",
            "disabled_since": str(dep) if dep and dep <= today else None,
            "quota": q, "verdict": verdict(fs), "findings": fs}


S = "mailbox.status"
TODAY = "2021-12-07"


def on_day(n):
    """The last-login day that makes 2021-12-07 day n."""
    return str(d(TODAY) - timedelta(days=n))


def status_case(name, rec, today=TODAY, **kw):
    ok(name, S, {"mailbox": rec, "today": today}, status_oracle(rec, today, **kw))


base = {"account": "wang@ntpc.edu.tw", "activated_on": "2015-08-01"}
status_case("logged in today: day 0, active", {**base, "last_login": TODAY})
status_case("day 469: still active, 31 days left", {**base, "last_login": on_day(469)})
status_case("day 470: first notice day, 30 days left", {**base, "last_login": on_day(470)})
status_case("day 499: last notice day, 1 day left", {**base, "last_login": on_day(499)})
status_case("day 500: deletable (500 full days without login)", {**base, "last_login": on_day(500)})
status_case("day 800: long deletable", {**base, "last_login": on_day(800)})
status_case("never logged in, activated 100 days ago: counts from activation",
            {"account": "new.teacher", "activated_on": on_day(100)})
status_case("never logged in, activated 470 days ago: notice",
            {"account": "new.teacher", "activated_on": on_day(470)})
status_case("never logged in, activated 500 days ago: deletable",
            {"account": "new.teacher", "activated_on": on_day(500), "last_login": None})
status_case("never logged in, blank last_login cell", {"account": "x", "activated_on": on_day(10), "last_login": ""})
status_case("departed today: disabled at once",
            {**base, "last_login": on_day(3), "staff_status": "departed", "departed_on": TODAY})
status_case("departed yesterday: disabled",
            {**base, "last_login": on_day(1), "staff_status": "departed", "departed_on": on_day(1)})
status_case("retired, no date given: disabled", {**base, "last_login": on_day(30), "staff_status": "retired"})
status_case("retirement tomorrow: still active, back up before then",
            {**base, "last_login": on_day(2), "staff_status": "retired", "departed_on": "2021-12-08"})
status_case("retirement scheduled while in notice: notice and backup",
            {**base, "last_login": on_day(480), "staff_status": "retired", "departed_on": "2022-01-31"})
status_case("departed long ago and 500 days passed: disabled, also deletable",
            {**base, "last_login": "2019-06-30", "staff_status": "departed", "departed_on": "2019-07-31"})
ok("Chinese status and ROC dates, as the school admin system exports them", S,
   {"mailbox": {"account": " chen ", "activated_on": "104/08/01", "last_login": "109/08/24",
                "staff_status": "在職"}, "today": "110/12/07"},
   status_oracle({"account": " chen ", "activated_on": "2015-08-01", "last_login": "2020-08-24"}, TODAY))
ok("last login with a time of day (the time is ignored)", S,
   {"mailbox": {"account": "t", "activated_on": "2015-08-01", "last_login": "2020-08-24T23:59:59+08:00"},
    "today": TODAY},
   status_oracle({"account": "t", "activated_on": "2015-08-01", "last_login": "2020-08-24"}, TODAY))
status_case("across 29 February 2020", {**base, "last_login": "2019-12-31"}, today="2021-05-01")
status_case("quota given: near full", {**base, "last_login": on_day(5), "used_bytes": 1_000_000_000})
status_case("quota given: full, and notice", {**base, "last_login": on_day(475), "used_bytes": GIB})
rec = {**base, "last_login": on_day(300)}
ok("policy with a 365-day limit and 14 days of notice", S,
   {"mailbox": rec, "today": TODAY, "policy": {"mailbox": {"inactive_days": 365, "notice_days": 14}}},
   status_oracle(rec, TODAY, inactive=365, notice=14))
# One message in full, so the templates are pinned too.
full = status_oracle({**base, "last_login": on_day(471)}, TODAY)
dl = d(full["deletion_date"])
full["findings"][0]["message_en"] = (f"No login for 471 days: the mailbox may be deleted from {dl} "
                                     "(29 days left). A notice is mailed every day until then; one login keeps it.")
full["findings"][0]["message_zh"] = f"信箱已 471 天未登入，將於 {roc(dl)} 起得予刪除（剩 29 天）；期滿前每日寄發通知，登入一次即可保留。"
ok("day 471: notice message in both languages", S, {"mailbox": {**base, "last_login": on_day(471)}, "today": TODAY}, full)
E = "input.invalid_argument"
err("last login after today", S, {"mailbox": {**base, "last_login": "2021-12-08"}, "today": TODAY}, E)
err("activated after today", S, {"mailbox": {"account": "a", "activated_on": "2022-01-01"}, "today": TODAY}, E)
err("last login before activation", S,
    {"mailbox": {"account": "a", "activated_on": "2020-01-02", "last_login": "2020-01-01"}, "today": TODAY}, E)
err("departure day for a serving owner", S,
    {"mailbox": {**base, "last_login": on_day(1), "departed_on": "2021-12-31"}, "today": TODAY}, E)
err("blank account", S, {"mailbox": {"account": "  ", "activated_on": "2020-01-01"}, "today": TODAY}, E)
err("unknown field in the record", S,
    {"mailbox": {**base, "last_logon": "2021-01-01"}, "today": TODAY}, E)
err("unknown staff status", S, {"mailbox": {**base, "staff_status": "on_leave"}, "today": TODAY}, E)
err("date that does not exist in the record", S,
    {"mailbox": {"account": "a", "activated_on": "110/02/30"}, "today": TODAY}, E)
err("missing activation day", S, {"mailbox": {"account": "a"}, "today": TODAY}, E)
err("today does not exist", S, {"mailbox": base, "today": "110/02/29"}, "calendar.invalid_date")

Q = "mailbox.quota"
for name, used in [("empty mailbox", 0), ("just under 90 % (966 367 641 bytes)", 966_367_641),
                   ("exactly at 90 %, rounded up to a byte (966 367 642)", 966_367_642),
                   ("one byte under the quota", GIB - 1), ("exactly 1 GiB: full", GIB),
                   ("over the quota", GIB + 12345)]:
    ok(f"quota: {name}", Q, {"used_bytes": used}, quota_oracle(used))
ok("quota: 1 GB (decimal) is not yet 1 GiB", Q, {"used_bytes": 1_000_000_000}, quota_oracle(1_000_000_000))
ok("quota: policy with an 80 % warning level", Q,
   {"used_bytes": 900_000_000, "policy": {"mailbox": {"near_full_percent": 80}}},
   quota_oracle(900_000_000, pct=80))
err("quota: negative bytes", Q, {"used_bytes": -1}, E)
err("quota: a policy with a zero quota is refused when the policy loads", Q, {"used_bytes": 1, "policy": {"mailbox": {"quota_bytes": 0}}}, "policy.invalid_file")

M = "mailbox.message_size"


def msg(b, limit=20 * MIB):
    fs = [] if b <= limit else [f("mailbox.message_too_large", bytes=b, max_bytes=limit, max_mib=limit / MIB)]
    return {"allowed": b <= limit, "bytes": b, "max_bytes": limit, "verdict": verdict(fs), "findings": fs}


ok("message of exactly 20 MiB is allowed", M, {"size_bytes": 20 * MIB}, msg(20 * MIB))
ok("message one byte over 20 MiB", M, {"size_bytes": 20 * MIB + 1}, msg(20 * MIB + 1))
ok("20 MB (decimal) fits in 20 MiB", M, {"size_bytes": 20_000_000}, msg(20_000_000))
ok("empty message", M, {"size_bytes": 0}, msg(0))
err("message size not a number", M, {"size_bytes": "20MB"}, E)

W = "mailbox.sweep"
rows = [
    {"account": "active", "activated_on": "2015-08-01", "last_login": on_day(10)},
    {"account": "notice.late", "activated_on": "2015-08-01", "last_login": on_day(471)},
    {"account": "bad", "activated_on": "2022-01-01"},
    {"account": "notice.early", "activated_on": "2015-08-01", "last_login": on_day(499)},
    {"account": "gone", "activated_on": "2015-08-01", "last_login": on_day(600)},
    {"account": "left", "activated_on": "2015-08-01", "last_login": on_day(520), "staff_status": "retired"},
    {"account": "b.tie", "activated_on": on_day(480)},
    {"account": "a.tie", "activated_on": "2015-08-01", "last_login": on_day(480)},
]


def sweep_oracle(rows, today):
    evaluated, errors = [], []
    for i, r in enumerate(rows):
        if d(r["activated_on"]) > d(today):
            errors.append({"index": i, "error": {"code": E, "params": {"field": f"mailboxes[{i}].activated_on"}}})
        else:
            evaluated.append((i, status_oracle(r, today)))
    counts = {s: sum(1 for _, x in evaluated if x["state"] == s) for s in
              ["active", "notice", "deletable", "disabled"]}
    counts["errors"] = len(errors)

    def entries(pred):
        es = [{"index": i, "account": x["account"], "deletion_date": x["deletion_date"], "days_left": x["days_left"]}
              for i, x in evaluated if pred(x)]
        return sorted(es, key=lambda e: (e["deletion_date"], e["account"], e["index"]))

    return {"today": today, "total": len(rows), "counts": counts,
            "rows": [{"index": i, "status": x} for i, x in evaluated],
            "notices": entries(lambda x: x["notice_due_today"]),
            "deletable": entries(lambda x: d(x["deletion_date"]) <= d(today)),
            "errors": errors}


ok("sweep: every state, notices and deletions by date, ties by account, a bad row kept apart", W,
   {"mailboxes": rows, "today": TODAY}, sweep_oracle(rows, TODAY))
ok("sweep: nothing to do", W, {"mailboxes": [], "today": TODAY}, sweep_oracle([], TODAY))
err("sweep: not a list", W, {"mailboxes": {"account": "a"}, "today": TODAY}, E)


# Imports (CSV/TSV exports; expected values worked out by hand from the rows).
C.append({"name": "import: Chinese headers, ROC dates, never logged in, retired, bytes with a thousands separator", "call": "mailbox.import", "args": {"data": "帳號,啟用日期,最後登入,人員狀態,使用量\nlin@ntpc.edu.tw,108/09/01,,退休,\"1,024\"\nwang@ntpc.edu.tw,2019-09-01,110/11/30,在職,\n"}, "expect": {"records": [{"account": "lin@ntpc.edu.tw", "activated_on": "2019-09-01", "last_login": None, "staff_status": "retired", "departed_on": None, "used_bytes": 1024}, {"account": "wang@ntpc.edu.tw", "activated_on": "2019-09-01", "last_login": "2021-11-30", "staff_status": "serving", "used_bytes": None}], "lines": [2, 3], "errors": [], "encoding": "utf-8", "delimiter": "comma", "rows": 2}})
C.append({"name": "import: English headers, tab-separated; status defaults to serving", "call": "mailbox.import", "args": {"data": "account\tactivated_on\tlast_login\nchen@ntpc.edu.tw\t2020-02-01\t2021-01-05\n"}, "expect": {"records": [{"account": "chen@ntpc.edu.tw", "activated_on": "2020-02-01", "last_login": "2021-01-05", "staff_status": "serving"}], "delimiter": "tab", "errors": []}})
C.append({"name": "import: a date that does not exist and an unknown status are row errors; the good row is read", "call": "mailbox.import", "args": {"data": "帳號,啟用日期,人員狀態\na@ntpc.edu.tw,110/02/30,在職\nb@ntpc.edu.tw,110/02/01,請假\nc@ntpc.edu.tw,110/02/01,離職\n"}, "expect": {"records": [{"account": "c@ntpc.edu.tw", "activated_on": "2021-02-01", "staff_status": "departed"}], "lines": [4], "errors": [{"line": 2, "column": 2, "header": "啟用日期", "field": "activated_on", "code": "calendar.invalid_date"}, {"line": 3, "column": 3, "header": "人員狀態", "field": "staff_status", "code": "import.invalid_value"}]}})
C.append({"name": "import: a blank account is a missing value at its line", "call": "mailbox.import", "args": {"data": "帳號,啟用日期\n,110/02/01\nd@ntpc.edu.tw,110/02/01\n"}, "expect": {"records": [{"account": "d@ntpc.edu.tw"}], "lines": [3], "errors": [{"line": 2, "field": "account", "code": "import.missing_value"}]}})
C.append({"name": "import: no activation column", "call": "mailbox.import", "args": {"data": "帳號,最後登入\na@ntpc.edu.tw,110/02/01\n"}, "error": "import.missing_column"})
C.append({"name": "import: negative bytes", "call": "mailbox.import", "args": {"data": "帳號,啟用日期,使用量\na@ntpc.edu.tw,110/02/01,-5\n"}, "expect": {"records": [], "errors": [{"line": 2, "field": "used_bytes", "code": "import.invalid_value"}]}})

doc = {"rule": "mailbox",
       "description": "Mailbox retention (500 days; notices from day 470), disabled staff, quota and message size (RULES §4).",
       "cases": C}
out = Path(__file__).resolve().parents[1] / "vectors" / "mailbox.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(C)} cases → {out}")
