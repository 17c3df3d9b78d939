"""French on the staff pages: ?lang=fr, the remembered choice, the browser's preference, error pages."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.functional.staff.conftest import Officer, sign_in


def test_lang_fr_gives_french_and_is_remembered(client: TestClient) -> None:
    response = client.get("/staff/login?lang=fr")
    assert '<html lang="fr">' in response.text
    assert "<h1>Se connecter</h1>" in response.text
    assert "onestop_lang=fr" in response.headers["set-cookie"]
    assert "<h1>Se connecter</h1>" in client.get("/staff/login").text
    english = client.get("/staff/login?lang=en")
    assert '<html lang="en">' in english.text
    assert '<a href="/staff/login?lang=fr" lang="fr" hreflang="fr">Français</a>' in english.text


def test_the_browser_preference_is_used_when_nothing_was_chosen(client: TestClient) -> None:
    response = client.get("/staff/login", headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"})
    assert "<h1>Se connecter</h1>" in response.text
    assert "Accept-Language" in response.headers["vary"]


def test_the_switch_keeps_the_rest_of_the_query(client: TestClient) -> None:
    html = client.get("/staff/login?next=%2Fstaff%2Ftasks").text
    assert 'href="/staff/login?next=%2Fstaff%2Ftasks&amp;lang=fr"' in html


def test_messages_dates_and_errors_in_french(client: TestClient, officer: Officer) -> None:
    client.get("/staff/login?lang=fr")
    for _ in range(5):
        response = sign_in(client, officer.username, "Wrong-password-1")
    assert "Ce compte est verrouillé" in response.text
    assert "2 mars 2026" in response.text
    assert "02 h 45" in response.text
    not_found = client.get("/staff/nope")
    assert not_found.status_code == 404
    assert "<h1>Page introuvable</h1>" in not_found.text


def test_signed_in_pages_in_french(signed_in: TestClient) -> None:
    home = signed_in.get("/staff/?lang=fr").text
    assert "Bonjour, Alice Martin" in home
    assert "Se déconnecter" in home
