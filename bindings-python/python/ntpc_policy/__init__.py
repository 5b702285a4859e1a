"""New Taipei City education department IT policy rules (新北市教育局資訊政策規則).

Every rule lives in one Rust core; this package converts types and nothing else.
Results are plain dicts and lists in the JSON shape shared by every language
binding (typed by the ``TypedDict``s of :mod:`ntpc_policy.shapes`); the ID-number
functions return :class:`IdInfo` objects for speed. Errors are
:class:`PolicyError` (a ``ValueError``) with a stable ``code``. No function reads
the clock: pass ``now``/``today``. Naive datetimes mean Asia/Taipei.

Names are loaded on first use (PEP 562), so ``import ntpc_policy`` — and the
``ntpc-policy`` command, which PHP starts once per call — stays fast.
"""

from __future__ import annotations

# Type checkers see every name; at run time they are loaded on first use (and
# `typing` itself is not imported).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ntpc_policy._api import *  # noqa: F403
    from ntpc_policy._core import DateParseError as DateParseError
    from ntpc_policy._core import IdInfo as IdInfo
    from ntpc_policy._core import InputTooLargeError as InputTooLargeError
    from ntpc_policy._core import InternalError as InternalError
    from ntpc_policy._core import Policy as Policy
    from ntpc_policy._core import PolicyError as PolicyError
    from ntpc_policy._core import PolicyFileError as PolicyFileError
    from ntpc_policy._core import __version__ as __version__
    from ntpc_policy._core import check_password as check_password
    from ntpc_policy._core import check_passwords as check_passwords
    from ntpc_policy._core import classify_id as classify_id
    from ntpc_policy._core import classify_ids as classify_ids
    from ntpc_policy._core import classify_ids_packed as classify_ids_packed
    from ntpc_policy._core import is_valid_id as is_valid_id
    from ntpc_policy._core import password_verdict as password_verdict
    from ntpc_policy._core import redact_ids as redact_ids
    from ntpc_policy._core import scan_ids as scan_ids

_CORE = (
    "DateParseError",
    "IdInfo",
    "InputTooLargeError",
    "InternalError",
    "Policy",
    "PolicyError",
    "PolicyFileError",
    "__version__",
    "check_password",
    "check_passwords",
    "classify_id",
    "classify_ids",
    "classify_ids_packed",
    "is_valid_id",
    "password_verdict",
    "redact_ids",
    "scan_ids",
)


def _all() -> list[str]:
    from ntpc_policy._api import __all__ as functions

    return [*_CORE, *functions]


def __getattr__(name: str) -> Any:
    if name.startswith("_") and name not in _CORE and name != "__all__":
        # Submodules (`_api`, `_core`) and dunders: the import system's business.
        raise AttributeError(name)
    if name in _CORE:
        from ntpc_policy import _core

        value = getattr(_core, name)
    elif name == "__all__":
        value = _all()
    else:
        from ntpc_policy import _api

        if name not in _api.__all__:
            raise AttributeError(f"module 'ntpc_policy' has no attribute {name!r}")
        value = getattr(_api, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_all()})
