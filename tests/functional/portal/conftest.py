"""Portal pages over HTTP: an app around the test container and the steps of a client's visit."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select

from onestop.bootstrap import Container
from onestop.clients import ClientAccount, OutboxMessage
from onestop.web.app import create_app

PASSWORD = "Tulips-and-7-bees"
PUBLIC = "http://127.0.0.1:8000"  # the development default of the public address the links start with
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    """A browser-like client that keeps cookies and does not follow redirects."""
    with TestClient(create_app(container), follow_redirects=False) as test_client:
        yield test_client


def token(client: TestClient, path: str = "/portal/") -> str:
    """The session's CSRF token, as a page's form gives it."""
    return _CSRF.search(client.get(path).text).group(1)  # type: ignore[union-attr]


def sign_up(client: TestClient, container: Container, email: str) -> str:
    """Create an account; returns the link of the e-mail in the outbox (not opened yet)."""
    page = client.post(
        "/portal/account/new",
        data={
            "csrf_token": token(client, "/portal/account/new"),
            "email": email,
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert page.status_code == 200 and "Check your e-mail" in page.text
    with container.uow() as uow:
        body = uow.session.scalars(select(OutboxMessage.body).where(OutboxMessage.to_address == email)).all()[
            -1
        ]
    link = re.search(r"https?://\S+/portal/account/verify\?token=\S+", body).group(0)  # type: ignore[union-attr]
    return link


def confirmed(client: TestClient, container: Container, email: str) -> None:
    """An account whose address is confirmed (the e-mail's link opened)."""
    assert client.get(sign_up(client, container, email).removeprefix(PUBLIC)).status_code == 303


def sign_in(client: TestClient, email: str, next_url: str = "", password: str = PASSWORD) -> Response:
    """Submit the sign-in form."""
    data = {"csrf_token": token(client, "/portal/account/signin"), "email": email, "password": password}
    return client.post("/portal/account/signin", data=data | ({"next": next_url} if next_url else {}))


def sign_out(client: TestClient) -> Response:
    """Press "Sign out"."""
    return client.post("/portal/account/signout", data={"csrf_token": token(client)})


def apply(client: TestClient, given: str, family: str, program: str = "ab.aish") -> str:
    """Apply online as the signed-in client (the first time: a registry record); returns the page's path."""
    client.post(
        "/portal/apply", data={"csrf_token": token(client), "jurisdiction": "ca-ab", "program": program}
    )
    sent = client.post(
        "/portal/apply/confirm",
        data={
            "csrf_token": token(client, "/portal/apply/confirm"),
            "given_names": given,
            "family_name": family,
            "birth_date": "1970-05-05",
        },
    )
    assert sent.status_code == 303, sent.text
    return str(sent.headers["location"])


def account(container: Container, email: str) -> ClientAccount:
    """The stored account of an address."""
    with container.uow() as uow:
        found = uow.session.scalar(select(ClientAccount).where(ClientAccount.email == email))
        assert found is not None
        uow.commit()  # keeps the loaded account readable after the block
        return found
