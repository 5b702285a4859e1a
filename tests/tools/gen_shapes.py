#!/usr/bin/env python3
"""Writes the Python types of the record rules from the shared shape declarations.

`bindings-mobile/src/shapes/*.rs` declare, once, the JSON shape of every record
the record rules take and give (compiled as uniffi records for Kotlin/Swift and
as napi objects for Node). This script reads the same declarations and writes
`bindings-python/python/ntpc_policy/shapes.py`: a `TypedDict` per shape and a
`Literal` per choice, so the Python dicts are typed like the other languages.

    python3 tests/tools/gen_shapes.py          # write
    python3 tests/tools/gen_shapes.py --check  # fail if the file is stale (make test)
"""

from __future__ import annotations

import keyword
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "bindings-mobile/src/shapes").glob("*.rs"))
SOURCES = [p for p in SOURCES if p.name != "mod.rs"]
OUT = ROOT / "bindings-python/python/ntpc_policy/shapes.py"

# Shapes each binding declares itself (their error/finding parts differ per
# language); here as the JSON the core writes.
BUILTIN = '''
Verdict = Literal["pass", "warn", "fail"]


class FindingDict(TypedDict):
    """One explained outcome of a rule."""

    code: str
    severity: Literal["violation", "warning", "info"]
    params: dict[str, str | int | float | bool]
    message_zh: str
    message_en: str


class ErrorDict(TypedDict):
    """A core error, as data."""

    code: str
    params: dict[str, str | int | float | bool]
    message_zh: str
    message_en: str


class RowError(TypedDict):
    """One row of a bulk input that could not be evaluated; the others still are."""

    index: int
    error: ErrorDict


class ImportRowError(TypedDict):
    """A row of a file that could not be read, with its position."""

    line: int
    column: int | None
    header: str | None
    field: str | None
    code: str
    params: dict[str, str | int | float | bool]
    message_zh: str
    message_en: str


class AccountNameCheckDict(TypedDict):
    """A custom account name checked against the ID-number rule."""

    verdict: Verdict
    id_format: bool
    checksum_valid: bool
    kind: Literal["national_id", "resident_old", "resident_new", "none"]
    local_part_masked: str
    findings: list[FindingDict]
'''

RENAME = {
    "Finding": "FindingDict",
    "AccountNameCheck": "AccountNameCheckDict",
    "ImportError": "ImportRowError",
}
SCALAR = {
    "String": "str",
    "bool": "bool",
    "i64": "int",
    "i32": "int",
    "u32": "int",
    "u64": "int",
    "f64": "float",
}

ITEM = re.compile(r"(choice|shape)!\s*\{(.*?)\n\}", re.S)
DOC = re.compile(r"^\s*///\s?(.*)$")


def is_input(name: str) -> bool:
    """Shapes a caller builds: every optional field may be left out."""
    return name.endswith("Record") or name in {
        "Contact",
        "Person",
        "Override",
        "Incident",
        "DrillReport",
        "AuditSchool",
        "ScanFinding",
    }


def py_type(rust: str) -> str:
    rust = rust.strip()
    m = re.fullmatch(r"(Option|Vec)<(.*)>", rust)
    if m:
        inner = py_type(m.group(2))
        return f"{inner} | None" if m.group(1) == "Option" else f"list[{inner}]"
    m = re.fullmatch(r"Map<(.*)>", rust)
    if m:
        return f"dict[str, {py_type(m.group(1))}]"
    return SCALAR.get(rust) or RENAME.get(rust, rust)


def comment(text: str, prefix: str) -> list[str]:
    """A doc line as comment lines that fit in 100 columns."""
    return [prefix + line for line in textwrap.wrap(text, 96 - len(prefix))] if text else []


