"""Issue 10 part 9: input that once made the server fail now gets a 4xx naming the field, or is
handled (file names, redirect targets); nothing answers 5xx."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.web.app import create_app
from onestop.web.downloads import content_disposition
from tests.functional.api.test_people_api import api_client
from tests.functional.staff.conftest import Officer, csrf_token, sign_in
from tests.functional.staff.factories import person

HUGE = "9" * 5000
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01" * 40
STRANGE_NUMBERS = [HUGE, "²", "٣٤", "-" + HUGE]
ODD_NAMES = [
    "Relevé «été» 2026.png",
    'a"; filename="evil.exe.png',
    "línea\r\nSet-Cookie: x=1.png",
    "证件.png",
]


@pytest.fixture
def staff_client(container: Container, officer: Officer) -> Iterator[TestClient]:
    with TestClient(create_app(container), follow_redirects=False) as client:
        assert sign_in(client, officer.username, officer.password).status_code == 303
        yield client


@pytest.fixture
def api(container: Container) -> Iterator[TestClient]:
    with api_client(container, Role.OFFICER, "badinput1") as client:
        yield client


def test_a_strange_age_on_the_public_screener_is_asked_again(container: Container) -> None:
    with TestClient(create_app(container), follow_redirects=False) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/portal/screener").text)
        assert token
        base = {"csrf_token": token.group(1), "jurisdiction": "ca-ab"}
        for age in STRANGE_NUMBERS:
            asked = client.post(
                "/portal/screener", data=base | {"path": "people.me.age", "answer-people.me.age": age}
            )
            carried = client.post("/portal/screener", data=base | {"a:people.me.age": age, "done": "yes"})
            assert asked.status_code in (200, 422), asked.text[:300]
            assert carried.status_code in (200, 422), carried.text[:300]


def test_a_strange_age_on_the_api_screen_is_a_422(api: TestClient) -> None:
    body = '{"jurisdiction": "ca-ab", "date": "2024-06-01", "people": [{"id": "me", "role": "applicant", '
    body += '"age": %s}]}'
    for age in [HUGE, "1e400", '"²"', "-" + HUGE, "1e9999999"]:
        response = api.post("/api/screen", content=body % age, headers={"Content-Type": "application/json"})
        assert response.status_code in (200, 422), response.text[:300]


def test_a_bad_row_count_on_the_plan_form_is_a_422_naming_it(
    staff_client: TestClient, container: Container
) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/plans/new"
    token = csrf_token(staff_client, path)
    for rows in ["abc", "100000000", *STRANGE_NUMBERS]:
        form = {"csrf_token": token, "title": "Housing", "goal_rows": rows, "action_rows": "0"}
        response = staff_client.post(path, data=form)
        assert response.status_code == 422, response.text[:300]
        assert "whole number from 0 to 200" in response.text


def test_odd_file_names_download_from_both_routes_with_one_safe_header(
    api: TestClient, staff_client: TestClient, container: Container
) -> None:
    marie = person(container)
    for name in ODD_NAMES:
        _download_both(api, staff_client, marie.id, name)


def _download_both(api: TestClient, staff_client: TestClient, person_id: object, name: str) -> None:
    made = api.post(
        f"/api/people/{person_id}/documents",
        data={"doc_type": "identity"},
        files={"file": (name, PNG, "image/png")},
    )
    assert made.status_code == 201, made.text
    doc = made.json()["id"]
    for got in (api.get(f"/api/documents/{doc}/content"), staff_client.get(f"/staff/documents/{doc}/file")):
        assert got.status_code == 200 and got.content == PNG
        header = got.headers["content-disposition"]
        assert header.count(";") == 2 and header.count('"') == 2 and "\r" not in header and "\n" not in header
        assert "filename*=UTF-8''" in header


def test_the_download_header_keeps_the_name_and_a_plain_fallback() -> None:
    header = content_disposition('Relevé "été".pdf')
    assert (
        header
        == "attachment; filename=\"Releve _ete_.pdf\"; filename*=UTF-8''Relev%C3%A9%20%22%C3%A9t%C3%A9%22.pdf"
    )
    assert content_disposition("plan.pdf", "inline").startswith('inline; filename="plan.pdf"')
    assert content_disposition("\r\n") == "attachment; filename=\"download\"; filename*=UTF-8''download"


def test_a_next_that_is_not_a_path_of_this_site_goes_home(staff_client: TestClient) -> None:
    token = csrf_token(staff_client, "/staff/tasks")
    for target in [
        "/staff/\r\nSet-Cookie: a=b",
        "//evil.example/staff/",
        "/staff/\\evil",
        "https://x.example/",
        "/staff/é",
    ]:
        _goes_home(staff_client, token, target)


def _goes_home(staff_client: TestClient, token: str, target: str) -> None:
    answers = [
        staff_client.get("/staff/login", params={"next": target}, headers={"HX-Request": "true"}),
        staff_client.get("/staff/login", params={"next": target}),
        staff_client.post(
            "/staff/interactions/quick",
            data={"csrf_token": token, "reason": "general_inquiry", "channel": "phone", "next": target},
        ),
    ]
    for got in answers:
        assert got.status_code in (204, 303), got.text[:300]
        location = got.headers.get("hx-redirect") or got.headers["location"]
        assert location == "/staff/", location


def test_a_body_over_the_limit_is_a_413(container: Container) -> None:
    container.settings.api_max_body_bytes = 1000
    with api_client(container, Role.OFFICER, "limit1") as api:
        _over_the_limit(api)


def _over_the_limit(api: TestClient) -> None:
    big = '{"q": "' + "x" * 2000 + '"}'
    declared = api.post("/api/people/search", content=big, headers={"Content-Type": "application/json"})
    assert (declared.status_code, declared.json()["field"]) == (413, "body")

    def chunks() -> Iterator[bytes]:
        yield big.encode()[:600]
        yield big.encode()[600:]

    streamed = api.post("/api/people/search", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    small = api.post("/api/people/search", json={"name": "Tremblay"})
    assert small.status_code < 500
