"""The command line over workbooks and documents (issue 21): --sheet, id scan
of a document, id scan --recursive over a folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run_json(*args: str) -> tuple[int, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "ntpc_policy", *args, "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return proc.returncode, json.loads(proc.stdout)


def test_incident_check_reads_the_sheet_named_by_sheet() -> None:
    book = str(FIXTURES / "workbooks" / "two-sheets.xlsx")
    code, doc = run_json("incident", "check", book, "--sheet", "事件", "--now", "2021-12-07T09:00")
    assert doc["source"]["format"] == "xlsx"
    assert doc["source"]["sheet"] == "事件"
    assert [r["line"] for r in doc["rows"]] == [2, 3, 4, 5, 6, 7]
    assert {r["sheet"] for r in doc["rows"]} == {"事件"}
    assert code == 1  # the seed's incidents were reported late
    code, doc = run_json("incident", "check", book, "--now", "2021-12-07T09:00")
    assert code == 2  # the first sheet (notes) has no incident header


def test_mailbox_sweep_of_an_ods_names_sheet_and_row() -> None:
    code, doc = run_json(
        "mailbox", "sweep", str(FIXTURES / "workbooks" / "mailboxes.ods"), "--today", "110/12/07"
    )
    assert code == 2
    assert doc["errors"][0]["line"] == 3
    assert doc["errors"][0]["sheet"] == "mailboxes"


def test_id_scan_of_a_document_reports_cells() -> None:
    code, doc = run_json("id", "scan", str(FIXTURES / "documents" / "awards.xlsx"))
    assert code == 1
    assert [r["result"]["location"] for r in doc["records"]] == ["awards!B2"]
    assert doc["records"][0]["result"]["id"]["masked"] == "A12****789"


def test_id_scan_recursive_reports_per_file_and_exits_1(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "documents", tmp_path / "site")
    (tmp_path / "site" / "clean").mkdir()
    (tmp_path / "site" / "clean" / "notice.txt").write_text("no numbers here\n", encoding="utf-8")
    code, doc = run_json("id", "scan", "--recursive", str(tmp_path / "site"))
    assert code == 1
    by_file = {r["file"]: r for r in doc["records"]}
    assert by_file["clean/notice.txt"]["ok"] is True
    assert by_file["roster.pdf"]["ok"] is False
    assert doc["summary"]["failed"] == 12  # every fixture document holds the ID once
    # Only clean files: exit 0; an unreadable one is never clean: exit 2.
    code, doc = run_json("id", "scan", "--recursive", str(tmp_path / "site" / "clean"))
    assert code == 0
    (tmp_path / "site" / "clean" / "scan.pdf").write_bytes(b"%PDF-1.4\n" + b"[" * 5000)
    code, doc = run_json("id", "scan", "--recursive", str(tmp_path / "site" / "clean"))
    assert code == 2
    assert any(r.get("error", {}).get("code") == "document.too_deep" for r in doc["records"])
