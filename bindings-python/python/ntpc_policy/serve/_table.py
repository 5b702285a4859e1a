"""The routes of the service, built from the core's function table.

``api.json`` is ``schema/api.json`` (copied by ``make generate``): every
function of the core with its parameters and result schema. Nothing here is
written per rule: :data:`CLI_ROUTES` maps each command of the command line to
the table function that answers it (the one place where the two names meet),
and every table function is also reachable as ``/v1/fn/<id>``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

#: CLI command path → table id. A function with a ``data`` parameter is a file
#: check: the request body is the file (CSV/TSV/JSON in UTF-8, UTF-16 or Big5,
#: detected by the core) and the other parameters are query parameters.
CLI_ROUTES: dict[str, str] = {
    "date": "calendar.parse",
    "id/check": "identity.classify",
    "id/scan": "identity.scan_bytes",
    "id/redact": "identity.redact_bytes",  # the command line's `id scan --redact`
    "account/check": "identity.check_account",
    "account/access": "account.check_file",
    "password/check": "password.check",
    "password/expiry": "password.expiry",
    "mailbox/sweep": "mailbox.sweep_file",
    "parent/check": "parent.check_file",
    "permission/who-can": "permission.who_can",
    "permission/can": "permission.can",
    "incident/check": "incident.check_file",
    "incident/stats": "incident.check_file",  # the file result carries the statistics
    "drill/rank": "drill.rank_file",
    "audit/pick": "audit.pick_file",
    "training/smart-learning": "training.smart_learning_school",
    "schedule": "schedule.on",
}

_API: dict[str, Any] | None = None


def api() -> dict[str, Any]:
    """``schema/api.json`` as shipped in the package."""
    global _API
    if _API is None:
        _API = json.loads((Path(__file__).parent / "api.json").read_text(encoding="utf-8"))
    return _API


class Route:
    """One endpoint: a table function, reached by JSON arguments or (a file
    check on its CLI path) by the file as the body and options as query."""

    __slots__ = ("cli", "clock", "fid", "file_body", "first", "fn", "path", "query")

    def __init__(self, path: str, fn: dict[str, Any], file_body: bool, cli: str | None) -> None:
        self.path = path
        self.fid: str = fn["id"]
        self.fn = fn
        self.cli = cli
        self.file_body = file_body
        params = fn["params"]
        # A bare value in a batch (`["A123456789", …]`) is the first parameter.
        self.first: str | None = params[0]["name"] if params else None
        # As the command line: a required `today` or `now` left out is the
        # service's clock (the core itself never reads one).
        self.clock = [
            p["name"] for p in params if p["name"] in ("today", "now") and not p["optional"]
        ]
        #: query name → (parameter, sub-field or None, kind) for file checks
        self.query: dict[str, tuple[str, str | None, str]] = {}
        if file_body:
            for p in params:
                if p["name"] == "data":
                    continue
                obj = _object_ref(p["schema"])
                if obj is not None:
                    for field, sch in api()["$defs"][obj].get("properties", {}).items():
                        self.query[field] = (p["name"], field, _kind(sch))
                elif not _is_bytes(p["schema"]):
                    self.query[p["name"]] = (p["name"], None, _kind(p["schema"]))


def _deref(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref:
        return api()["$defs"][ref.rsplit("/", 1)[1]]  # type: ignore[no-any-return]
    return schema


def _object_ref(schema: dict[str, Any]) -> str | None:
    """The name of the object type a parameter takes (`ImportOptions`), if any."""
    for s in [schema, *schema.get("anyOf", [])]:
        ref = s.get("$ref")
        if ref:
            name = ref.rsplit("/", 1)[1]
            if api()["$defs"][name].get("type") == "object":
                return name
    return None


def _is_bytes(schema: dict[str, Any]) -> bool:
    return any(_deref(s).get("x-ntpc-kind") == "bytes" for s in [schema, *schema.get("anyOf", [])])


def _kind(schema: dict[str, Any]) -> str:
    """How a query value is read: ``json`` (numbers, booleans, lists) or ``text``."""
    types: set[str] = set()
    for s in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
        s = _deref(s)
        t = s.get("type")
        types.update(t if isinstance(t, list) else [t] if t else [])
    types.discard("null")
    return "text" if not types or "string" in types else "json"


_ROUTES: dict[str, Route] | None = None


def routes() -> dict[str, Route]:
    """Every POST endpoint by its path."""
    global _ROUTES
    if _ROUTES is None:
        fns = {f["id"]: f for f in api()["functions"]}
        out: dict[str, Route] = {}
        for cli, fid in CLI_ROUTES.items():
            fn = fns[fid]
            has_data = any(p["name"] == "data" for p in fn["params"])
            out[f"/v1/{cli}"] = Route(f"/v1/{cli}", fn, has_data, cli)
        for fid, fn in fns.items():
            out[f"/v1/fn/{fid}"] = Route(f"/v1/fn/{fid}", fn, False, None)
        _ROUTES = out
    return _ROUTES


def query_args(route: Route, query: list[tuple[str, str]]) -> dict[str, Any]:
    """A file check's query parameters as arguments; unknown names are an error."""
    from ntpc_policy.serve._errors import HttpError

    args: dict[str, Any] = {}
    for name, value in query:
        spec = route.query.get(name)
        if spec is None:
            raise HttpError.invalid(400, "query", "an unknown parameter", "未知的參數")
        param, field, kind = spec
        if kind == "json":
            try:
                v: Any = json.loads(value)
            except ValueError:
                raise HttpError.invalid(
                    400, name, "not a number, boolean or JSON value", "不是數字、布林值或 JSON"
                ) from None
        else:
            v = value
        if field is None:
            args[param] = v
        else:
            args.setdefault(param, {})[field] = v
    return args


def with_clock(route: Route, args: dict[str, Any]) -> dict[str, Any]:
    """``args`` with a missing required ``today`` (the date in Taipei) or ``now``."""
    missing = [n for n in route.clock if n not in args]
    if not missing:
        return args
    import datetime as dt

    now = dt.datetime.now(dt.timezone.utc)
    args = dict(args)
    for name in missing:
        if name == "today":
            args[name] = (now + dt.timedelta(hours=8)).date().isoformat()  # Asia/Taipei, no DST
        else:
            args[name] = now.isoformat(timespec="seconds")
    return args
