"""Investigations on both databases: allegation, evidence, cautioned interviews, a finding once, and what
a founded finding sets off (reassessment, overpayment in money)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import money
from onestop.bootstrap import Container
from onestop.cases import decisions, investigations, reviews
from onestop.cases.decisions import DecisionCreate
from onestop.cases.investigations import (
    EvidenceCreate,
    InterviewCreate,
    InvestigationClose,
    InvestigationCreate,
    OverpaymentIn,
)
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from tests.integration.cases.applications.builders import (
    apply,
    assess,
    eligible_single,
    make_unit,
    verified_document,
)
from tests.integration.cases.conftest import Team, audit_actions


@pytest.fixture
def granted(container: Container, team: Team, person: uuid.UUID) -> decisions.DecisionPublic:
    """An eligible Income Support decision."""
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app)
    )
    assert out.decision is not None
    return out.decision


def _open(
    container: Container, team: Team, person: uuid.UUID, app: uuid.UUID | None = None
) -> investigations.InvestigationPublic:
    data = InvestigationCreate(
        person_id=person, application_id=app, allegation="working while on benefits", source="anonymous_tip"
    )
    return investigations.open_investigation(container.uow(), actor=team.supervisor.actor, data=data)


def test_officers_do_not_investigate(container: Container, team: Team, person: uuid.UUID) -> None:
    with pytest.raises(PermissionDenied):
        investigations.open_investigation(
            container.uow(),
            actor=team.officer.actor,
            data=InvestigationCreate(person_id=person, allegation="x", source="officer"),
        )
    assert ("investigation:write", "denied") in audit_actions(container)


def test_the_file_grows_by_appending_evidence_and_interviews(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    case = _open(container, team, person)
    assert (case.status, case.assigned_to_id, case.source) == ("open", team.supervisor.id, "anonymous_tip")
    doc = verified_document(container, team.officer.actor, person, "income_proof")
    with_doc = investigations.add_evidence(
        container.uow(),
        actor=team.supervisor.actor,
        investigation_id=case.id,
        data=EvidenceCreate(document_id=doc, description="pay stub from an employer not declared"),
    )
    assert [e.document_id for e in with_doc.evidence] == [doc]
    held = container.clock.now() - dt.timedelta(hours=1)
    interviewed = investigations.record_interview(
        container.uow(),
        actor=team.supervisor.actor,
        investigation_id=case.id,
        data=InterviewCreate(
            interviewee_id=person,
            held_at=held,
            cautioned=True,
            statement="I worked three shifts a week since January.",
        ),
    )
    [statement] = interviewed.interviews
    assert (statement.cautioned, statement.statement, statement.interviewer) == (
        True,
        "I worked three shifts a week since January.",
        team.supervisor.actor.username,
    )
    with pytest.raises(InvalidInput) as err:
        investigations.record_interview(
            container.uow(),
            actor=team.supervisor.actor,
            investigation_id=case.id,
            data=InterviewCreate(held_at=held, statement="..."),
        )
    assert err.value.field == "interviewee_name"
    with pytest.raises(InvalidInput):
        investigations.add_evidence(
            container.uow(),
            actor=team.supervisor.actor,
            investigation_id=case.id,
            data=EvidenceCreate(document_id=uuid.uuid4(), description="?"),
        )
    events = audit_actions(container, case.id)
    assert ("investigation:interview_add", "ok") in events and ("investigation:evidence_add", "ok") in events


def test_a_founded_finding_reassesses_and_sets_up_the_overpayment(
    container: Container, team: Team, person: uuid.UUID, granted: decisions.DecisionPublic
) -> None:
    case = _open(container, team, person, granted.application_id)
    closed = investigations.close_investigation(
        container.uow(),
        actor=team.supervisor.actor,
        investigation_id=case.id,
        data=InvestigationClose(
            finding="founded",
            reason="undeclared earnings since January",
            reassess=True,
            overpayment=OverpaymentIn(amount="1648.00", reason="two months paid while working"),
        ),
    )
    assert (closed.status, closed.finding) == ("closed", "founded")
    review = reviews.get_review(container.uow(), actor=team.supervisor.actor, review_id=closed.review_id)  # type: ignore[arg-type]
    assert (review.kind, review.status, review.source_id) == ("investigation", "in_progress", case.id)
    [op] = money.list_overpayments(container.uow(), actor=team.supervisor.actor, unit_id=granted.unit_id)
    assert (op.id, op.amount_cents, op.source) == (closed.overpayment_id, 164800, "investigation")
    with pytest.raises(InvalidTransition):  # closing twice
        investigations.close_investigation(
            container.uow(),
            actor=team.supervisor.actor,
            investigation_id=case.id,
            data=InvestigationClose(finding="unfounded", reason="changed my mind"),
        )
    with pytest.raises(InvalidTransition):
        investigations.add_evidence(
            container.uow(),
            actor=team.supervisor.actor,
            investigation_id=case.id,
            data=EvidenceCreate(document_id=uuid.uuid4(), description="late"),
        )


def test_only_a_founded_finding_has_consequences(
    container: Container, team: Team, person: uuid.UUID, granted: decisions.DecisionPublic
) -> None:
    case = _open(container, team, person, granted.application_id)
    with pytest.raises(InvalidInput) as err:
        investigations.close_investigation(
            container.uow(),
            actor=team.supervisor.actor,
            investigation_id=case.id,
            data=InvestigationClose(
                finding="inconclusive",
                reason="no proof",
                overpayment=OverpaymentIn(amount="10.00", reason="x"),
            ),
        )
    assert err.value.field == "finding"
    closed = investigations.close_investigation(
        container.uow(),
        actor=team.supervisor.actor,
        investigation_id=case.id,
        data=InvestigationClose(finding="unfounded", reason="the employer has another person of that name"),
    )
    assert (closed.finding, closed.review_id, closed.overpayment_id) == ("unfounded", None, None)
    found = investigations.list_investigations(container.uow(), actor=team.supervisor.actor, person_id=person)
    assert [i.id for i in found] == [case.id]
