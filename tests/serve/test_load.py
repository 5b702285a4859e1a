"""The bounded runs of issue 18: 30 s of load at concurrency 32 from a second
process on loopback, and schemathesis against the service's own /openapi.json
(no 5xx, every response matching its schema), each bounded in time."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import ROOT, start

LOAD_SECONDS = 30
SCHEMATHESIS_SECONDS = 150


def test_load_30s_at_concurrency_32_loses_nothing() -> None:
    svc = start("--no-access-log", workers=2)
    try:
        r = subprocess.run(
            [
                sys.executable,
                str(ROOT / "tests" / "serve" / "load.py"),
                "--url",
                svc.url,
                "-c",
                "32",
                "-d",
                str(LOAD_SECONDS),
                "--json",
            ],
            capture_output=True,
            text=True,
            timeout=LOAD_SECONDS + 60,
            check=True,
        )
    finally:
        assert svc.stop() == 0
    stats = json.loads(r.stdout)
    print("load:", stats)
    assert stats["sent"] == stats["ok"] > 1000, stats
    assert stats["lost"] == stats["refused"] == stats["timeout"] == 0, stats
    assert not stats["status"], stats


def test_schemathesis_against_its_own_openapi() -> None:
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is not installed (make serve-tools)"
    svc = start("--no-access-log", workers=2)
    try:
        r = subprocess.run(
            [
                st,
                "--no-color",
                "run",
                f"{svc.url}/openapi.json",
                "--checks",
                "not_a_server_error,response_schema_conformance",
                "--phases",
                "examples,fuzzing",
                "--max-examples",
                "5",
                "--workers",
                "2",
                "--request-timeout",
                "30",
                "--seed",
                "18",
                "--generation-database",
                "none",
            ],
            capture_output=True,
            text=True,
            timeout=SCHEMATHESIS_SECONDS,
            # its .schemathesis/ folder stays out of the tree
            cwd=tempfile.mkdtemp(prefix="ntpc-schemathesis-"),
        )
    finally:
        assert svc.stop() == 0
    print(r.stdout[-3000:])
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]
