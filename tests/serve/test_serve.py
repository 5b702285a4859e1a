"""`ntpc-policy serve` (issue 18): endpoints, safety defaults, slow clients,
privacy of logs and errors, graceful stop. The load and schemathesis runs are
in mk/serve.mk."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from conftest import BIN, ROOT, Service, start

DATA = ROOT / "examples" / "data"
PASSWORD = "Tr0ub4dor&3xq!"  # a password that must never be logged or echoed
ID = "A123456789"  # a valid national ID number: only ever A12****789


def test_socket_mode_is_0660(sock_service: Service) -> None:
    assert sock_service.socket
    mode = stat.S_IMODE(os.stat(sock_service.socket).st_mode)
    assert mode == 0o660, oct(mode)


def test_health_and_single_and_batch(sock_service: Service) -> None:
    status, doc, _ = sock_service.request("GET", "/healthz")
    assert status == 200 and doc["status"] == "ok"
    status, doc = sock_service.post(
        "/v1/password/check", {"password": "Aa123456", "account": "wang.xiaoming"}
    )
    assert status == 200 and doc["verdict"] == "warn"
    assert "password.common" in [f["code"] for f in doc["findings"]]
    status, doc = sock_service.post("/v1/id/check", [ID, "A123456780", "hello", 5])
    assert status == 200
    recs = doc["records"]
    assert [r["input"] for r in recs] == [0, 1, 2, 3]
    assert recs[0]["result"]["masked"] == "A12****789"
    assert recs[1]["result"]["checksum_valid"] is False
    assert recs[3]["error"]["code"] == "input.invalid_argument"
    # every table function is reachable as /v1/fn/<id>
    status, doc = sock_service.post(
        "/v1/fn/calendar.from_roc", {"year": 110, "month": 12, "day": 7}
    )
    assert status == 200 and doc == "2021-12-07"


def test_file_checks_take_the_file_as_body(sock_service: Service) -> None:
    raw = (DATA / "mailboxes.csv").read_bytes()
    status, doc, _ = sock_service.request("POST", "/v1/mailbox/sweep?today=110/12/07", raw=raw)
    assert status == 200
    assert [n["account"] for n in doc["total"]["notices"]] == ["chen.clerk@ntpc.edu.tw"]
    assert doc["errors"][0]["line"] == 7
    # the same file in Big5 and UTF-16 gives the same answer
    text = raw.decode("utf-8-sig")
    for enc in ("big5", "utf-16"):
        status, other, _ = sock_service.request(
            "POST", "/v1/mailbox/sweep?today=110/12/07", raw=text.encode(enc)
        )
        assert status == 200 and other["summary"] == doc["summary"], enc
    raw = (DATA / "incidents.csv").read_bytes()
    status, doc, _ = sock_service.request(
        "POST", "/v1/incident/check?now=2021-12-07T09:00", raw=raw
    )
    assert status == 200 and len(doc["rows"]) == 6
    status, stats, _ = sock_service.request(
        "POST", "/v1/incident/stats?now=2021-12-07T09:00", raw=raw
    )
    assert status == 200 and stats["total"] == doc["total"]
    # as the command line, a required today/now left out is the service's clock
    status, doc, _ = sock_service.request("POST", "/v1/incident/check", raw=raw)
    assert status == 200 and len(doc["rows"]) == 6
    status, doc = sock_service.post("/v1/password/expiry", {"last_changed": "2021-08-01"})
    assert status == 200 and doc["state"] == "expired", doc
    status, doc, _ = sock_service.request("POST", "/v1/incident/check?bogus=1", raw=raw)
    assert status == 400 and doc["code"] == "input.invalid_argument"
    status, doc, _ = sock_service.request(
        "POST", "/v1/id/scan", raw=f"王小明 {ID}\n".encode("big5")
    )
    assert status == 200 and doc["matches"][0]["masked"] == "A12****789"


def test_errors_have_the_shared_shape(sock_service: Service) -> None:
    for method, path, body, want in [
        ("GET", "/nope", None, 404),
        ("GET", "/v1/password/check", None, 405),
        ("POST", "/v1/password/check", b"{not json", 400),
        ("POST", "/v1/date", b'{"text": "110/02/30"}', 422),
    ]:
        status, doc, _ = sock_service.request(method, path, raw=body)
        assert status == want, (path, status, doc)
        assert set(doc) == {"code", "params", "message_zh", "message_en"}, doc


def test_openapi_is_built_from_the_table(sock_service: Service) -> None:
    status, doc, _ = sock_service.request("GET", "/openapi.json")
    assert status == 200 and doc["openapi"].startswith("3.1")
    api = json.loads((ROOT / "schema" / "api.json").read_text())
    for f in api["functions"]:
        assert f"/v1/fn/{f['id']}" in doc["paths"]
    for cli in ("password/check", "id/scan", "incident/check", "mailbox/sweep", "account/access"):
        assert f"/v1/{cli}" in doc["paths"]
    assert set(api["$defs"]) <= set(doc["components"]["schemas"])


def test_metrics(sock_service: Service) -> None:
    sock_service.request("GET", "/nope")
    sock_service.post("/v1/date", {"text": "110/02/30"})
    want = [
        'ntpc_policy_requests_total{route="/v1/password/check",method="POST",status="200"}',
        'ntpc_policy_request_duration_seconds_bucket{route="/v1/date",le="+Inf"}',
        'ntpc_policy_errors_total{route="other",code="input.invalid_argument"}',
        'ntpc_policy_errors_total{route="/v1/date",code="calendar.invalid_date"}',
    ]
    # The other worker's counts reach the shared folder within 0.25 s.
    deadline = time.monotonic() + 5
    while True:
        status, _, raw = sock_service.request("GET", "/metrics")
        text = raw.decode()
        assert status == 200
        missing = [w for w in want if w not in text]
        if not missing or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert not missing, text


def test_loopback_tcp_and_body_cap(tcp_service: Service) -> None:
    status, doc, _ = tcp_service.request("GET", "/healthz")
    assert status == 200
    status, doc, _ = tcp_service.request("POST", "/v1/id/scan", raw=b"x" * 70000)
    assert status == 413 and doc["code"] == "input.too_large"


def test_refuses_to_start_unsafe() -> None:
    for args in (
        ["--host", "0.0.0.0"],
        ["--host", "192.0.2.1"],
        ["--max-body", str(1 << 40)],
    ):
        r = subprocess.run([str(BIN), "serve", *args], capture_output=True, text=True, timeout=60)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "input.invalid_argument" in r.stdout + r.stderr


def test_bearer_token() -> None:
    svc = start(token="s3cret-token-0123456789")
    try:
        for headers in (
            {},
            {"Authorization": "Bearer wrong-token-0123456789"},
            {"Authorization": "Basic x"},
        ):
            status, doc, _ = svc.request("GET", "/healthz", headers=headers, auth=False)
            assert status == 401 and doc["params"]["field"] == "authorization"
            status, doc = svc.post(
                "/v1/password/check", {"password": "x"}, headers=headers, auth=False
            )
            assert status == 401
        status, doc, _ = svc.request("GET", "/healthz")
        assert status == 200
        status, doc, _ = svc.request("GET", "/openapi.json")
        assert doc["security"] == [{"bearer": []}]
    finally:
        assert svc.stop() == 0


def test_no_cors_unless_asked(sock_service: Service) -> None:
    origin = {"Origin": "https://evil.example"}
    c = sock_service.conn()
    c.request("POST", "/v1/date", body=b'{"text": "110/12/07"}', headers=origin)
    r = c.getresponse()
    r.read()
    assert r.status == 200 and r.getheader("access-control-allow-origin") is None
    svc = start("--cors", "https://school.example")
    try:
        c = svc.conn()
        c.request("OPTIONS", "/v1/date", headers={"Origin": "https://school.example"})
        r = c.getresponse()
        r.read()
        assert r.status == 204
        assert r.getheader("access-control-allow-origin") == "https://school.example"
        c.request("POST", "/v1/date", body=b'{"text": "110/12/07"}', headers=origin)
        r = c.getresponse()
        r.read()
        assert r.getheader("access-control-allow-origin") is None
    finally:
        assert svc.stop() == 0


def _slowloris(port: int, n: int, stop: threading.Event, closed: list[float]) -> None:
    socks = []
    t0 = time.monotonic()
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /v1/password/check HTTP/1.1\r\nHost: x\r\n")
        s.setblocking(False)
        socks.append(s)
    while socks and not stop.is_set():
        for s in list(socks):
            try:
                s.sendall(b"X-a: b\r\n")
                if s.recv(1024) == b"":
                    raise ConnectionResetError
            except BlockingIOError:
                continue
            except OSError:
                closed.append(time.monotonic() - t0)
                socks.remove(s)
                s.close()
        time.sleep(0.25)
    for s in socks:
        s.close()


def test_slow_clients_do_not_block_others(tcp_service: Service) -> None:
    """50 clients trickle header lines for ever (slowloris); others are answered
    at once, and the server cuts the slow ones off after --read-timeout (2 s)."""
    stop = threading.Event()
    closed: list[float] = []
    assert tcp_service.port
    t = threading.Thread(target=_slowloris, args=(tcp_service.port, 50, stop, closed))
    t.start()
    try:
        time.sleep(0.5)
        for _ in range(20):
            t0 = time.monotonic()
            status, _doc = tcp_service.post("/v1/password/check", {"password": "Aa123456"})
            assert status == 200 and time.monotonic() - t0 < 1.0
        time.sleep(4)
    finally:
        stop.set()
        t.join()
    assert len(closed) == 50, f"{len(closed)} of 50 slow clients cut off"
    assert max(closed) < 6, closed


def test_slow_body_is_a_408(tcp_service: Service) -> None:
    assert tcp_service.port
    s = socket.create_connection(("127.0.0.1", tcp_service.port))
    s.settimeout(10)
    s.sendall(b"POST /v1/password/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
    t0 = time.monotonic()
    got = b""
    try:
        while b"\r\n\r\n" not in got:
            s.sendall(b" ")
            chunk = s.recv(4096)
            if not chunk:
                break
            got += chunk
    except OSError:
        pass
    except TimeoutError:
        pass
    finally:
        s.close()
    assert got.startswith(b"HTTP/1.1 408"), got[:80]
    assert time.monotonic() - t0 < 5


def test_no_password_or_id_in_logs_or_errors() -> None:
    svc = start(workers=1)
    bodies = [
        ("/v1/password/check", {"password": PASSWORD, "account": "wang01"}),
        ("/v1/password/check", {"password": PASSWORD, "profile": PASSWORD}),
        ("/v1/password/check", {"password": PASSWORD, "bogus": PASSWORD}),
        ("/v1/password/check", [PASSWORD, {"password": PASSWORD, "today": PASSWORD}]),
        ("/v1/fn/password.check_many", {"passwords": [PASSWORD], "profile": PASSWORD}),
        ("/v1/fn/password.is_common", {"password": 12345678901}),
        ("/v1/date", {"text": ID}),
        ("/v1/date", [ID, {"text": ID, "x": ID}]),
        ("/v1/id/check", {"value": ID, "extra": ID}),
        ("/v1/fn/calendar.format", {"date": ID}),
        ("/v1/schedule", {"today": ID}),
    ]
    answers = []
    try:
        for path, body in bodies:
            status, doc, raw = svc.request("POST", path, body)
            answers.append(raw.decode("utf-8"))
            if status != 200 or "records" in (doc or {}):
                errors = (
                    [doc] if status != 200 else [r["error"] for r in doc["records"] if "error" in r]
                )
                for e in errors:
                    text = json.dumps(e, ensure_ascii=False)
                    assert PASSWORD not in text and ID not in text and "12345678901" not in text, (
                        text
                    )
        for path in (f"/v1/{ID}", f"/v1/password/check?{PASSWORD}={ID}", f"/{PASSWORD}"):
            status, doc, raw = svc.request("POST", path, {"password": PASSWORD})
            assert PASSWORD not in raw.decode() and ID not in raw.decode()
        svc.request("POST", "/v1/mailbox/sweep?today=" + ID, raw=f"帳號\n{ID}\n".encode())
        svc.request("POST", "/v1/id/scan", raw=f"{ID} {PASSWORD}".encode())
    finally:
        assert svc.stop() == 0
    log = svc.log_text()
    assert '"event": "access"' in log
    assert PASSWORD not in log and ID not in log and "12345678901" not in log, log


def test_the_wheel_ships_the_table_and_the_extra() -> None:
    from importlib import metadata, resources

    requires = metadata.requires("ntpc-policy") or []
    assert any(r.startswith("granian==2.8.7") and "extra == 'serve'" in r for r in requires)
    table = resources.files("ntpc_policy.serve").joinpath("api.json").read_text(encoding="utf-8")
    assert json.loads(table) == json.loads((ROOT / "schema" / "api.json").read_text())


def test_import_needs_no_web_dependency() -> None:
    code = (
        "import sys, ntpc_policy; ntpc_policy.check_password('x');"
        "ntpc_policy.parse_date('110/12/07');"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('granian', 'click')"
        " or m.startswith('ntpc_policy.serve')]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_sigterm_during_load_loses_no_accepted_request() -> None:
    """Load from a second process; SIGTERM in the middle. Every request the
    server accepted (logged) is answered; then it stops with exit code 0."""
    svc = start(workers=2)
    out = Path(tempfile.mkdtemp()) / "load.json"
    load = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "serve" / "load.py"),
            "--url",
            svc.url,
            "-c",
            "16",
            "-d",
            "6",
            "--stop-on-refused",
            "--json",
        ],
        stdout=out.open("w"),
    )
    time.sleep(3)
    svc.proc.send_signal(signal.SIGTERM)
    assert svc.proc.wait(30) == 0
    assert load.wait(30) == 0
    stats = json.loads(out.read_text())
    served = sum(
        1
        for line in svc.log_text().splitlines()
        if line.startswith("{") and json.loads(line).get("route") == "/v1/password/check"
    )
    assert stats["ok"] > 100, stats
    assert stats["timeout"] == 0 and not stats["status"], stats
    # every request the service accepted was answered: none answered on its side only
    assert served == stats["ok"], (served, stats)
