"""``ntpc-policy serve``: runs the HTTP service (see :mod:`ntpc_policy.serve`)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import IO, Any


class _Done:
    """What the command line prints after the service stopped: nothing."""

    def __init__(self, code: int) -> None:
        self.code = code
        self.svg: list[Any] = []

    def emit(
        self, fmt: str, out: IO[str], err: IO[str], lang: str = "en", encoding: Any = None
    ) -> int:
        return self.code


def cmd_serve(args: argparse.Namespace, policy: Any) -> _Done:
    from ntpc_policy.serve import run

    policy_json = policy.to_json() if (args.policy or args.edition) else None
    code = run(
        socket=args.socket,
        host=args.host,
        port=args.port,
        workers=args.workers,
        token_file=args.token_file,
        max_body=args.max_body,
        read_timeout=args.read_timeout,
        cors=args.cors,
        access_log=not args.no_access_log,
        policy=policy,
        policy_json=policy_json,
    )
    return _Done(code)
