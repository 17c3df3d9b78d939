"""Sign-in rate limits per client address and per username, counted with the ``limits`` library.

The account lockout in the access service stops guessing one password; these limits stop one address
from trying many accounts, and many addresses from hammering one account. The counts live in a
``limits`` storage: ``memory://`` (one process) in development, Redis in production so that every
worker process and server shares them (``ONESTOP_RATE_LIMIT_STORAGE``).
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)


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
    ) -> None:
        storage = storage_from_string(storage_uri)
        if not isinstance(storage, Storage):
            raise ValueError(f"not a synchronous limits storage: {storage_uri!r} (use memory:// or redis://)")
        self.storage = storage
        self.strategy = MovingWindowRateLimiter(self.storage)
        self.per_address: RateLimitItem = parse(per_address)
        self.per_username: RateLimitItem = parse(per_username)

    def hit(self, *, address: str, username: str = "", scope: str = "staff") -> dt.datetime | None:
        """Count one attempt; None if allowed, else the time (UTC) from which the next one is.

        The address is counted first; an attempt refused for its address does not count against the
        username. If the storage cannot be reached the attempt is let through (and logged): the
        account lockout still holds, and nobody is locked out of signing in by a Redis outage.
        """
        checks = [(self.per_address, "address", address)]
        name = username.strip().lower()
        if name:
            checks.append((self.per_username, "username", name))
        try:
            for item, kind, value in checks:
                if not self.strategy.hit(item, "login", scope, kind, value):
                    reset = self.strategy.get_window_stats(item, "login", scope, kind, value).reset_time
                    return dt.datetime.fromtimestamp(max(reset, time.time()), dt.UTC)
        except Exception:  # the storage is down: fail open, the lockout still protects each account
            log.exception("sign-in rate limit storage unreachable; attempt allowed")
        return None

    def reset(self) -> None:
        """Forget every count (tests, and an operator clearing a mistaken block)."""
        self.storage.reset()
