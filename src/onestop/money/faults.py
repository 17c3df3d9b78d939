"""Named points between the steps of a payment run, where tests inject a failure.

In production nothing is registered and the calls cost a dictionary lookup. Tests either install a
hook (an exception raised at a point) or, for a process killed mid-run, set ``ONESTOP_FAULT_KILL_AT``
to a point name in the child's environment: the process then kills itself with SIGKILL there.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

_hook: Callable[[str], None] | None = None
ENV = "ONESTOP_FAULT_KILL_AT"


def point(name: str) -> None:
    """Mark a point between two steps; a registered fault fires here."""
    if _hook is not None:
        _hook(name)
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def install(hook: Callable[[str], None] | None) -> None:
    """Register (or with None, remove) the test hook."""
    global _hook
    _hook = hook
