"""New Taipei City education department IT policy rules (新北市教育局資訊政策規則).

Every rule lives in one Rust core; this package converts types and nothing else.
Results are frozen objects with ``to_dict()``/``to_json()`` giving the JSON shape
shared by every language binding. Errors are :class:`PolicyError` (a
``ValueError``) with a stable ``code``.
"""

from ntpc_policy._core import (
    DateParseError,
    Finding,
    InputTooLargeError,
    InternalError,
    Policy,
    PolicyError,
    PolicyFileError,
    __version__,
    code_table,
)

__all__ = [
    "DateParseError",
    "Finding",
    "InputTooLargeError",
    "InternalError",
    "Policy",
    "PolicyError",
    "PolicyFileError",
    "__version__",
    "code_table",
]
