"""The duplicates-to-review page: the queue, review and merge (the merge screen with the suggested
record chosen), and "not the same person" (a reason is required; the pair leaves the queue)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.common.ids import new_id
from onestop.registry.sweep import repository
from onestop.registry.sweep.model import Pair
from tests.functional.staff.conftest import PASSWORD, Officer, csrf_token, sign_in
from tests.functional.staff.factories import person, staff

EVIDENCE = [
    {"field": "given", "level": "a name and its short form", "weight": 6.5},
    {"field": "family", "level": "the same", "weight": 9.1},
    {"field": "birth_date", "level": "the same", "weight": 12.0},
    {"field": "phone", "level": "missing", "weight": 0.0},
]


def _suggest(container: Container) -> tuple[str, str]:
    a = person(container, "Robert", "Zelazny")
    b = person(container, "Bob", "Zelazny")
    first, second = sorted((str(a.id), str(b.id)))
    with container.uow() as uow:
        pair = Pair(first, second, 0.97, 12.3, EVIDENCE)
        repository.store_run(uow.session, [pair], run_id=new_id(), now=container.clock.now())
        uow.commit()
    return first, second


def test_supervisor_reviews_the_queue_and_dismisses_a_pair(
    client: TestClient, container: Container, officer: Officer
) -> None:
    first, second = _suggest(container)
    staff(container, "sup", {Role.SUPERVISOR}, PASSWORD)
    assert sign_in(client, "sup", PASSWORD).status_code == 303

    page = client.get("/staff/duplicates")

    assert page.status_code == 200
    assert "Zelazny, Robert" in page.text and "Zelazny, Bob" in page.text and "97 %" in page.text
    assert "Given name: a name and its short form" in page.text
    link = re.search(r'href="(/staff/people/[0-9a-f-]+/merge\?suggestion=[0-9a-f-]+)"', page.text)
    assert link, "no review-and-merge link"
    assert link.group(1).startswith(f"/staff/people/{first}/merge")
    merge = client.get(link.group(1))
    assert merge.status_code == 200
    assert re.search(rf'value="{second}" checked', merge.text), "the suggested record is not chosen"
    assert "suggested by the duplicate sweep" in merge.text

    action = re.search(r'action="(/staff/duplicates/[0-9a-f-]+/dismiss)"', page.text)
    assert action
    token = csrf_token(client, "/staff/duplicates")
    refused = client.post(action.group(1), data={"reason": " ", "csrf_token": token})
    assert refused.status_code == 422 and "field-error" in refused.text
    done = client.post(action.group(1), data={"reason": "father and son", "csrf_token": token})
    assert done.status_code == 303
    assert "Zelazny" not in client.get("/staff/duplicates").text.split("<h1>")[1]
    dismissed = client.get("/staff/duplicates?status=dismissed")
    assert "father and son" in dismissed.text and "sup" in dismissed.text


def test_the_queue_in_french(client: TestClient, container: Container, officer: Officer) -> None:
    _suggest(container)
    staff(container, "sup", {Role.SUPERVISOR}, PASSWORD)
    sign_in(client, "sup", PASSWORD)
    page = client.get("/staff/duplicates?lang=fr")
    assert page.status_code == 200
    assert "Doublons à examiner" in page.text and "Examiner et fusionner" in page.text
    assert "Prénom: un prénom et son diminutif" in page.text


def test_officers_cannot_see_the_queue(signed_in: TestClient, container: Container) -> None:
    _suggest(container)
    assert signed_in.get("/staff/duplicates").status_code == 403
    assert "/staff/duplicates" not in signed_in.get("/staff/").text


def test_bad_query_is_named(client: TestClient, container: Container, officer: Officer) -> None:
    staff(container, "sup", {Role.SUPERVISOR}, PASSWORD)
    sign_in(client, "sup", PASSWORD)
    assert client.get("/staff/duplicates?status=maybe").status_code == 422
    assert client.get("/staff/duplicates?page=0").status_code == 422
    assert client.get("/staff/duplicates?page=x").status_code == 422
