"""Sign-in limits per address and per username, in memory and (when reachable) in Redis."""

from __future__ import annotations

import datetime as dt
import socket
import uuid

import pytest

from onestop.config import Settings
from onestop.web.ratelimit import LoginRateLimiter

REDIS = "redis://127.0.0.1:6379"


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def _limits_per_address_and_per_username(limiter: LoginRateLimiter) -> None:
    run = uuid.uuid4().hex  # fresh names, so a shared Redis never carries counts from another run
    a1, a2, a3 = (f"10.0.0.{n}-{run}" for n in (1, 2, 3))
    assert limiter.hit(address=a1, username=f"olive-{run}") is None
    assert limiter.hit(address=a1, username=f"omar-{run}") is None
    blocked = limiter.hit(address=a1, username=f"otto-{run}")  # a third try from one address
    assert blocked is not None and blocked > dt.datetime.now(dt.UTC)
    assert limiter.hit(address=a2, username=f"otto-{run}") is None  # refused by address: not counted for otto
    assert limiter.hit(address=a2, username=f"OLIVE-{run} ") is None  # usernames match as the login does
    assert limiter.hit(address=a3, username=f"olive-{run}") is not None  # olive's third try, from anywhere
    assert limiter.hit(address=a3, username=f"olive-{run}", scope="portal") is None  # the portal is apart


def test_attempts_are_limited_per_address_and_per_username_in_memory() -> None:
    _limits_per_address_and_per_username(
        LoginRateLimiter("memory://", per_address="2/10 minutes", per_username="2/10 minutes")
    )


@pytest.mark.skipif(not _redis_reachable(), reason="Redis not reachable at 127.0.0.1:6379")
def test_attempts_are_limited_per_address_and_per_username_in_redis() -> None:
    limiter = LoginRateLimiter(REDIS, per_address="2/10 minutes", per_username="2/10 minutes")
    _limits_per_address_and_per_username(limiter)
    other_process = LoginRateLimiter(REDIS, per_address="2/10 minutes", per_username="2/10 minutes")
    address = f"10.9.9.9-{uuid.uuid4().hex}"
    assert limiter.hit(address=address) is None and limiter.hit(address=address) is None
    assert other_process.hit(address=address) is not None  # the counts are shared by every process


DOWN = "redis://127.0.0.1:1"  # nothing listens there: every call to the storage fails at once


def test_an_unreachable_storage_lets_the_attempt_through_when_told_to_allow() -> None:
    limiter = LoginRateLimiter(DOWN, per_address="1/10 minutes", fallback="allow")
    assert limiter.hit(address="10.0.0.1") is None
    assert limiter.hit(address="10.0.0.1") is None  # the account lockout still protects each account


def test_an_unreachable_storage_counts_in_the_process_by_default() -> None:
    limiter = LoginRateLimiter(DOWN, per_address="2/10 minutes", per_username="5/10 minutes")
    assert limiter.hit(address="10.0.0.1", username="olive") is None
    assert limiter.hit(address="10.0.0.1", username="omar") is None
    blocked = limiter.hit(address="10.0.0.1", username="otto")  # the limits still hold during the outage
    assert blocked is not None and blocked > dt.datetime.now(dt.UTC)
    assert limiter.hit(address="10.0.0.2", username="otto") is None


def test_an_unreachable_storage_refuses_every_sign_in_when_told_to_refuse() -> None:
    limiter = LoginRateLimiter(DOWN, per_address="100/10 minutes", fallback="refuse")
    before = dt.datetime.now(dt.UTC)
    blocked = limiter.hit(address="10.0.0.1", username="olive")
    assert blocked is not None and before < blocked <= before + dt.timedelta(minutes=1, seconds=1)


def test_the_fallback_is_a_setting_and_must_be_known() -> None:
    assert Settings().rate_limit_fallback == "memory"
    with pytest.raises(ValueError, match="rate limit fallback"):
        LoginRateLimiter("memory://", fallback="ignore")


@pytest.mark.skipif(not _redis_reachable(), reason="Redis not reachable at 127.0.0.1:6379")
def test_with_redis_reachable_the_fallback_is_not_used() -> None:
    limiter = LoginRateLimiter(REDIS, per_address="1/10 minutes", fallback="refuse")
    assert limiter.hit(address=f"10.8.8.8-{uuid.uuid4().hex}") is None


def test_the_storage_defaults_to_memory_in_development_and_redis_in_production() -> None:
    assert Settings().resolved_rate_limit_storage() == "memory://"
    assert Settings(mode="production").resolved_rate_limit_storage() == REDIS
    assert (
        Settings(rate_limit_storage="redis://cache:6380/2").resolved_rate_limit_storage()
        == "redis://cache:6380/2"
    )
