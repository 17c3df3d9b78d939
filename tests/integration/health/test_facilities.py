"""Facility caseloads: facilities with their rates and vendor payees, a resident's stay in and out (one
open stay at a time), the officer's caseload by facility, and benefits paid to the facility through
money (one-time by the night, a manual cheque, a monthly entitlement) with the authorization for health
benefits refused when the resident has no drug coverage."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import health, money
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput, PermissionDenied
from onestop.health.schemas import BenefitCreate, CoverageFromDecision, FacilityCreate, StayIn, StayOut
from tests.integration.cases.applications.builders import make_unit
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person
from tests.integration.health.builders import BORN, nl_income_support_decision


def _approve_payee(container: Container, team: Team, payee_id: uuid.UUID) -> None:
    supervisor = team.supervisor.actor
    [request] = [
        r for r in money.list_approvals(container.uow(), actor=supervisor) if r.subject_id == payee_id
    ]
    money.decide_approval(container.uow(), actor=supervisor, approval_id=request.id, approve=True)


def _facility(container: Container, team: Team, **data: str) -> health.schemas.FacilityPublic:
    made = health.create_facility(
        container.uow(),
        actor=team.officer.actor,
        data=FacilityCreate(address="21 Military Rd, St. John's NL A1C 2C3", **data),
    )
    assert made.payee_id is not None
    _approve_payee(container, team, made.payee_id)
    return made


def _issuance(
    container: Container, team: Team, issuance_id: uuid.UUID | None
) -> money.schemas.IssuancePublic:
    assert issuance_id is not None
    row = money.get_issuance(container.uow(), actor=team.officer.actor, issuance_id=issuance_id)
    return money.schemas.IssuancePublic.model_validate(row)


def test_a_shelter_resident_from_the_day_in_to_the_day_out(container: Container, team: Team) -> None:
    officer = team.officer.actor
    shelter = _facility(container, team, name="Naomi Centre", kind="shelter", nightly_rate="45.00")
    person = make_person(container, "Dana", "Hynes")
    make_unit(container, person)
    today = container.clock.today()
    stay = health.record_stay_in(
        container.uow(),
        actor=officer,
        data=StayIn(person_id=person, facility_id=shelter.id, in_on=today, reason="evicted"),
    )
    assert (stay.officer, stay.facility_name, stay.out_on) == (officer.username, "Naomi Centre", None)
    with pytest.raises(InvalidInput) as err:
        health.record_stay_in(
            container.uow(), actor=officer, data=StayIn(person_id=person, facility_id=shelter.id, in_on=today)
        )
    assert err.value.field == "person_id" and "Naomi Centre" in err.value.problem

    [load] = health.caseload(container.uow(), actor=officer)
    assert (load.facility.name, [r.person_name for r in load.residents]) == ("Naomi Centre", ["Dana Hynes"])
    assert health.caseload(container.uow(), actor=team.colleague.actor) == []

    paid = health.pay_benefit(
        container.uow(), actor=officer, stay_id=stay.id, data=BenefitCreate(kind="one_time", nights=3)
    )
    assert (paid.amount, paid.money_state, paid.health_plan) == ("135.00", "approved", None)
    issuance = _issuance(container, team, paid.issuance_id)
    assert (issuance.payment_type, issuance.nights, issuance.gross, issuance.program) == (
        "shelter",
        3,
        13500,
        "nl.income_support",
    )
    more = health.pay_benefit(
        container.uow(), actor=officer, stay_id=stay.id, data=BenefitCreate(kind="one_time", nights=7)
    )
    assert more.money_state == "pending_approval"  # beyond the officer's 4 nights
    with pytest.raises(InvalidInput) as err:
        health.pay_benefit(
            container.uow(), actor=officer, stay_id=stay.id, data=BenefitCreate(kind="one_time")
        )
    assert err.value.field == "nights"

    with pytest.raises(InvalidInput) as err:
        health.pay_benefit(
            container.uow(), actor=officer, stay_id=stay.id, data=BenefitCreate(kind="cheque", nights=2)
        )
    assert err.value.field == "cheque_number"
    cheque = health.pay_benefit(
        container.uow(),
        actor=officer,
        stay_id=stay.id,
        data=BenefitCreate(kind="cheque", nights=2, cheque_number="004512"),
    )
    assert (cheque.method, cheque.money_state) == ("cheque", "pending_approval")  # a second person signs
    assert _issuance(container, team, cheque.issuance_id).cheque_number == "004512"

    with pytest.raises(InvalidInput) as err:
        health.record_stay_out(
            container.uow(), actor=officer, stay_id=stay.id, data=StayOut(out_on=today - dt.timedelta(days=1))
        )
    assert err.value.field == "out_on"
    container.clock.advance(dt.timedelta(days=5))
    left = health.record_stay_out(
        container.uow(),
        actor=officer,
        stay_id=stay.id,
        data=StayOut(version=stay.version, out_on=container.clock.today(), reason="moved to an apartment"),
    )
    assert (left.out_on, left.recurring_to_end) == (container.clock.today(), [])
    assert health.caseload(container.uow(), actor=officer) == []
    file = health.facility_file(container.uow(), actor=officer, facility_id=shelter.id)
    assert (file.facility.residents, len(file.past), len(file.benefits)) == (0, 1, 3)
    with pytest.raises(InvalidInput) as err:
        health.pay_benefit(
            container.uow(),
            actor=officer,
            stay_id=stay.id,
            data=BenefitCreate(
                kind="one_time", nights=1, pay_date=container.clock.today() + dt.timedelta(days=1)
            ),
        )
    assert err.value.field == "pay_date"
    assert [a for a, _ in audit_actions(container, stay.id)] == [
        "facility:stay_in",
        "facility:benefit",
        "facility:benefit",
        "facility:benefit",
        "facility:stay_out",
    ]


def test_a_recurring_payment_with_the_health_benefits_authorized(container: Container, team: Team) -> None:
    officer = team.officer.actor
    home = _facility(container, team, name="Agnes Pratt Home", kind="residential", monthly_rate="1850.00")
    uncovered = make_person(container, "Sam", "Oake")
    make_unit(container, uncovered)
    today = container.clock.today()
    stay = health.record_stay_in(
        container.uow(), actor=officer, data=StayIn(person_id=uncovered, facility_id=home.id, in_on=today)
    )
    with pytest.raises(InvalidInput) as err:
        health.pay_benefit(
            container.uow(),
            actor=officer,
            stay_id=stay.id,
            data=BenefitCreate(kind="recurring", health_benefits=True),
        )
    assert err.value.field == "person_id" and "no drug coverage" in err.value.problem
    assert health.person_stays(container.uow(), actor=officer, person_id=uncovered).benefits == []

    covered = make_person(container, "Rita", "Power", born=BORN)
    decision = nl_income_support_decision(container, officer, covered)
    health.apply_decision(container.uow(), actor=officer, data=CoverageFromDecision(decision_id=decision.id))
    stay = health.record_stay_in(
        container.uow(),
        actor=officer,
        data=StayIn(
            person_id=covered, facility_id=home.id, in_on=today, officer=team.colleague.actor.username
        ),
    )
    paid = health.pay_benefit(
        container.uow(),
        actor=officer,
        stay_id=stay.id,
        data=BenefitCreate(kind="recurring", health_benefits=True),
    )
    assert (paid.amount, paid.health_plan, paid.money_state) == ("1850.00", "foundation", "pending_approval")
    assert paid.entitlement_id is not None and paid.issuance_id is None
    [entitlement] = [
        e
        for e in money.list_entitlements(container.uow(), actor=officer, unit_id=decision.unit_id)
        if e.id == paid.entitlement_id
    ]
    assert (entitlement.amount_cents, entitlement.frequency) == (185000, "monthly")
    [load] = health.caseload(container.uow(), actor=team.colleague.actor)
    assert [r.person_name for r in load.residents] == ["Rita Power"]
    assert len(health.caseload(container.uow(), actor=officer, officer="*")[0].residents) == 2
    left = health.record_stay_out(
        container.uow(), actor=officer, stay_id=stay.id, data=StayOut(out_on=container.clock.today())
    )
    # its set-up still waits for a second person: not in force, so the officer refuses it in money
    assert (left.recurring_to_end, left.recurring_ended) == ([paid.entitlement_id], [])


def test_the_day_out_ends_the_monthly_payment_in_money(container: Container, team: Team) -> None:
    officer = team.officer.actor
    home = _facility(container, team, name="Agnes Pratt Home", kind="residential", monthly_rate="1850.00")
    person = make_person(container, "Rita", "Power", born=BORN)
    decision = nl_income_support_decision(container, officer, person)
    today = container.clock.today()
    stay = health.record_stay_in(
        container.uow(), actor=officer, data=StayIn(person_id=person, facility_id=home.id, in_on=today)
    )
    paid = health.pay_benefit(
        container.uow(), actor=officer, stay_id=stay.id, data=BenefitCreate(kind="recurring")
    )
    assert paid.entitlement_id is not None
    _approve_payee(container, team, paid.entitlement_id)  # the supervisor approves the set-up

    def series() -> list[money.models.Entitlement]:
        found = money.list_entitlements(container.uow(), actor=officer, unit_id=decision.unit_id)
        return [e for e in found if e.program == "nl.income_support" and e.payee_id == home.payee_id]

    [set_up] = series()
    assert (set_up.active, set_up.state, set_up.end_date) == (True, "approved", None)
    out_on = today + dt.timedelta(days=10)
    container.clock.advance(dt.timedelta(days=12))
    left = health.record_stay_out(
        container.uow(), actor=officer, stay_id=stay.id, data=StayOut(out_on=out_on, reason="moved to family")
    )
    assert (left.recurring_ended, left.recurring_to_end) == ([paid.entitlement_id], [])
    [in_force] = [e for e in series() if e.active]
    assert (in_force.series_id, in_force.end_date, in_force.state) == (set_up.series_id, out_on, "approved")
    assert "Agnes Pratt Home" in (in_force.reason or "")
    [benefit] = health.person_stays(container.uow(), actor=officer, person_id=person).benefits
    assert benefit.money_state == "ended"


def test_facility_records_and_refusals(container: Container, team: Team) -> None:
    officer = team.officer.actor
    with pytest.raises(InvalidInput) as err:
        health.create_facility(
            container.uow(),
            actor=officer,
            data=FacilityCreate(name="X", kind="hospital", address="1 Main St"),
        )
    assert err.value.field == "nightly_rate"
    with pytest.raises(InvalidInput) as err:
        health.create_facility(
            container.uow(),
            actor=officer,
            data=FacilityCreate(name="X", kind="hospital", address="1 Main St", monthly_rate="12.345"),
        )
    assert err.value.field == "monthly_rate"
    hospital = health.create_facility(
        container.uow(),
        actor=officer,
        data=FacilityCreate(
            name="Waterford Hospital",
            kind="hospital",
            address="306 Waterford Bridge Rd",
            monthly_rate="900.00",
        ),
    )
    with pytest.raises(InvalidInput) as err:
        health.create_facility(
            container.uow(),
            actor=officer,
            data=FacilityCreate(name="waterford hospital", kind="hospital", address="x", monthly_rate="1.00"),
        )
    assert err.value.field == "name"
    person = make_person(container)
    make_unit(container, person)
    stay = health.record_stay_in(
        container.uow(),
        actor=officer,
        data=StayIn(person_id=person, facility_id=hospital.id, in_on=container.clock.today()),
    )
    with pytest.raises(InvalidInput) as err:  # the vendor payee waits for a second person
        health.pay_benefit(
            container.uow(), actor=officer, stay_id=stay.id, data=BenefitCreate(kind="one_time")
        )
    assert err.value.field == "payee_id"
    with pytest.raises(PermissionDenied):
        health.record_stay_in(
            container.uow(),
            actor=team.finance.actor,
            data=StayIn(
                person_id=make_person(container), facility_id=hospital.id, in_on=container.clock.today()
            ),
        )
    [listed] = health.list_facilities(container.uow(), actor=officer, kind="hospital")
    assert (listed.name, listed.residents, listed.monthly_rate) == ("Waterford Hospital", 1, "900.00")
    assert ("facility:create", "ok") in audit_actions(container, hospital.id)
