"""New Taipei City education department IT policy rules (新北市教育局資訊政策規則).

Every rule lives in one Rust core; this package converts types and nothing else.
Results are plain dicts and lists in the JSON shape shared by every language
binding (typed by the ``TypedDict``s of :mod:`ntpc_policy.shapes`); the ID-number
functions return :class:`IdInfo` objects for speed. Errors are
:class:`PolicyError` (a ``ValueError``) with a stable ``code``. No function reads
the clock: pass ``now``/``today``. Naive datetimes mean Asia/Taipei.
"""

from ntpc_policy._api import *  # noqa: F403
from ntpc_policy._api import __all__ as _functions
from ntpc_policy._core import (
    DateParseError,
    IdInfo,
    InputTooLargeError,
    InternalError,
    Policy,
    PolicyError,
    PolicyFileError,
    __version__,
    check_password,
    check_passwords,
    classify_id,
    classify_ids,
    classify_ids_packed,
    is_valid_id,
    password_verdict,
    redact_ids,
    scan_ids,
)

__all__ = [
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
    *_functions,
]
