"""A client acts as themselves, with a client's few permissions, and reaches only their own records:
another client's decision or application is "not found", and nothing about it is read or written."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop.access import Actor, Permission, Role
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.cases.applications import get_application
from onestop.cases.decisions import DecisionCreate, decide_application
from onestop.cases.documents import list_documents
from onestop.clients import client_actor
from tests.functional.portal.conftest import PDF, account, apply, confirmed, sign_in, sign_out, token
from tests.integration.cases.applications.builders import assess, eligible_single

SYSTEM = Actor.system("tests")


def _events(container: Container, actor: str) -> list[tuple[str, str | None]]:
    with container.uow() as uow:
        stmt = select(AuditEvent.action, AuditEvent.subject_id).where(AuditEvent.actor_username == actor)
        return [(a, s) for a, s in uow.session.execute(stmt)]


def _decided(container: Container, application: uuid.UUID) -> uuid.UUID:
    """An officer verifies the published single-adult case and decides."""
    app = get_application(container.uow(), actor=SYSTEM, application_id=application)
    eligible_single(container, SYSTEM, app.applicant_id, app.id)
    assess(container, SYSTEM, app.id)
    out = decide_application(container.uow(), actor=SYSTEM, data=DecisionCreate(application_id=app.id))
    assert out.decision is not None
    return out.decision.id


def test_another_clients_decision_and_application_are_not_found_and_not_read(
    client: TestClient, container: Container
) -> None:
    for email in ("one@example.ca", "two@example.ca"):
        confirmed(client, container, email)
    sign_in(client, "one@example.ca")
    mine = apply(client, "Una", "One", program="ab.income_support")
    decision = _decided(container, uuid.UUID(mine.rsplit("/", 1)[1]))
    assert "Income Support" in client.get(f"/portal/decisions/{decision}").text
    sign_out(client)
    assert sign_in(client, "two@example.ca").status_code == 303
    other = f"client:{account(container, 'two@example.ca').id}"
    assert client.get(f"/portal/decisions/{decision}").status_code == 404
    assert client.get(mine).status_code == 404
    csrf = token(client)
    sent = client.post(
        f"{mine}/documents",
        data={"csrf_token": csrf, "doc_type": "income_proof"},
        files={"file": ("pay.pdf", PDF, "application/pdf")},
    )
    assert sent.status_code == 404
    person = account(container, "one@example.ca").person_id
    assert person is not None
    assert not [
        d for d in list_documents(container.uow(), actor=SYSTEM, person_id=person) if d.uploaded_by == other
    ]
    own = str(account(container, "two@example.ca").id)
    expected = [(action, own) for action in ("client:sign_up", "client:verify", "client:sign_in")]
    assert _events(container, other) == expected  # nothing read about the other client's records


def test_the_portal_acts_as_the_client_with_a_clients_permissions_only(
    client: TestClient, container: Container
) -> None:
    confirmed(client, container, "ana@example.ca")
    sign_in(client, "ana@example.ca")
    apply(client, "Ana", "Roy")
    found = account(container, "ana@example.ca")
    actor = client_actor(found)
    assert (actor.staff_id, actor.username) == (None, f"client:{found.id}")
    assert actor.roles == frozenset({Role.CLIENT})
    p = Permission
    for power in (
        p.MONEY_ISSUE,
        p.DECISION_MAKE,
        p.PERSON_READ,
        p.PERSON_REVEAL_IDENTIFIERS,
        p.DOCUMENT_VERIFY,
        p.AUDIT_READ,
        p.STAFF_READ,
    ):
        assert not actor.can(power), power
    actions = {a for a, _ in _events(container, actor.username)}
    assert {"person:create", "application:create", "client:apply"} <= actions
    assert not _events(container, f"portal:{found.id}")  # never the all-powerful system actor
