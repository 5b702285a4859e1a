"""The typed fast paths behind the generic door (bindings-python/src/typed.rs)
give the JSON path's result exactly: the same objects, keys in the same order,
and the JSON path's errors for anything they do not expect."""

from __future__ import annotations

import json

import pytest

import ntpc_policy as np
from ntpc_policy import _core

# Every branch of the custom-account rule: valid and bad-checksum IDs of the
# three kinds, lower case, full-width, retired area letters, the literal
# shape, blanks, both at-signs, and names that are no ID at all.
NAMES = [
    "a123456789@apps.ntpc.edu.tw",
    "A123456789",
    "A123456788@ntpc.edu.tw",
    "a123456788",
    "AC01234567",
    "A800000014",
    "A900000016@x",
    "L123456789",
    "l123456780",
    "I123456789",
    "O123456789",
    "W123456789",
    "Ａ１２３４５６７８９＠apps.ntpc.edu.tw",
    "A12345678",
    "A1234567890",
    "wang.xiaoming@ntpc.edu.tw",
    "",
    "   ",
    "@ntpc.edu.tw",
    "x@y@z",
    "王小明",
    "user123456x3",
    " A123456789 ",
    "A12 345 6789",
]


def json_door(names: list[str], policy: np.Policy | None = None) -> object:
    # A second (None) argument sends the call the JSON way; the core reads
    # None as absent.
    return _core.call("identity.check_account_many", {"names": names, "unused": None}, policy)


@pytest.mark.parametrize(
    "policy",
    [None, np.Policy.from_json('{"identity": {"custom_account_rule": "literal"}}')],
)
def test_check_accounts_is_the_json_door(policy: np.Policy | None) -> None:
    names = NAMES * 3
    fast = np.check_accounts(names, policy=policy)
    slow = json_door(names, policy)
    # json.dumps keeps the dicts' key order, so this compares the order too.
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(slow, ensure_ascii=False)
    assert fast == [np.check_account(n, policy=policy) for n in names]
    assert np.check_accounts(tuple(names), policy=policy) == fast


def test_check_accounts_results_are_independent() -> None:
    # Equal findings share their strings, never their dicts.
    a, b = np.check_accounts(["A123456789", "A123456789"])
    a["findings"][0]["params"]["kind"] = "changed"
    a["findings"].clear()
    assert b == np.check_account("A123456789")


@pytest.mark.parametrize(
    "names",
    [["A123456789", 5], ["A123456789", None], "A123456789", {"a": 1}, ["\ud800"], 7],
)
def test_check_accounts_errors_are_the_json_door(names: object) -> None:
    with pytest.raises(np.PolicyError) as fast:
        np.check_accounts(names)  # type: ignore[arg-type]
    with pytest.raises(np.PolicyError) as slow:
        json_door(names)  # type: ignore[arg-type]
    assert (fast.value.code, str(fast.value)) == (slow.value.code, str(slow.value))


def test_check_accounts_empty() -> None:
    assert np.check_accounts([]) == []
