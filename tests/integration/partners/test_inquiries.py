"""An elected member's inquiry about a client's file: recorded in the person's file with who asked and
for whom; an answer that discloses the file is refused (with the reason) until the client consents;
with consent it is answered, leaves the supervisor's queue and is audited against the person."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import partners
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput, InvalidTransition
from tests.integration.cases.conftest import Team, audit_actions

TODAY = dt.date(2026, 3, 2)


def _inquiry(container: Container, team: Team, person: uuid.UUID, **extra: object) -> partners.InquiryPublic:
    return partners.open_inquiry(
        container.uow(),
        actor=team.officer.actor,
        data=partners.InquiryCreate(
            person_id=person,
            member_office="mha",
            member_name="Hon. Pam Parsons, MHA Harbour Grace-Port de Grave",
            asked_by="Constituency assistant Gail Kennedy",
            on_behalf_of="The client",
            question="Why was the March income support cheque delayed?",
            received_on=dt.date(2026, 2, 26),
            **extra,  # type: ignore[arg-type]
        ),
    )


def test_an_mha_inquiry_answered_with_consent(container: Container, team: Team, person: uuid.UUID) -> None:
    officer, supervisor = team.officer.actor, team.supervisor.actor
    inquiry = _inquiry(container, team, person, respond_by=dt.date(2026, 3, 4))
    later = _inquiry(container, team, person)
    assert (inquiry.state, inquiry.respond_by, later.respond_by) == (
        "open",
        dt.date(2026, 3, 4),
        dt.date(2026, 3, 8),
    )
    queue = partners.inquiry_queue(container.uow(), actor=supervisor)
    assert [q.id for q in queue] == [inquiry.id, later.id]  # nearest deadline first

    with pytest.raises(InvalidInput) as err:
        partners.answer_inquiry(
            container.uow(),
            actor=officer,
            inquiry_id=inquiry.id,
            data=partners.InquiryAnswer(
                answer="The cheque was held for a missing T4.", disclose=True, answered_on=TODAY
            ),
        )
    assert err.value.field == "disclose" and "not consented" in err.value.problem
    unchanged = partners.get_inquiry(container.uow(), actor=officer, inquiry_id=inquiry.id)
    assert (unchanged.state, unchanged.answer, unchanged.version) == ("open", None, inquiry.version)

    consented = partners.record_consent(
        container.uow(),
        actor=officer,
        inquiry_id=inquiry.id,
        data=partners.InquiryConsent(
            consent_on=TODAY, consent_note="Client phoned; verbal consent, MHA only"
        ),
    )
    answered = partners.answer_inquiry(
        container.uow(),
        actor=officer,
        inquiry_id=inquiry.id,
        data=partners.InquiryAnswer(
            version=consented.version,
            answer="The cheque was held for a missing T4; it was released on March 2.",
            disclose=True,
            answered_on=TODAY,
        ),
    )
    assert (answered.state, answered.disclosed, answered.answered_by) == ("answered", True, officer.username)
    with pytest.raises(InvalidTransition):
        partners.answer_inquiry(
            container.uow(),
            actor=officer,
            inquiry_id=inquiry.id,
            data=partners.InquiryAnswer(answer="again", answered_on=TODAY),
        )
    assert [q.id for q in partners.inquiry_queue(container.uow(), actor=supervisor)] == [later.id]
    in_file = partners.person_inquiries(container.uow(), actor=officer, person_id=person)
    assert {i.id for i in in_file} == {inquiry.id, later.id}
    actions = [a for a, _ in audit_actions(container, person)]
    assert actions.count("inquiry:create") == 2
    assert {"inquiry:consent", "inquiry:answer", "inquiry:read", "inquiry:list"} <= set(actions)


def test_without_consent_the_answer_is_limited(container: Container, team: Team, person: uuid.UUID) -> None:
    inquiry = _inquiry(container, team, person)
    answered = partners.answer_inquiry(
        container.uow(),
        actor=team.officer.actor,
        inquiry_id=inquiry.id,
        data=partners.InquiryAnswer(
            answer="We are looking into the matter; the client may call the office at 709-555-0100.",
            answered_on=TODAY,
        ),
    )
    assert (answered.state, answered.disclosed, answered.consent_on) == ("answered", False, None)


def test_bad_inquiries_name_the_field(container: Container, team: Team, person: uuid.UUID) -> None:
    for extra, field in [
        ({"respond_by": dt.date(2026, 2, 1)}, "respond_by"),
        ({"member_office": "senate"}, "member_office"),
        ({"consent_on": TODAY}, "consent_note"),
        ({"received_on": dt.date(2026, 3, 3)}, "received_on"),
    ]:
        with pytest.raises(InvalidInput) as err:
            data = {"member_office": "mla", "received_on": dt.date(2026, 2, 26), **extra}
            partners.open_inquiry(
                container.uow(),
                actor=team.officer.actor,
                data=partners.InquiryCreate(
                    person_id=person,
                    member_name="M",
                    asked_by="A",
                    on_behalf_of="B",
                    question="Q",
                    **data,  # type: ignore[arg-type]
                ),
            )
        assert err.value.field == field
    assert partners.inquiry_queue(container.uow(), actor=team.supervisor.actor) == []
