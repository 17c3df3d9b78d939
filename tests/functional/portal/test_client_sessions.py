"""A portal sign-in is a server-side session: signing out ends it for every copy of the cookie, and it
ends on its own after a fixed lifetime (however active) or a period without activity."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop import clients
from onestop.bootstrap import Container
from onestop.clients.models import ClientSession
from onestop.common.clock import FixedClock
from tests.functional.portal.conftest import PASSWORD, confirmed, sign_in, sign_out


def _signed_in(client: TestClient) -> bool:
    page = client.get("/portal/account")
    return page.status_code == 200 and "My applications" in page.text


def test_signing_out_ends_the_session_even_for_a_copied_cookie(
    client: TestClient, container: Container
) -> None:
    confirmed(client, container, "ana@example.ca")
    assert sign_in(client, "ana@example.ca").status_code == 303 and _signed_in(client)
    copied = dict(client.cookies)
    sign_out(client)
    client.cookies.clear()
    client.cookies.update(copied)  # the cookie as it was before signing out (a copy, an old backup...)
    refused = client.get("/portal/account")
    assert refused.status_code == 303 and refused.headers["location"].startswith("/portal/account/signin")
    with container.uow() as uow:
        rows = uow.session.scalars(select(ClientSession)).all()
        assert len(rows) == 1 and rows[0].revoked_at is not None and len(rows[0].token_hash) == 64


def test_a_session_ends_after_its_lifetime_however_active(
    client: TestClient, container: Container, clock: FixedClock
) -> None:
    container.settings = container.settings.model_copy(update={"client_session_hours": 1})
    confirmed(client, container, "ana@example.ca")
    sign_in(client, "ana@example.ca")
    for _ in range(3):
        clock.advance(dt.timedelta(minutes=19))
        assert _signed_in(client)  # active: each request well within the idle timeout
    clock.advance(dt.timedelta(minutes=4))  # 61 minutes after signing in
    assert not _signed_in(client)


def test_a_session_left_idle_ends_on_the_server_too(
    client: TestClient, container: Container, clock: FixedClock
) -> None:
    confirmed(client, container, "ana@example.ca")
    hour = dt.timedelta(hours=1)
    signed = clients.sign_in(container.uow(), email="ana@example.ca", password=PASSWORD, lifetime=hour)
    idle = dt.timedelta(minutes=30)
    clock.advance(dt.timedelta(minutes=29))
    assert clients.client_for_session(container.uow(), token=signed.token, idle=idle) == signed.account.id
    clock.advance(dt.timedelta(minutes=29))  # active 29 minutes ago: still open
    assert clients.client_for_session(container.uow(), token=signed.token, idle=idle) == signed.account.id
    clock.advance(dt.timedelta(minutes=31))
    with pytest.raises(clients.ClientLoginFailed):
        clients.client_for_session(container.uow(), token=signed.token, idle=idle)
    with pytest.raises(clients.ClientLoginFailed):
        clients.client_for_session(container.uow(), token="not-a-token", idle=idle)
