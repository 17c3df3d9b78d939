"""The client's letters in their portal account: the list, one letter, its PDF; their own only, in plain
words, no internal id on the page, and every read in the audit trail under the client's name."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop import notices
from onestop.access import Actor
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from tests.functional.portal.conftest import account, apply, confirmed, sign_in, sign_out

SYSTEM = Actor.system("tests")


def _letter_to(container: Container, person_id: uuid.UUID) -> uuid.UUID:
    uow = container.uow()
    with uow:
        row = notices.queue_notice(
            uow,
            person_id=person_id,
            kind=notices.Kind.DOCUMENTS_REQUESTED,
            params={
                "program": {"en": "Income Support", "fr": "Soutien du revenu"},
                "documents": "- Your last pay stub",
                "why": "We need to check your pay.",
                "due_on": notices.date(dt.date(2026, 4, 1)),
                "legal_source": "Income and Employment Supports Act s. 5",
                "office_phone": "1-800-555-0100",
            },
            subject_type="application",
            subject_id=None,
            created_by="tests",
        )
        uow.commit()
        return row.id


def _visible(html: str) -> str:
    return re.sub(r'(href|action|value)="[^"]*"', "", html)


def test_a_client_reads_their_letters_and_nobody_elses(client: TestClient, container: Container) -> None:
    for email in ("one@example.ca", "two@example.ca"):
        confirmed(client, container, email)
    sign_in(client, "one@example.ca")
    assert "We have not sent you any letters yet." in client.get("/portal/account/letters").text
    apply(client, "Una", "One")
    person = account(container, "one@example.ca").person_id
    assert person is not None
    notice = _letter_to(container, person)
    queued = client.get("/portal/account/letters").text
    assert "We need some papers from you" not in queued  # not delivered yet: not in the inbox
    report = notices.send_due(container.uow(), actor=SYSTEM, smtp_url=None)
    assert report.by_channel["portal"] == 1  # no mail server here: the account is the channel

    listed = client.get("/portal/account/letters")
    assert listed.status_code == 200
    assert "We need some papers from you" in listed.text and "New" in listed.text
    assert str(notice) not in _visible(listed.text) and str(person) not in listed.text
    assert "/portal/account/letters" in client.get("/portal/account").text

    page = client.get(f"/portal/account/letters/{notice}")
    assert page.status_code == 200
    assert "Your last pay stub" in page.text and "Income and Employment Supports Act s. 5" in page.text
    visible = _visible(page.text)
    assert str(notice) not in visible and str(notice)[:8] not in visible and str(person) not in visible
    assert ">New<" not in client.get("/portal/account/letters").text  # opened: no longer new
    pdf = client.get(f"/portal/account/letters/{notice}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf" and "no-store" in pdf.headers["cache-control"]
    reader = f"client:{account(container, 'one@example.ca').id}"
    with container.uow() as uow:
        events = uow.session.execute(
            select(AuditEvent.action, AuditEvent.actor_username).where(AuditEvent.subject_id == str(notice))
        ).all()
    assert ("notice:read", reader) in events and ("notice:print", reader) in events

    sign_out(client)
    sign_in(client, "two@example.ca")
    assert "We need some papers from you" not in client.get("/portal/account/letters").text
    assert client.get(f"/portal/account/letters/{notice}").status_code == 404
    assert client.get(f"/portal/account/letters/{notice}/pdf").status_code == 404


def test_letters_need_a_signed_in_client(client: TestClient) -> None:
    response = client.get("/portal/account/letters")
    assert response.status_code == 303 and "/portal/account/signin" in response.headers["location"]


def test_the_inbox_reads_in_french(client: TestClient, container: Container) -> None:
    confirmed(client, container, "fr@example.ca")
    sign_in(client, "fr@example.ca")
    page = client.get("/portal/account/letters?lang=fr")
    assert page.status_code == 200 and "Mes lettres" in page.text
    assert "Nous ne vous avons encore envoyé aucune lettre." in page.text


def test_an_account_linked_after_an_identity_check_gets_the_person_s_letters(
    client: TestClient, container: Container
) -> None:
    from onestop.access import Role
    from onestop.clients import link_portal_account
    from onestop.registry import register_person
    from onestop.registry.schemas import DuplicateDecision, PersonCreate

    confirmed(client, container, "known@example.ca")
    known = register_person(
        container.uow(),
        actor=SYSTEM,
        data=PersonCreate(given_names="Kim", family_name="Known"),
        duplicate_decision=DuplicateDecision(decision="new_person", reason="test"),
    )
    before = _letter_to(container, known.id)
    assert notices.send_due(container.uow(), actor=SYSTEM, smtp_url=None).by_status["held"] == 1  # no channel
    officer = Actor.for_roles(uuid.uuid4(), "officer", frozenset({Role.OFFICER}))
    link_portal_account(
        container.uow(),
        actor=officer,
        person_id=known.id,
        email="known@example.ca",
        document_type="passport",
        last_digits="1234",
    )
    notices.resend(container.uow(), actor=officer, notice_id=before)  # the officer tries the held one again
    assert notices.send_due(container.uow(), actor=SYSTEM, smtp_url=None).by_channel["portal"] == 1
    sign_in(client, "known@example.ca")
    assert "We need some papers from you" in client.get("/portal/account/letters").text
