"""The Python vector runner's dispatch table: vector ``call`` → the public API.

Each entry takes the vector's ``args`` and returns the result's ``to_dict()``.
A call missing here is a failure, never a skip, so the package stays complete.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import ntpc_policy as np


def _policy(args: dict[str, Any]) -> np.Policy:
    given = args.get("policy")
    return np.Policy() if given is None else np.Policy.from_json(json.dumps(given))


CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "policy.load": lambda a: np.Policy.from_json(a["json"]).to_dict(),
    "policy.edition": lambda a: np.Policy.edition(a["name"]).to_dict(),
}
