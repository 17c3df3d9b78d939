"""Every health page of a Newfoundland client opened in a real browser and checked by axe-core: the
coverage period, the MCP form, a special authorization, an out-of-province claim (its form and the
claim), a 65Plus claim of a landed-immigrant senior (its form and the claim), a trip (its form and the
trip) and a costed prescription. Each record is seeded through the health services first.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from onestop import health
from onestop.access import Actor
from onestop.health.schemas import (
    AuthorizationCreate,
    ClaimCreate,
    CopayRequest,
    CoverageFromDecision,
    McpRecord,
    SeniorClaimCreate,
    TravelCreate,
    TravelLeg,
)
from tests.browser.conftest import Site, check_accessibility, open_and_check, sign_in
from tests.functional.staff.factories import person
from tests.integration.health.builders import nl_income_support_decision

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SYSTEM = Actor.system("browser-tests")


def test_each_health_record_page(page: Page, site: Site) -> None:
    container = site.container
    uow = container.uow
    today = container.clock.today()
    found = person(container, given="Colin", family="Hynes", born=dt.date(1979, 3, 14))
    decision = nl_income_support_decision(container, SYSTEM, found.id)
    health.apply_decision(uow(), actor=SYSTEM, data=CoverageFromDecision(decision_id=decision.id))
    health.record_mcp(
        uow(),
        actor=SYSTEM,
        data=McpRecord(
            person_id=found.id, status="registered", number="1234 5678 9012", valid_from=dt.date(2020, 1, 1)
        ),
    )
    auth = health.submit_authorization(
        uow(),
        actor=SYSTEM,
        data=AuthorizationCreate(
            person_id=found.id, din="02242903", drug_name="Adalimumab", prescriber="Dr. Walsh", reason="RA"
        ),
    )
    claim = health.receive_claim(
        uow(),
        actor=SYSTEM,
        data=ClaimCreate(
            person_id=found.id,
            province="NS",
            provider="QEII Halifax",
            service="emergency appendectomy",
            service_from=today - dt.timedelta(days=10),
            amount="412.80",
        ),
    )
    trip = health.request_travel(
        uow(),
        actor=SYSTEM,
        data=TravelCreate(
            person_id=found.id,
            kind="medical",
            reason="cardiac surgery not available in NL",
            legs=[
                TravelLeg(from_place="St. John's", to_place="Halifax", carrier="Air Canada", depart_on=today)
            ],
            return_on=today,
            estimated_cost="1240.00",
        ),
    )
    copay = health.cost_prescription(
        uow(),
        actor=SYSTEM,
        data=CopayRequest(
            person_id=found.id, din="02242903", drug_name="Metformin", quantity="2", unit_price="10.005"
        ),
    )
    senior = person(container, given="Ana", family="Silva", born=dt.date(1950, 2, 1))
    senior_claim = health.receive_senior_claim(
        uow(), actor=SYSTEM, data=SeniorClaimCreate(person_id=senior.id, landed_immigrant=True)
    )
    home = f"/staff/people/{found.id}/health"

    sign_in(page, "amartin", "Correct-horse-42")
    page.goto(home)
    page.get_by_role("link", name="Foundation Plan").click()
    expect(page.locator("h1")).to_contain_text("Colin Hynes")
    check_accessibility(page, "health-work-01-coverage")

    open_and_check(page, f"{home}/mcp", "health-work-02-mcp", "Record MCP registration: Colin Hynes")
    open_and_check(
        page,
        f"{home}/authorizations/{auth.id}",
        "health-work-03-authorization",
        "Special authorization: Adalimumab",
        "Dr. Walsh",
    )
    open_and_check(
        page,
        f"{home}/claims/new",
        "health-work-04-claim-new",
        "Receive an out-of-province claim: Colin Hynes",
    )
    open_and_check(
        page,
        f"{home}/claims/{claim.id}",
        "health-work-05-claim",
        "Claim: QEII Halifax (NS)",
        "emergency appendectomy",
    )
    open_and_check(
        page, f"{home}/travel/new", "health-work-06-travel-new", "Out-of-province travel: Colin Hynes"
    )
    open_and_check(page, f"{home}/travel/{trip.id}", "health-work-07-trip", "Trip departing", "Air Canada")
    open_and_check(page, f"{home}/copays/{copay.id}", "health-work-08-copay", "Co-pay: Metformin")
    senior_home = f"/staff/people/{senior.id}/health"
    open_and_check(
        page,
        f"{senior_home}/senior-claims/new",
        "health-work-09-senior-claim-new",
        "65Plus claim of a landed-immigrant senior: Ana Silva",
    )
    open_and_check(
        page,
        f"{senior_home}/senior-claims/{senior_claim.id}",
        "health-work-10-senior-claim",
        "65Plus claim received",
        "landed_immigrant: met",
    )
