"""Access rules without a database: names, password policy, lockout (against a FixedClock), tokens."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.access.domain import (
    LoginPolicy,
    LoginState,
    after_failure,
    after_success,
    check_password_policy,
    is_locked,
    new_token,
    normalise_office_code,
    normalise_username,
    parse_roles,
    token_digest,
)
from onestop.access.permissions import Role
from onestop.common.clock import FixedClock
from onestop.common.errors import InvalidInput

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "password", ["Tr0ub4dor&3x", "correct horse battery", "ALLCAPS12345", "x" * 11 + "1"]
)
def test_acceptable_passwords(password: str) -> None:
    check_password_policy(password)


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Short1!", "at least 12"),
        ("", "at least 12"),
        ("abcdefghijklmnop", "two kinds"),
        ("ABCDEFGHIJKLMNOP", "two kinds"),
        ("123456789012345", "two kinds"),
        ("!!!!!!!!!!!!!!!!", "two kinds"),
        ("            ", "two kinds"),
    ],
)
def test_refused_passwords_name_the_field(password: str, problem: str) -> None:
    with pytest.raises(InvalidInput) as err:
        check_password_policy(password)
    assert err.value.field == "password"
    assert problem in err.value.problem


def test_usernames_are_case_insensitive() -> None:
    assert normalise_username("  J.Doe ") == "j.doe"


@pytest.mark.parametrize("bad", ["", "a", "-lead", "has space", "x" * 65, "émile"])
def test_bad_usernames(bad: str) -> None:
    with pytest.raises(InvalidInput) as err:
        normalise_username(bad)
    assert err.value.field == "username"


def test_office_codes_are_upper_case() -> None:
    assert normalise_office_code(" edm-01 ") == "EDM-01"
    with pytest.raises(InvalidInput, match="code"):
        normalise_office_code("no spaces")


def test_roles_are_parsed_and_unknown_ones_named() -> None:
    assert parse_roles(["Officer", Role.SUPERVISOR, "officer"]) == {Role.OFFICER, Role.SUPERVISOR}
    with pytest.raises(InvalidInput) as err:
        parse_roles(["officer", "king"])
    assert err.value.field == "roles" and "king" in err.value.problem
    with pytest.raises(InvalidInput, match="at least one"):
        parse_roles([])


def test_lockout_after_max_failures_for_the_lockout_period() -> None:
    clock = FixedClock(NOW)
    policy = LoginPolicy.of(max_failures=3, lockout_minutes=15)
    state = LoginState(failed_logins=0, locked_until=None)
    for expected in (1, 2):
        state = after_failure(state, policy, clock.now())
        assert state.failed_logins == expected and not is_locked(state, clock.now())
    state = after_failure(state, policy, clock.now())
    assert state.locked_until == NOW + dt.timedelta(minutes=15)
    assert state.failed_logins == 0  # a fresh count once the lock expires
    clock.advance(dt.timedelta(minutes=14, seconds=59))
    assert is_locked(state, clock.now())
    clock.advance(dt.timedelta(seconds=1))
    assert not is_locked(state, clock.now())


def test_success_clears_failures_and_lock() -> None:
    assert after_success() == LoginState(failed_logins=0, locked_until=None)


def test_tokens_are_random_and_stored_as_sha256() -> None:
    a, b = new_token(), new_token()
    assert a != b and len(a) >= 43
    assert token_digest(a) == token_digest(a) != token_digest(b)
    assert len(token_digest(a)) == 64 and a not in token_digest(a)
