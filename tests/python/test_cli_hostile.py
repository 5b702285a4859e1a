"""The command line under hostile input (issue 14 §2–§4): framed input for
programs, stdin decoded like files, no secrets or raw text in errors, every
crash path a typed error, bounded reads."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_cli import EXAMPLES

CLI = [sys.executable, "-m", "ntpc_policy"]


def runb(*args: str, stdin: bytes = b"", **kw: Any) -> tuple[int, str, str]:
    proc = subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=60, **kw)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def run_json_b(*args: str, stdin: bytes = b"") -> tuple[int, Any, str]:
    code, out, err = runb(*args, "--json", stdin=stdin)
    return code, json.loads(out), err


def no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert "Error:" not in err.replace("error:", "")  # no Python exception names


# --- §2: one result per input, in order -------------------------------------------


def test_json_input_gives_one_record_per_element_in_order() -> None:
    values = ["", "a123456789@apps.ntpc.edu.tw", "wang01"]
    code, doc, _ = run_json_b(
        "account", "check", "--input", "json", stdin=json.dumps(values).encode()
    )
    recs = doc["records"]
    assert [r["input"] for r in recs] == [0, 1, 2]
    assert recs[1]["result"]["verdict"] == "fail"  # the ID-shaped account is not a pass
    assert recs[2]["result"]["verdict"] == "pass"
    odd = ["# not a comment", "two\nlines", "-rf", "   ", "A123456789", 7, None]
    code, doc, _ = run_json_b("id", "check", "--input=json", stdin=json.dumps(odd).encode())
    recs = doc["records"]
    assert [r["input"] for r in recs] == list(range(len(odd)))
    assert recs[4]["result"]["masked"] == "A12****789"
    assert recs[5]["error"]["code"] == recs[6]["error"]["code"] == "input.invalid_argument"
    assert code == 2


def test_json_input_lone_surrogate_is_invalid_text_at_its_place() -> None:
    _code, doc, _ = run_json_b(
        "account", "check", "--input", "json", stdin=b'["\\ud800x", "wang01"]'
    )
    assert doc["records"][0]["error"]["code"] == "input.invalid_text"
    assert doc["records"][1]["result"]["verdict"] == "pass"


def test_line_input_skips_blank_and_comment_lines_but_every_record_names_its_line() -> None:
    _code, doc, _ = run_json_b(
        "account", "check", "-", stdin=b"\n# c\nwang01\n\na123456789@apps.ntpc.edu.tw\n"
    )
    assert [(r["line"], r["result"]["verdict"]) for r in doc["records"]] == [
        (3, "pass"),
        (5, "fail"),
    ]


def test_password_json_objects_carry_the_account_as_data() -> None:
    items = [{"password": "Xyz!2021ab", "account": "--json"}, "short", {"password": 5}]
    _code, doc, _ = run_json_b(
        "password", "check", "--input", "json", stdin=json.dumps(items).encode()
    )
    recs = doc["records"]
    assert len(recs) == 3
    assert recs[0]["result"]["verdict"] in ("pass", "warn")
    assert recs[1]["result"]["verdict"] == "fail"
    assert recs[2]["error"]["code"] == "input.invalid_argument"
    assert "Xyz!2021ab" not in json.dumps(doc)


# --- §3: stdin decoded like files; no secrets in errors ---------------------------------


def test_stdin_is_decoded_as_a_whole_like_a_file() -> None:
    big5 = "王小明\nA123456789\n".encode("big5")
    _, doc, _ = run_json_b("account", "check", "-", stdin=big5)
    assert [r["result"]["verdict"] for r in doc["records"]] == ["pass", "fail"]
    utf16 = "110年12月7日\n".encode("utf-16")  # with a BOM
    _code, doc, _ = run_json_b("date", "-", stdin=utf16)
    assert doc["records"][0]["result"]["date"] == "2021-12-07"


def test_the_issue_example_checks_every_row_without_showing_the_password() -> None:
    _code, out, err = runb(
        "password", "check", "--tsv", "--json", stdin=b"alice\tGood1!\nbob\tPassw\xf6rt1!\n"
    )
    doc = json.loads(out)
    assert [r["line"] for r in doc["records"]] == [1, 2]
    assert "rt1!" not in out + err and "\\xf6" not in out + err


def test_an_undecodable_line_is_invalid_text_at_its_line_and_the_rest_go_through() -> None:
    stdin = b"alice\tGood1!Abc\nbob\tPa\xff\xffrt1!\ncarol\tAnother#Pass9\n"
    code, out, err = runb("password", "check", "--tsv", "--json", stdin=stdin)
    doc = json.loads(out)
    recs = doc["records"]
    assert [r["line"] for r in recs] == [1, 2, 3]
    assert recs[1]["error"]["code"] == "input.invalid_text"
    assert recs[0]["result"]["account"] == "alice" and recs[2]["result"]["account"] == "carol"
    assert "Pa" not in json.dumps(recs[1]) and "rt1" not in out + err
    assert code == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["password", "check", "Sup3rS3cret!X"],
        ["password", "Sup3rS3cret!X"],
        ["password", "check", "--profile", "Sup3rS3cret!X"],
        ["password", "check", "--json", "Sup3rS3cret!X", "--tsv"],
        ["password", "expiry", "--last-changed", "110/01/01", "Sup3rS3cret!X"],
    ],
)
def test_a_password_given_as_an_argument_is_never_echoed(argv: list[str]) -> None:
    code, out, err = runb(*argv, stdin=b"x\n")
    assert code == 2
    assert "Sup3rS3cret" not in out + err
    assert "usage" in err
    no_traceback(err)


def test_usage_errors_of_other_commands_still_name_the_argument() -> None:
    code, _, err = runb("date", "110/12/07", "--bogus")
    assert code == 2 and "--bogus" in err


# --- §3: every crash path is a typed error ------------------------------------------------


def _typed_error(code: int, out: str, err: str) -> dict[str, Any]:
    assert code == 2, (out, err)
    no_traceback(err)
    e = json.loads(out)["error"]
    assert e["code"] and e["message_zh"] and e["message_en"]
    return e


def test_svg_on_a_folder_or_a_missing_folder(tmp_path: Path) -> None:
    csv = str(EXAMPLES / "incidents.csv")
    for target in (tmp_path, tmp_path / "missing" / "m.svg"):
        code, out, err = runb(
            "incident", "stats", csv, "--now", "2021-12-07", "--svg", str(target), "--json"
        )
        e = _typed_error(code, out, err)
        assert e["code"] in ("input.is_directory", "input.file_not_found")
        assert e["params"]["field"] == "--svg"
        assert "Errno" not in out
    code, out, err = runb("incident", "stats", csv, "--now", "2021-12-07", "--svg", str(tmp_path))
    assert code == 2 and "input.is_directory" in err
    no_traceback(err)


def test_policy_that_is_a_list_or_nested_deeply(tmp_path: Path) -> None:
    lst = tmp_path / "list.json"
    lst.write_text("[1, 2]", encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for path in (lst, deep):
        for extra in ([], ["--edition", "ntpc-109"]):
            code, out, err = runb("date", "110/12/07", "--policy", str(path), *extra, "--json")
            assert _typed_error(code, out, err)["code"].startswith(("policy.", "input."))


def test_deeply_nested_json_input_and_overrides(tmp_path: Path) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    code, out, err = runb("id", "check", "--input", "json", "--json", stdin=deep)
    assert _typed_error(code, out, err)["code"] == "input.invalid_argument"
    path = tmp_path / "o.json"
    path.write_bytes(deep)
    code, out, err = runb(
        "permission", "who-can", "上課yo", "管理權", "--overrides", str(path), "--json"
    )
    assert _typed_error(code, out, err)["code"] == "input.invalid_argument"


def test_capacity_out_of_range() -> None:
    schools = str(EXAMPLES / "audit_schools.csv")
    for cap in ("1e23", "-1", "1" + "0" * 30):
        code, _out, err = runb("audit", "pick", schools, "--capacity", cap)
        assert code == 2 and "capacity" in err
        no_traceback(err)


def test_closed_stdin() -> None:
    for argv in (["date", "-"], ["password", "check"], ["id", "scan", "-"]):
        cmd = " ".join(f"'{a}'" for a in [*CLI, *argv, "--json"])
        proc = subprocess.run(["bash", "-c", f"exec {cmd} <&-"], capture_output=True, timeout=60)
        out, err = proc.stdout.decode(), proc.stderr.decode()
        e = _typed_error(proc.returncode, out, err)
        assert e["params"]["field"] == "stdin"


def test_broken_pipe_is_exit_two_without_a_traceback() -> None:
    values = json.dumps(["A123456789"] * 20_000).encode()
    cmd = " ".join(f"'{a}'" for a in CLI)
    proc = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {cmd} id check --input json --jsonl | head -1"],
        input=values,
        capture_output=True,
        timeout=60,
    )
    err = proc.stderr.decode()
    assert proc.stdout.decode().count("\n") == 1
    assert proc.returncode == 2
    no_traceback(err)
    assert "Exception ignored" not in err


def test_control_characters_are_escaped_in_tables_not_in_json(tmp_path: Path) -> None:
    evil = "\x1b]0;pwned\x07\x1b[2J\u009b31m\u202eevil"
    _, out, _ = runb("account", "check", "--input", "json", stdin=json.dumps([evil]).encode())
    assert "\x1b" not in out and "\x07" not in out and "\u009b" not in out
    assert "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out
    people = tmp_path / "p.csv"
    people.write_text(f"姓名,狀態,班級\n{evil},在學,501\n{evil},休學,501\n", encoding="utf-8")
    _, out, err = runb("account", "access", str(people), "--today", "2021-12-07")
    assert "\x1b" not in out + err and "\u009b" not in out + err
    _code, doc, _ = run_json_b("account", "access", str(people), "--today", "2021-12-07")
    assert doc["rows"][0]["result"]["person"] == evil  # JSON is the data, unchanged


# --- §4: bounded reads --------------------------------------------------------------------


class _Endless(io.RawIOBase):
    """A stdin that never ends, counting what is read from it."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = len(b)
        b[:n] = b"A" * n
        self.read_bytes += n
        return n


