"""``ntpc-policy``: the command line over the ``ntpc_policy`` package.

PHP (the school admin system) and shell scripts call it. Argument parsing and
formatting only: every answer is one call of the core. Output is a readable
table, ``--json`` (one document; for a file check, the core's file result),
``--jsonl`` (one JSON line per record) or ``--csv``.

Exit codes: 0 every input passes, 1 some input breaks a rule, 2 a usage or input
error (bad lines are reported with their line numbers; the rest still go
through). Every failure is a typed error with a stable code — never a Python
traceback, never the value of a password.

Start-up is kept short (PHP runs the command once per call; issue 17 §9): the
commands PHP and scripts call most (``date``, ``id check``, ``account check``,
``password check``) are read by a small parser of their own
(:mod:`ntpc_policy.cli._fast`) when their arguments are plain, without
importing ``argparse`` (and ``re``, ``gettext`` …); anything else — help, an
unknown or abbreviated option, a usage error — goes to the full ``argparse``
parser, which gives the same answer. The command's module, and with it the
core, is imported only once the arguments are parsed.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # (not `typing`: the command starts faster without it)
if TYPE_CHECKING:
    import argparse
    from typing import Any

__all__ = ["main"]

_QUIET_USAGE = "invalid arguments (not shown; passwords are read from stdin, never from arguments)"


def _parser_class() -> Any:
    import argparse

    class _Parser(argparse.ArgumentParser):
        """An argument parser whose errors never echo a password: the parsers of the
        ``password`` commands (``quiet``) replace the message with a generic one,
        because a password typed as an argument by mistake would otherwise reach
        stderr — and from there the web server's log."""

        def __init__(self, *args: Any, quiet: bool = False, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.quiet = quiet

        def error(self, message: str) -> Any:
            from ntpc_policy.cli._output import safe

            self.print_usage(sys.stderr)
            text = _QUIET_USAGE if self.quiet else safe(message)
            self.exit(2, f"{self.prog}: error: {text}\n")

    class _Version(argparse.Action):
        """``--version``, reading the version only when asked."""

        def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
            super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

        def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
            from ntpc_policy._core import __version__

            sys.stdout.write(f"ntpc-policy {__version__}\n")
            parser.exit(0)

    return _Parser, _Version


def _common() -> argparse.ArgumentParser:
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    fmt = common.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="one JSON document (a file check: the core's file result)",
    )
    fmt.add_argument(
        "--jsonl", dest="format", action="store_const", const="jsonl", help="one JSON line per row"
    )
    fmt.add_argument(
        "--csv",
        dest="format",
        action="store_const",
        const="csv",
        help="CSV for a spreadsheet (cells escaped against formulas)",
    )
    common.add_argument(
        "--lang",
        choices=["zh", "en"],
        help="language of tables and CSV (default: zh when LC_ALL/LC_MESSAGES/LANG is zh_*)",
    )
    common.add_argument(
        "--encoding",
        choices=["utf-8-bom", "utf-8", "big5"],
        help="--csv encoding: utf-8-bom (default; Excel reads it right), utf-8, or big5 (cp950)",
    )
    common.add_argument(
        "--sheet",
        metavar="NAME",
        help="the worksheet of a workbook file (xlsx, xls, ods) to read (default: the first)",
    )
    common.add_argument(
        "--policy", metavar="FILE", help="a policy JSON file (partial; over the edition in force)"
    )
    common.add_argument(
        "--edition", metavar="NAME", help="start from a named edition, e.g. ntpc-109"
    )
    return common


def _parser() -> argparse.ArgumentParser:
    from ntpc_policy.cli import _commands

    _Parser, _Version = _parser_class()
    common = _common()
    parser = _Parser(
        prog="ntpc-policy",
        description="新北市教育局資訊政策規則 — New Taipei City education IT policy rules.",
        epilog="Exit codes: 0 all pass, 1 some input breaks a rule, 2 usage or input error.",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _commands.register(sub, common)
    return parser


def _policy(args: argparse.Namespace) -> Any:
    import ntpc_policy as np

    if args.policy:
        from ntpc_policy.cli._input import CliError, limits, read_source

        # The core refuses a document over limits.policy_json_max_bytes; read no more.
        cap = limits(np.Policy())["policy_json_max_bytes"]
        data = read_source(args.policy, cap, "--policy")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CliError(
                "policy.invalid_file", reason="not UTF-8 text", reason_zh="不是 UTF-8 文字"
            ) from None
        if args.edition:
            import json

            try:
                doc = json.loads(text)
            except (ValueError, RecursionError):
                doc = None  # the core reports what is wrong with it
            if isinstance(doc, dict):
                doc.setdefault("edition", args.edition)
                text = json.dumps(doc)
        return np.Policy.from_json(text)
    if args.edition:
        return np.Policy.edition(args.edition)
    return np.Policy()


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`| head -1`): stop, say so on stderr, exit 2.
        _silence_stdout()
        from ntpc_policy.cli._input import invalid

        err = invalid("stdout", "closed before all output was written", "輸出在寫完前已被關閉")
        try:
            sys.stderr.write(f"ntpc-policy: {err.code}: {err.message_zh} / {err.message_en}\n")
        except (OSError, ValueError, AttributeError):
            pass
        return 2
    except KeyboardInterrupt:
        return 130


def parse_args(argv: list[str]) -> Any:
    """The arguments as ``argparse`` reads them (usage errors exit 2)."""
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.command == "password":
            parser.print_usage(sys.stderr)
            parser.exit(2, f"ntpc-policy: error: {_QUIET_USAGE}\n")
        parser.error("unrecognized arguments: " + " ".join(extra))
    if (
        getattr(args, "values", None) == []
        and not getattr(args, "files", None)
        and args.input == "lines"
    ):
        parser.error("give the values as arguments, -f FILE, or - to read them from stdin")
    return args


def _main(argv: list[str] | None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    from ntpc_policy.cli._fast import parse

    args = parse(argv)
    if args is None:
        args = parse_args(argv)
    from ntpc_policy.cli._output import error_dict, lang_of, print_error

    fmt = args.format
    try:
        view = _run(args)
    except Exception as err:
        return print_error(error_dict(_typed(err)), fmt, sys.stdout, sys.stderr)
    code = view.emit(fmt or "table", sys.stdout, sys.stderr, lang_of(args.lang), args.encoding)
    sys.stdout.flush()
    return code


def _run(args: argparse.Namespace) -> Any:
    from ntpc_policy.cli._input import write_file

    module, _, name = args.run.partition(":")
    func = getattr(__import__(f"ntpc_policy.cli.{module}", fromlist=[name]), name)
    policy = _policy(args)
    view = func(args, policy)
    for path, field, svg in view.svg:
        write_file(path, svg, field)
    return view


def _typed(err: BaseException) -> BaseException:
    """Any failure as a typed error: a ``PolicyError`` or ``CliError`` as it is,
    anything else by kind, without its text (which may quote the input)."""
    if getattr(err, "code", None) and getattr(err, "message_en", None):
        return err
    from ntpc_policy.cli._input import CliError, invalid

    if isinstance(err, RecursionError):
        return invalid("input", "nested too deeply", "巢狀層數過多")
    if isinstance(err, MemoryError):
        return CliError("input.too_large", field="input", limit="memory", actual="more")
    if isinstance(err, BrokenPipeError):
        raise err
    return CliError("internal", reason=type(err).__name__)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
