"""Every shared vector, through the Python API, with the same expected results as Rust."""

from __future__ import annotations

from typing import Any

import pytest

import ntpc_policy as np
from conftest import subset_mismatch, vector_cases
from dispatch import CALLS

CASES = vector_cases()


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_vector(case: dict[str, Any]) -> None:
    call = case["call"]
    assert call in CALLS, f"the Python runner does not know {call!r}"
    args = case.get("args", {})
    if "error" in case:
        try:
            CALLS[call](args)
        except np.PolicyError as e:
            assert e.code == case["error"], str(e)
        except TypeError as e:
            # A plain argument of the wrong type is stopped by Python's own
            # conversion; the vectors call that input.invalid_argument.
            assert case["error"] == "input.invalid_argument", str(e)
        else:
            pytest.fail(f"expected error {case['error']}")
    else:
        got = CALLS[call](args)
        problem = subset_mismatch(case["expect"], got)
        assert problem is None, f"{problem}\n got: {got}"


def test_there_are_vectors() -> None:
    assert len(CASES) > 10
