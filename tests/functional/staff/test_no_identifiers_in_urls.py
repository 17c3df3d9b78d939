"""Names, birth dates, phones and SINs never travel in an address: they would land in the access log,
the browser's history and the sign-in redirect. Searches are posted; the API refuses them in a query."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from onestop.access import Actor, Role, create_staff
from onestop.bootstrap import Container
from onestop.web import accesslog
from onestop.web.app import create_app
from tests.functional.staff.conftest import PASSWORD, csrf_token
from tests.functional.staff.factories import person

SIN = "130 692 544"


@pytest.fixture
def marie(container: Container) -> None:
    person(container, sin=SIN, phones=[{"number": "780 555 0199"}])


def test_the_staff_search_is_posted_and_its_page_has_no_search_in_any_address(
    signed_in: TestClient, marie: None
) -> None:
    form = signed_in.get("/staff/people").text
    assert 'method="post" action="/staff/people"' in form and 'hx-post="/staff/people"' in form
    assert "hx-push-url" not in form and "hx-get" not in form
    assert 'method="post" action="/staff/people"' in signed_in.get("/staff/").text  # the home page's box
    token = csrf_token(signed_in, "/staff/")
    found = signed_in.post("/staff/people", data={"csrf_token": token, "sin": SIN})
    assert found.status_code == 200 and "1 person found" in found.text and "*** *** 544" in found.text
    assert 'href="/staff/people?lang=fr"' in found.text  # the language switch: the page, not the search
    fragment = signed_in.post(
        "/staff/people",
        data={"phone": "780 555 0199"},
        headers={"HX-Request": "true", "HX-Target": "search-results", "X-CSRF-Token": token},
    )
    assert (
        fragment.text.lstrip().startswith('<section id="search-results"')
        and "1 person found" in fragment.text
    )


def test_household_and_merge_searches_are_posted(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    twin = person(container, "Maria", "Tremblay")
    token = csrf_token(signed_in, "/staff/")
    found = signed_in.post(
        f"/staff/people/{marie.id}/merge/find", data={"csrf_token": token, "find": "Maria"}
    )
    assert found.status_code == 200 and f'value="{twin.id}"' in found.text
    assert f'href="/staff/people/{marie.id}/merge?lang=fr"' in found.text
    page = signed_in.get(f"/staff/people/{marie.id}/household").text
    assert (
        'method="get"' not in page
        and 'method="get"' not in signed_in.get(f"/staff/people/{marie.id}/merge").text
    )


def test_a_search_in_the_address_is_not_run(signed_in: TestClient, marie: None) -> None:
    page = signed_in.get("/staff/people", params={"sin": SIN, "name": "Tremblay"})
    assert page.status_code == 200 and "person found" not in page.text and "130 692" not in page.text


def test_signing_in_returns_to_the_page_without_its_query(client: TestClient) -> None:
    response = client.get("/staff/people?name=Smith&sin=130692544")
    assert response.headers["location"] == "/staff/login?next=%2Fstaff%2Fpeople"


@pytest.fixture
def api(container: Container) -> Iterator[TestClient]:
    create_staff(
        container.uow(),
        actor=Actor.system("tests"),
        username="apiofficer",
        display_name="A",
        password=PASSWORD,
        roles={Role.OFFICER},
        office_id=None,
    )
    with TestClient(create_app(container)) as client:
        token = client.post("/api/auth/token", data={"username": "apiofficer", "password": PASSWORD})
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        yield client


def test_the_api_takes_a_sin_or_phone_only_in_a_posted_body(api: TestClient, marie: None) -> None:
    hits = api.post("/api/people/search", json={"sin": SIN}).json()
    assert hits[0]["person"]["sin"] == "*** *** 544" and hits[0]["reasons"] == ["same SIN"]
    assert api.post("/api/people/search", json={"phone": "780-555-0199"}).json()[0]["person"]["sin"]
    assert api.post("/api/people/search", json={}).status_code == 422
    for field, value in (("sin", SIN), ("phone", "7805550199")):
        refused = api.get("/api/people", params={field: value})
        assert refused.status_code == 422
        assert refused.json()["field"] == field and "POST /api/people/search" in refused.json()["detail"]
    assert api.get("/api/people", params={"name": "Marie Tremblay"}).json()[0]["person"]["sin"]


def _serve(port: int) -> uvicorn.Server:
    async def app(scope: dict[str, object], receive: object, send: object) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b""})  # type: ignore[operator]

    quiet = accesslog.log_config()
    quiet["loggers"]["uvicorn"]["level"] = quiet["loggers"]["uvicorn.error"]["level"] = "WARNING"
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=quiet, lifespan="off")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    return server


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_the_access_log_has_paths_without_queries(unused_port: int) -> None:
    kept = _Keep()
    server = _serve(unused_port)
    logging.getLogger("uvicorn.access").addHandler(kept)
    try:
        httpx.get(f"http://127.0.0.1:{unused_port}/api/people?sin=130692544&name=Smith")
    finally:
        logging.getLogger("uvicorn.access").removeHandler(kept)
        server.should_exit = True
    assert any("GET /api/people HTTP/1.1" in line for line in kept.lines), kept.lines
    assert not any("130692544" in line or "Smith" in line for line in kept.lines)


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
