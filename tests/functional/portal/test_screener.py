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
    for _ in range(6):  # fewer questions now: the screener may be done sooner (issue 13)
        if 'name="path"' not in html:
            break
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


def _start(client: TestClient, jurisdiction: str = "ca-ab") -> str:
    page = client.get("/portal/screener").text
    token = _CSRF.search(page).group(1)  # type: ignore[union-attr]
    response = client.post("/portal/screener", data={"csrf_token": token, "jurisdiction": jurisdiction})
    assert response.status_code == 200
    return response.text


def test_somewhere_else_says_so_and_gives_the_next_step(client: TestClient) -> None:
    html = _start(client, "elsewhere")
    assert "only knows the programs of Alberta" in html and "211" in html


def test_the_situation_checklist_is_one_page_and_unticked_is_no(client: TestClient) -> None:
    html = _start(client)
    for _ in range(3):  # the urgent page, then age, then the checklist
        if 'value="situation"' in html:
            break
        html = post(client, html, **({"age": "34"} if "people[p1].age" in html else {}))
    assert 'value="situation"' in html
    assert "Tick all that apply" in html
    html = post(client, html)  # nothing ticked
    assert "unit.death_in_family" in html  # carried as an answer ("no")
    assert 'name="a:unit.death_in_family" value="false"' in html


def test_a_forged_question_is_named_not_a_500(client: TestClient) -> None:
    data = carried(_start(client))
    data["path"] = ["people[p1].no_such_thing"]
    data["answer-people[p1].no_such_thing"] = "x"
    response = client.post("/portal/screener", data=data)
    assert response.status_code == 422
    assert "not part of the screener" in response.text


def test_text_for_a_number_asks_again_and_keeps_the_answers(client: TestClient) -> None:
    html = _start(client)
    while "people[p1].age" not in html or 'name="path" value="people[p1].age"' not in html:
        html = post(client, html)
    response = client.post("/portal/screener", data={**carried(html), "answer-people[p1].age": "thirty"})
    assert response.status_code == 422
    assert "whole number" in response.text
    assert 'name="path" value="people[p1].age"' in response.text
    assert 'name="a:unit.no_money_for_food_today" value="false"' in response.text


def test_when_nothing_fits_the_page_says_so_with_the_next_step(client: TestClient) -> None:
    html = _start(client)
    data = carried(html)
    data["a:unit.resident_of_province"] = "false"
    html = client.post("/portal/screener", data={**data, "done": "yes"}).text
    for _ in range(40):
        if 'name="path"' not in html:
            break
        html = post(client, html, **auto(html))
    assert "Answer the questions above" not in html
    assert "no program we check fits you" in html or "may fit your situation" in html
