"""A file given to a command, and the core's answer about it: the table's bytes
read within the policy's limit, the import options, and the answer as Python
objects or, when it is printed as JSON, as the core's JSON text (issue 20: a
100,000-mailbox sweep printed with ``--json`` took 12 s and 1.9 GB when every
row became Python objects first)."""

from __future__ import annotations

from ntpc_policy.cli._input import limits, read_source

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import IO, Any

    import ntpc_policy as np


def read_table(path: str, policy: np.Policy, field: str = "FILE") -> bytes:
    """A CSV/TSV/JSON file's or a workbook's (xlsx, xls, ods) bytes, at most
    ``limits.import_max_bytes``. The core tells the format by the first bytes."""
    return read_source(path, limits(policy)["import_max_bytes"], field)


def import_options(args: argparse.Namespace) -> Any:
    """``--sheet NAME``: the worksheet of a workbook to read (default: the first)."""
    sheet = getattr(args, "sheet", None)
    return {"sheet": sheet} if sheet else None


class JsonText:
    """A file answer kept as the core's JSON text (``--json``/``--jsonl``), with
    its summary (for the exit code): the rows never become Python objects. The
    text is what ``FileView`` wrote of the same answer as Python objects (a
    test compares them)."""

    def __init__(self, data: bytes, summary: dict[str, Any]) -> None:
        self.data = data
        self.summary = summary


def file_answer(
    args: argparse.Namespace, fn: str, call_args: dict[str, Any], policy: np.Policy
) -> Any:
    """The answer of file function ``fn`` about ``args.file`` (with the import
    options of ``args``): as :class:`JsonText` when it is printed as JSON
    (indented for ``--json``, by line for ``--jsonl``), else as Python objects
    (what the typed wrappers return)."""
    from ntpc_policy import _core

    data = read_table(args.file, policy)
    call_args = {**call_args, "options": import_options(args)}
    if args.format in ("json", "jsonl"):
        text, summary = _core.call_json(fn, call_args, policy, data, args.format == "jsonl")
        return JsonText(text, summary)
    return _core.call(fn, call_args, policy, data)


def write_bytes(out: IO[str], data: bytes, codec: str = "utf-8") -> None:
    """Encoded bytes to a text stream's buffer (or, to a text-only stream, as text)."""
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (tests): the same text
        out.write(data.decode(codec, errors="replace"))
