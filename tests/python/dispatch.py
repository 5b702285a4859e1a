"""The Python vector runner's dispatch: a vector's ``call`` is a function id of
the core's table (``schema/api.json``); the runner calls the package's function
of that name with the vector's arguments by keyword, and wraps a bare result as
the table says. Only the ``Policy`` constructors (``policy.*``) are special.

A call the table does not know is a failure, never a skip; a function of the
table the package lacks fails too, so the binding stays complete.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import ntpc_policy as np

API = json.loads(
    (Path(__file__).resolve().parents[2] / "schema" / "api.json").read_text(encoding="utf-8")
)
FUNCTIONS: dict[str, dict[str, Any]] = {f["id"]: f for f in API["functions"]}


def _json(value: Any) -> Any:
    """Results in the shared JSON shape: result objects by ``to_dict()``, bytes
    as lists of numbers, dates and datetimes as ISO text."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (bytes, bytearray)):
        return list(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def run(call: str, args: dict[str, Any]) -> Any:
    """Runs one vector call; raises what the function raises."""
    if call == "policy.load":
        return np.Policy.from_json(args["json"]).to_dict()
    if call == "policy.edition":
        return np.Policy.edition(args["name"]).to_dict()
    f = FUNCTIONS.get(call)
    assert f is not None, f"not a function of the table: {call!r}"
    fn = getattr(np, f["name"], None)
    assert fn is not None, f"ntpc_policy has no {f['name']} ({call})"
    kwargs = dict(args)
    if "policy" in kwargs:
        given = kwargs.pop("policy")
        kwargs["policy"] = None if given is None else np.Policy.from_json(json.dumps(given))
    if "data_hex" in kwargs:
        kwargs["data"] = bytes.fromhex("".join(kwargs.pop("data_hex").split()))
    out = _json(fn(**kwargs))
    return {f["wrap"]: out} if f["wrap"] else out
