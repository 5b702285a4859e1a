"""``ntpc-policy``: the command line over the ``ntpc_policy`` package.

PHP (the school admin system) and shell scripts call it. Output is a readable
table, or ``--json`` (one document) / ``--jsonl`` (one record per input line).
Exit codes: 0 every input passes, 1 some input breaks a rule, 2 a usage or input
error (bad lines are reported with their line numbers; the rest still go through).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import ntpc_policy as np
from ntpc_policy.cli import _basic, _people, _secops
from ntpc_policy.cli._output import EXIT_ERROR, error_dict

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    fmt = common.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json", dest="format", action="store_const", const="json", help="one JSON document"
    )
    fmt.add_argument(
        "--jsonl",
        dest="format",
        action="store_const",
        const="jsonl",
        help="one JSON line per input",
    )
    fmt.add_argument(
        "--csv",
        dest="format",
        action="store_const",
        const="csv",
        help="CSV for a spreadsheet (cells escaped against formulas)",
    )
    common.add_argument(
        "--policy", metavar="FILE", help="a policy JSON file (partial; over the edition in force)"
    )
    common.add_argument(
        "--edition", metavar="NAME", help="start from a named edition, e.g. ntpc-109"
    )
    parser = argparse.ArgumentParser(
        prog="ntpc-policy",
        description="新北市教育局資訊政策規則 — New Taipei City education IT policy rules.",
        epilog="Exit codes: 0 all pass, 1 some input breaks a rule, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"ntpc-policy {np.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    account_sub = _basic.register(sub, common)
    _people.register(sub, common, account_sub)
    _secops.register(sub, common)
    return parser


def _policy(args: argparse.Namespace) -> np.Policy:
    if args.policy:
        text = Path(args.policy).read_text(encoding="utf-8-sig")
        if args.edition:
            import json

            doc = json.loads(text)
            doc.setdefault("edition", args.edition)
            text = json.dumps(doc)
        return np.Policy.from_json(text)
    if args.edition:
        return np.Policy.edition(args.edition)
    return np.Policy()


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    args.svg_out = []
    try:
        policy = _policy(args)
        report = args.func(args, policy)
    except (np.PolicyError, OSError, ValueError) as err:
        import json

        if args.format in ("json", "jsonl"):
            print(json.dumps({"error": error_dict(err)}, ensure_ascii=False))
        else:
            e = error_dict(err)
            print(
                f"ntpc-policy: {e['code']}: {e['message_zh']} / {e['message_en']}", file=sys.stderr
            )
        return EXIT_ERROR
    if args.svg_out:
        for path, svg in args.svg_out:
            Path(path).write_text(svg, encoding="utf-8")
    if not report.columns and args.format is None:
        return report.exit_code()
    return report.emit(args.format or "table")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
