"""The command line as coordinators and PHP developers use it (issue 17): counts
that agree, typed file errors, no silent guesses, tables in the reader's
language that fit a terminal, spreadsheet CSV, chart titles, the fast start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from test_cli import EXAMPLES

CLI = [sys.executable, "-m", "ntpc_policy"]


def env(**kw: str) -> dict[str, str]:
    """The environment with the locale and width under test (nothing inherited)."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    e.update({"LANG": "C.UTF-8", "COLUMNS": "100"})
    e.update(kw)
    return e


def run(*args: str, stdin: bytes = b"", **kw: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [*CLI, *args], input=stdin, capture_output=True, timeout=60, env=env(**kw)
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def run_json(*args: str, stdin: bytes = b"") -> tuple[int, Any, str]:
    code, out, err = run(*args, "--json", stdin=stdin)
    return code, json.loads(out), err


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


INCIDENTS = ("incident", "check", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07T09:00")
PICK = (
    "audit", "pick", str(EXAMPLES / "audit_schools.csv"),
    "--scans", str(EXAMPLES / "audit_scans.csv"), "--capacity", "3",
)  # fmt: skip
# Every table of `make demo`.
TABLES = [
    ("account", "check", str(EXAMPLES / "accounts.txt")),
    ("account", "check", "-f", str(EXAMPLES / "accounts.txt")),
    ("date", "110/12/07", "2021-02-08 17:50", "110/02/29"),
    ("id", "scan", str(EXAMPLES / "leak.txt")),
    ("password", "expiry", "--last-changed", "110/08/01", "--now", "2021-10-25T09:00"),
    ("mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07"),
    ("account", "access", str(EXAMPLES / "people.csv"), "--today", "110/12/07"),
    ("parent", "check", str(EXAMPLES / "families.json")),
    ("permission", "who-can", "上課yo", "管理權", "--overrides", str(EXAMPLES / "overrides.json")),
    ("permission", "can", "電子聯絡簿", "manage", "--title", "教務主任兼導師"),
    INCIDENTS,
    ("incident", "stats", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07T09:00"),
    ("drill", "rank", str(EXAMPLES / "drills.csv"), "--now", "2021-12-07"),
    PICK,
]


# --- §1: counts agree -----------------------------------------------------------------


@pytest.mark.parametrize("via_stdin", [False, True])
def test_sweep_counts_agree_with_the_summary_and_the_footer(via_stdin: bool) -> None:
    data = (EXAMPLES / "mailboxes.csv").read_bytes()
    src = "-" if via_stdin else str(EXAMPLES / "mailboxes.csv")
    code, doc, _ = run_json("mailbox", "sweep", src, "--today", "2021-12-07", stdin=data)
    assert code == 2
    s, counts = doc["summary"], doc["total"]["counts"]
    assert counts["errors"] == s["errors"] == len(doc["errors"]) == 1
    states = sum(v for k, v in counts.items() if k != "errors")
    assert states == s["checked"] == len(doc["rows"])
    _, out, _ = run("mailbox", "sweep", src, "--today", "2021-12-07", stdin=data)
    assert f"{s['checked'] + s['errors']} mailboxes: {s['passed']} passed" in out
    assert f"{s['errors']} could not be read" in out


# --- §2: typed file errors ------------------------------------------------------------


def _error(out: str) -> dict[str, Any]:
    e = json.loads(out)["error"]
    assert e["message_zh"] and e["message_en"] and "Errno" not in json.dumps(e)
    assert e["code"] not in e["message_zh"]  # the template was filled
    return e  # type: ignore[no-any-return]


def test_missing_file_folder_and_fifo_are_typed_errors(tmp_path: Path) -> None:
    code, out, _ = run("mailbox", "sweep", str(tmp_path / "none.csv"), "--json")
    e = _error(out)
    assert code == 2 and e["code"] == "input.file_not_found"
    assert "找不到檔案" in e["message_zh"] and "file not found" in e["message_en"]
    code, out, _ = run("mailbox", "sweep", str(tmp_path), "--json")
    assert code == 2 and _error(out)["code"] == "input.is_directory"
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    # No writer: an answer at once, never a hang.
    code, out, _ = run("mailbox", "sweep", str(fifo), "--json")
    assert code == 2 and _error(out)["code"] == "input.not_a_file"
    # In table mode: one line on stderr, in both languages, no OS text.
    code, _, err = run("id", "check", "-f", str(tmp_path / "none.txt"))
    assert code == 2 and "input.file_not_found" in err and "Errno" not in err
    # An output folder that does not exist.
    code, out, _ = run(
        "incident", "stats", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07",
        "--svg", str(tmp_path / "no" / "m.svg"), "--json",
    )  # fmt: skip
    assert code == 2 and _error(out)["code"] == "input.file_not_found"


def test_a_process_substitution_pipe_is_read(tmp_path: Path) -> None:
    proc = subprocess.run(
        ["bash", "-c", f'{sys.executable} -m ntpc_policy id check -f <(printf "A123456789\\n")'],
        capture_output=True,
        timeout=60,
        env=env(),
    )
    assert proc.returncode == 0, proc.stderr
    assert b"A12****789" in proc.stdout


def test_unreadable_file_is_a_typed_error(tmp_path: Path) -> None:
    from ntpc_policy.cli._input import _os_error

    e = _os_error("FILE", PermissionError(13, "Permission denied"), "x.csv")
    assert e.code == "input.unreadable" and "沒有存取權限" in e.message_zh
    assert "Permission denied" not in e.message_en  # the OS's text is not shown
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    f = tmp_path / "locked.csv"
    f.write_text("帳號\n", encoding="utf-8")
    f.chmod(0)
    code, out, _ = run("mailbox", "sweep", str(f), "--json")
    assert code == 2 and _error(out)["code"] == "input.unreadable"


def test_big5_names_piped_to_account_check() -> None:
    names = "王小明\nA123456789\n".encode("big5")
    code, doc, _ = run_json("account", "check", "-", stdin=names)
    assert code == 1
    assert [r["line"] for r in doc["records"]] == [1, 2]
    assert doc["records"][1]["result"]["verdict"] == "fail"


# --- §3: values that start with `-` ---------------------------------------------------


def test_values_after_double_dash_are_data() -> None:
    code, out, _ = run("account", "check", "--json", "--", "-rf", "--json")
    doc = json.loads(out)
    assert code == 0
    assert [r["result"]["local_part_masked"] for r in doc["records"]] == ["-rf", "--json"]
    code, out, _ = run("id", "check", "--json", "--", "-A123456789")
    assert json.loads(out)["records"][0]["result"]["kind"] == "none"
    code, doc, _ = run_json("password", "check", "--account=-x", stdin=b"Good#Pass2024x\n")
    assert doc["records"][0]["result"]["verdict"] in ("pass", "warn")


# --- §4: no silent guesses ------------------------------------------------------------


def test_a_value_that_is_a_file_path_is_checked_as_a_value_with_a_warning() -> None:
    path = str(EXAMPLES / "accounts.txt")
    _, out, err = run("account", "check", path)
    assert "input.value_is_path" in err and f"-f {path}" in err
    assert "1 accounts" in out
    _code, doc, _ = run_json("id", "check", path)
    assert doc["notes"][0]["code"] == "input.value_is_path"
    assert len(doc["records"]) == 1


def test_dash_f_reads_the_values_of_a_file_at_their_lines() -> None:
    code, doc, _err = run_json("account", "check", "-f", str(EXAMPLES / "accounts.txt"))
    assert code == 1 and "notes" not in doc
    lines = (EXAMPLES / "accounts.txt").read_text(encoding="utf-8").splitlines()
    for r in doc["records"]:
        assert r["line"] is not None and not lines[r["line"] - 1].startswith("#")
    assert len(doc["records"]) == 9


def test_ignored_columns_are_reported(tmp_path: Path) -> None:
    f = tmp_path / "schools.csv"
    f.write_text("學校代碼,學校名稱,演練逾時(時),備註\n900001,範例一國小,3,x\n", encoding="utf-8")
    _, _, err = run("audit", "pick", str(f))
    assert "import.ignored_columns" in err and "備註" in err
    _code, doc, _ = run_json("audit", "pick", str(f))
    assert doc["source"]["ignored_columns"] == ["備註"]
    assert [x["code"] for x in doc["findings"]] == ["import.ignored_columns"]


def test_hours_in_the_header_are_read_as_hours(tmp_path: Path) -> None:
    """Issue 17 §4: `演練逾時(時)` is read, in hours, never as minutes or ignored."""
    f = tmp_path / "schools.csv"
    f.write_text("學校代碼,學校名稱,演練逾時(時)\n900001,範例一國小,3\n", encoding="utf-8")
    _code, doc, _ = run_json("audit", "pick", str(f))
    assert doc["source"]["ignored_columns"] == []
    used = {c["field"]: c["header"] for c in doc["source"]["columns"]}
    assert used["drill_overtime_hours"] == "演練逾時(時)"
    picked = doc["total"]["picked"]
    assert [p["school"] for p in picked] == ["900001"]
    assert "3 h" in json.dumps(picked[0], ensure_ascii=False)


def test_a_title_line_above_the_header_is_passed_over(tmp_path: Path) -> None:
    f = tmp_path / "schools.csv"
    f.write_text(
        "110 年度學校清單\n製表日期：110/12/01\n學校代碼,學校名稱,人民陳情\n900001,甲校,有\n",
        encoding="utf-8",
    )
    code, doc, _ = run_json("audit", "pick", str(f))
    assert doc["summary"]["errors"] == 0 and doc["source"]["rows"] == 1
    g = tmp_path / "bad.csv"
    g.write_text("學校清單\n\n地址,備註,電話\n甲,x,y\n", encoding="utf-8")
    code, _out, err = run("audit", "pick", str(g))
    assert code == 2
    assert "line 1 was read as the header" in err or "第 1 行被當作標題列" in err


# --- §5: tables for people ------------------------------------------------------------


@pytest.mark.parametrize("argv", TABLES, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("columns", ["80", "120"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_fit_the_terminal_and_number_their_lines(
    argv: tuple[str, ...], columns: str, lang: str
) -> None:
    _, out, _ = run(*argv, "--lang", lang, COLUMNS=columns)
    lines = out.rstrip("\n").split("\n")
    head, rule = lines[0], lines[1]
    assert max(width(x) for x in lines) <= int(columns), out
    if argv[:2] == ("incident", "stats"):
        assert not head.startswith("#")  # its rows are groups, not lines
        return
    assert head.startswith("#")
    for row in lines[2:]:
        if not row or row == lines[-1] or row.startswith("    "):
            continue  # blank, footer, wrapped error
        first = row.split()[0]
        assert first.replace(",", "").isdigit(), (row, out)
    assert rule.startswith("-")


def test_zh_tables_by_locale_and_lang_option() -> None:
    _, out, _ = run(*INCIDENTS, LANG="zh_TW.UTF-8")
    assert "通報單位" in out and "逾時 15 小時 51 分" in out and "6 筆事件" in out
    assert "late +951m" not in out
    _, out, _ = run(*INCIDENTS, LANG="zh_TW.UTF-8", LC_ALL="C")  # LC_ALL wins
    assert "unit" in out and "late 15 h 51 min" in out and "6 incidents" in out
    _, out, _ = run(*INCIDENTS, "--lang", "en", LANG="zh_TW.UTF-8")
    assert "6 incidents" in out
    _, out, _ = run(*INCIDENTS, "--lang", "zh", COLUMNS="120")
    # The export has no recovery or report column: those duties cannot be
    # computed (issue 16 item 2), said in Chinese.
    assert "無法計算" in out and "late" not in out
    _, out, _ = run("date", "110/12/07", LC_MESSAGES="zh_TW.UTF-8")
    assert "學年度" in out and "1 筆日期" in out


def test_the_footer_counts_warnings() -> None:
    data = (EXAMPLES / "passwords.txt").read_bytes()
    _, out, _ = run("password", "check", "--tsv", "--lang", "zh", stdin=data)
    assert "8 組密碼：4 通過（含 4 警告）、4 不合格、0 錯誤" in out


def test_findings_are_summed_up_in_the_table_and_whole_in_json() -> None:
    _, out, _ = run("account", "check", "A123456789", "--lang", "zh")
    assert "2 項：" in out and "identity.account_real_id" not in out
    _, doc, _ = run_json("account", "check", "A123456789")
    codes = [f["code"] for f in doc["records"][0]["result"]["findings"]]
    assert codes == ["identity.account_id_format", "identity.account_real_id"]


def test_audit_pick_shows_the_schools_over_capacity() -> None:
    _, out, _ = run(*PICK, "--lang", "zh")
    rows = {line.split()[2]: line for line in out.splitlines() if line[:1].isdigit()}
    assert "超出量能" in rows["900005"] and "超出量能" in rows["900003"]
    assert "選入" in rows["900002"]
    assert rows["900002"].split()[0] == "3"  # its line in the schools' file
    assert "5 所學校：5 校符合條件，選入 3 校（量能 3 校），2 校符合但超出量能" in out
    _, out, _ = run(*PICK, "--lang", "en")
    assert "over capacity" in out and "2 qualify but are over capacity" in out


def test_drill_rank_numbers_its_schools_by_their_lines() -> None:
    _, out, _ = run("drill", "rank", str(EXAMPLES / "drills.csv"), "--now", "2021-12-07")
    rows = [x.split() for x in out.splitlines()[2:] if x[:1].isdigit() and "schools" not in x]
    assert [r[0] for r in rows] == ["5", "3,6", "2", "4"]
    assert "4 schools, 5 drill reports: 2 schools late" in out


# --- §6: CSV for Excel ----------------------------------------------------------------


def _csv(*args: str, **kw: str) -> tuple[bytes, str]:
    proc = subprocess.run([*CLI, *args, "--csv"], capture_output=True, timeout=60, env=env(**kw))
    return proc.stdout, proc.stderr.decode("utf-8")


def test_csv_is_utf8_with_bom_quoted_once_and_formula_escaped(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "姓名,狀態,班級\n\"甲校, 分部\",在學,501\n=cmd|' /C calc'!A0,在學,501\n",
        encoding="utf-8",
    )
    data, _ = _csv("account", "access", str(people), "--today", "2021-12-07", "--lang", "zh")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0].startswith("行,姓名,狀態")
    assert '"甲校, 分部"' in text and '"""' not in text
    assert lines[2].startswith("3,'=cmd")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][1] == "甲校, 分部" and rows[1][2] == "在學"


def test_csv_big5_and_english_headers(tmp_path: Path) -> None:
    data, _ = _csv("mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07",
                   "--encoding", "big5", "--lang", "zh")  # fmt: skip
    text = data.decode("cp950")
    assert text.startswith("行,帳號,狀態") and "使用中" in text
    data, _ = _csv("mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07")
    assert data[3:].decode("utf-8").startswith("line,account,state")
    data, _ = _csv("mailbox", "sweep", str(EXAMPLES / "mailboxes.csv"), "--today", "2021-12-07",
                   "--encoding", "utf-8")  # fmt: skip
    assert data.startswith(b"line,")


# --- §7: chart titles -----------------------------------------------------------------


def test_chart_titles_carry_the_year_and_can_be_set(tmp_path: Path) -> None:
    m, s = tmp_path / "m.svg", tmp_path / "s.svg"
    code, _, _ = run(
        "incident", "stats", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07",
        "--svg", str(m), "--subtype-svg", str(s),
    )  # fmt: skip
    assert code == 1
    assert "<title>110 年度各月份通報案件統計</title>" in m.read_text(encoding="utf-8")
    assert "<title>110 年度攻擊分類案件統計</title>" in s.read_text(encoding="utf-8")
    assert ">件數<" in m.read_text(encoding="utf-8")
    run(
        "incident", "stats", str(EXAMPLES / "incidents.csv"), "--now", "2021-12-07",
        "--svg", str(m), "--title", "本校 110 年度資安通報",
    )  # fmt: skip
    assert "<title>本校 110 年度資安通報</title>" in m.read_text(encoding="utf-8")
    a = tmp_path / "a.svg"
    run(*PICK, "--svg", str(a), "--title", "111 年度到校輔導")
    assert ">111 年度到校輔導<" in a.read_text(encoding="utf-8")


# --- §9: the fast start ---------------------------------------------------------------

FAST = [
    ["date", "110/12/07"],
    ["date", "-", "--json"],
    ["date", "--to", "iso", "110/12/07"],
    ["date", "--to=iso", "--lang", "zh", "--", "-1", "x"],
    ["date", "--input=json", "--json"],
    ["id", "check", "A123456789", "--jsonl"],
    ["id", "check", "-f", "x.txt", "--csv", "--encoding=big5"],
    ["account", "check", "--input", "json", "--json"],
    ["account", "check", "--today", "110/12/07", "a.csv"],
    ["account", "check", "--policy", "p.json", "--edition", "ntpc-109", "a"],
    ["password", "check", "--input=json", "--json"],
    ["password", "check", "--account", "wang", "--display-name=王", "--profile", "ad", "--tsv"],
]
SLOW = [
    ["date"],  # a usage error: argparse says so
    ["date", "--help"],
    ["date", "--js", "1"],  # an abbreviation
    ["date", "--json", "--csv", "1"],
    ["date", "1", "--json", "2"],  # values split by an option
    ["date", "--to"],
    ["date", "-1"],
    ["date", "--lang", "fr", "1"],
    ["id", "check", "-fx.txt"],
    ["password", "check", "Secret1!"],
    ["password", "check", "--profile", "nope"],
    ["mailbox", "sweep", "x.csv"],
    ["--version"],
]


@pytest.mark.parametrize("argv", FAST, ids=" ".join)
def test_the_fast_reader_agrees_with_argparse(argv: list[str]) -> None:
    from ntpc_policy.cli import parse_args
    from ntpc_policy.cli._fast import parse

    fast = parse(argv)
    assert fast is not None
    assert vars(fast) == vars(parse_args(argv))


@pytest.mark.parametrize("argv", SLOW, ids=" ".join)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    from ntpc_policy.cli._fast import parse

    assert parse(argv) is None


def test_the_hot_commands_import_neither_argparse_nor_re() -> None:
    code = (
        "import sys; from ntpc_policy.cli import main; sys.argv=['x','date','110/12/07']\n"
        "rc = main()\n"
        "slow = ('argparse', 're', 'typing', 'json', 'unicodedata', 'ntpc_policy.shapes')\n"
        "bad = [m for m in slow if m in sys.modules]\n"
        # No module of `shapes` (they are for type checkers), and of the typed
        # functions (`_api`, a module per family) only the command's family.
        "bad += [m for m in sys.modules if m.startswith('ntpc_policy.shapes.')\n"
        "        or m.startswith('ntpc_policy._api.') and m != 'ntpc_policy._api.calendar']\n"
        "print(rc, bad)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env())
    assert proc.stdout.strip().endswith("0 []"), proc.stdout + proc.stderr


def test_schedule_lists_the_year_and_writes_a_deterministic_calendar(tmp_path: Path) -> None:
    # Issue 16 item 6: `ntpc-policy schedule --today 110/09/08 --ics FILE`.
    code, out, _ = run("schedule", "--today", "110/09/08", "--lang", "zh", COLUMNS="120")
    assert code == 0
    assert "進行中" in out and "資安通報演練：第一梯" in out and "即將開始" in out
    code, doc, _ = run_json("schedule", "--today", "110/09/08")
    assert doc["school_year"] == 110
    by_id = {r["result"]["item"]["id"]: r["result"]["status"] for r in doc["records"]}
    assert "open" in by_id.values() and "past" in by_id.values()
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for path in (first, second):
        code, _, _ = run("schedule", "--today", "110/09/08", "--ics", str(path))
        assert code == 0
    data = first.read_bytes()
    assert data == second.read_bytes()  # no clock, no random UID
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"DTSTAMP:20210907T160000Z" in data
    code, out, _ = run("schedule", "--today", "110/02/30")
    assert code == 2 and "calendar.invalid_date" in out


def test_audit_pick_lists_the_schools_that_must_fix_rescan_findings() -> None:
    # Issue 16 item 5: the re-scan obligation (seed 001 §陸.三.(一)) is shown
    # beside the pick, not as one of its five criteria.
    _, out, _ = run(*PICK, "--lang", "zh")
    assert "複掃高風險弱點須修補並回報：900004、900001" in out
    _, out, _ = run(*PICK, "--lang", "en")
    assert "must fix re-scan findings and report back: 900004, 900001" in out


def test_training_smart_learning_per_teacher_and_school(tmp_path: Path) -> None:
    # Issue 16 item 7: per teacher against 114/12/31, the school's 1/5 by 111/07/31.
    f = tmp_path / "teachers.json"
    f.write_text(
        '[{"teacher": "王老師", "city_hours": 3, "platform_hours": 3},'
        ' {"teacher": "李老師", "city_hours": 1, "platform_hours": 0}]',
        encoding="utf-8",
    )
    code, out, err = run(
        "training",
        "smart-learning",
        str(f),
        "--today",
        "111/08/01",
        "--quota",
        "10",
        "--lang",
        "zh",
        COLUMNS="120",
    )
    # The school's quota (2 of 10 by 111/07/31) is overdue: exit 1, though no
    # teacher's own deadline (114/12/31) has passed.
    assert code == 1 and "王老師" in out and "2 位教師" in out
    assert "training.smart_learning_quota_overdue" in err
    code, _, _ = run("training", "smart-learning", str(f), "--today", "111/07/01", "--quota", "10")
    assert code == 0
    code, doc, _ = run_json("training", "smart-learning", str(f), "--today", "111/08/01")
    assert [r["result"]["certified"] for r in doc["records"]] == [True, False]
    code, _, err = run("training", "smart-learning", str(tmp_path / "missing.json"))
    assert code == 2 and "input.file_not_found" in err
