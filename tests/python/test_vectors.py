"""Every shared vector, through the Python API, with the same expected results as Rust."""

from __future__ import annotations

from typing import Any

import pytest

import ntpc_policy as np
from conftest import subset_mismatch, vector_cases
from dispatch import run

CASES = vector_cases()


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_vector(case: dict[str, Any]) -> None:
    call = case["call"]
    args = case.get("args", {})
    if "error" in case:
        try:
            run(call, args)
        except np.PolicyError as e:
            assert e.code == case["error"], str(e)
        else:
            pytest.fail(f"expected error {case['error']}")
    else:
        got = run(call, args)
        problem = subset_mismatch(case["expect"], got)
        assert problem is None, f"{problem}\n got: {got}"


def test_there_are_vectors() -> None:
    assert len(CASES) > 10
