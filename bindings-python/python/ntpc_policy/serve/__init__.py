"""``ntpc-policy serve``: the rules as a local HTTP/1.1 JSON service.

Installed with ``pip install ntpc-policy[serve]``; ``import ntpc_policy``
never imports this package or its server.

Why granian (2.8.7) with a plain ASGI app: of the servers tried
(uvicorn 0.54.0, hypercorn 0.18.0, granian 2.8.7), granian is the only one that
both enforces a header read timeout on HTTP/1.1 (a client trickling header
lines is cut off after ``--read-timeout``; uvicorn never cuts it off) and
answers small requests fast enough for a check on every login (about 4× uvicorn
and 10× hypercorn with the same app here). It also binds a Unix socket with a
given mode, runs worker processes and finishes requests in flight on SIGTERM.
The app itself enforces the body read timeout (408), which no server does.
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any

DEFAULT_MAX_BODY = 16 << 20
DEFAULT_READ_TIMEOUT = 10.0


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _fail(field: str, reason: str, reason_zh: str) -> Exception:
    from ntpc_policy.cli._input import invalid

    return invalid(field, reason, reason_zh)


def check_options(
    *,
    socket: str | None,
    host: str,
    token_file: str | None,
    max_body: int,
    read_timeout: float,
    workers: int,
    policy: Any,
) -> None:
    """Refuses an unsafe or impossible configuration before anything listens."""
    from ntpc_policy.cli._input import limits

    if socket is None and not is_loopback(host) and not token_file:
        raise _fail(
            "--token-file",
            f"listening on {host} (not loopback) needs a bearer token file",
            f"在非本機位址 {host} 上提供服務必須指定權杖檔",
        )
    if token_file:
        try:
            with open(token_file, "rb") as fh:
                token = fh.read().strip()
        except OSError:
            raise _fail("--token-file", "cannot be read", "無法讀取") from None
        if len(token) < 16 or any(c <= 32 or c > 126 for c in token):
            raise _fail(
                "--token-file",
                "the token must be at least 16 printable ASCII characters",
                "權杖須為至少 16 個可列印的 ASCII 字元",
            )
    cap = limits(policy)["import_max_bytes"]
    if not 1 <= max_body <= cap:
        raise _fail("--max-body", f"from 1 to {cap} bytes", f"須介於 1 到 {cap} 位元組")
    if not 1 <= read_timeout <= 60:
        raise _fail("--read-timeout", "from 1 to 60 seconds", "須介於 1 到 60 秒")
    if not 1 <= workers <= 64:
        raise _fail("--workers", "from 1 to 64", "須介於 1 到 64")


def run(
    *,
    socket: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8080,
    workers: int = 1,
    token_file: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    read_timeout: float = DEFAULT_READ_TIMEOUT,
    cors: list[str] | None = None,
    access_log: bool = True,
    policy: Any = None,
    policy_json: str | None = None,
) -> int:
    """Serves until SIGTERM/SIGINT; requests in flight are finished first."""
    from ntpc_policy import _core

    policy = policy if policy is not None else _core.Policy()
    check_options(
        socket=socket,
        host=host,
        token_file=token_file,
        max_body=max_body,
        read_timeout=read_timeout,
        workers=workers,
        policy=policy,
    )
    try:
        from granian.constants import HTTPModes, Interfaces
        from granian.http import HTTP1Settings
        from granian.server import Server
    except ImportError:
        raise _fail(
            "serve",
            "the server is not installed: pip install 'ntpc-policy[serve]'",
            "尚未安裝服務元件：pip install 'ntpc-policy[serve]'",
        ) from None
    if socket is not None:
        p = Path(socket)
        if p.exists() or p.is_symlink():
            if not stat.S_ISSOCK(p.lstat().st_mode):
                raise _fail("--socket", "exists and is not a socket", "已存在且不是 socket")
            p.unlink()  # a socket left by a previous run
    metrics_dir = tempfile.mkdtemp(prefix="ntpc-policy-metrics-")
    config = {
        "max_body": max_body,
        "read_timeout": read_timeout,
        "token_file": os.path.abspath(token_file) if token_file else None,
        "cors": cors or [],
        "access_log": access_log,
        "policy": policy_json,
        "metrics_dir": metrics_dir,
    }
    os.environ["NTPC_POLICY_SERVE"] = json.dumps(config)
    kwargs: dict[str, Any] = {
        "interface": Interfaces.ASGI,
        "workers": workers,
        "http": HTTPModes.http1,
        "websockets": False,
        "factory": True,
        # The header read timeout doubles as the keep-alive idle timeout.
        "http1_settings": HTTP1Settings(header_read_timeout=int(read_timeout * 1000)),
        "log_access": False,
        "respawn_failed_workers": True,
        "workers_kill_timeout": max(int(read_timeout) * 3, 30),
    }
    if socket is not None:
        kwargs["uds"] = Path(socket)
        kwargs["uds_permissions"] = 0o660
    else:
        kwargs["address"] = host
        kwargs["port"] = port
    try:
        Server("ntpc_policy.serve._app:create", **kwargs).serve()
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0
