"""Changing a health record in a real browser: an officer restricts a client's drug coverage to one
pharmacy (a missing explanation is shown beside its box and what was typed stays), lifts it, and
re-issues a lost drug card. axe-core on each page.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from onestop import health
from onestop.access import Actor
from onestop.health.schemas import CardIssue, CoverageFromDecision
from tests.browser.conftest import PASSWORD, Site, check_accessibility, sign_in
from tests.functional.staff.factories import person
from tests.integration.health.builders import nl_income_support_decision

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SYSTEM = Actor.system("browser-tests")


def test_restrict_coverage_and_reissue_a_card(page: Page, site: Site) -> None:
    container = site.container
    found = person(container, given="Rose", family="Kelly", born=dt.date(1981, 6, 2))
    decision = nl_income_support_decision(container, SYSTEM, found.id)
    health.apply_decision(container.uow(), actor=SYSTEM, data=CoverageFromDecision(decision_id=decision.id))
    card = health.issue_card(
        container.uow(),
        actor=SYSTEM,
        data=CardIssue(
            person_id=found.id, valid_to=container.clock.today() + dt.timedelta(days=20), reason="r"
        ),
    )
    sign_in(page, "amartin", PASSWORD)
    page.goto(f"/staff/people/{found.id}/health")
    page.get_by_role("link", name="Foundation Plan").click()
    page.locator("#f-kind").select_option("single_pharmacy")
    page.locator("#f-value").fill("Lawtons, 50 Water St")
    page.get_by_role("button", name="Add the restriction").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#f-explained_to_client-error")).to_be_visible()
    expect(page.locator("#f-value")).to_have_value("Lawtons, 50 Water St")
    check_accessibility(page, "health-records-01-restriction-error")
    page.locator("#f-explained_to_client").fill("Only Lawtons fills your prescriptions until the review.")
    page.get_by_role("button", name="Add the restriction").click()
    expect(page.locator(".flashes")).to_contain_text("The restriction is recorded.")
    expect(page.locator("#coverage-title ~ table")).to_contain_text("Lawtons, 50 Water St")

    page.get_by_role("link", name="Foundation Plan").click()
    page.locator("#f-lift_reason").fill("Review done")
    page.get_by_role("button", name="Lift the restriction").click()
    expect(page.locator(".flashes")).to_contain_text("The restriction is lifted.")

    page.get_by_role("link", name=card.number).click()
    check_accessibility(page, "health-records-02-card")
    page.locator("#f-reissue_reason").fill("Card lost")
    page.get_by_role("button", name="Re-issue the card").click()
    expect(page.locator(".flashes")).to_contain_text("is issued in its place.")
    expect(page.locator("#cards-title ~ table")).to_contain_text("Replaced")
