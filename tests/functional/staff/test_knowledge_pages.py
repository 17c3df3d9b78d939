"""Knowledge base pages over HTTP: an editor writes an article (a missing French title shown beside its
box with what was typed kept, 422), cannot publish it (409 with why); a supervisor publishes it from
the review queue; an officer finds it by search (the words marked), reads it in English and French
with its source and review date, its history, and sees it beside the program in the catalogue and
in the screening results."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop import knowledge
from onestop.access import Actor, Role, create_office, create_staff, list_offices
from onestop.bootstrap import Container
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in
from tests.functional.staff.factories import person
from tests.functional.staff.test_casework_pages import start_interview

SYSTEM = Actor.system("tests")
AB_PROGRAMS = (
    "ab.income_support, ab.emergency_income_support, ab.aish, ab.adult_health_benefit, ab.funeral_benefit"
)


def _staff(container: Container, username: str, role: Role) -> None:
    offices = list_offices(container.uow(), actor=SYSTEM)
    office = (
        offices[0]
        if offices
        else create_office(container.uow(), actor=SYSTEM, code="EDM-01", name="Edmonton")
    )
    create_staff(
        container.uow(),
        actor=SYSTEM,
        username=username,
        display_name=username.title(),
        password=PASSWORD,
        roles={role},
        office_id=office.id,
    )


def _as(client: TestClient, username: str) -> None:
    client.cookies.clear()
    assert sign_in(client, username, PASSWORD).status_code == 303


def test_write_review_publish_and_find(client: TestClient, container: Container) -> None:
    _staff(container, "edith", Role.KNOWLEDGE_EDITOR)
    _staff(container, "sam", Role.SUPERVISOR)
    _staff(container, "olga", Role.OFFICER)

    _as(client, "edith")
    assert "Write an article" in client.get("/staff/knowledge").text
    token = csrf_token(client, "/staff/knowledge/new")
    form = {
        "csrf_token": token,
        "kind": "howto",
        "jurisdiction": "ca-ab",
        "title_en": "How to issue an emergency food voucher",
        "body_en": "Issue it the same day.\n\n1. Check who the client is.\n2. Record the amount.",
        "body_fr": "Remettez-le le jour même.",
        "source_title": "Income Support Policy Manual",
        "source_url": "https://www.alberta.ca/income-support",
        "review_on": "2026-09-01",
        "links": AB_PROGRAMS,
    }
    missing = client.post("/staff/knowledge/new", data=form)
    assert missing.status_code == 422
    assert (
        'id="f-title_fr-error"' in missing.text
        and 'value="How to issue an emergency food voucher"' in missing.text
    )
    saved = client.post(
        "/staff/knowledge/new", data=form | {"title_fr": "Comment remettre un bon alimentaire"}
    )
    assert saved.status_code == 303, saved.text
    draft_page = saved.headers["location"]
    page = client.get(draft_page).text
    assert "You wrote this draft" in page and "Publish this version" not in page
    article_id = draft_page.split("/")[3]
    refused = client.post(f"{draft_page}/publish", data={"csrf_token": token})
    assert refused.status_code == 409 and "second person" in refused.text

    _as(client, "olga")
    assert client.get(f"/staff/knowledge/{article_id}").status_code == 404  # not published yet
    assert client.get("/staff/knowledge/new").status_code == 403

    _as(client, "sam")
    queue = client.get("/staff/knowledge/review").text
    assert "How to issue an emergency food voucher" in queue
    page = client.get(draft_page).text
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version
    token = csrf_token(client, draft_page)
    published = client.post(f"{draft_page}/publish", data={"csrf_token": token, "version": version.group(1)})
    assert published.status_code == 303
    assert "No draft is waiting for review." in client.get("/staff/knowledge/review").text

    _as(client, "olga")
    token = csrf_token(client, "/staff/knowledge")
    empty = client.post("/staff/knowledge", data={"csrf_token": token, "q": "?"})
    assert empty.status_code == 422 and 'id="f-q-error"' in empty.text
    found = client.post("/staff/knowledge", data={"csrf_token": token, "q": "food voucher"}).text
    assert f'href="/staff/knowledge/{article_id}"' in found
    marked = client.post("/staff/knowledge", data={"csrf_token": token, "q": "recording amounts"}).text
    assert "<mark>Record</mark> the <mark>amount</mark>" in marked
    article = client.get(f"/staff/knowledge/{article_id}").text
    assert "<ol><li>Check who the client is.</li><li>Record the amount.</li></ol>" in article
    assert (
        'href="https://www.alberta.ca/income-support"' in article
        and "Income Support Policy Manual" in article
    )
    assert "Edit (a new version)" not in article
    french = client.get(f"/staff/knowledge/{article_id}?lang=fr").text
    assert "Comment remettre un bon alimentaire" in french and "Remettez-le le jour même." in french
    history = client.get(f"/staff/knowledge/{article_id}/history").text
    assert "edith" in history and "sam" in history
    catalogue = client.get("/staff/catalogue/ca-ab/ab.income_support").text
    assert f'href="/staff/knowledge/{article_id}"' in catalogue

    marie = person(container)
    interview = client.get(start_interview(client, marie.id)).text
    assert f'href="/staff/knowledge/{article_id}"' in interview


def test_edit_makes_a_new_version_and_a_stale_form_is_refused(
    client: TestClient, container: Container
) -> None:
    _staff(container, "edith", Role.KNOWLEDGE_EDITOR)
    editor = Actor.for_roles(None, "ed2", frozenset({Role.KNOWLEDGE_EDITOR}))
    from tests.integration.knowledge.conftest import draft

    made = knowledge.create_article(container.uow(), actor=editor, data=draft())
    knowledge.publish(container.uow(), actor=SYSTEM, article_id=made.id, number=1, data=knowledge.Review())
    _as(client, "edith")
    form_page = client.get(f"/staff/knowledge/{made.id}/edit").text
    assert 'value="How to issue an emergency food voucher"' in form_page
    values = dict(
        re.findall(
            r'<input class="input[^"]*" id="f-[^"]+" name="([^"]+)" type="[^"]+" value="([^"]*)"', form_page
        )
    )
    values |= {
        "kind": "howto",
        "jurisdiction": "ca-nl",
        "csrf_token": csrf_token(client, f"/staff/knowledge/{made.id}/edit"),
    }
    values |= {"body_en": "Issue it the same day.", "body_fr": "Le jour même.", "note": "Shorter"}
    version = re.search(r'name="version" value="(\d+)"', form_page)
    assert version
    stale = client.post(
        f"/staff/knowledge/{made.id}/edit", data=values | {"version": str(int(version.group(1)) - 1)}
    )
    assert stale.status_code == 409
    saved = client.post(f"/staff/knowledge/{made.id}/edit", data=values | {"version": version.group(1)})
    assert saved.status_code == 303 and saved.headers["location"].endswith("/versions/2")
    lines = knowledge.history(container.uow(), actor=SYSTEM, article_id=made.id)
    assert (lines[0].number, lines[0].state, lines[0].note) == (2, "draft", "Shorter")
