"""Answering a received e-mail on both databases: queued in the notices outbox, logged on the person."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from onestop.bootstrap import Container
from onestop.cases import interactions
from onestop.cases.interactions import EmailReceived, EmailReply, InteractionAttach
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.notices.models import Notice
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import SYSTEM


def _mail(container: Container) -> interactions.InteractionPublic:
    data = EmailReceived(sender="client@example.org", subject="My cheque", body="Where is my cheque?")
    return interactions.receive_email(container.uow(), actor=SYSTEM, data=data)


def _attached(container: Container, team: Team, person: uuid.UUID) -> interactions.InteractionPublic:
    mail = _mail(container)
    data = InteractionAttach(person_id=person, version=mail.version, reason_codes=["payment_inquiry"])
    return interactions.attach_interaction(
        container.uow(), actor=team.officer.actor, interaction_id=mail.id, data=data
    )


def test_a_reply_is_queued_as_a_notice_and_logged_as_a_contact(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    mail = _attached(container, team, person)
    data = EmailReply(template="payment", body="Your cheque went out on 1 March.\n\nIt should come soon.")
    sent = interactions.reply_to_email(
        container.uow(),
        actor=team.officer.actor,
        interaction_id=mail.id,
        data=data.model_copy(update={"version": mail.version}),
    )
    assert sent.subject == "Re: My cheque"
    assert sent.in_reply_to == mail.id
    logged = sent.interaction
    assert (logged.person_id, logged.channel, logged.direction, logged.outcome, logged.staff_id) == (
        person,
        "email",
        "outbound",
        "information_given",
        team.officer.id,
    )
    assert logged.reason_codes == ["payment_inquiry"]
    assert logged.notes == "Your cheque went out on 1 March.\n\nIt should come soon."
    with container.uow() as uow:
        notice = uow.session.scalars(select(Notice).where(Notice.id == sent.notice_id)).one()
        assert (notice.kind, notice.person_id, notice.status, notice.subject_id) == (
            "reply",
            person,
            "queued",
            logged.id,
        )
        assert notice.params["body"].startswith("Your cheque went out")
    page = interactions.list_interactions(container.uow(), actor=team.officer.actor, person_id=person)
    assert {i.id for i in page.items} == {mail.id, logged.id}
    answered = next(i for i in page.items if i.id == mail.id)
    assert answered.outcome == "resolved"
    assert audit_actions(container, logged.id) == [("interaction:reply", "ok")]


def test_an_unattached_email_cannot_be_answered_and_nothing_is_written(
    container: Container, team: Team
) -> None:
    mail = _mail(container)
    with pytest.raises(InvalidTransition):
        interactions.reply_to_email(
            container.uow(),
            actor=team.officer.actor,
            interaction_id=mail.id,
            data=EmailReply(template="received", body="Thanks"),
        )
    with container.uow() as uow:
        assert uow.session.scalars(select(Notice)).all() == []


@pytest.mark.parametrize(
    ("change", "field"),
    [({"template": "nope"}, "template"), ({"body": "  \n  "}, "body"), ({"body": "a\x00b"}, "body")],
)
def test_bad_replies_name_the_field_and_write_nothing(
    container: Container, team: Team, person: uuid.UUID, change: dict[str, str], field: str
) -> None:
    mail = _attached(container, team, person)
    data = EmailReply.model_validate({"template": "received", "body": "Thanks", **change})
    with pytest.raises(InvalidInput) as err:
        interactions.reply_to_email(
            container.uow(), actor=team.officer.actor, interaction_id=mail.id, data=data
        )
    assert err.value.field == field
    page = interactions.list_interactions(container.uow(), actor=team.officer.actor, person_id=person)
    assert [i.id for i in page.items] == [mail.id]
    with container.uow() as uow:
        assert uow.session.scalars(select(Notice)).all() == []


def test_a_stale_reply_is_refused(container: Container, team: Team, person: uuid.UUID) -> None:
    mail = _attached(container, team, person)
    data = EmailReply(template="received", body="Thanks", version=mail.version - 1)
    with pytest.raises(Conflict):
        interactions.reply_to_email(
            container.uow(), actor=team.officer.actor, interaction_id=mail.id, data=data
        )


def test_reply_templates_come_in_both_languages(container: Container, team: Team) -> None:
    found = interactions.reply_templates(container.uow(), actor=team.officer.actor)
    assert [t.code for t in found] == ["received", "documents", "payment", "call_us"]
    assert all(t.body_en and t.body_fr and t.label_fr for t in found)
