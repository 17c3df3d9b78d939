"""Links in e-mails use the configured public address, never the request's Host header, and a request
for a host the site does not serve is refused before anything runs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from onestop.bootstrap import Container
from onestop.clients import OutboxMessage
from onestop.web.app import create_app

PASSWORD = "Tulips-and-7-bees"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _client(container: Container, base_url: str) -> TestClient:
    return TestClient(create_app(container), base_url=base_url, follow_redirects=False)


def _sign_up(client: TestClient, email: str) -> int:
    token = _CSRF.search(client.get("/portal/account/new").text).group(1)  # type: ignore[union-attr]
    data = {"csrf_token": token, "email": email, "password": PASSWORD, "confirm": PASSWORD}
    return client.post("/portal/account/new", data=data).status_code


def _links(container: Container, email: str) -> list[str]:
    with container.uow() as uow:
        bodies = uow.session.scalars(select(OutboxMessage.body).where(OutboxMessage.to_address == email))
        return [re.search(r"\S+/portal/account/verify\?token=\S+", b).group(0) for b in bodies]  # type: ignore[union-attr]


@pytest.fixture
def forged(container: Container) -> Iterator[TestClient]:
    with _client(container, "http://evil.example") as client:
        yield client


def test_a_host_the_site_does_not_serve_is_refused(forged: TestClient, container: Container) -> None:
    assert forged.get("/portal/").status_code == 400
    assert forged.post("/portal/account/new", data={"email": "x@example.ca"}).status_code == 400
    assert forged.get("/api/catalogue").status_code == 400
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_the_link_uses_the_public_address_whatever_the_host(container: Container) -> None:
    with _client(container, "http://localhost") as client:  # an allowed host, not the public one
        assert _sign_up(client, "ana@example.ca") == 200
    assert _links(container, "ana@example.ca")[0].startswith(
        "http://127.0.0.1:8000/portal/account/verify?token="
    )
    container.settings = container.settings.model_copy(update={"public_base_url": "https://aide.example.ca/"})
    with _client(container, "http://testserver") as client:
        assert _sign_up(client, "bob@example.ca") == 200
    assert _links(container, "bob@example.ca")[0].startswith("https://aide.example.ca/portal/account/verify?")


def test_production_needs_the_public_address_and_its_host_is_served(container: Container) -> None:
    container.settings = container.settings.model_copy(update={"mode": "production"})
    with pytest.raises(ValueError, match="ONESTOP_PUBLIC_BASE_URL"):
        create_app(container)
    container.settings = container.settings.model_copy(
        update={"public_base_url": "https://aide.example.ca", "allowed_hosts": []}
    )
    with _client(container, "https://aide.example.ca") as client:
        assert client.get("/portal/").status_code == 200
    with _client(container, "https://127.0.0.1") as client:
        assert client.get("/portal/").status_code == 400
