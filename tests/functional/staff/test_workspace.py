"""The officer's workspace over HTTP: home (tasks, reviews, caseload), the task list, the quick-log
widget (htmx and plain form), the full contact form and the client 360 page."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.cases.interactions import InteractionCreate, log_interaction
from onestop.cases.tasks import CaseloadAssign, TaskCreate, assign_primary_worker, create_task
from tests.functional.staff.conftest import Officer, csrf_token
from tests.functional.staff.factories import SYSTEM, person, staff_id

TODAY = dt.date(2026, 3, 2)


def test_home_shows_tasks_due_today_reviews_and_the_caseload(
    signed_in: TestClient, container: Container, officer: Officer
) -> None:
    me = staff_id(container, officer.username)
    marie = person(container)
    assign_primary_worker(container.uow(), actor=SYSTEM, person_id=marie.id, data=CaseloadAssign(staff_id=me))
    for title, kind, due in (
        ("Call Marie back", "callback", TODAY),
        ("Annual review", "review_due", TODAY),
        ("Next month", "follow_up", TODAY + dt.timedelta(days=30)),
    ):
        data = TaskCreate(title=title, kind=kind, due_on=due, person_id=marie.id, assignee_id=me)
        create_task(container.uow(), actor=SYSTEM, data=data)
    html = signed_in.get("/staff/").text
    due = html[html.index('id="tasks-title"') : html.index('id="reviews-title"')]
    assert "Call Marie back" in due and "Next month" not in due and "Annual review" not in due
    assert "Tremblay, Marie" in due  # the caseload gives the task its person's name
    assert "1 more later" in due
    reviews = html[html.index('id="reviews-title"') :]
    assert "Annual review" in reviews
    assert f'href="/staff/people/{marie.id}">Tremblay, Marie</a>' in html[html.index('id="caseload-title"') :]
    assert 'id="approvals-title"' not in html  # an officer approves nothing


def test_completing_a_task_takes_it_off_the_list(
    signed_in: TestClient, container: Container, officer: Officer
) -> None:
    me = staff_id(container, officer.username)
    task = create_task(
        container.uow(),
        actor=SYSTEM,
        data=TaskCreate(title="Phone the landlord", due_on=TODAY, assignee_id=me),
    )
    assert "Phone the landlord" in signed_in.get("/staff/tasks").text
    done = signed_in.post(
        f"/staff/tasks/{task.id}/complete",
        data={
            "csrf_token": csrf_token(signed_in, "/staff/tasks"),
            "version": task.version,
            "next": "/staff/tasks",
        },
    )
    assert done.status_code == 303 and done.headers["location"] == "/staff/tasks"
    page = signed_in.get("/staff/tasks").text
    assert "Done: Phone the landlord" in page and "No task in this list." in page


def test_a_new_task_needs_a_due_date_in_the_future(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    token = csrf_token(signed_in, "/staff/tasks/new")
    bad = signed_in.post(
        "/staff/tasks/new",
        data={"csrf_token": token, "title": "x", "due_on": "2020-01-01", "person_id": str(marie.id)},
    )
    assert bad.status_code == 422 and 'id="f-due_on-error"' in bad.text
    ok = signed_in.post(
        "/staff/tasks/new",
        data={
            "csrf_token": token,
            "title": "Bring a lease",
            "due_on": "2026-03-09",
            "person_id": str(marie.id),
        },
    )
    assert ok.status_code == 303 and ok.headers["location"] == f"/staff/people/{marie.id}"


def test_every_staff_page_has_the_quick_log_widget_with_the_reason_buttons(signed_in: TestClient) -> None:
    html = signed_in.get("/staff/").text
    widget = html[html.index('<aside class="quick-log"') : html.index("</aside>")]
    assert 'action="/staff/interactions/quick"' in widget and 'hx-post="/staff/interactions/quick"' in widget
    assert 'name="reason" value="payment_inquiry">Payment inquiry</button>' in widget
    assert 'value="phone" checked' in widget
    assert "no client file open" in widget
    assert "Question sur un paiement" in signed_in.get("/staff/?lang=fr").text


def test_one_click_logs_a_call_about_the_open_file_and_htmx_gets_a_status_line(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}"
    html = signed_in.get(path).text
    assert f'name="person_id" value="{marie.id}"' in html and "about Marie Tremblay" in html
    token = csrf_token(signed_in, path)
    response = signed_in.post(
        "/staff/interactions/quick",
        data={"reason": "payment_inquiry", "channel": "phone", "person_id": str(marie.id), "next": path},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert re.search(r"Logged: Payment inquiry, Phone, at \d", response.text)
    contacts = signed_in.get(path).text
    section = contacts[contacts.index('id="interactions-title"') :]
    assert "1 contact in all" in section and "Payment inquiry" in section


def test_without_javascript_the_widget_posts_and_returns_to_the_page_remembering_the_channel(
    signed_in: TestClient,
) -> None:
    token = csrf_token(signed_in, "/staff/people")
    response = signed_in.post(
        "/staff/interactions/quick",
        data={
            "csrf_token": token,
            "reason": "general_information",
            "channel": "walk_in",
            "next": "/staff/people",
        },
    )
    assert response.status_code == 303 and response.headers["location"] == "/staff/people"
    page = signed_in.get("/staff/people").text
    assert "Logged: General information, Walk-in" in page
    assert 'value="walk_in" checked' in page
    refused = signed_in.post(
        "/staff/interactions/quick",
        data={"csrf_token": token, "reason": "no_such_reason", "next": "http://evil.example/"},
    )
    assert refused.headers["location"] == "/staff/"  # never sent to another site
    assert "The contact was not logged" in signed_in.get("/staff/").text


def test_the_full_contact_form_names_missing_reasons_and_makes_a_follow_up_task(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    form = signed_in.get(f"/staff/interactions/new?person_id={marie.id}")
    assert form.status_code == 200
    token = csrf_token(signed_in, "/staff/interactions/new")
    base = {"csrf_token": token, "person_id": str(marie.id), "channel": "phone", "direction": "inbound"}
    missing = signed_in.post("/staff/interactions/new", data=base)
    assert missing.status_code == 422 and 'id="f-reason_codes-error"' in missing.text
    ok = signed_in.post(
        "/staff/interactions/new",
        data=base
        | {"reason_codes": ["documents", "report_change"], "duration_minutes": "12", "notes": "Moved in"}
        | {"due_on": "2026-03-04", "title": "Check the new lease"},
    )
    assert ok.status_code == 303 and ok.headers["location"] == f"/staff/people/{marie.id}"
    file = signed_in.get(f"/staff/people/{marie.id}").text
    assert "Check the new lease" in file[file.index('id="tasks-title"') :]
    assert "Follow-up needed" in file


def test_the_client_360_page_has_every_section_and_the_actions(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    log_interaction(
        container.uow(),
        actor=SYSTEM,
        data=InteractionCreate(channel="email", reason_codes=["documents"], person_id=marie.id),
    )
    html = signed_in.get(f"/staff/people/{marie.id}").text
    for section in (
        "applications",
        "tasks",
        "plans",
        "referrals",
        "interactions",
        "documents",
        "household",
        "details",
        "identifiers",
        "consents",
    ):
        assert f'id="{section}-title"' in html, section
    assert f'action="/staff/people/{marie.id}/screening"' in html  # one click starts the interview
    for action in ("screening", "emergency", "referrals/new", "plans/new", "documents", "edit"):
        assert f'href="/staff/people/{marie.id}/{action}"' in html, action
    assert "No primary worker" in html