def ruff_format(text: str) -> str:
    """The text as `ruff format` writes it (ruff from the venv that runs this)."""
    ruff = Path(sys.executable).parent / "ruff"
    exe = str(ruff) if ruff.exists() else shutil.which("ruff")
    if exe is None:
        sys.exit("gen_shapes.py needs ruff (make python-tools installs it in .venv)")
    done = subprocess.run(
        [exe, "format", "--stdin-filename", str(OUT), "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def docs(lines: list[str]) -> str:
    return " ".join(x.strip() for x in lines).strip()


def parse(text: str) -> list[tuple[str, str, str, list]]:
    items = []
    for kind, body in ITEM.findall(text):
        lines = body.splitlines()
        head_doc: list[str] = []
        i = 0
        while i < len(lines) and (DOC.match(lines[i]) or not lines[i].strip()):
            if m := DOC.match(lines[i]):
                head_doc.append(m.group(1))
            i += 1
        rest = "\n".join(lines[i:])
        if kind == "choice":
            m = re.match(r"\s*pub enum (\w+)\s*\{(.*)\}", rest, re.S)
            assert m, rest
            values = re.findall(r'\w+\s*=\s*"([^"]*)"', m.group(2))
            items.append((kind, m.group(1), docs(head_doc), values))
        else:
            m = re.match(r"\s*pub struct (\w+)\s*\{(.*)\}", rest, re.S)
            assert m, rest
            fields, doc = [], []
            for line in m.group(2).splitlines():
                if d := DOC.match(line):
                    doc.append(d.group(1))
                elif f := re.match(r"\s*pub (\w+):\s*(.+?),?\s*$", line):
                    fields.append((f.group(1), f.group(2), docs(doc)))
                    doc = []
            items.append((kind, m.group(1), docs(head_doc), fields))
    return items


def functional(name: str, doc: str, body: list) -> list[str]:
    """A shape with a field named like a Python keyword (`class`): the call syntax."""
    total = not (is_input(name) and any(t.startswith("Option<") for _, t, _ in body))
    out = ["", *comment(doc, "#: ")]
    if not total:
        out.append("#: Every key may be left out (the core says which are required).")
    out.append(f'{name} = TypedDict(\n    "{name}",\n    {{')
    for f, t, d in body:
        ty = (
            py_type(t[len("Option<") : -1]) if not total and t.startswith("Option<") else py_type(t)
        )
        if not total and t.startswith("Option<"):
            ty += " | None"
        out += comment(d, "        # ")
        out.append(f'        "{f}": "{ty}",')
    out.append("    }," if total else "    },\n    total=False,")
    out.append(")")
    return out


def render() -> str:
    out = [
        '"""Types of the dicts the record rules take and return (generated; do not edit).',
        "",
        "Written by tests/tools/gen_shapes.py from the shape declarations shared with the",
        "Node and Kotlin/Swift bindings (bindings-mobile/src/shapes/). Keys are the core's",
        "snake_case JSON; dates are ISO ``YYYY-MM-DD`` text (arguments also take",
        "``datetime.date`` or any calendar style).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Literal, TypedDict",
        "",
        "__all__ = [",
    ]
    items = [it for src in SOURCES for it in parse(src.read_text(encoding="utf-8"))]
    names = ["AccountNameCheckDict", "ErrorDict", "FindingDict", "ImportRowError", "RowError"]
    names.append("Verdict")
    names += [name for _, name, _, _ in items]
    out += [f'    "{n}",' for n in sorted(set(names))]
    out += ["]", BUILTIN.rstrip()]
    for kind, name, doc, body in items:
        if kind == "choice":
            values = ", ".join(f'"{v}"' for v in body)
            out += ["", *comment(doc, "#: "), f"{name} = Literal[{values}]"]
            continue
        if any(keyword.iskeyword(f) for f, _, _ in body):
            out += functional(name, doc, body)
            continue
        required = [f for f in body if not (is_input(name) and f[1].startswith("Option<"))]
        optional = [f for f in body if f not in required]
        base = f"_{name}Required" if optional and required else None
        if base:
            out += ["", "", f"class {base}(TypedDict):"]
            out += [f"    {f}: {py_type(t)}" for f, t, _ in required]
        parent = base or "TypedDict"
        total = ", total=False" if optional else ""
        out += ["", "", f"class {name}({parent}{total}):", f'    """{doc}"""', ""]
        for f, t, d in optional if base else body:
            out += comment(d, "    #: ")
            ty = (
                py_type(t[len("Option<") : -1]) + " | None"
                if f in {x[0] for x in optional}
                else py_type(t)
            )
            out.append(f"    {f}: {ty}")
    return ruff_format("\n".join(out) + "\n")


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(
                f"{OUT.relative_to(ROOT)} is stale: run python3 tests/tools/gen_shapes.py",
                file=sys.stderr,
            )
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
