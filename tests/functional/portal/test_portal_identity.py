"""Issue #10, part 3 and the portal attack of part 10(c): a merge never widens what a portal account
reaches; only an officer's link with an identity check does."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from onestop.access import Role
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.cases.documents import list_documents
from onestop.registry.models import Person
from tests.functional.api.test_people_api import api_client
from tests.functional.portal.conftest import PDF, account, apply, confirmed, sign_in, sign_out, token
from tests.functional.portal.test_ownership import SYSTEM, _decided


def _count(container: Container, action: str) -> int:
    with container.uow() as uow:
        return uow.session.scalar(select(func.count()).where(AuditEvent.action == action)) or 0


def _merged_into(container: Container, person: uuid.UUID) -> uuid.UUID | None:
    with container.uow() as uow:
        return uow.session.get_one(Person, person).merged_into_id


def _real_client_and_impostor(client: TestClient, container: Container) -> tuple[str, uuid.UUID, str]:
    """The real client applies and is decided; a stranger signs up and applies under the same name and
    birth date. Returns the real application's page, its decision and the impostor's page."""
    for email in ("real@example.ca", "fake@example.ca"):
        confirmed(client, container, email)
    sign_in(client, "real@example.ca")
    real = apply(client, "Una", "One", program="ab.income_support")
    decision = _decided(container, uuid.UUID(real.rsplit("/", 1)[1]))
    sign_out(client)
    sign_in(client, "fake@example.ca")
    fake = apply(client, "Una", "One", program="ab.income_support")
    return real, decision, fake


def test_a_stranger_merged_into_a_real_client_reaches_nothing_of_theirs(
    client: TestClient, container: Container
) -> None:
    real, decision, fake = _real_client_and_impostor(client, container)
    real_person = account(container, "real@example.ca").person_id
    fake_person = account(container, "fake@example.ca").person_id
    assert real_person and fake_person and real_person != fake_person
    with api_client(container, Role.SUPERVISOR, "super1") as supervisor:
        body = {"merged_id": str(fake_person), "reason": "same name and birth date"}
        refused = supervisor.post(f"/api/people/{real_person}/merge", json=body)
        assert refused.status_code == 409, refused.text
        assert "fake@example.ca" in refused.json()["detail"] and "portal_accounts" in refused.json()["detail"]
        assert _merged_into(container, fake_person) is None  # nothing changed
        merged = supervisor.post(f"/api/people/{real_person}/merge", json=body | {"portal_accounts": "keep"})
        assert merged.status_code == 200, merged.text
    assert _merged_into(container, fake_person) == real_person
    # The impostor still sees only their own application, never the real client's file.
    listed = client.get("/portal/account")
    assert listed.status_code == 200
    assert real.rsplit("/", 1)[1] not in listed.text
    assert client.get(real).status_code == 404
    assert client.get(f"/portal/decisions/{decision}").status_code == 404
    assert client.get(fake).status_code == 200
    sent = client.post(
        f"{real}/documents",
        data={"csrf_token": token(client), "doc_type": "income_proof"},
        files={"file": ("pay.pdf", PDF, "application/pdf")},
    )
    assert sent.status_code == 404
    impostor = f"client:{account(container, 'fake@example.ca').id}"
    docs = list_documents(container.uow(), actor=SYSTEM, person_id=real_person)
    assert not [d for d in docs if d.uploaded_by == impostor]


def test_an_identity_checked_link_reaches_the_file_and_unlinking_ends_it(
    client: TestClient, container: Container
) -> None:
    real, decision, _fake = _real_client_and_impostor(client, container)
    sign_out(client)
    sign_in(client, "real@example.ca")
    real_person = account(container, "real@example.ca").person_id
    with api_client(container, Role.OFFICER, "officer1") as officer:
        bad = officer.post(
            f"/api/people/{real_person}/portal-accounts",
            json={"email": "real@example.ca", "document_type": "passport", "last_digits": ""},
        )
        assert bad.status_code == 422 and bad.json()["field"] == "last_digits"
        assert account(container, "real@example.ca").linked_person_id is None
        linked = officer.post(
            f"/api/people/{real_person}/portal-accounts",
            json={"email": "real@example.ca", "document_type": "passport", "last_digits": "4321"},
        )
        assert linked.status_code == 200, linked.text
        assert linked.json()["identity_checked_by"] == "officer1" and linked.json()["linked"]
        listed = officer.get(f"/api/people/{real_person}/portal-accounts").json()
        assert [(a["email"], a["linked"]) for a in listed] == [("real@example.ca", True)]
        assert client.get(f"/portal/decisions/{decision}").status_code == 200
        acct = linked.json()["account_id"]
        gone = officer.post(
            f"/api/people/{real_person}/portal-accounts/{acct}/unlink", json={"reason": "asked by client"}
        )
        assert gone.status_code == 200 and not gone.json()["linked"]
    assert _count(container, "client:link") == 1 and _count(container, "client:unlink") == 1
    # What they submitted themselves stays theirs.
    assert client.get(real).status_code == 200


def test_a_client_role_cannot_link_and_the_refusal_is_audited(container: Container) -> None:
    from onestop.access import Actor
    from onestop.clients import link_portal_account
    from onestop.common.errors import PermissionDenied
    from onestop.registry import register_person
    from onestop.registry.schemas import DuplicateDecision, PersonCreate

    person = register_person(
        container.uow(),
        actor=SYSTEM,
        data=PersonCreate(given_names="Ann", family_name="Lee"),
        duplicate_decision=DuplicateDecision(decision="new_person", reason="test"),
    )
    finance = Actor.for_roles(uuid.uuid4(), "fin", frozenset({Role.FINANCE}))
    try:
        link_portal_account(
            container.uow(),
            actor=finance,
            person_id=person.id,
            email="x@example.ca",
            document_type="passport",
            last_digits="1234",
        )
    except PermissionDenied as err:
        assert "client:link" in err.message
    else:
        raise AssertionError("finance linked a portal account")
    assert _count(container, "client:link") == 1  # the refusal, recorded under the permission's name
