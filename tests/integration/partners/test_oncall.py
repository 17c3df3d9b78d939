"""After-hours on-call on both databases: the roster, a contact taken on call logged against the
person, what was authorized issued through money within the on-call worker's authority (beyond it,
waiting for a second person), and the handover task for the person's worker on the next business day."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import money, partners
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases import interactions, tasks
from onestop.common.errors import InvalidInput, PermissionDenied
from tests.integration.cases.applications.builders import make_unit
from tests.integration.cases.conftest import Team, audit_actions

NST = dt.timezone(dt.timedelta(hours=-3, minutes=-30))
#: Friday 27 February 2026, 17:00 to Monday 2 March 08:00, Newfoundland time.
WEEKEND = (dt.datetime(2026, 2, 27, 17, 0, tzinfo=NST), dt.datetime(2026, 3, 2, 8, 0, tzinfo=NST))


def _shift(container: Container, team: Team) -> partners.ShiftPublic:
    return partners.add_shift(
        container.uow(),
        actor=team.supervisor.actor,
        data=partners.ShiftCreate(
            staff_id=team.officer.id,
            area="Avalon",
            office_id=team.office.id,
            phone="709-555-0100",
            starts_at=WEEKEND[0],
            ends_at=WEEKEND[1],
        ),
    )


def _shelter(container: Container) -> uuid.UUID:
    return money.create_payee(
        container.uow(),
        actor=Actor.system("test"),
        data=money.PayeeCreate(kind="vendor", name="Harbour Shelter"),
    ).id


def test_a_call_on_call_is_logged_paid_through_money_and_handed_over(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    shift = _shift(container, team)
    week = partners.roster(
        container.uow(), actor=officer, start=WEEKEND[0] - dt.timedelta(days=1), end=WEEKEND[1]
    )
    assert [(s.id, s.area, s.phone, s.staff_id) for s in week] == [
        (shift.id, "Avalon", "709-555-0100", team.officer.id)
    ]
    tasks.assign_primary_worker(
        container.uow(),
        actor=team.supervisor.actor,
        person_id=person,
        data=tasks.CaseloadAssign(staff_id=team.colleague.id),
    )
    unit, shelter = make_unit(container, person), _shelter(container)
    call = partners.record_call(
        container.uow(),
        actor=officer,
        data=partners.AfterHoursCreate(
            person_id=person,
            unit_id=unit,
            received_at=dt.datetime(2026, 2, 28, 23, 10, tzinfo=NST),
            summary="Locked out after a fire in the building; no family nearby",
            program="ab.income_support",
            authorized=[
                partners.EmergencyIn(kind="shelter", amount="180.00", payee_id=shelter, nights=2),  # type: ignore[arg-type]
                partners.EmergencyIn(kind="food", amount="600.00", payee_id=shelter),  # type: ignore[arg-type]
            ],
        ),
    )
    assert call.shift_id == shift.id
    # Shelter for 2 nights is within an officer's authority (a voucher: paid at once); food beyond
    # 500.00 a month waits for a supervisor's approval in money's queue.
    assert [(i.kind, i.amount_cents, i.state) for i in call.items] == [
        ("food", 600_00, "pending_approval"),
        ("shelter", 180_00, "paid"),
    ]
    pending = money.list_approvals(container.uow(), actor=team.supervisor.actor)
    assert [r.kind for r in pending if r.subject_id == call.items[0].issuance_id] == ["authority"]

    contact = interactions.get_interaction(container.uow(), actor=officer, interaction_id=call.interaction_id)
    assert (contact.person_id, contact.channel, contact.outcome) == (person, "phone", "follow_up")
    assert set(contact.reason_codes) == {"emergency_needs", "housing_shelter"}

    handover = tasks.get_task(container.uow(), actor=officer, task_id=call.handover_task_id)
    # Received Saturday night; the clock reads Monday 2 March: the next business day is Tuesday.
    assert (handover.assignee_id, handover.due_on, handover.source_type, handover.source_id) == (
        team.colleague.id,
        dt.date(2026, 3, 3),
        "afterhours_call",
        call.id,
    )
    assert [c.id for c in partners.person_calls(container.uow(), actor=officer, person_id=person)] == [
        call.id
    ]
    assert ("oncall:call_record", "ok") in audit_actions(container, person)


def test_on_call_refusals_change_nothing(container: Container, team: Team, person: uuid.UUID) -> None:
    officer = team.officer.actor
    # Putting someone else on call is the supervisor's.
    with pytest.raises(PermissionDenied):
        partners.add_shift(
            container.uow(),
            actor=officer,
            data=partners.ShiftCreate(
                staff_id=team.colleague.id,
                area="Avalon",
                phone="709-555-0100",
                starts_at=WEEKEND[0],
                ends_at=WEEKEND[1],
            ),
        )
    bad_shifts = [
        ({"ends_at": WEEKEND[0]}, "ends_at"),
        ({"starts_at": WEEKEND[0].replace(tzinfo=None)}, "starts_at"),
        ({"phone": " "}, "phone"),
    ]
    for change, field in bad_shifts:
        data = {
            "staff_id": team.officer.id,
            "area": "Avalon",
            "phone": "709-555-0100",
            "starts_at": WEEKEND[0],
            "ends_at": WEEKEND[1],
        }
        with pytest.raises(InvalidInput) as err:
            partners.add_shift(
                container.uow(), actor=team.supervisor.actor, data=partners.ShiftCreate(**{**data, **change})
            )
        assert err.value.field == field
    assert partners.roster(container.uow(), actor=officer, start=WEEKEND[0], end=WEEKEND[1]) == []

    # Not on call then: refused.
    base = {
        "person_id": person,
        "received_at": dt.datetime(2026, 2, 28, 23, 10, tzinfo=NST),
        "summary": "Needs a bed tonight",
    }
    with pytest.raises(InvalidInput) as err:
        partners.record_call(container.uow(), actor=officer, data=partners.AfterHoursCreate(**base))
    assert err.value.field == "received_at"
    _shift(container, team)
    # A payment needs the unit it is for; an unknown kind is named.
    shelter = _shelter(container)
    item = {"kind": "shelter", "amount": "90.00", "payee_id": shelter, "nights": 1}
    with pytest.raises(InvalidInput) as err:
        partners.record_call(
            container.uow(), actor=officer, data=partners.AfterHoursCreate(**base, authorized=[item])
        )
    assert err.value.field == "unit_id"
    unit = make_unit(container, person)
    with pytest.raises(InvalidInput) as err:
        partners.record_call(
            container.uow(),
            actor=officer,
            data=partners.AfterHoursCreate(
                **base, unit_id=unit, program="ab.income_support", authorized=[{**item, "kind": "taxi"}]
            ),
        )
    assert err.value.field == "authorized[0].kind"
    assert partners.person_calls(container.uow(), actor=officer, person_id=person) == []
    assert money.list_issuances(container.uow(), actor=officer, unit_id=unit) == []
