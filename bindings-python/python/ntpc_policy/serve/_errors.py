"""Errors of the service, in the shared shape ``{code, params, message_zh,
message_en}`` with an HTTP status.

The service adds no codes of its own: a request it cannot take is
``input.invalid_argument`` (its ``field`` names what: ``path``, ``method``,
``authorization``, ``body``, ``content-type``, ``query``) or
``input.too_large``; the status says the rest. Every message and parameter
passes through the core's ``redact_ids`` before it leaves the process, so an ID
number a caller sent never comes back in an error (the core never echoes a
password in the first place).
"""

from __future__ import annotations

from typing import Any

#: Status of a core error code (else 422: the request was read, the input is bad).
_STATUS = {"input.too_large": 413, "internal": 500}


def _messages(code: str, params: dict[str, Any]) -> tuple[str, str]:
    from ntpc_policy.cli._input import _messages as cli_messages

    return cli_messages(code, params)


class HttpError(Exception):
    def __init__(self, status: int, code: str, params: dict[str, Any]) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params
        self.message_zh, self.message_en = _messages(code, params)

    @classmethod
    def invalid(cls, status: int, field: str, reason: str, reason_zh: str) -> HttpError:
        return cls(
            status,
            "input.invalid_argument",
            {"field": field, "reason": reason, "reason_zh": reason_zh},
        )

    @classmethod
    def too_large(cls, field: str, limit: int, actual: str) -> HttpError:
        return cls(413, "input.too_large", {"field": field, "limit": limit, "actual": actual})


class CallError(Exception):
    """A failure of a core call, with the secrets of its arguments: the core's
    argument errors may quote a value (``unknown variant `…```), so each secret
    is blanked out of the error before it is sent or logged."""

    def __init__(self, err: BaseException, secrets: list[str]) -> None:
        super().__init__(type(err).__name__)
        self.err = err
        self.secrets = secrets


#: Arguments whose values are never shown, on any route.
SECRET_KEYS = frozenset({"password", "passwords", "account", "display_name"})


def secrets_of(fid: str, args: Any) -> list[str]:
    """The values of an argument object that an error must not quote: every
    password, account and display name, and on the password routes every text."""
    out: list[str] = []
    every = fid.startswith("password.")

    def walk(v: Any, secret: bool) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, secret or (isinstance(k, str) and k in SECRET_KEYS))
        elif isinstance(v, list):
            for x in v:
                walk(x, secret)
        elif isinstance(v, (str, int, float)) and not isinstance(v, bool) and secret:
            t = str(v)
            if len(t) >= 3:
                out.append(t)

    walk(args, every)
    return sorted(set(out), key=len, reverse=True)


def _clean(v: Any, secrets: list[str]) -> Any:
    if isinstance(v, str) and v:
        from ntpc_policy._core import redact_ids

        for s in secrets:
            v = v.replace(s, "***")
        return redact_ids(v)
    return v


def error_body(err: BaseException, secrets: list[str] | None = None) -> tuple[int, dict[str, Any]]:
    """The status and the shared error shape of any failure. An exception that
    is not a typed error is ``internal`` with its kind only (its text may quote
    the input)."""
    if isinstance(err, CallError):
        return error_body(err.err, err.secrets)
    secrets = secrets or []
    code = getattr(err, "code", None)
    if isinstance(code, str) and getattr(err, "message_en", None):
        status = getattr(err, "status", None) or _STATUS.get(code, 422)
        params = dict(getattr(err, "params", None) or {})
        zh, en = err.message_zh, err.message_en  # type: ignore[attr-defined]
    elif isinstance(err, RecursionError):
        return error_body(HttpError.invalid(400, "body", "nested too deeply", "巢狀層數過多"))
    elif isinstance(err, MemoryError):
        return error_body(HttpError.too_large("body", 0, "more than memory"))
    else:
        status, code, params = 500, "internal", {"reason": type(err).__name__}
        zh, en = _messages(code, params)
    return status, {
        "code": code,
        "params": {k: _clean(v, secrets) for k, v in params.items()},
        "message_zh": _clean(zh, secrets),
        "message_en": _clean(en, secrets),
    }
