"""The command line over the record rules: CSV/JSON files in, the same records,
exit codes and bad-row reporting as the other commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from test_cli import EXAMPLES, run, run_json

WORKBOOKS = Path(__file__).resolve().parents[1] / "fixtures" / "workbooks"


def test_mailbox_sweep_prints_the_core_file_result() -> None:
    code, doc = run_json(
        "mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07"
    )
    assert code == 2  # one row has a date that does not exist
    by_line = {r["line"]: r["result"] for r in doc["rows"]}
    assert by_line[3]["state"] == "notice"
    assert by_line[3]["notice_due_today"] is True
    assert by_line[4]["state"] == "deletable"
    assert by_line[5]["state"] == "disabled"
    assert [(e["line"], e["code"]) for e in doc["errors"]] == [(7, "calendar.invalid_date")]
    assert doc["total"]["counts"]["deletable"] == 2
    assert [n["account"] for n in doc["total"]["notices"]] == ["chen.clerk@ntpc.edu.tw"]
    # The counts are the core's, and they agree (issue 17 §1).
    assert doc["summary"]["errors"] == doc["total"]["counts"]["errors"] == len(doc["errors"])
    assert doc["summary"]["checked"] == len(doc["rows"])
    assert set(doc) == {"source", "rows", "errors", "findings", "summary", "total"}


def test_account_check_with_a_csv_is_the_access_check() -> None:
    code, doc = run_json("account", "check", str(EXAMPLES / "people.csv"), "--today", "110/12/07")
    assert code == 2  # 休學 is not a status the rule knows
    by_line = {r["line"]: r["result"] for r in doc["rows"]}
    assert by_line[2]["access"] is True
    assert by_line[3]["access"] is False
    assert by_line[3]["access_returns"] is True
    assert by_line[6]["verdict"] == "fail"  # ID-shaped custom account
    assert [(e["line"], e["code"]) for e in doc["errors"]] == [(8, "import.invalid_value")]
    code2, doc2 = run_json(
        "account", "access", str(EXAMPLES / "people.csv"), "--today", "110/12/07"
    )
    assert (code2, doc2) == (code, doc)
    # Names still go through the custom-account rule.
    code, doc = run_json("account", "check", "A123456789", "star.lin")
    assert code == 1
    assert [r["result"]["id_format"] for r in doc["records"]] == [True, False]


def test_parent_check_names_who_can_register_and_what_is_wrong() -> None:
    code, out, _ = run("parent", "check", str(EXAMPLES / "families.json"))
    assert code == 1
    assert "王大明, 李美麗" in out
    _, out, _ = run("parent", "check", str(EXAMPLES / "families.json"), "--lang", "zh")
    assert "市話" in out  # a landline in the father's mobile field


def test_parent_check_reads_a_family_workbook_and_big5_table(tmp_path) -> None:
    """Issue 21 §1: families as a table, one row per student, from a workbook
    (the father's 0912345678 stored as a number) and from a Big5 CSV with a
    title line and blank lines, as Excel in Taiwan saves it."""
    code, doc = run_json("parent", "check", str(WORKBOOKS / "families.xlsx"))
    assert code == 1
    rows = {r["result"]["student"]: r["result"] for r in doc["rows"]}
    assert [x["mobile"] for x in rows["301-05"]["registrants"]] == ["0912345678", "0933111222"]
    assert rows["301-07"]["verdict"] == "pass"
    big5 = tmp_path / "families.csv"
    big5.write_bytes(
        "301 班家庭資料\r\n\r\n學號,父親姓名,父親手機\r\n301-01,王大明,0912-345-678\r\n\r\n"
        "301-02,陳小明,\r\n".encode("cp950")
    )
    code, out, _ = run("parent", "check", str(big5))
    assert code == 1
    lines = {line.split()[1]: line for line in out.splitlines() if line[:1].isdigit()}
    assert "pass" in lines["301-01"] and lines["301-01"].rstrip().endswith("-")
    assert "fail" in lines["301-02"] and "mobile" in lines["301-02"]


def test_permission_who_can_and_can_follow_the_overrides() -> None:
    overrides = str(EXAMPLES / "overrides.json")
    code, doc = run_json("permission", "who-can", "上課yo", "管理權", "--overrides", overrides)
    assert code == 0
    roles = {r["result"]["role"]: r["result"]["rule"] for r in doc["records"]}
    assert roles["資訊組長"] == "override_add"
    assert "幹事" not in roles and doc["removed"] == ["幹事"]
    code, doc = run_json(
        "permission", "can", "上課yo", "manage", "--role", "幹事", "--overrides", overrides
    )
    assert code == 1
    assert doc["records"][0]["result"]["rule"] == "override_remove"
    code, doc = run_json("permission", "can", "電子聯絡簿", "manage", "--title", "教務主任兼導師")
    assert code == 0
    assert doc["records"][0]["result"]["rule"] == "title_rule"


def test_incident_check_and_stats_with_charts(tmp_path: Path) -> None:
    code, doc = run_json(
        "incident", "check", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07T09:00"
    )
    assert code == 1
    assert len(doc["rows"]) == 6 and doc["summary"]["checked"] == 6
    first = doc["rows"][0]["result"]
    notify = next(o for o in first["obligations"] if o["obligation"] == "notify")
    assert (first["id"], notify["status"], notify["delay_minutes"]) == ("189750", "late", 951)
    monthly, subtype = tmp_path / "m.svg", tmp_path / "s.svg"
    code, out, _ = run(
        "incident", "stats", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07T09:00",
        "--svg", str(monthly), "--subtype-svg", str(subtype),
    )  # fmt: skip
    assert code == 1  # the same file, the same verdict as `incident check`
    assert "系統被入侵" in out
    for svg in (monthly, subtype):
        assert svg.read_text(encoding="utf-8").startswith("<svg")
    code, stats = run_json(
        "incident", "stats", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07T09:00"
    )
    assert stats["total"] == doc["total"]


def test_drill_rank_and_audit_pick() -> None:
    code, doc = run_json("drill", "rank", str(EXAMPLES / "drills.csv"), "--now", "2021-12-07")
    assert code == 1
    assert doc["total"]["schools"][0]["school"] == "900004"
    assert len(doc["rows"]) == doc["summary"]["checked"] == 5
    code, doc = run_json(
        "audit", "pick", str(EXAMPLES / "audit_schools.csv"),
        "--scans", str(EXAMPLES / "audit_scans.csv"), "--capacity", "3",
    )  # fmt: skip
    # The core's summary: a pick judges no rows, so it passes unless a row is bad.
    assert code == 0
    picked = [s["school"] for s in doc["total"]["picked"]]
    assert picked == ["900002", "900004", "900001"]
    assert all(s["criteria"] for s in doc["total"]["picked"])


def test_table_footer_and_exit_code_come_from_the_core_summary() -> None:
    code, out, _ = run("mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07")
    _, doc = run_json("mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07")
    s = doc["summary"]
    footer = (
        f"{s['checked'] + s['errors']} mailboxes: {s['passed']} passed, {s['warned']} warned, "
        f"{s['failed']} failed, {s['errors']} could not be read"
    )
    assert footer in out
    assert code == 2
    # Each row and each error at its line, in file order.
    lines = [
        int(x.split()[0]) for x in out.splitlines()[2:] if x[:1].isdigit() and "mailboxes" not in x
    ]
    assert lines == sorted(lines) == [2, 3, 4, 5, 6, 7, 8]


def test_jsonl_is_the_rows_and_errors_of_the_file_result() -> None:
    code, out, _ = run(
        "mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07", "--jsonl"
    )
    recs = [json.loads(x) for x in out.splitlines()]
    assert code == 2
    assert sum("error" in r for r in recs) == 1
    assert all("line" in r for r in recs)


def test_csv_output_escapes_formulas(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("姓名,狀態,班級\n=cmd|' /C calc'!A0,在學,501\n", encoding="utf-8")
    code, out, _ = run("account", "check", str(people), "--today", "2021-12-07", "--csv")
    assert code == 0
    assert out.startswith("\ufeff")  # UTF-8 with a BOM, for Excel
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert rows[0][:3] == ["line", "person", "status"]
    assert rows[1][1].startswith("'=")  # kept as text, not run as a formula
