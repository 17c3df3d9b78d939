"""Out-of-province travel: a medical trip requested with its referral, approved within the officer's
travel authority (an issuance to the carrier) with a follow-up task on the return date, a vendor's
invoice entered in money, and the return recorded; beyond the limit the payment waits for a supervisor."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop import health, money
from onestop.bootstrap import Container
from onestop.cases import tasks
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.health.schemas import TravelCreate, TravelDecide, TravelInvoice, TravelLeg, TravelReturn
from tests.integration.cases.applications.builders import make_unit, verified_document
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person
from tests.integration.health.conftest import vendor


def _request(container: Container, team: Team, cost: str) -> health.schemas.TravelPublic:
    person = make_person(container)
    make_unit(container, person)
    referral = verified_document(container, team.officer.actor, person, "medical")
    today = container.clock.today()
    legs = [
        TravelLeg(from_place="St. John's", to_place="Halifax", carrier="Air Canada", depart_on=today),
        TravelLeg(
            from_place="Halifax",
            to_place="St. John's",
            carrier="Air Canada",
            depart_on=today + dt.timedelta(days=5),
        ),
    ]
    return health.request_travel(
        container.uow(),
        actor=team.officer.actor,
        data=TravelCreate(
            person_id=person,
            kind="medical",
            reason="cardiac surgery not available in NL",
            referral_document_id=referral,
            legs=legs,
            return_on=today + dt.timedelta(days=5),
            estimated_cost=cost,
        ),
    )


def test_a_medical_trip_from_request_to_return(container: Container, team: Team) -> None:
    officer = team.officer.actor
    trip = _request(container, team, "1240.00")
    assert (trip.status, trip.depart_on, len(trip.legs)) == ("requested", container.clock.today(), 2)
    carrier = vendor(container, team, "Air Canada")
    with pytest.raises(InvalidInput) as err:
        health.decide_travel(
            container.uow(),
            actor=officer,
            travel_id=trip.id,
            data=TravelDecide(outcome="approved", reason="r"),
        )
    assert err.value.field == "payee_id"
    trip = health.decide_travel(
        container.uow(),
        actor=officer,
        travel_id=trip.id,
        data=TravelDecide(
            outcome="approved", reason="referral from the cardiologist", payee_id=carrier.id, method="cheque"
        ),
    )
    issuance = money.get_issuance(container.uow(), actor=officer, issuance_id=trip.issuance_id)
    assert (issuance.payment_type, issuance.program, issuance.gross_cents, issuance.state) == (
        "travel",
        "nl.medical_travel",
        124000,
        "approved",
    )
    task = tasks.get_task(container.uow(), actor=officer, task_id=trip.follow_up_task_id)
    assert task.due_on == container.clock.today() + dt.timedelta(days=5)
    hotel = vendor(container, team, "Lord Nelson Hotel")
    trip = health.add_travel_invoice(
        container.uow(),
        actor=officer,
        travel_id=trip.id,
        data=TravelInvoice(payee_id=hotel.id, vendor_reference="LN-2291", amount="412.80"),
    )
    assert trip.invoices[0]["amount_cents"] == 41280
    container.clock.advance(dt.timedelta(days=6))
    trip = health.record_return(
        container.uow(),
        actor=officer,
        travel_id=trip.id,
        data=TravelReturn(
            returned_on=container.clock.today() - dt.timedelta(days=1), note="home, recovering"
        ),
    )
    assert trip.status == "returned"
    assert ("travel:return", "ok") in audit_actions(container, trip.id)
    with pytest.raises(InvalidTransition):
        health.decide_travel(
            container.uow(), actor=officer, travel_id=trip.id, data=TravelDecide(outcome="denied", reason="x")
        )


def test_beyond_the_officers_travel_limit_the_payment_waits_for_a_supervisor(
    container: Container, team: Team
) -> None:
    officer = team.officer.actor
    trip = _request(container, team, "2400.00")
    carrier = vendor(container, team, "PAL Airlines")
    trip = health.decide_travel(
        container.uow(),
        actor=officer,
        travel_id=trip.id,
        data=TravelDecide(outcome="approved", reason="r", payee_id=carrier.id, method="cheque"),
    )
    issuance = money.get_issuance(container.uow(), actor=officer, issuance_id=trip.issuance_id)
    assert issuance.state == "pending_approval"  # the officer's travel limit is $1,500.00
