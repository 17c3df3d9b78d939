"""Sign-in rate limits per client address and per username, counted with the ``limits`` library.

The account lockout in the access service stops guessing one password; these limits stop one address
from trying many accounts, and many addresses from hammering one account. The counts live in a
``limits`` storage: ``memory://`` (one process) in development, Redis in production so that every
worker process and server shares them (``ONESTOP_RATE_LIMIT_STORAGE``). If Redis goes down, the
limits fail safe as configured (``ONESTOP_RATE_LIMIT_FALLBACK``).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)

#: What ``ONESTOP_RATE_LIMIT_FALLBACK`` may say.
FALLBACKS = ("memory", "allow", "refuse")


class LoginRateLimiter:
    """Counts sign-in attempts in a moving window, per address and per username, within a scope.

    Scopes keep the staff (pages and API together: the same accounts) apart from the portal.
    """

    def __init__(
        self,
        storage_uri: str = "memory://",
        *,
        per_address: str = "20/10 minutes",
        per_username: str = "10/10 minutes",
        fallback: str = "memory",
    ) -> None:
        options: dict[str, Any] = {}
        if storage_uri.startswith(("redis://", "rediss://", "redis+")):
            options = {"socket_connect_timeout": 1, "socket_timeout": 1}  # a dead Redis costs 1 s at most
        storage = storage_from_string(storage_uri, **options)
        if not isinstance(storage, Storage):
            raise ValueError(f"not a synchronous limits storage: {storage_uri!r} (use memory:// or redis://)")
        if fallback not in FALLBACKS:
            raise ValueError(f"rate limit fallback must be one of {', '.join(FALLBACKS)}: {fallback!r}")
        self.storage = storage
        self.strategy = MovingWindowRateLimiter(self.storage)
        #: While the storage is unreachable: count in this process (memory), let through, or refuse.
        self.fallback = fallback
        self._local = MovingWindowRateLimiter(MemoryStorage())
        self.per_address: RateLimitItem = parse(per_address)
        self.per_username: RateLimitItem = parse(per_username)

    def hit(self, *, address: str, username: str = "", scope: str = "staff") -> dt.datetime | None:
        """Count one attempt; None if allowed, else the time (UTC) from which the next one is.

        The address is counted first; an attempt refused for its address does not count against the
        username. If the storage cannot be reached, the fallback decides (``ONESTOP_RATE_LIMIT_FALLBACK``):
        ``memory`` counts in this process until the storage is back (each worker counts on its own, so
        the limits hold, multiplied at most by the number of workers), ``allow`` lets the attempt
        through (the account lockout still holds), ``refuse`` refuses it for a minute. It is logged.
        """
        checks = [(self.per_address, "address", address)]
        name = username.strip().lower()
        if name:
            checks.append((self.per_username, "username", name))
        try:
            return self._hit(self.strategy, checks, scope)
        except Exception:  # the storage is down: fail safe, as configured
            log.exception("sign-in rate limit storage unreachable; fallback: %s", self.fallback)
        if self.fallback == "memory":
            return self._hit(self._local, checks, scope)
        if self.fallback == "refuse":
            return dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
        return None

    @staticmethod
    def _hit(
        strategy: MovingWindowRateLimiter, checks: list[tuple[RateLimitItem, str, str]], scope: str
    ) -> dt.datetime | None:
        for item, kind, value in checks:
            if not strategy.hit(item, "login", scope, kind, value):
                reset = strategy.get_window_stats(item, "login", scope, kind, value).reset_time
                return dt.datetime.fromtimestamp(max(reset, time.time()), dt.UTC)
        return None

    def reset(self) -> None:
        """Forget every count (tests, and an operator clearing a mistaken block)."""
        self.storage.reset()
        self._local.storage.reset()
