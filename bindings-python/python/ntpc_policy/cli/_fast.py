"""A small reader of the arguments of the hot commands (issue 17 §9).

PHP runs ``ntpc-policy`` once per call, so the command's start is part of every
password check. ``argparse`` alone (with ``re``, ``gettext`` and friends) costs
about as much as starting Python. The commands called most — ``date``,
``id check``, ``account check`` and ``password check`` — are read here when
their arguments are plain: known options (``--opt value`` or ``--opt=value``,
values within their choices), values in one run, ``--`` before values that
start with ``-``. :func:`parse` returns the same namespace ``argparse`` would
(a test compares them) or ``None``, and then ``argparse`` reads the arguments:
help, ``--version``, an abbreviation, a usage error — its messages and exit
codes stay the only ones.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Args:
    """What ``argparse.Namespace`` holds, without importing ``argparse``."""

    def __init__(self, **kwargs: Any) -> None:
        self.__dict__.update(kwargs)

    def __repr__(self) -> str:
        return f"Args({self.__dict__!r})"


_FORMATS = {"--json": "json", "--jsonl": "jsonl", "--csv": "csv"}
_COMMON = {
    "--lang": ("lang", ("zh", "en")),
    "--encoding": ("encoding", ("utf-8-bom", "utf-8", "big5")),
    "--policy": ("policy", None),
    "--edition": ("edition", None),
    "--sheet": ("sheet", None),
}
_INPUT = {"--input": ("input", ("lines", "json"))}

# (command words, argparse's defaults, options with a value, flags, takes values)
_COMMANDS: dict[tuple[str, ...], tuple[dict[str, Any], dict[str, Any], dict[str, str], bool]] = {
    ("date",): (
        {"command": "date", "to": "roc_chinese", "run": "_basic:cmd_date"},
        {**_INPUT, "--to": ("to", None)},
        {},
        True,
    ),
    ("id", "check"): (
        {"command": "id", "id_command": "check", "files": [], "run": "_basic:cmd_id_check"},
        {**_INPUT, "-f": ("files", None), "--file": ("files", None)},
        {},
        True,
    ),
    ("account", "check"): (
        {
            "command": "account",
            "account_command": "check",
            "files": [],
            "today": None,
            "run": "_basic:cmd_account_check",
        },
        {**_INPUT, "-f": ("files", None), "--file": ("files", None), "--today": ("today", None)},
        {},
        True,
    ),
    ("password", "check"): (
        {
            "command": "password",
            "password_command": "check",
            "account": None,
            "display_name": None,
            "profile": None,
            "tsv": False,
            "run": "_basic:cmd_password_check",
        },
        {
            **_INPUT,
            "--account": ("account", None),
            "--display-name": ("display_name", None),
            "--profile": ("profile", ("default", "ad")),
        },
        {"--tsv": "tsv"},
        False,
    ),
}


def parse(argv: list[str]) -> Args | None:
    """The namespace of a plain call of a hot command, else ``None``."""
    words = 2 if argv[:1] in (["id"], ["account"], ["password"]) else 1
    spec = _COMMANDS.get(tuple(argv[:words]))
    if spec is None:
        return None
    defaults, options, flags, takes_values = spec
    ns: dict[str, Any] = {
        "version": None,
        "format": None,
        "lang": None,
        "encoding": None,
        "policy": None,
        "edition": None,
        "sheet": None,
        "input": "lines",
        **defaults,
    }
    if "files" in ns:
        ns["files"] = []
    values: list[str] = []
    run_ended = False  # values are one run: a value after an option is a usage error
    rest = argv[words:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        i += 1
        if arg == "--":
            if not takes_values or (run_ended and values):
                return None
            values += rest[i:]
            break
        if arg == "-" or not arg.startswith("-"):
            if not takes_values or (run_ended and values):
                return None
            values.append(arg)
            continue
        if values:
            run_ended = True
        if arg in _FORMATS:
            if ns["format"] not in (None, _FORMATS[arg]):
                return None  # mutually exclusive: argparse says so
            ns["format"] = _FORMATS[arg]
            continue
        if arg in flags:
            ns[flags[arg]] = True
            continue
        name, eq, value = arg.partition("=")
        found = options.get(name) or _COMMON.get(name)
        if found is None or (not name.startswith("--") and eq):
            return None  # unknown, abbreviated, -fVALUE: argparse decides
        if not eq:
            if i >= len(rest) or (rest[i].startswith("-") and rest[i] != "-"):
                return None
            value = rest[i]
            i += 1
        dest, choices = found
        if choices is not None and value not in choices:
            return None
        if dest == "files":
            ns["files"] = [*ns["files"], value]
        else:
            ns[dest] = value
    if takes_values:
        ns["values"] = values
        if not values and not ns.get("files") and ns["input"] == "lines":
            return None  # the usage error is argparse's
    return Args(**ns)
