"""Starts and stops `ntpc-policy serve` for the service tests (make serve-test)."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent / "ntpc-policy"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float = 30) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(self.timeout)
        s.connect(self.path)
        self.sock = s


class Service:
    def __init__(
        self,
        proc: subprocess.Popen[bytes],
        log: Path,
        sock: str | None,
        port: int | None,
        token: str | None,
    ) -> None:
        self.proc = proc
        self.log = log
        self.socket = sock
        self.port = port
        self.token = token

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def conn(self, timeout: float = 30) -> http.client.HTTPConnection:
        if self.socket:
            return UnixConnection(self.socket, timeout)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
        auth: bool = True,
    ) -> tuple[int, Any, bytes]:
        c = self.conn()
        h = dict(headers or {})
        if self.token and auth:
            h.setdefault("Authorization", f"Bearer {self.token}")
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        out = r.read()
        c.close()
        try:
            doc = json.loads(out)
        except ValueError:
            doc = None
        return r.status, doc, out

    def post(self, path: str, body: Any = None, **kw: Any) -> tuple[int, Any]:
        status, doc, _ = self.request("POST", path, body, **kw)
        return status, doc

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout)


def start(
    *args: str,
    socket_path: str | None = None,
    token: str | None = None,
    workers: int = 1,
    env: dict[str, str] | None = None,
) -> Service:
    tmp = Path(tempfile.mkdtemp(prefix="ntpc-serve-test-"))
    log = tmp / "serve.log"
    cmd = [str(BIN), "serve", "--workers", str(workers), *args]
    port = None
    if socket_path is None and "--socket" not in args and "--port" not in args:
        port = free_port()
        cmd += ["--port", str(port)]
    if socket_path is not None:
        cmd += ["--socket", socket_path]
    if token is not None:
        tf = tmp / "token"
        tf.write_text(token + "\n")
        tf.chmod(0o600)
        cmd += ["--token-file", str(tf)]
    fh = log.open("wb")
    proc = subprocess.Popen(
        cmd, stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
    )
    svc = Service(proc, log, socket_path, port, token)
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited {proc.returncode}: {svc.log_text()}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _, _ = svc.request("GET", "/healthz")
            if status == 200:
                # every worker answers once it has warmed up; give the others a moment
                time.sleep(0.3 * workers)
                return svc
        if time.monotonic() > deadline:
            svc.stop()
            raise AssertionError("serve did not start within 60 s: " + svc.log_text())
        time.sleep(0.2)


@pytest.fixture(scope="module")
def sock_service() -> Iterator[Service]:
    d = tempfile.mkdtemp(prefix="ntpc-sock-")
    svc = start(socket_path=os.path.join(d, "ntpc-policy.sock"), workers=2)
    yield svc
    assert svc.stop() == 0


@pytest.fixture(scope="module")
def tcp_service() -> Iterator[Service]:
    svc = start("--read-timeout", "2", "--max-body", "65536", workers=1)
    yield svc
    assert svc.stop() == 0
