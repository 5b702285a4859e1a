"""Shared helpers for the Python test-suite: the vector files and the subset rule."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

# The command line's tables follow the locale (issue 17 §5): the tests read
# them in English unless a test sets the locale itself.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

VECTORS = Path(__file__).resolve().parent.parent / "vectors"


def vector_cases() -> list[tuple[str, dict[str, Any]]]:
    """Every case of every vector file, as (id, case)."""
    out = []
    for path in sorted(VECTORS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            out.append((f"{path.stem}: {case['name']}", case))
    return out


def subset_mismatch(want: Any, got: Any, path: str = "$") -> str | None:
    """None when ``want`` is a subset of ``got`` (the rule every runner shares)."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"{path}: want object, got {got!r}"
        for key, value in want.items():
            if key not in got:
                return f"{path}.{key}: missing (want {value!r})"
            problem = subset_mismatch(value, got[key], f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(want, list):
        if not isinstance(got, list) or len(want) != len(got):
            return f"{path}: want {len(want)} items, got {got!r}"
        for i, (w, g) in enumerate(zip(want, got)):
            problem = subset_mismatch(w, g, f"{path}[{i}]")
            if problem:
                return problem
        return None
    if isinstance(want, bool) or isinstance(got, bool):
        return None if want is got else f"{path}: want {want!r}, got {got!r}"
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return (
            None
            if math.isclose(want, got, rel_tol=0, abs_tol=0) or want == got
            else (f"{path}: want {want!r}, got {got!r}")
        )
    return None if want == got else f"{path}: want {want!r}, got {got!r}"
