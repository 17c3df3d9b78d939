"""Interactions on both databases: logging, follow-ups, inbound e-mails, reason codes and statistics."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.access import Actor, Role
from onestop.bootstrap import Container
from onestop.cases import interactions, tasks
from onestop.cases.interactions import EmailReceived, InteractionAttach, InteractionCreate, ReasonCodeIn
from onestop.common.clock import FixedClock
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound, PermissionDenied
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import SYSTEM, make_office, make_worker

TODAY = dt.date(2026, 3, 2)


def _log(container: Container, actor: Actor, **kw: object) -> interactions.InteractionPublic:
    data = InteractionCreate.model_validate({"channel": "phone", "reason_codes": ["payment_inquiry"], **kw})
    return interactions.log_interaction(container.uow(), actor=actor, data=data)


def test_a_call_is_logged_with_minimal_fields(container: Container, team: Team) -> None:
    call = _log(container, team.officer.actor)
    assert (call.person_id, call.channel, call.outcome, call.staff_id, call.office_id) == (
        None,
        "phone",
        "resolved",
        team.officer.id,
        team.office.id,
    )
    assert call.reason_codes == ["payment_inquiry"]
    assert call.version == 1
    assert audit_actions(container, call.id) == [("interaction:create", "ok")]


def test_a_follow_up_becomes_a_task_in_the_same_transaction(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    call = _log(
        container,
        team.officer.actor,
        person_id=person,
        duration_seconds=420,
        notes="March cheque",
        follow_up={"due_on": TODAY + dt.timedelta(days=2), "kind": "callback"},
    )
    assert call.outcome == "follow_up"
    assert call.follow_up_task_id is not None
    task = tasks.get_task(container.uow(), actor=team.officer.actor, task_id=call.follow_up_task_id)
    assert (task.kind, task.person_id, task.assignee_id, task.source_type, task.source_id) == (
        "callback",
        person,
        team.officer.id,
        "interaction",
        call.id,
    )


def test_a_bad_follow_up_rolls_the_whole_log_back(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    with pytest.raises(InvalidInput) as err:
        _log(
            container,
            team.officer.actor,
            person_id=person,
            follow_up={"due_on": TODAY - dt.timedelta(days=1)},
        )
    assert err.value.field == "due_on"
    page = interactions.list_interactions(container.uow(), actor=team.officer.actor, person_id=person)
    assert page.total == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"channel": "pigeon"}, "channel"),
        ({"reason_codes": ["made_up"]}, "reason_codes"),
        ({"outcome": "great"}, "outcome"),
        ({"duration_seconds": -5}, "duration_seconds"),
        ({"direction": "sideways"}, "direction"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    container: Container, team: Team, change: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        _log(container, team.officer.actor, **change)
    assert err.value.field == field


def test_unknown_person_is_not_found(container: Container, team: Team) -> None:
    with pytest.raises(NotFound):
        _log(container, team.officer.actor, person_id=uuid.uuid4())


def test_a_persons_interactions_come_newest_first_with_a_total(
    container: Container, team: Team, person: uuid.UUID, clock: FixedClock
) -> None:
    for _ in range(5):
        _log(container, team.officer.actor, person_id=person)
        clock.advance(dt.timedelta(minutes=10))
    page = interactions.list_interactions(
        container.uow(), actor=team.officer.actor, person_id=person, limit=2
    )
    assert page.total == 5
    assert len(page.items) == 2
    assert page.items[0].occurred_at > page.items[1].occurred_at
    with pytest.raises(PermissionDenied):
        interactions.list_interactions(container.uow(), actor=team.finance.actor, person_id=person)


def test_an_inbound_email_is_stored_unattached_then_attached_once(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    mail = interactions.receive_email(
        container.uow(),
        actor=SYSTEM,
        data=EmailReceived(sender="Client@Example.org", subject="My cheque", body="Where is my cheque?"),
    )
    assert (mail.person_id, mail.outcome, mail.email_from) == (None, "pending", "Client@example.org")
    waiting = interactions.list_unattached_emails(container.uow(), actor=team.officer.actor)
    assert [m.id for m in waiting] == [mail.id]
    attach = InteractionAttach(person_id=person, version=mail.version, reason_codes=["payment_inquiry"])
    done = interactions.attach_interaction(
        container.uow(), actor=team.officer.actor, interaction_id=mail.id, data=attach
    )
    assert (done.person_id, done.staff_id, done.attached_by) == (
        person,
        team.officer.id,
        team.officer.actor.username,
    )
    assert done.reason_codes == ["payment_inquiry"]
    assert interactions.list_unattached_emails(container.uow(), actor=team.officer.actor) == []
    with pytest.raises(Conflict):  # stale version
        interactions.attach_interaction(
            container.uow(), actor=team.colleague.actor, interaction_id=mail.id, data=attach
        )
    again = InteractionAttach(person_id=person)
    with pytest.raises(InvalidTransition):
        interactions.attach_interaction(
            container.uow(), actor=team.colleague.actor, interaction_id=mail.id, data=again
        )
    assert [a for a, _ in audit_actions(container, mail.id)] == [
        "interaction:email_received",
        "interaction:attach",
    ]


def test_reason_codes_are_configured_by_administrators(container: Container, team: Team) -> None:
    data = ReasonCodeIn(code="tax_clinic", label_en="Tax clinic", label_fr="Clinique d'impôt")
    with pytest.raises(PermissionDenied):
        interactions.define_reason_code(container.uow(), actor=team.supervisor.actor, data=data)
    admin = make_worker(container, Role.ADMINISTRATOR)
    interactions.define_reason_code(container.uow(), actor=admin.actor, data=data)
    retire = ReasonCodeIn(code="other", label_en="Other", label_fr="Autre", active=False)
    interactions.define_reason_code(container.uow(), actor=admin.actor, data=retire)
    codes = {r.code for r in interactions.list_reason_codes(container.uow(), actor=team.officer.actor)}
    assert "tax_clinic" in codes and "other" not in codes
    assert _log(container, team.officer.actor, reason_codes=["tax_clinic"]).reason_codes == ["tax_clinic"]
    with pytest.raises(InvalidInput):
        _log(container, team.officer.actor, reason_codes=["other"])


def test_daily_statistics_come_from_the_records(container: Container, team: Team, clock: FixedClock) -> None:
    other_office = make_office(container)
    elsewhere = make_worker(container, office=other_office)
    _log(container, team.officer.actor, duration_seconds=300, reason_codes=["payment_inquiry", "documents"])
    _log(container, team.officer.actor, duration_seconds=100)
    _log(container, team.colleague.actor, channel="walk_in", reason_codes=["documents"])
    _log(container, elsewhere.actor)
    clock.advance(dt.timedelta(days=1))
    _log(container, team.officer.actor)  # the next day: not counted
    sup = team.supervisor.actor
    stats = interactions.call_statistics(container.uow(), actor=sup, day=TODAY, office_id=team.office.id)
    assert stats.total == 3
    assert [(o.username, o.count, o.average_seconds) for o in stats.by_officer] == [
        (team.officer.actor.username, 2, 200),
        (team.colleague.actor.username, 1, None),
    ]
    assert {r.code: r.count for r in stats.by_reason} == {"payment_inquiry": 2, "documents": 2}
    assert {r.code: r.label_fr for r in stats.by_reason}["documents"] == "Documents"
    assert stats.by_channel == {"phone": 2, "walk_in": 1}
    assert stats.by_hour[9] == 3  # logged at 09:30 UTC
    everywhere = interactions.call_statistics(container.uow(), actor=sup, day=TODAY, tz="America/Edmonton")
    assert everywhere.total == 4 and everywhere.by_hour[2] == 4  # 09:30 UTC is 02:30 in Edmonton
    assert len(everywhere.by_office) == 2
    with pytest.raises(PermissionDenied):
        interactions.call_statistics(container.uow(), actor=team.officer.actor, day=TODAY)
