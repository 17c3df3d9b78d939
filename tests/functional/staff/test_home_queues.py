"""The queues that drive the day on the home page: overdue tasks, reviews due, what waits for the
officer (open applications of the caseload, documents to check), the caseload by status (a chart with
its table) and the officer's latest contacts; and the supervisor's queues on the team page."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.cases import documents
from onestop.cases.tasks import CaseloadAssign, TaskCreate, assign_primary_worker, create_task
from tests.functional.staff.conftest import Officer, csrf_token, sign_in
from tests.functional.staff.factories import SYSTEM, person, staff, staff_id
from tests.integration.cases.applications.builders import PDF, apply, make_unit


def _section(html: str, title_id: str) -> str:
    start = html.index(f'id="{title_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_home_shows_the_days_queues(signed_in: TestClient, container: Container, officer: Officer) -> None:
    me = staff_id(container, officer.username)
    marie, paul, anne = person(container), person(container, "Paul", "Roy"), person(container, "Anne", "Gill")
    for who in (marie, paul, anne):
        mine = CaseloadAssign(staff_id=me)
        assign_primary_worker(container.uow(), actor=SYSTEM, person_id=who.id, data=mine)
    app = apply(container, SYSTEM, make_unit(container, marie.id))
    apply(container, SYSTEM, make_unit(container, paul.id))
    documents.upload_document(
        container.uow(),
        actor=SYSTEM,
        storage=container.storage,
        max_bytes=container.settings.max_upload_bytes,
        person_id=marie.id,
        doc_type="income_proof",
        filename="pay.pdf",
        data=PDF,
        application_id=app.id,
    )
    today = container.clock.today()
    late = TaskCreate(title="Send the lease", due_on=today, person_id=marie.id, assignee_id=me)
    create_task(container.uow(), actor=SYSTEM, data=late)
    container.clock.advance(dt.timedelta(days=2))  # the task is now overdue
    assert sign_in(signed_in, officer.username, officer.password).status_code == 303
    token = csrf_token(signed_in, f"/staff/people/{marie.id}")
    logged = signed_in.post(
        "/staff/interactions/quick",
        data={"csrf_token": token, "channel": "phone", "reason": "payment_inquiry", "person_id": marie.id},
    )
    assert logged.status_code in (200, 303), logged.text

    html = signed_in.get("/staff/").text
    overdue = _section(html, "overdue-title")
    assert "Send the lease" in overdue and "Tremblay, Marie" in overdue
    assert "Send the lease" not in _section(html, "tasks-title")
    waiting = _section(html, "waiting-title")
    assert f'href="/staff/applications/{app.id}"' in waiting and "Roy, Paul" in waiting
    row = waiting[waiting.index("Tremblay, Marie") :]
    assert "<td>1</td>" in row[: row.index("</tr>")]  # one document to check
    contacts = _section(html, "contacts-title")
    assert "Tremblay, Marie" in contacts and "Phone" in contacts
    chart = _section(html, "caseload-chart-title")
    assert "<svg" in chart and 'role="img"' in chart
    assert "<td>Received</td><td>2</td>" in chart and "<td>No application yet</td><td>1</td>" in chart
    french = signed_in.get("/staff/?lang=fr").text
    assert "Aucune demande pour l’instant" in french or "Aucune demande pour l'instant" in french


def test_the_home_of_an_officer_with_nothing_to_do(signed_in: TestClient) -> None:
    html = signed_in.get("/staff/").text
    assert "Nothing is overdue." in html and "No application on your caseload is waiting for you." in html
    assert "You have logged no contact yet." in html


def test_the_supervisors_team_page_lists_what_waits_for_a_supervisor(
    client: TestClient, container: Container, officer: Officer
) -> None:
    staff(container, "sboss", {Role.SUPERVISOR}, "Correct-horse-43", "Sam Boss")
    assert sign_in(client, "sboss", "Correct-horse-43").status_code == 303
    html = client.get("/staff/team").text
    queues = _section(html, "waiting-supervisor-title")
    assert 'href="/staff/approvals"' in queues and 'href="/staff/overrides"' in queues
    assert "Write-offs to approve</a>: <strong>0</strong>" in queues
