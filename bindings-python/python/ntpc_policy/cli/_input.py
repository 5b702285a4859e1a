"""Input for the command line: files and stdin read within the policy's limits,
decoded the way the core decodes files, and values framed as lines or JSON.

- **Bounded reads.** A file or stdin is read up to its limit plus one byte and
  no further, so ``id scan - < /dev/zero`` stops at once with
  ``input.too_large``: ``limits.import_max_bytes`` (64 MiB) for stdin, tables
  and JSON files, ``limits.scan_max_bytes`` (1 GiB) for a file to scan.
- **Decoding.** Standard input is decoded as a whole by the core
  (``import.decode``: BOM → UTF-8/UTF-16, valid UTF-8, else Big5 when the whole
  input is Big5). When the whole cannot be decoded, each line is decoded on its
  own, and a line that still cannot be is ``input.invalid_text`` at that line,
  without its bytes; the other lines go through.
- **Framing.** People type values one per line (blank and ``#`` lines skipped,
  every value keeps its line number). Programs send ``--input json``: a JSON
  array on stdin, one value per element, whatever the values hold (blank,
  ``#…``, line breaks, a leading ``-``), so the answers line up with the inputs.

Errors are :class:`CliError` with a stable code of the core's table; their
messages are the core's templates (``code_table``) filled with the parameters.
Raw OS text and input values never appear in them.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # (not `typing`: the command starts faster without it)
if TYPE_CHECKING:
    from typing import Any

    Item = tuple[int, int | None, Any]

STDIN = "-"


class CliError(Exception):
    """A typed error found by the command line itself (a file it cannot read,
    input over a limit, a value that is not text)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        self.message_zh, self.message_en = _messages(code, params)


def _messages(code: str, params: dict[str, Any]) -> tuple[str, str]:
    from ntpc_policy import code_table

    row = next((r for r in code_table() if r["code"] == code), None)
    if row is None:  # pragma: no cover - every code used here is in the table
        return code, code

    class _Params(dict):  # type: ignore[type-arg]
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    p = _Params(params)
    return row["message_zh"].format_map(p), row["message_en"].format_map(p)


def invalid(field: str, reason: str, reason_zh: str) -> CliError:
    return CliError("input.invalid_argument", field=field, reason=reason, reason_zh=reason_zh)


def _os_error(field: str, err: OSError, path: str) -> CliError:
    """An OS error as a typed error with zh-TW and English messages; the OS's
    own text (``[Errno 2] …``) is never shown."""
    import errno

    if isinstance(err, (FileNotFoundError, NotADirectoryError)):
        return CliError("input.file_not_found", field=field, path=path)
    if isinstance(err, IsADirectoryError):
        return CliError("input.is_directory", field=field, path=path)
    if err.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket
        return not_a_file(field, path, "a socket", "通訊端")
    if isinstance(err, PermissionError):
        return CliError(
            "input.unreadable",
            field=field,
            path=path,
            reason="permission denied",
            reason_zh="沒有存取權限",
        )
    name = errno.errorcode.get(err.errno or 0, "unknown")
    return CliError("input.unreadable", field=field, path=path, reason=name, reason_zh=name)


def not_a_file(field: str, path: str, kind: str, kind_zh: str) -> CliError:
    return CliError("input.not_a_file", field=field, path=path, kind=kind, kind_zh=kind_zh)


# --- limits ---------------------------------------------------------------------


def limits(policy: Any) -> dict[str, int]:
    """The policy's input limits (``limits.*``)."""
    return dict(policy.to_dict()["limits"])


def _bounded(fh: Any, limit: int, field: str) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise CliError("input.too_large", field=field, limit=limit, actual=f">{limit}")
    return bytes(data)


def read_stdin(limit: int) -> bytes:
    """All of stdin, at most ``limit`` bytes."""
    stream = sys.stdin
    if stream is None:
        raise invalid("stdin", "standard input is closed", "標準輸入已關閉")
    try:
        return _bounded(stream.buffer, limit, "stdin")
    except (OSError, ValueError) as err:
        # A closed descriptor (`<&-`) or a stream closed under us.
        raise invalid("stdin", "standard input is closed", "標準輸入已關閉") from err


def read_source(path: str, limit: int, field: str) -> bytes:
    """A file's bytes (``-`` is stdin), at most ``limit`` bytes.

    Never hangs on a named pipe: it is opened without waiting for a writer, and
    one that gives nothing (no writer) is ``input.not_a_file``; ``<(command)``
    works. A folder is ``input.is_directory``."""
    if path == STDIN:
        return read_stdin(limit)
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise _os_error(field, err, path) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise CliError("input.is_directory", field=field, path=path)
        fifo = stat.S_ISFIFO(mode)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = _bounded(fh, limit, field)
    except OSError as err:
        raise _os_error(field, err, path) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if fifo and not data:
        raise not_a_file(field, path, "a named pipe with no writer", "沒有寫入端的具名管道")
    return data


