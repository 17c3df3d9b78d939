"""Signing up and in tell nobody who has an account, by the answer or by the time it takes, and
guessing a client's password stops after a few tries (the staff lockout rules, per account)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.clients import services
from onestop.common.clock import FixedClock
from tests.functional.portal.conftest import PASSWORD, account, confirmed, sign_in, token

WRONG = "Wrong-password-99"
NEW = "/portal/account/new"


def test_a_known_address_costs_the_same_password_hashing_as_a_new_one(
    client: TestClient, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[str] = []
    real: Callable[[str], str] = services.hash_password
    monkeypatch.setattr(services, "hash_password", lambda pw: hashed.append(pw) or real(pw))
    form = {"password": PASSWORD, "confirm": PASSWORD}
    client.post(
        "/portal/account/new", data=form | {"email": "ana@example.ca", "csrf_token": token(client, NEW)}
    )
    client.post(
        "/portal/account/new", data=form | {"email": "ana@example.ca", "csrf_token": token(client, NEW)}
    )
    assert len(hashed) == 2  # the second (known address) hashes too, so it takes as long


def _failures(container: Container) -> list[str]:
    with container.uow() as uow:
        stmt = select(AuditEvent.details).where(AuditEvent.action == "client:sign_in_failed")
        return [d["reason"] for d in uow.session.scalars(stmt)]


def test_wrong_passwords_lock_the_account_with_the_answer_an_unknown_address_gets(
    client: TestClient, container: Container, clock: FixedClock
) -> None:
    confirmed(client, container, "ana@example.ca")
    unknown = sign_in(client, "nobody@example.ca", password=WRONG)
    assert unknown.status_code == 401
    for _ in range(container.settings.login_max_failures):
        assert sign_in(client, "ana@example.ca", password=WRONG).status_code == 401
    locked = sign_in(client, "ana@example.ca")  # the right password, too late
    assert locked.status_code == 401
    assert _error(locked.text) == _error(unknown.text)  # nothing says the address has an account
    assert "an account is locked for 15 minutes" in locked.text
    assert account(container, "ana@example.ca").locked_until is not None
    assert _failures(container) == ["wrong password"] * 4 + [
        "wrong password; account now locked",
        "account locked",
    ]
    clock.advance(dt.timedelta(minutes=container.settings.login_lockout_minutes))
    assert sign_in(client, "ana@example.ca").status_code == 303
    assert account(container, "ana@example.ca").failed_sign_ins == 0


def test_a_success_clears_the_count(client: TestClient, container: Container) -> None:
    confirmed(client, container, "ana@example.ca")
    for _ in range(container.settings.login_max_failures - 1):
        sign_in(client, "ana@example.ca", password=WRONG)
    assert sign_in(client, "ana@example.ca").status_code == 303
    client.post("/portal/account/signout", data={"csrf_token": token(client)})
    assert sign_in(client, "ana@example.ca", password=WRONG).status_code == 401
    assert account(container, "ana@example.ca").failed_sign_ins == 1


def _error(html: str) -> str:
    start = html.index('class="error-summary"')
    return html[start : html.index("</div>", start)]
