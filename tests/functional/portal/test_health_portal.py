"""The client's drug coverage page: plain words, their own records only, no internal ids."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from onestop import health
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.health.schemas import CardIssue, CoverageFromDecision
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
