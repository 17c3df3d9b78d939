"""The client's drug coverage page: plain words, their own records only, no internal ids."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from onestop import health
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.health.schemas import (
    CardIssue,
    CoverageFromDecision,
    SeniorClaimCreate,
    TravelCreate,
    TravelDecide,
    TravelLeg,
)
from tests.functional.portal.conftest import account, apply, confirmed, sign_in, sign_out
from tests.integration.health.builders import nl_income_support_decision

SYSTEM = Actor.system("tests")


def test_a_client_sees_their_coverage_and_card_and_nobody_elses(
    client: TestClient, container: Container
) -> None:
    for email in ("one@example.ca", "two@example.ca"):
        confirmed(client, container, email)
    sign_in(client, "one@example.ca")
    assert "no drug coverage on file" in client.get("/portal/account/health").text
    apply(client, "Una", "One")  # the first application links the account to a registry record
    person = account(container, "one@example.ca").person_id
    assert person is not None
    decision = nl_income_support_decision(container, SYSTEM, person)
    health.apply_decision(container.uow(), actor=SYSTEM, data=CoverageFromDecision(decision_id=decision.id))
    card = health.issue_card(
        container.uow(),
        actor=SYSTEM,
        data=CardIssue(
            person_id=person, valid_to=container.clock.today() + dt.timedelta(days=30), reason="r"
        ),
    )
    page = client.get("/portal/account/health").text
    assert "Foundation Plan: your drugs are fully paid for" in page and card.number in page
    assert str(card.id) not in page and str(person) not in page and str(decision.id) not in page
    assert "/portal/account/health" in client.get("/portal/account").text
    sign_out(client)
    sign_in(client, "two@example.ca")
    other = client.get("/portal/account/health").text
    assert card.number not in other and "no drug coverage on file" in other


def test_a_client_sees_their_travel_and_65plus_claim_in_plain_words(
    client: TestClient, container: Container
) -> None:
    confirmed(client, container, "trip@example.ca")
    sign_in(client, "trip@example.ca")
    apply(client, "Tia", "Trip")
    person = account(container, "trip@example.ca").person_id
    assert person is not None
    page = client.get("/portal/account/health").text
    assert "Your travel" not in page and "Your 65Plus claim" not in page
    today = container.clock.today()
    leg = TravelLeg(from_place="St. John's", to_place="Halifax", carrier="PAL Airlines", depart_on=today)
    trip = health.request_travel(
        container.uow(),
        actor=SYSTEM,
        data=TravelCreate(
            person_id=person,
            kind="medical",
            reason="cardiac surgery at the QEII",
            legs=[leg],
            return_on=today + dt.timedelta(days=9),
            estimated_cost="900.00",
        ),
    )
    health.decide_travel(
        container.uow(),
        actor=SYSTEM,
        travel_id=trip.id,
        data=TravelDecide(outcome="denied", reason="the surgery is offered in St. John's"),
    )
    claim = health.receive_senior_claim(
        container.uow(), actor=SYSTEM, data=SeniorClaimCreate(person_id=person, landed_immigrant=True)
    )
    page = client.get("/portal/account/health").text
    assert "Travel for medical care outside the province: to Halifax" in page
    assert "Not approved" in page and "the surgery is offered in St. John&#39;s" in page
    assert "Your 65Plus claim" in page and "Received, being looked at" in page
    assert str(trip.id) not in page and str(claim.id) not in page and "PAL Airlines" not in page
    french = client.get("/portal/account/health?lang=fr").text
    assert french.count("Halifax") == 1 and "Travel for medical care" not in french
