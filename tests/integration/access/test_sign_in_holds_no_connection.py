"""At 9 a.m. hundreds of officers sign in at once: the slow password check (Argon2) holds no database
connection or lock, and a password changed while it ran is checked again against the new hash."""

from __future__ import annotations

import pytest

from onestop import access
from onestop.access import LoginFailed, authn
from onestop.bootstrap import Container
from tests.integration.access.factories import PASSWORD, SYSTEM, make_staff


def test_the_password_is_checked_with_no_connection_taken(
    committed_container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_staff(committed_container, "alice")
    pool = committed_container.engine.pool
    taken: list[int] = []
    real = authn.passwords.verify_password

    def spy(stored: str | None, password: str) -> bool:
        taken.append(pool.checkedout())  # type: ignore[attr-defined]
        return real(stored, password)

    monkeypatch.setattr(authn.passwords, "verify_password", spy)
    access.authenticate(committed_container.uow(), username="alice", password=PASSWORD)
    with pytest.raises(LoginFailed):
        access.authenticate(committed_container.uow(), username="nobody", password=PASSWORD)
    assert taken == [0, 0]  # once per sign-in, outside any transaction (unknown names too: same time)


def test_a_password_changed_during_the_check_is_checked_again(
    committed_container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = make_staff(committed_container, "alice")
    real = authn.passwords.verify_password
    calls: list[bool] = []

    def change_meanwhile(stored: str | None, password: str) -> bool:
        if not calls:  # the first check: an administrator sets a new password at that moment
            access.change_password(
                committed_container.uow(), actor=SYSTEM, staff_id=staff.id, new_password="Brand-new-pass-77"
            )
        calls.append(True)
        return real(stored, password)

    monkeypatch.setattr(authn.passwords, "verify_password", change_meanwhile)
    with pytest.raises(LoginFailed):
        access.authenticate(committed_container.uow(), username="alice", password=PASSWORD)
    assert len(calls) == 2  # the old password matched the old hash, not the new one
