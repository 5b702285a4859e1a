"""check_password / check_passwords build their findings with shared parts
(bindings-python/src/password_results.rs): the results must be the JSON door's,
value for value, with the key order of the generic conversion, and no two
results may share a mutable dict."""

from __future__ import annotations

import json
from pathlib import Path

import ntpc_policy as np
from ntpc_policy import _core

SETS = Path(__file__).resolve().parents[1] / "fixtures" / "passwords"
FINDING_KEYS = ["code", "severity", "params", "message_zh", "message_en"]


def passwords() -> list[str]:
    out: list[str] = []
    for name in ["a_top.json", "a_heldout.json", "b_taiwan.json", "random_strong.json"]:
        items = json.loads((SETS / name).read_text(encoding="utf-8"))["passwords"][:150]
        out += [p["password"] if isinstance(p, dict) else p for p in items]
    return [*out, "", "short", "Ntpc@2021", "Wang0701!", "x" * 300]


CONTEXTS = [
    {},
    {"account": "wang.xiaoming", "display_name": "王小明"},
    {"school_name": "新北市立板橋國民小學", "school_code": "014601", "today": "2021-12-07"},
]


def test_batch_and_single_are_the_json_door() -> None:
    pws = passwords()
    for ctx in CONTEXTS:
        door = _core.call("password.check_many", {"passwords": pws, **ctx}, None)
        batch = np.check_passwords(pws, **ctx)
        assert batch == door
        for pw, want in zip(pws[::7], door[::7]):
            assert np.check_password(pw, **ctx) == want


def test_key_order_and_independent_results() -> None:
    pws = ["Password1!", "Password1!", "Qwer1234!"]
    batch = np.check_passwords(pws)
    single = np.check_password("Password1!")
    assert list(batch[0]) == list(single)
    for r in batch:
        assert r["findings"]
        for f in r["findings"]:
            assert list(f) == FINDING_KEYS
            assert list(f["params"]) == sorted(f["params"])
    assert json.dumps(batch[0], ensure_ascii=False) == json.dumps(single, ensure_ascii=False)
    # Equal findings of two results are equal objects, not the same dicts.
    a, b = batch[0]["findings"][0], batch[1]["findings"][0]
    assert a == b and a is not b and a["params"] is not b["params"]
    a["params"]["x"] = 1
    assert "x" not in b["params"]
