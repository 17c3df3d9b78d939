"""Client 360 on both databases: every section, one audited read, merged records, plug-in sections."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from onestop import registry
from onestop.audit import AuditEvent
from onestop.bootstrap import Container
from onestop.cases import client360, documents, interactions, plans, referrals, tasks
from onestop.cases.client360 import Context
from onestop.common.errors import NotFound, PermissionDenied
from onestop.registry.schemas import ConsentCreate, FlagCreate, MemberIn, UnitCreate
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import make_person

TODAY = dt.date(2026, 3, 2)
PDF = b"%PDF-1.7\n%%EOF\n"


def _history(container: Container, team: Team, person: uuid.UUID, calls: int = 3) -> None:
    officer = team.officer.actor
    for _ in range(calls):
        interactions.log_interaction(
            container.uow(),
            actor=officer,
            data=interactions.InteractionCreate(
                channel="phone", reason_codes=["payment_inquiry"], person_id=person
            ),
        )
    registry.create_unit(
        container.uow(),
        actor=officer,
        data=UnitCreate(
            label="Tremblay", members=[MemberIn(person_id=person, role="applicant", joined_on=TODAY)]
        ),
    )
    registry.set_safety_flag(
        container.uow(), actor=officer, person_id=person, data=FlagCreate(kind="do_not_meet_alone")
    )
    registry.record_consent(
        container.uow(), actor=officer, person_id=person, data=ConsentCreate(recipient="ext.ei", purpose="EI")
    )
    referrals.refer(
        container.uow(),
        actor=officer,
        data=referrals.ReferralCreate(
            person_id=person, target_id="ext.ei", target_name="EI", reason="job loss", shared=["income"]
        ),
    )
    plans.create_plan(
        container.uow(),
        actor=officer,
        data=plans.PlanCreate(person_id=person, title="Work", goals=[plans.GoalIn(text="Find work")]),
    )
    plans.record_assessment(
        container.uow(),
        actor=officer,
        data=plans.AssessmentCreate(
            person_id=person, program_id="ab.income_support", level="2", rationale="r"
        ),
    )
    documents.upload_document(
        container.uow(),
        actor=officer,
        storage=container.storage,
        max_bytes=10_000,
        person_id=person,
        doc_type="identity",
        filename="id.pdf",
        data=PDF,
    )
    tasks.assign_primary_worker(
        container.uow(), actor=officer, person_id=person, data=tasks.CaseloadAssign(staff_id=team.officer.id)
    )


def test_one_call_returns_every_section(container: Container, team: Team, person: uuid.UUID) -> None:
    _history(container, team, person)
    view = client360.client_360(container.uow(), actor=team.colleague.actor, person_id=person)
    dumped = view.model_dump(mode="json")
    assert dumped["person"]["id"] == str(person)
    for empty in ("applications", "decisions", "benefits"):
        assert dumped[empty] == []
    assert dumped["interactions"]["total"] == 3 and len(dumped["interactions"]["recent"]) == 3
    assert [
        len(dumped[k])
        for k in ("units", "referrals", "plans", "assessments", "documents", "flags", "consents")
    ] == [1] * 7
    assert len(dumped["tasks"]) == 1  # the referral's follow-up
    assert dumped["assigned_worker"]["current"]["staff_id"] == str(team.officer.id)
    assert dumped["plans"][0]["goals"][0]["text"] == "Find work"


def test_the_read_is_one_audit_event_with_its_purpose(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    client360.client_360(container.uow(), actor=team.colleague.actor, person_id=person)
    uow = container.uow()
    with uow:
        events = uow.session.scalars(select(AuditEvent).where(AuditEvent.subject_id == str(person))).all()
        reads = [
            (e.action, e.purpose, e.outcome)
            for e in events
            if e.actor_username == team.colleague.actor.username
        ]
    assert reads == [("person:read", "client 360", "ok")]


def test_recent_interactions_are_limited_but_counted(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    _history(container, team, person, calls=7)
    view = client360.client_360(container.uow(), actor=team.officer.actor, person_id=person, recent=5)
    assert view.interactions["total"] == 7
    assert len(view.interactions["recent"]) == 5


def test_a_merged_record_shows_its_survivor_with_both_histories(container: Container, team: Team) -> None:
    survivor, merged = make_person(container), make_person(container)
    interactions.log_interaction(
        container.uow(),
        actor=team.officer.actor,
        data=interactions.InteractionCreate(channel="walk_in", reason_codes=["documents"], person_id=merged),
    )
    registry.merge_people(
        container.uow(),
        actor=team.supervisor.actor,
        survivor_id=survivor,
        merged_id=merged,
        reason="same person",
    )
    view = client360.client_360(container.uow(), actor=team.officer.actor, person_id=merged)
    assert (view.person.id, view.resolved_from) == (survivor, merged)
    assert view.interactions["total"] == 1


def test_finance_and_unknown_people(container: Container, team: Team, person: uuid.UUID) -> None:
    with pytest.raises(PermissionDenied):
        client360.client_360(container.uow(), actor=team.finance.actor, person_id=person)
    with pytest.raises(NotFound):
        client360.client_360(container.uow(), actor=team.officer.actor, person_id=uuid.uuid4())


def test_a_new_area_plugs_in_a_section(
    container: Container, team: Team, person: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    import onestop.cases.client360.sections as registry_of_sections

    monkeypatch.setattr(registry_of_sections, "_SECTIONS", dict(registry_of_sections._SECTIONS))
    registry_of_sections.placeholder("grants")  # reserved for an area still to come: an empty list

    def grants(ctx: Context) -> list[dict[str, str]]:
        return [{"id": "grant-1", "person": str(ctx.person_id)}]

    def visits(ctx: Context) -> list[str]:
        return ["visit-1"]

    view = client360.client_360(container.uow(), actor=team.officer.actor, person_id=person)
    assert view.model_dump(mode="json")["grants"] == []
    client360.register_section("grants", grants)  # takes over the placeholder
    client360.register_section("visits", visits)
    with pytest.raises(ValueError, match="already"):
        client360.register_section("visits", visits)
    dumped = client360.client_360(container.uow(), actor=team.officer.actor, person_id=person).model_dump(
        mode="json"
    )
    assert dumped["grants"] == [{"id": "grant-1", "person": str(person)}]
    assert dumped["visits"] == ["visit-1"]
