"""The command line: exit codes, --json/--jsonl, stdin, and bad lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "ntpc_policy", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    return proc.returncode, proc.stdout, proc.stderr


def run_json(*args: str, stdin: str = "") -> tuple[int, Any]:
    code, out, _ = run(*args, "--json", stdin=stdin)
    return code, json.loads(out)


def test_date_converts_and_reports_bad_lines_with_line_numbers() -> None:
    code, doc = run_json(
        "date", "-", stdin="110年12月7日\n# comment\n110/02/30\n2021/02/08 17:50\n"
    )
    assert code == 2  # one input error
    recs = doc["records"]
    assert [r.get("line") for r in recs] == [1, 3, 4]
    assert recs[0]["result"]["date"] == "2021-12-07"
    assert recs[0]["result"]["school_year"] == 110
    assert recs[1]["error"]["code"] == "calendar.invalid_date"
    assert recs[2]["result"]["time"].startswith("17:50")
    assert doc["summary"] == {"total": 3, "passed": 2, "failed": 0, "errors": 1}


def test_date_all_good_exits_zero_and_prints_a_table() -> None:
    code, out, _ = run("date", "110/12/07", "--to", "roc_chinese")
    assert code == 0
    assert "2021-12-07" in out and "110年12月7日" in out


def test_id_check_exit_codes_and_masking() -> None:
    code, doc = run_json("id", "check", "A123456789")
    assert code == 0
    assert doc["records"][0]["result"]["masked"] == "A12****789"
    code, out, _ = run("id", "check", "A123456789", "A123456780", "--jsonl")
    assert code == 1
    lines = [json.loads(x) for x in out.splitlines()]
    assert [r["ok"] for r in lines] == [True, False]
    assert "A123456789" not in out


def test_id_scan_and_redact() -> None:
    text = (EXAMPLES / "leak.txt").read_text(encoding="utf-8")
    code, doc = run_json("id", "scan", str(EXAMPLES / "leak.txt"))
    assert code == 1  # IDs found
    found = [r["result"]["masked"] for r in doc["records"]]
    assert "A12****789" in found
    assert all(r["result"]["line"] >= 2 for r in doc["records"])
    code, out, _ = run("id", "scan", "-", "--redact", stdin=text)
    assert code == 0
    assert "身分證A12****789" in out and "身分證A123456789" not in out
    assert "XA123456789" in out  # glued: not an ID, left alone


def test_account_check() -> None:
    code, doc = run_json(
        "account", "check", "-", stdin="wang.xiaoming\na123456789@apps.ntpc.edu.tw\n"
    )
    assert code == 1
    verdicts = [r["result"]["verdict"] for r in doc["records"]]
    assert verdicts == ["pass", "fail"]


def test_password_check_reads_stdin_never_argv_and_never_echoes() -> None:
    code, out, _ = run("password", "check", "--account", "wang01", "--json", stdin="Aa123456\n")
    assert code == 0  # a warning is not a violation
    doc = json.loads(out)
    assert doc["records"][0]["result"]["verdict"] == "warn"
    assert "Aa123456" not in out
    code, out, _ = run("password", "check", "--jsonl", stdin="short\nGood#Pass2024x\n")
    assert code == 1
    assert json.loads(out.splitlines()[0])["result"]["verdict"] == "fail"


def test_password_expiry() -> None:
    code, doc = run_json(
        "password", "expiry", "--last-changed", "2021/01/01", "--now", "2021-06-01T09:00:00+08:00"
    )
    assert code == 1
    assert doc["records"][0]["result"]["state"] == "expired"


def test_usage_errors_exit_two() -> None:
    code, _, err = run("date")
    assert code == 2 and "usage" in err
    code, _, _ = run("nonsense")
    assert code == 2
    code, out, _ = run("date", "110/12/07", "--policy", "/nonexistent.json", "--json")
    assert code == 2
    assert json.loads(out)["error"]["code"]


def test_bad_policy_file_is_reported_with_its_code(tmp_path: Path) -> None:
    bad = tmp_path / "p.json"
    bad.write_text('{"password": {"min_lenght": 3}}', encoding="utf-8")
    code, out, _ = run("date", "110/12/07", "--policy", str(bad), "--json")
    assert code == 2
    assert json.loads(out)["error"]["code"] == "policy.invalid_file"
