"""The command line's JSON door (issue 20, the mailbox sweep at the door): a
file answer printed with ``--json`` or ``--jsonl`` is written as text by the
core's binding, never built as Python objects. It must be the same text, byte
for byte, that Python's ``json`` module writes of the answer the library
returns, for every file command, on clean and on broken files."""

from __future__ import annotations

import json
import math
import random
import struct
from pathlib import Path
from typing import Any

import pytest
from test_cli import EXAMPLES
from test_cli_people import run

import ntpc_policy as np
from ntpc_policy import _core


def mailboxes(n: int, seed: int = 20) -> bytes:
    """An export as the school admin system writes one, with a title row, blank
    lines and bad rows among the good ones."""
    rnd = random.Random(seed)
    rows = ["新北市 信箱清單", "帳號,啟用日期,最後登入,人員狀態,離職日期,使用量"]
    for i in range(n):
        status = rnd.choice(["在職", "在職", "退休", "離職"])
        login = f"{rnd.randint(108, 110)}/{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d}"
        left = login if status != "在職" else ""
        used = str(rnd.randint(0, 1_200_000_000)) if rnd.random() < 0.5 else ""
        if i % 97 == 5:
            login = "110/02/30"  # no such day: an error row
        if i % 89 == 7:
            rows.append("")
        rows.append(f"u{i}@ntpc.edu.tw,{rnd.randint(95, 110)}/01/01,{login},{status},{left},{used}")
    return ("\n".join(rows) + "\n").encode("utf-8")


def python_lines(doc: dict[str, Any]) -> str:
    """What the command line wrote for ``--jsonl`` before the door."""
    out = [json.dumps(r, ensure_ascii=False) for r in doc.get("rows", [])]
    for e in doc.get("errors", []):
        wrapped = {"line": e.get("line"), "sheet": e.get("sheet"), "error": e}
        out.append(json.dumps(wrapped, ensure_ascii=False))
    return "".join(line + "\n" for line in out)


CASES = [
    ("mailbox.sweep_file", {"today": "2021-12-07", "options": None}, "mailboxes.csv",
     ("mailbox", "sweep", "--today", "2021-12-07")),
    ("account.check_file", {"today": "110/12/07", "options": None}, "people.csv",
     ("account", "access", "--today", "110/12/07")),
    ("parent.check_file", {"options": None}, "families.json", ("parent", "check")),
    ("incident.check_file", {"now": "2021-12-07T09:00", "options": None}, "incidents.csv",
     ("incident", "check", "--now", "2021-12-07T09:00")),
]  # fmt: skip


@pytest.mark.parametrize("fn,args,sample,command", CASES)
def test_the_cli_json_is_the_text_python_writes(
    fn: str, args: dict[str, Any], sample: str, command: tuple[str, ...], tmp_path: Path
) -> None:
    files = [EXAMPLES / sample]
    if fn == "mailbox.sweep_file":
        big = tmp_path / "big.csv"
        big.write_bytes(mailboxes(2_000))
        files.append(big)
    for path in files:
        doc = _core.call(fn, args, None, path.read_bytes())
        cmd = (*command[:2], str(path), *command[2:])
        code, out, _ = run(*cmd, "--json")
        assert out == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        s = doc["summary"]
        assert code == (2 if s["errors"] else 1 if s["verdict"] == "fail" else 0)
        code_l, out_l, _ = run(*cmd, "--jsonl")
        assert (code_l, out_l) == (code, python_lines(doc))
        if path.name == "big.csv":
            assert s["errors"] > 0 and s["checked"] > 1_000


def test_the_door_and_the_library_agree_on_a_broken_file() -> None:
    data = mailboxes(3_000, seed=7)
    doc = np.sweep_mailbox_file(data, "110/12/07")
    text, summary = _core.call_json("mailbox.sweep_file", {"today": "110/12/07"}, None, data)
    assert text.decode("utf-8") == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert summary == doc["summary"]
    lines, _ = _core.call_json("mailbox.sweep_file", {"today": "110/12/07"}, None, data, True)
    assert lines.decode("utf-8") == python_lines(doc)
    # A whole-call error is the same typed error as the library's.
    with pytest.raises(np.PolicyError) as a:
        np.sweep_mailbox_file(data, "not a day")
    with pytest.raises(np.PolicyError) as b:
        _core.call_json("mailbox.sweep_file", {"today": "not a day"}, None, data)
    assert a.value.code == b.value.code


def test_floats_are_written_as_python_writes_them() -> None:
    hook = getattr(_core, "python_float_for_test", None)
    if hook is None:
        pytest.skip("a build without the test hooks")
    rnd = random.Random(22)
    samples = [0.0, -0.0, 1.0, 0.1, 11.59, 100.0, 1e-4, 1e-5, 1.5e-5, 9.999e15, 1e16,
               1.5e16, 123456789012345678.0, 5e-324, 1.7976931348623157e308, -2.5e-7]  # fmt: skip
    bits = [struct.pack("<Q", rnd.getrandbits(64)) for _ in range(5_000)]
    samples += [struct.unpack("<d", b)[0] for b in bits]
    samples += [rnd.uniform(-1e6, 1e6) for _ in range(2_000)]
    samples += [round(rnd.uniform(0, 100), 2) for _ in range(2_000)]
    for x in samples:
        if math.isfinite(x):
            assert hook(x) == json.dumps(x), x
