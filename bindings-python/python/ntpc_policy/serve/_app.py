"""The ASGI application (served by granian; any ASGI server can run it).

Configuration comes from the environment variable ``NTPC_POLICY_SERVE`` (a JSON
object written by ``ntpc-policy serve``), so that every worker process builds
the same app: ``create()`` is the factory the server calls in each worker.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import os
import sys
import time
from typing import Any

from ntpc_policy.serve._errors import CallError, HttpError, error_body, secrets_of
from ntpc_policy.serve._metrics import Metrics
from ntpc_policy.serve._table import Route, query_args, routes, with_clock

#: Bodies above this size are checked on a worker thread, so that a long file
#: check does not hold up the small requests of the same worker.
_THREAD_BYTES = 256 << 10

_JSON = [(b"content-type", b"application/json")]


def _dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class App:
    def __init__(self, config: dict[str, Any]) -> None:
        from ntpc_policy import _core

        self.core = _core
        self.max_body: int = int(config.get("max_body", 16 << 20))
        self.read_timeout: float = float(config.get("read_timeout", 10.0))
        self.access_log: bool = bool(config.get("access_log", True))
        self.cors: list[str] = list(config.get("cors") or [])
        self.token: bytes | None = None
        token_file = config.get("token_file")
        if token_file:
            with open(token_file, "rb") as fh:
                self.token = fh.read().strip()
        policy = config.get("policy")
        self.policy = _core.Policy.from_json(policy) if policy else None
        self.routes = routes()
        self.metrics = Metrics(config.get("metrics_dir"))
        self._openapi: bytes | None = None
        self._dumper: asyncio.Future[None] | None = None
        self.log = sys.stderr

    # --- start-up ---------------------------------------------------------------
    def warm(self) -> None:
        """Loads what the first call of a rule would (the password lists, ~80 ms)."""
        call = self.core.call
        call("password.check", {"password": "warm-up-Aa1!x", "account": "warm"}, self.policy)
        call("identity.classify", {"value": "A123456789"}, self.policy)
        call("calendar.parse", {"text": "110/12/07"}, self.policy)
        self.openapi()

    def openapi(self) -> bytes:
        if self._openapi is None:
            from ntpc_policy.serve._openapi import document

            self._openapi = _dumps(document(self.routes, bool(self.token)))
        return self._openapi

    # --- ASGI -------------------------------------------------------------------
    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        kind = scope["type"]
        if kind == "http":
            await self.http(scope, receive, send)
        elif kind == "lifespan":
            while True:
                msg = await receive()
                if msg["type"] == "lifespan.startup":
                    try:
                        self.warm()
                    except Exception as e:  # pragma: no cover - a broken install
                        await send({"type": "lifespan.startup.failed", "message": type(e).__name__})
                        return
                    self._dumper = asyncio.ensure_future(self.metrics.keep_dumping())
                    await send({"type": "lifespan.startup.complete"})
                elif msg["type"] == "lifespan.shutdown":
                    if self._dumper is not None:
                        self._dumper.cancel()
                    self.metrics.dump()
                    await send({"type": "lifespan.shutdown.complete"})
                    return

    async def http(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        start = time.perf_counter()
        method: str = scope["method"]
        path: str = scope["path"]
        route = self.routes.get(path)
        label = route.path if route else path if path in _PLAIN else "other"
        code: str | None = None
        size_in = 0
        try:
            headers = dict(scope["headers"])
            if self.token is not None and not self._authorized(headers):
                raise HttpError.invalid(
                    401,
                    "authorization",
                    "a valid bearer token is required",
                    "需要有效的 Bearer 權杖",
                )
            if method == "OPTIONS" and self.cors:
                status, body, extra = 204, b"", []
            elif route is not None:
                if method != "POST":
                    raise HttpError.invalid(405, "method", "use POST", "請用 POST")
                data = await self._body(headers, receive)
                size_in = len(data)
                status, body = 200, await self._call(route, scope, headers, data)
                extra = _JSON
            elif path in _PLAIN:
                if method not in ("GET", "HEAD"):
                    raise HttpError.invalid(405, "method", "use GET", "請用 GET")
                status, body, extra = 200, *self._plain(path)
            else:
                raise HttpError.invalid(404, "path", "no such endpoint", "沒有這個端點")
        except asyncio.CancelledError:
            raise
        except BaseException as err:  # every failure is an answer in the shared shape
            status, doc = error_body(err)
            code = doc["code"]
            body, extra = _dumps(doc), _JSON
        resp = [*extra, (b"content-length", str(len(body)).encode())]
        if status == 401:
            resp.append((b"www-authenticate", b'Bearer realm="ntpc-policy"'))
        if self.cors:
            resp += self._cors_headers(dict(scope["headers"]))
        await send({"type": "http.response.start", "status": status, "headers": resp})
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})
        seconds = time.perf_counter() - start
        self.metrics.observe(label, method, status, code, seconds)
        if self.access_log:
            # One JSON line per request: never a body, a query string or a
            # path that is not a route (any of them may hold a password or an ID).
            client = scope.get("client")
            line = {
                "ts": round(time.time(), 3),
                "event": "access",
                "method": method if method in _METHODS else "other",
                "route": label,
                "status": status,
                "ms": round(seconds * 1000, 3),
                "bytes_in": size_in,
                "bytes_out": len(body),
                "client": client[0] if client and client[0] else "unix",
                "pid": os.getpid(),
            }
            if code:
                line["code"] = code
            self.log.write(json.dumps(line) + "\n")
            self.log.flush()

    def _authorized(self, headers: dict[bytes, bytes]) -> bool:
        auth = headers.get(b"authorization", b"")
        scheme, _, value = auth.partition(b" ")
        return scheme.lower() == b"bearer" and hmac.compare_digest(value.strip(), self.token or b"")

    def _cors_headers(self, headers: dict[bytes, bytes]) -> list[tuple[bytes, bytes]]:
        origin = headers.get(b"origin", b"").decode("latin-1")
        if origin and ("*" in self.cors or origin in self.cors):
            return [
                (b"access-control-allow-origin", origin.encode("latin-1")),
                (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
                (b"access-control-allow-headers", b"authorization, content-type"),
                (b"vary", b"origin"),
            ]
        return []

    async def _body(self, headers: dict[bytes, bytes], receive: Any) -> bytes:
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            raise HttpError.too_large("body", self.max_body, f"{int(length)} bytes")
        try:
            return await asyncio.wait_for(self._read(receive), self.read_timeout)
        except asyncio.TimeoutError:
            raise HttpError.invalid(
                408,
                "body",
                f"not received within {self.read_timeout:g} s",
                f"未在 {self.read_timeout:g} 秒內收到",
            ) from None

    async def _read(self, receive: Any) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                raise HttpError.invalid(400, "body", "the client went away", "用戶端已中斷")
            chunk = msg.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise HttpError.too_large("body", self.max_body, f">{self.max_body} bytes")
            chunks.append(chunk)
            if not msg.get("more_body", False):
                return b"".join(chunks)

    async def _call(
        self, route: Route, scope: dict[str, Any], headers: dict[bytes, bytes], data: bytes
    ) -> bytes:
        if route.file_body:
            from urllib.parse import parse_qsl

            qs = scope.get("query_string", b"").decode("latin-1")
            args = with_clock(route, query_args(route, parse_qsl(qs, keep_blank_values=True)))
            return _dumps(await self._run(route.fid, args, data, len(data)))
        # Any content type: `curl -d` sends form-urlencoded; the body is read as JSON.
        try:
            doc = json.loads(data)
        except RecursionError:
            raise HttpError.invalid(400, "body", "nested too deeply", "巢狀層數過多") from None
        except ValueError:
            raise HttpError.invalid(400, "body", "not JSON (UTF-8)", "不是 JSON（UTF-8）") from None
        # JSON escapes can spell text that is no Unicode (a lone `\ud800`): as the
        # command line, that value is `input.invalid_text` at its position.
        escapes = b"\\u" in data
        if isinstance(doc, list):
            records = []
            for i, item in enumerate(doc):
                try:
                    if escapes and not _is_text(item):
                        raise _bad_text(i)
                    result = await self._run(route.fid, self._args(route, item), None, len(data))
                    records.append({"input": i, "result": result})
                except asyncio.CancelledError:
                    raise
                except Exception as err:
                    records.append({"input": i, "error": error_body(err)[1]})
            return _dumps({"records": records})
        if escapes and not _is_text(doc):
            raise _bad_text(0)
        return _dumps(await self._run(route.fid, self._args(route, doc), None, len(data)))

    @staticmethod
    def _args(route: Route, item: Any) -> dict[str, Any]:
        if isinstance(item, dict):
            return with_clock(route, item) if route.clock else item
        if route.first is None:
            raise HttpError.invalid(
                422, "body", "an object of arguments is required", "需要參數物件"
            )
        return with_clock(route, {route.first: item}) if route.clock else {route.first: item}

    async def _run(self, fid: str, args: dict[str, Any], data: bytes | None, size: int) -> Any:
        try:
            if size < _THREAD_BYTES:
                return self.core.call(fid, args, self.policy, data)
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(None, self.core.call, fid, args, self.policy, data)
        except asyncio.CancelledError:
            raise
        except Exception as err:
            raise CallError(err, secrets_of(fid, args)) from None

    def _plain(self, path: str) -> tuple[bytes, list[tuple[bytes, bytes]]]:
        if path == "/healthz":
            return _dumps({"status": "ok", "version": self.core.__version__}), _JSON
        if path == "/openapi.json":
            return self.openapi(), _JSON
        text = self.metrics.render().encode("utf-8")
        return text, [(b"content-type", b"text/plain; version=0.0.4; charset=utf-8")]


def _is_text(v: Any) -> bool:
    """Whether every string in a JSON value is Unicode (no lone surrogate)."""
    if isinstance(v, str):
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(v, dict):
        return all(_is_text(k) and _is_text(x) for k, x in v.items())
    if isinstance(v, list):
        return all(_is_text(x) for x in v)
    return True


def _bad_text(index: int) -> HttpError:
    return HttpError(422, "input.invalid_text", {"line": f"#{index}"})


_PLAIN = ("/healthz", "/metrics", "/openapi.json")
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def create() -> App:
    """The factory each worker calls (``granian --factory``)."""
    config = json.loads(os.environ.get("NTPC_POLICY_SERVE", "{}"))
    return App(config)
