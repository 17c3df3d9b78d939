"""Logins, lockout and tokens on both backends, against the FixedClock."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from onestop import access
from onestop.access import AccountLocked, LoginFailed, LoginPolicy
from onestop.access.models import ApiToken
from onestop.access.permissions import Permission, Role
from onestop.audit import AuditEvent
from onestop.bootstrap import Container
from onestop.common.clock import FixedClock
from onestop.common.errors import NotAuthenticated
from tests.integration.access.factories import PASSWORD, SYSTEM, make_staff

POLICY = LoginPolicy.of(max_failures=3, lockout_minutes=15)


def _actions(container: Container) -> list[tuple[str, str, dict[str, object] | None]]:
    with container.uow() as uow:
        rows = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        return [(e.action, e.outcome, e.details) for e in rows if e.action.startswith("auth:")]


def test_login_is_case_insensitive_records_the_time_and_is_audited(
    container: Container, clock: FixedClock
) -> None:
    staff = make_staff(container, "alice")
    assert access.authenticate(container.uow(), username=" ALICE ", password=PASSWORD).id == staff.id
    assert access.get_staff(container.uow(), actor=SYSTEM, staff_id=staff.id).last_login_at == clock.now()
    assert _actions(container) == [("auth:login", "ok", None)]


def test_wrong_password_and_unknown_user_give_the_same_answer_and_are_audited(container: Container) -> None:
    make_staff(container, "alice")
    with pytest.raises(LoginFailed) as wrong:
        access.authenticate(container.uow(), username="alice", password="nope")
    with pytest.raises(LoginFailed) as unknown:
        access.authenticate(container.uow(), username="mallory", password="nope")
    assert wrong.value.message == unknown.value.message == "wrong username or password"
    (_, o1, d1), (_, o2, d2) = _actions(container)
    assert (o1, d1) == (
        "failed",
        {"username": "alice", "reason": "wrong password", "failed_logins": 1, "locked_until": None},
    )
    assert (o2, d2) == ("failed", {"username": "mallory", "reason": "unknown username"})


def test_lockout_after_max_failures_then_unlock_after_the_period(
    container: Container, clock: FixedClock
) -> None:
    make_staff(container, "alice")
    for _ in range(2):
        with pytest.raises(LoginFailed):
            access.authenticate(container.uow(), username="alice", password="bad", policy=POLICY)
    with pytest.raises(AccountLocked) as locked:
        access.authenticate(container.uow(), username="alice", password="bad", policy=POLICY)
    assert locked.value.until == clock.now() + dt.timedelta(minutes=15)
    assert "locked" in locked.value.message and "09:45" in locked.value.message
    # Even the right password is refused while locked...
    clock.advance(dt.timedelta(minutes=14))
    with pytest.raises(AccountLocked):
        access.authenticate(container.uow(), username="alice", password=PASSWORD, policy=POLICY)
    # ...and accepted once the period is over, which also clears the count.
    clock.advance(dt.timedelta(minutes=1))
    staff = access.authenticate(container.uow(), username="alice", password=PASSWORD, policy=POLICY)
    assert (staff.failed_logins, staff.locked_until) == (0, None)
    reasons = [d.get("reason") if d else None for _, _, d in _actions(container)]
    assert reasons == [
        "wrong password",
        "wrong password",
        "wrong password; account now locked",
        "account locked",
        None,
    ]


def test_a_success_resets_the_failure_count(container: Container) -> None:
    make_staff(container, "alice")
    for _ in range(2):
        with pytest.raises(LoginFailed):
            access.authenticate(container.uow(), username="alice", password="bad", policy=POLICY)
    access.authenticate(container.uow(), username="alice", password=PASSWORD, policy=POLICY)
    for _ in range(2):
        with pytest.raises(LoginFailed):
            access.authenticate(container.uow(), username="alice", password="bad", policy=POLICY)


def test_a_deactivated_account_cannot_log_in(container: Container) -> None:
    staff = make_staff(container, "alice")
    admin = access.actor_of(make_staff(container, "anna", Role.ADMINISTRATOR))
    access.deactivate_staff(container.uow(), actor=admin, staff_id=staff.id)
    with pytest.raises(LoginFailed):
        access.authenticate(container.uow(), username="alice", password=PASSWORD)
    assert _actions(container)[-1][2] == {
        "username": "alice",
        "reason": "account deactivated",
        "failed_logins": 0,
        "locked_until": None,
    }


def test_login_issues_a_token_stored_only_as_its_hash(container: Container, clock: FixedClock) -> None:
    staff = make_staff(container, "alice", Role.SUPERVISOR)
    issued = access.login(container.uow(), username="alice", password=PASSWORD, hours=8)
    assert issued.expires_at == clock.now() + dt.timedelta(hours=8)
    actor = access.actor_for_token(container.uow(), issued.token)
    assert (actor.staff_id, actor.username, actor.roles) == (staff.id, "alice", {Role.SUPERVISOR})
    assert actor.can(Permission.PERSON_MERGE) and not actor.can(Permission.STAFF_WRITE)
    with container.uow() as uow:
        stored = uow.session.scalars(select(ApiToken.token_hash)).all()
    assert issued.token not in stored and len(stored) == 1


@pytest.mark.parametrize("token", ["", "nonsense", "x" * 43])
def test_unknown_tokens_are_refused(container: Container, token: str) -> None:
    with pytest.raises(NotAuthenticated):
        access.actor_for_token(container.uow(), token)


def test_tokens_expire(container: Container, clock: FixedClock) -> None:
    token = access.issue_token(container.uow(), staff=make_staff(container, "alice"), hours=1)
    clock.advance(dt.timedelta(minutes=59))
    access.actor_for_token(container.uow(), token)
    clock.advance(dt.timedelta(minutes=1))
    with pytest.raises(NotAuthenticated, match="expired"):
        access.actor_for_token(container.uow(), token)


def test_revoked_tokens_stop_working_and_only_the_owner_revokes(container: Container) -> None:
    alice, bob = make_staff(container, "alice"), make_staff(container, "bob")
    token = access.issue_token(container.uow(), staff=alice)
    other = access.issue_token(container.uow(), staff=alice)
    with pytest.raises(NotAuthenticated):
        access.revoke_token(container.uow(), actor=access.actor_of(bob), token=token)
    access.revoke_token(container.uow(), actor=access.actor_of(alice), token=token)
    with pytest.raises(NotAuthenticated, match="revoked"):
        access.actor_for_token(container.uow(), token)
    assert access.actor_for_token(container.uow(), other).username == "alice"
    assert [a for a, _, _ in _actions(container)].count("auth:logout") == 1


def test_token_lifetime_is_bounded(container: Container) -> None:
    with pytest.raises(ValueError, match="lifetime"):
        access.issue_token(container.uow(), staff=make_staff(container, "alice"), hours=0)
