"""``python -m ntpc_policy``: the same command line as ``ntpc-policy``."""

import sys

from ntpc_policy.cli import main

sys.exit(main())
