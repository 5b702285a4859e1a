"""The installed wheel carries its stubs and py.typed, and mypy --strict accepts a usage file."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_wheel_ships_typing_files() -> None:
    files = {str(f) for f in metadata.files("ntpc-policy") or []}
    assert "ntpc_policy/py.typed" in files
    assert "ntpc_policy/_core.pyi" in files
    assert any(f.startswith("ntpc_policy/_core") and f.endswith(".so") for f in files)
    assert any(f.endswith("abi3.so") for f in files), files


def test_wheel_ships_every_module_of_the_source() -> None:
    # The generated packages `shapes` and `_api` are a module per family of the
    # core's table (xtask/gen_python.py): a new family must reach the wheel too.
    files = {str(f) for f in metadata.files("ntpc-policy") or []}
    source = HERE.parent.parent / "bindings-python" / "python"
    modules = {p.relative_to(source).as_posix() for p in source.glob("ntpc_policy/**/*.py")}
    assert {"ntpc_policy/shapes/__init__.py", "ntpc_policy/_api/__init__.py"} <= modules
    assert sorted(modules - files) == []


def test_console_script_is_installed() -> None:
    bindir = Path(sys.executable).parent
    proc = subprocess.run(
        [str(bindir / "ntpc-policy"), "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "ntpc-policy" in proc.stdout


def test_mypy_strict_accepts_usage() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            str(HERE / "usage_typed.py"),
        ],
        capture_output=True,
        text=True,
        cwd=HERE.parent.parent,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
