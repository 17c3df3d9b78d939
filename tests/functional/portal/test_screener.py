"""The anonymous screener over HTTP: plain questions, the answers carried in the form (nothing
stored, nothing in the address), results with reasons and how to apply, in English and French."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.web.app import create_app

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container), follow_redirects=False) as test_client:
        yield test_client


def carried(html: str) -> dict[str, object]:
    """The hidden fields of the screener's question form, as the browser would post them again."""
    form = html[html.index('<form method="post" action="/portal/screener"') :]
    form = form[: form.index("</form>")]
    data: dict[str, object] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form):
        if name in ("skip", "path"):
            data.setdefault(name, []).append(value)  # type: ignore[union-attr]
        else:
            data[name] = value
    return data


def post(client: TestClient, html: str, **answers: str) -> str:
    data = carried(html)
    for path in data.get("path", []):  # type: ignore[union-attr]
        name = path.rsplit(".", 1)[-1]
        if name in answers:
            data[f"answer-{path}"] = answers[name]
    response = client.post("/portal/screener", data=data)
    assert response.status_code in (200, 422), response.text
    return response.text


def auto(html: str) -> dict[str, str]:
    """A plausible answer to the question shown: "no", the first choice, 34 years, or $0."""
    field = re.search(r'name="path" value="([^"]+)"', html)
    if field is None:
        return {}
    path = field.group(1)
    name = path.rsplit(".", 1)[-1]
    choice = re.search(rf'name="answer-{re.escape(path)}" value="([^"]+)">', html)
    if choice:
        return {name: "no" if choice.group(1) == "yes" else choice.group(1)}
    return {name: "34" if name == "age" else "0"}


def test_the_home_page_leads_to_the_screener_which_asks_where_first(client: TestClient) -> None:
    assert 'href="/portal/screener"' in client.get("/portal/").text
    html = client.get("/portal/screener").text
    assert "Where do you live?" in html and "We keep nothing you answer here." in html


def test_answers_travel_in_the_form_and_nothing_is_stored(client: TestClient, container: Container) -> None:
    def events() -> int:
        with container.uow() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0)

    before = events()
    token = _CSRF.search(client.get("/portal/screener").text).group(1)  # type: ignore[union-attr]
    html = client.post("/portal/screener", data={"csrf_token": token, "jurisdiction": "ca-ab"}).text
    assert "Is any of this true for you today?" in html
    html = post(client, html)  # nothing urgent
    assert 'name="a:unit.fleeing_violence" value="false"' in html  # carried as a hidden field
    assert "1 answer so far" not in html and "answers so far" in html
    for _ in range(6):
        html = post(client, html, **auto(html))
    assert "What you may be able to get" in html and "How to apply:" in html
    assert events() == before  # not one record written for an anonymous screening


def test_a_wrong_answer_is_named_and_i_dont_know_moves_on(client: TestClient) -> None:
    token = _CSRF.search(client.get("/portal/screener").text).group(1)  # type: ignore[union-attr]
    html = post(
        client, client.post("/portal/screener", data={"csrf_token": token, "jurisdiction": "ca-ab"}).text
    )
    first = re.search(r'name="path" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    data = carried(html) | {"skip_now": first}
    moved = client.post("/portal/screener", data=data).text
    assert f'name="skip" value="{first}"' in moved
    assert re.search(r'name="path" value="([^"]+)"', moved).group(1) != first  # type: ignore[union-attr]
    done = client.post("/portal/screener", data=carried(moved) | {"done": "yes"}).text
    assert 'name="path"' not in done.split('id="results-title"')[0]  # no more questions asked


def test_the_screener_speaks_french(client: TestClient) -> None:
    html = client.get("/portal/screener?lang=fr").text
    assert "Où habitez-vous?" in html or "Où habitez-vous" in html
    token = _CSRF.search(html).group(1)  # type: ignore[union-attr]
    html = client.post("/portal/screener", data={"csrf_token": token, "jurisdiction": "ca-nl"}).text
    assert "Cochez" in html and "Terre-Neuve-et-Labrador" in html
