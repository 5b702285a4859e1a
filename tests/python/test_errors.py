"""Errors carry stable codes, both messages, and the right Python types."""

from __future__ import annotations

import pytest

import ntpc_policy as np


def test_policy_file_error_is_a_value_error_with_code() -> None:
    with pytest.raises(ValueError) as info:
        np.Policy.from_json('{"password": {"min_lenght": 1}}')
    err = info.value
    assert isinstance(err, np.PolicyFileError)
    assert isinstance(err, np.PolicyError)
    assert err.code == "policy.invalid_file"
    assert "min_lenght" in err.message_en
    assert "政策設定檔" in err.message_zh
    assert err.params["reason"]


def test_unknown_edition() -> None:
    with pytest.raises(np.PolicyFileError) as info:
        np.Policy.edition("nope")
    assert info.value.code == "policy.unknown_edition"
    assert info.value.params["name"] == "nope"


def test_oversized_policy_is_input_too_large() -> None:
    with pytest.raises(np.InputTooLargeError) as info:
        np.Policy.from_json("[" * 100 + "]" * 100)
    assert info.value.code == "input.too_large"


def test_code_table_is_complete() -> None:
    table = np.code_table()
    codes = [row["code"] for row in table]
    assert len(codes) == len(set(codes))
    assert all(row["message_zh"] and row["message_en"] for row in table)


def test_policy_round_trip_and_repr() -> None:
    p = np.Policy()
    assert p.name == "ntpc-110"
    assert np.Policy.from_json(p.to_json()) == p
    assert repr(p).startswith("Policy(")
    assert np.Policy.editions() == ["ntpc-109", "ntpc-110"]
