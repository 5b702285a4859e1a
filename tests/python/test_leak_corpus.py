"""Issue 14 §1: the shared leak corpus (tests/vectors/leak/) through the Python
API. Every in-scope form leaks nothing; the reader view is the one of
tests/vectors/leak/README.md."""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import ntpc_policy as np

CORPUS: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "vectors" / "leak" / "corpus.json").read_text(
        encoding="utf-8"
    )
)

DROP = set(" -\u00a0\u3000\u2212\u00ad\ufeff") | {chr(c) for c in range(0x2010, 0x2016)}
DROP |= {chr(c) for c in range(0x200B, 0x2010)} | {chr(c) for c in range(0x2060, 0x2065)}


def fold(c: str) -> str:
    if c.isascii():
        return c.upper()
    if "\u0660" <= c <= "\u0669":
        return chr(ord(c) - 0x0660 + ord("0"))
    n = unicodedata.normalize("NFKC", c)
    return n.upper() if len(n) == 1 and n.isascii() and n.isalnum() else c


def view(text: str) -> str:
    """What a reader sees (see tests/vectors/leak/README.md)."""

    def entity(m: re.Match[str]) -> str:
        digits = m.group(1)
        return chr(int(digits[1:], 16) if digits[:1] in "xX" else int(digits))

    s = re.sub(r"&#([xX][0-9A-Fa-f]+|[0-9]+);", entity, text)
    extra = []
    for run in re.findall(r"[A-Za-z0-9+/]{12,}", s):
        try:
            raw = base64.b64decode(run + "=" * (-len(run) % 4), validate=False)
            extra.append(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            pass
    s += "".join(" " + t for t in extra)
    s = re.sub(r"<[^>]*>", "", s)
    return "".join(fold(c) for c in s if c not in DROP)


def test_no_in_scope_form_leaks() -> None:
    leaks: Counter[str] = Counter()
    scope: dict[str, bool] = {}
    for item in CORPUS["items"]:
        scope[item["form"]] = item["in_scope"]
        assert item["id"] in view(item["text"]), item
        redacted = np.redact_ids(item["text"], item["options"])
        if item["id"] in view(redacted):
            leaks[item["form"]] += 1
    in_scope = {f: n for f, n in leaks.items() if scope[f]}
    assert in_scope == {}, in_scope
    assert len(scope) >= 20
