"""Security over HTTP: headers, CSRF on every unsafe page request, cookies, no inline code anywhere."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.web.app import create_app
from onestop.web.security import CSP
from tests.functional.staff.conftest import Officer, csrf_token, sign_in

CSRF_REFUSAL = "This form has expired or did not come from onestop"
INLINE = [
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style", re.I), "<style> element"),
    (re.compile(r"\sstyle=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+=", re.I), "event-handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_every_page_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/portal/", "/staff/login", "/nope", "/static/css/onestop.css"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CSP, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]
        assert "strict-transport-security" not in headers  # development mode


def test_staff_pages_are_not_cached_but_the_portal_may_be(client: TestClient) -> None:
    assert client.get("/staff/login").headers["cache-control"] == "no-store"
    assert client.get("/staff/").headers["cache-control"] == "no-store"  # the redirect too
    assert "cache-control" not in client.get("/portal/").headers


def test_no_page_has_inline_scripts_styles_or_handlers(signed_in: TestClient) -> None:
    for path in (
        "/portal/",
        "/portal/?lang=fr",
        "/staff/",
        "/staff/people",
        "/staff/people/new",
        "/staff/nope",
        "/staff/tasks",
        "/staff/tasks/new",
        "/staff/interactions/new",
        "/portal/screener",
        "/portal/account/new",
        "/portal/account/signin",
    ):
        html = signed_in.get(path).text
        for pattern, what in INLINE:
            assert not pattern.search(html), f"{what} on {path}"
    results = signed_in.post(
        "/staff/people", data={"name": "x", "csrf_token": csrf_token(signed_in, "/staff/")}
    )
    for pattern, what in INLINE:
        assert not pattern.search(results.text), f"{what} on the search results"


def test_a_post_without_the_token_is_refused_with_a_page(client: TestClient, officer: Officer) -> None:
    client.get("/staff/login")
    response = client.post("/staff/login", data={"username": officer.username, "password": officer.password})
    assert response.status_code == 403
    assert CSRF_REFUSAL in response.text
    assert response.headers["content-type"].startswith("text/html")
    wrong = client.post("/staff/login", data={"username": "a", "password": "b", "csrf_token": "forged"})
    assert wrong.status_code == 403
    assert CSRF_REFUSAL in wrong.text  # not some other 403 (a locked account is refused with one too)


def test_a_token_from_another_session_is_refused(app: object, client: TestClient, officer: Officer) -> None:
    with TestClient(client.app) as other:
        stolen = csrf_token(other)
    client.get("/staff/login")
    response = client.post(
        "/staff/login",
        data={"username": officer.username, "password": officer.password, "csrf_token": stolen},
    )
    assert response.status_code == 403
    assert CSRF_REFUSAL in response.text
    assert client.get("/staff/").headers["location"] == "/staff/login"  # and nobody was signed in


def test_htmx_requests_may_carry_the_token_in_a_header(signed_in: TestClient) -> None:
    token = csrf_token(signed_in, "/staff/")
    response = signed_in.post("/staff/logout", headers={"X-CSRF-Token": token, "HX-Request": "true"})
    assert response.status_code == 204
    assert response.headers["hx-redirect"] == "/staff/login"


def test_the_json_api_is_not_subject_to_csrf(client: TestClient) -> None:
    response = client.post("/api/auth/token", data={"username": "nobody", "password": "Wrong-password-1"})
    assert response.status_code == 401  # refused by the login, not by CSRF
    assert response.headers["content-type"].startswith("application/json")


def test_session_cookie_is_http_only_and_same_site(client: TestClient, officer: Officer) -> None:
    response = sign_in(client, officer.username, officer.password)
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("onestop_session=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


@pytest.fixture
def production_client(container: Container) -> TestClient:
    update = {"mode": "production", "public_base_url": "https://testserver"}
    container.settings = container.settings.model_copy(update=update)
    return TestClient(create_app(container), base_url="https://testserver", follow_redirects=False)


def test_production_adds_hsts_and_secure_host_only_cookies(production_client: TestClient) -> None:
    response = production_client.get("/staff/login")
    assert response.headers["strict-transport-security"].startswith("max-age=")
    assert response.headers["set-cookie"].startswith("__Host-onestop_session=")
    assert "; Secure" in response.headers["set-cookie"]
    assert "; Secure" in production_client.get("/portal/?lang=fr").headers["set-cookie"]
