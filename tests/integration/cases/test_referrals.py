"""Referrals and case conferences on both databases: consent, follow-up tasks, states, conferences."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from onestop import registry
from onestop.bootstrap import Container
from onestop.cases import referrals, tasks
from onestop.cases.referrals import ConferenceCreate, ReferralCreate, ReferralStatusChange
from onestop.common.clock import FixedClock
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from onestop.registry.schemas import ConsentCreate
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import SYSTEM, make_person

TODAY = dt.date(2026, 3, 2)


def _consent(container: Container, team: Team, person: uuid.UUID, recipient: str = "ext.ei") -> uuid.UUID:
    data = ConsentCreate(recipient=recipient, purpose="Employment Insurance application support")
    return registry.record_consent(container.uow(), actor=team.officer.actor, person_id=person, data=data).id


def _refer(container: Container, team: Team, person: uuid.UUID, **kw: Any) -> referrals.ReferralPublic:
    data = ReferralCreate.model_validate(
        {
            "person_id": person,
            "target_id": "ext.ei",
            "target_name": "Service Canada (EI)",
            "reason": "Lost job; may qualify for EI",
            "shared": ["identity", "income"],
        }
        | kw
    )
    return referrals.refer(container.uow(), actor=team.officer.actor, data=data)


def test_sharing_information_needs_a_current_consent(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    with pytest.raises(InvalidInput) as err:
        _refer(container, team, person)
    assert err.value.field == "consent"
    assert referrals.list_referrals(container.uow(), actor=team.officer.actor, person_id=person) == []
    _consent(container, team, person, recipient="ab.pdd")  # a consent for someone else does not count
    with pytest.raises(InvalidInput):
        _refer(container, team, person)
    consent_id = _consent(container, team, person)
    sent = _refer(container, team, person)
    assert (sent.status, sent.consent_id, sent.shared_categories) == (
        "sent",
        consent_id,
        ["identity", "income"],
    )


def test_a_withdrawn_consent_no_longer_allows_sharing(
    container: Container, team: Team, person: uuid.UUID, clock: FixedClock
) -> None:
    consent_id = _consent(container, team, person)
    clock.advance(dt.timedelta(hours=1))
    registry.withdraw_consent(
        container.uow(), actor=team.officer.actor, person_id=person, consent_id=consent_id
    )
    with pytest.raises(InvalidInput) as err:
        _refer(container, team, person)
    assert err.value.field == "consent"
    assert _refer(container, team, person, shared=[]).consent_id is None  # sharing nothing needs no consent


def test_a_referral_creates_its_follow_up_task(container: Container, team: Team, person: uuid.UUID) -> None:
    _consent(container, team, person)
    sent = _refer(container, team, person)
    assert sent.follow_up_task_id is not None
    task = tasks.get_task(container.uow(), actor=team.officer.actor, task_id=sent.follow_up_task_id)
    assert (task.kind, task.assignee_id, task.person_id, task.due_on, task.source_id) == (
        "follow_up",
        team.officer.id,
        person,
        TODAY + dt.timedelta(days=14),
        sent.id,
    )
    assert [a for a, _ in audit_actions(container, sent.id)] == ["referral:create"]


def test_status_changes_follow_the_states(container: Container, team: Team, person: uuid.UUID) -> None:
    sent = _refer(container, team, person, shared=[])
    officer = team.officer.actor
    with pytest.raises(InvalidTransition):
        referrals.change_referral_status(
            container.uow(), actor=officer, referral_id=sent.id, data=ReferralStatusChange(status="completed")
        )
    accepted = referrals.change_referral_status(
        container.uow(),
        actor=officer,
        referral_id=sent.id,
        data=ReferralStatusChange(status="accepted", version=sent.version),
    )
    with pytest.raises(Conflict):
        referrals.change_referral_status(
            container.uow(),
            actor=officer,
            referral_id=sent.id,
            data=ReferralStatusChange(status="completed", version=sent.version),
        )
    done = referrals.change_referral_status(
        container.uow(),
        actor=officer,
        referral_id=sent.id,
        data=ReferralStatusChange(status="completed", version=accepted.version, note="EI claim filed"),
    )
    assert (done.status, done.response_note, done.closed_by) == (
        "completed",
        "EI claim filed",
        officer.username,
    )
    with pytest.raises(InvalidTransition):
        referrals.change_referral_status(
            container.uow(),
            actor=officer,
            referral_id=sent.id,
            data=ReferralStatusChange(status="declined", note="x"),
        )


def test_declining_needs_a_reason(container: Container, team: Team, person: uuid.UUID) -> None:
    sent = _refer(container, team, person, shared=[])
    with pytest.raises(InvalidInput) as err:
        referrals.change_referral_status(
            container.uow(),
            actor=team.officer.actor,
            referral_id=sent.id,
            data=ReferralStatusChange(status="declined"),
        )
    assert err.value.field == "note"


def test_internal_referral_to_a_specialist(container: Container, team: Team, person: uuid.UUID) -> None:
    from onestop.access import Role
    from tests.integration.cases.factories import make_worker

    specialist = make_worker(container, Role.SPECIALIST, office=team.office)
    sent = _refer(
        container,
        team,
        person,
        kind="internal",
        target_id="ab.pdd",
        target_name="Persons with Developmental Disabilities",
        specialist_id=specialist.id,
        shared=[],
    )
    incoming = referrals.list_incoming_referrals(container.uow(), actor=specialist.actor)
    assert [r.id for r in incoming] == [sent.id]
    with pytest.raises(InvalidInput) as err:
        _refer(container, team, person, specialist_id=specialist.id, shared=[])  # external + specialist
    assert err.value.field == "specialist_id"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"target_id": "EI"}, "target_id"),
        ({"kind": "sideways"}, "kind"),
        ({"reason": " "}, "reason"),
        ({"shared": ["shoe_size"]}, "shared"),
        ({"target_name": ""}, "target_name"),
    ],
)
def test_bad_referrals_name_the_field(
    container: Container, team: Team, person: uuid.UUID, change: dict[str, Any], field: str
) -> None:
    _consent(container, team, person)
    with pytest.raises(InvalidInput) as err:
        _refer(container, team, person, **change)
    assert err.value.field == field


def test_the_system_actor_must_name_who_follows_up(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    data = ReferralCreate(person_id=person, target_id="ext.ei", target_name="EI", reason="r")
    with pytest.raises(InvalidInput) as err:
        referrals.refer(container.uow(), actor=SYSTEM, data=data)
    assert err.value.field == "follow_up_assignee_id"
    data = data.model_copy(update={"follow_up_assignee_id": team.officer.id})
    assert referrals.refer(container.uow(), actor=SYSTEM, data=data).status == "sent"


def test_finance_cannot_refer(container: Container, team: Team, person: uuid.UUID) -> None:
    data = ReferralCreate(person_id=person, target_id="ext.ei", target_name="EI", reason="r")
    with pytest.raises(PermissionDenied):
        referrals.refer(container.uow(), actor=team.finance.actor, data=data)


def test_a_case_conference_records_staff_and_external_participants(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    sent = _refer(container, team, person, shared=[])
    data = ConferenceCreate.model_validate(
        {
            "person_id": person,
            "held_on": TODAY,
            "referral_id": sent.id,
            "participants": [
                {"staff_id": team.officer.id, "role": "case worker"},
                {"name": "Dr. Aisha Rahman", "organisation": "Community Mental Health", "role": "clinician"},
            ],
            "notes": "Discussed housing first.",
            "decisions": ["Apply for rent supplement", " ", "Review in 30 days"],
        }
    )
    conf = referrals.record_conference(container.uow(), actor=team.officer.actor, data=data)
    assert conf.decisions == ["Apply for rent supplement", "Review in 30 days"]
    assert sorted(p.name for p in conf.participants) == ["Dr. Aisha Rahman", "Test Worker"]
    listed = referrals.list_conferences(container.uow(), actor=team.colleague.actor, person_id=person)
    assert [c.id for c in listed] == [conf.id]
    assert len(listed[0].participants) == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"held_on": TODAY + dt.timedelta(days=1)}, "held_on"),
        ({"participants": [{"role": "x"}]}, "participants.0.name"),
        ({"participants": [{"staff_id": str(uuid.uuid4())}]}, "participants.0.staff_id"),
    ],
)
def test_bad_conferences_name_the_field(
    container: Container, team: Team, person: uuid.UUID, change: dict[str, Any], field: str
) -> None:
    data = ConferenceCreate.model_validate(
        {"person_id": person, "held_on": TODAY, "participants": [{"name": "A. Person"}]} | change
    )
    with pytest.raises(InvalidInput) as err:
        referrals.record_conference(container.uow(), actor=team.officer.actor, data=data)
    assert err.value.field == field


def test_a_conference_cannot_cite_another_persons_referral(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    other = _refer(container, team, make_person(container), shared=[])
    data = ConferenceCreate(
        person_id=person, held_on=TODAY, participants=[{"name": "X"}], referral_id=other.id
    )  # type: ignore[list-item]
    with pytest.raises(InvalidInput) as err:
        referrals.record_conference(container.uow(), actor=team.officer.actor, data=data)
    assert err.value.field == "referral_id"