def write_file(path: str, text: str, field: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as err:
        raise _os_error(field, err, path) from None


def path_note(value: str) -> dict[str, Any] | None:
    """``input.value_is_path`` when a value is the path of an existing file."""
    import os

    try:
        if not os.path.isfile(value):
            return None
    except (OSError, ValueError):
        return None
    err = CliError("input.value_is_path", value=value)
    return {
        "code": err.code,
        "message_zh": err.message_zh,
        "message_en": err.message_en,
        "params": err.params,
    }


# --- values ---------------------------------------------------------------------


def is_text(s: str) -> bool:
    """Whether a str is valid Unicode (no lone surrogate, as JSON ``\\ud800`` gives)."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def bad_text(line: int | None = None, index: int | None = None) -> CliError:
    """``input.invalid_text`` at a line (or an input's position), without the value."""
    return CliError("input.invalid_text", line=line if line is not None else f"#{index}")


def stdin_lines(limit: int, data: bytes | None = None) -> list[tuple[int, str | CliError]]:
    """Stdin (or a file's bytes) as lines, each ``(line number, text)`` or
    ``(line number, error)``."""
    if data is None:
        data = read_stdin(limit)
    import ntpc_policy as np

    try:
        text = np.decode_text(data)["text"]
    except np.PolicyError:
        return _line_by_line(data)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [(n, s[:-1] if s.endswith("\r") else s) for n, s in enumerate(lines, start=1)]


def _line_by_line(data: bytes) -> list[tuple[int, str | CliError]]:
    """Each line decoded on its own (UTF-8, else what the core reads it as)."""
    import ntpc_policy as np

    raw = data.split(b"\n")
    if raw and raw[-1] == b"":
        raw.pop()
    out: list[tuple[int, str | CliError]] = []
    for n, b in enumerate(raw, start=1):
        b = b[:-1] if b.endswith(b"\r") else b
        try:
            out.append((n, b.decode("utf-8")))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append((n, np.decode_text(b)["text"]))
        except np.PolicyError:
            out.append((n, bad_text(line=n)))
    return out


def stdin_json(limit: int) -> list[Any]:
    """``--input json``: stdin is one JSON array."""
    import json

    data = read_stdin(limit)
    try:
        doc = json.loads(data)
    except RecursionError:
        raise invalid("stdin", "JSON nested too deeply", "JSON 巢狀層數過多") from None
    except ValueError:
        # UnicodeDecodeError included; the input itself is not quoted.
        raise invalid("stdin", "not a JSON array", "不是 JSON 陣列") from None
    if not isinstance(doc, list):
        raise invalid("stdin", "not a JSON array", "不是 JSON 陣列")
    return doc


def values(
    sources: list[str],
    framing: str,
    limit: int,
    keep_blank: bool = False,
    files: list[str] | None = None,
) -> list[Item]:
    """The values of a command: ``(position, line or None, value or CliError)``.

    Arguments are values; ``-`` reads stdin: one value per line (blank and
    ``#`` lines skipped unless ``keep_blank``), or with ``--input json`` one per
    element of a JSON array (every element counts). Each ``-f FILE`` is read
    like stdin lines (decoded as files are), after the arguments.
    """
    if framing == "json" and STDIN not in sources:
        sources = [*sources, STDIN]
    out: list[Item] = []
    for path in files or []:
        sources = [*sources, ("file", path)]  # type: ignore[list-item]
    for src in sources:
        if isinstance(src, tuple):
            for n, v in stdin_lines(limit, read_source(src[1], limit, "-f")):
                if isinstance(v, str) and not keep_blank:
                    if not v.strip() or v.lstrip().startswith("#"):
                        continue
                out.append((len(out), n, v))
        elif src != STDIN:
            out.append((len(out), None, src if is_text(src) else bad_text(index=len(out))))
        elif framing == "json":
            for element in stdin_json(limit):
                i = len(out)
                if isinstance(element, str) and not is_text(element):
                    element = bad_text(index=i)
                out.append((i, None, element))
        else:
            for n, v in stdin_lines(limit):
                if isinstance(v, str) and not keep_blank:
                    if not v.strip() or v.lstrip().startswith("#"):
                        continue
                out.append((len(out), n, v))
    return out
