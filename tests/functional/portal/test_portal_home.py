"""The public portal's home page in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.web.app import create_app


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container), follow_redirects=False) as test_client:
        yield test_client


def test_the_site_root_leads_to_the_portal(client: TestClient) -> None:
    assert client.get("/").headers["location"] == "/portal/"


def test_home_page_in_plain_english_with_landmarks_and_a_language_switch(client: TestClient) -> None:
    response = client.get("/portal/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="en">' in html
    assert "<h1>Help with money, housing and daily needs</h1>" in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'hreflang="fr">Français</a>' in html
    assert "<title>Help with money, housing and daily needs – onestop</title>" in html
    for never in ("coming", "soon", "TODO", "lorem"):
        assert never.lower() not in html.lower()


def test_home_page_in_french(client: TestClient) -> None:
    html = client.get("/portal/?lang=fr").text
    assert '<html lang="fr">' in html
    assert "<h1>De l’aide pour l’argent, le logement et les besoins quotidiens</h1>" in html
    assert 'hreflang="en">English</a>' in html
    assert "composez le 911" in html


def test_unknown_portal_page_is_a_page_in_the_right_language(client: TestClient) -> None:
    response = client.get("/portal/nothing-here", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in response.text
    assert 'href="/portal/"' in response.text


def test_an_unexpected_failure_is_a_500_page_not_a_traceback(container: Container) -> None:
    app = create_app(container)

    @app.get("/portal/boom")
    def boom() -> None:
        raise RuntimeError("kaboom")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/portal/boom?lang=fr")
    assert response.status_code == 500
    assert "Désolé, un problème est survenu" in response.text
    assert "kaboom" not in response.text
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