def _small_limits(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    from ntpc_policy.cli import _input

    real = _input.limits

    def small(policy: Any) -> dict[str, int]:
        return {
            k: (min(v, limit) if k != "policy_json_max_bytes" else v)
            for k, v in real(policy).items()
        }

    monkeypatch.setattr(_input, "limits", small)
    for mod in ("_basic", "_files"):
        m = __import__(f"ntpc_policy.cli.{mod}", fromlist=["limits"])
        monkeypatch.setattr(m, "limits", small)


@pytest.mark.parametrize(
    "argv",
    [
        ["id", "scan", "-"],
        ["date", "-"],
        ["account", "check", "--input", "json"],
        ["password", "check"],
        ["mailbox", "sweep", "-"],
    ],
)
def test_stdin_is_read_up_to_the_limit_plus_one_byte(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ntpc_policy.cli import main

    _small_limits(monkeypatch, 1000)
    raw = _Endless()
    stdin = io.TextIOWrapper(io.BufferedReader(raw, buffer_size=64))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main([*argv, "--json"]) == 2
    err = json.loads(capsys.readouterr().out)["error"]
    assert err["code"] == "input.too_large"
    assert raw.read_bytes <= 1000 + 1 + 64  # the limit, one byte more, one buffer


def test_a_file_is_read_up_to_the_limit_plus_one_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ntpc_policy.cli import main

    _small_limits(monkeypatch, 1000)
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 5000)
    assert main(["mailbox", "sweep", str(big), "--today", "2021-12-07", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "input.too_large"
    assert main(["id", "scan", str(big), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "input.too_large"


def test_dev_zero_stops_quickly_with_bounded_memory() -> None:
    import resource

    def cap() -> None:  # 1 GiB of address space: far below "read until memory runs out"
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [*CLI, "id", "scan", "-", "--json"],
            stdin=zero,
            capture_output=True,
            timeout=60,
            preexec_fn=cap,
        )
    assert proc.returncode == 2, proc.stderr
    assert json.loads(proc.stdout)["error"]["code"] == "input.too_large"
