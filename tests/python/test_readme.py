"""The README's Python examples run as written (a doctest over README.md).

Why: the README is the first door a user tries; an example that no longer
matches the library is a bug a unit test does not see.
"""

from __future__ import annotations

import doctest
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_python_examples_run_as_written() -> None:
    cwd = Path.cwd()
    os.chdir(ROOT / "examples" / "data")  # the examples read incidents.csv
    try:
        result = doctest.testfile(
            str(ROOT / "README.md"),
            module_relative=False,
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        )
    finally:
        os.chdir(cwd)
    assert result.attempted >= 15
    assert result.failed == 0
