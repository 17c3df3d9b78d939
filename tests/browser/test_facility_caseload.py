"""Facility caseloads in a real browser: an officer adds a shelter (a wrong rate is shown beside its box
and what was typed stays), records a client's stay from the client's health page, finds them on the
caseload by facility, and records the day out. axe-core on each page.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from onestop.access import Actor
from onestop.registry import create_unit
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.browser.conftest import PASSWORD, Effort, Site, check_accessibility, save_figure, sign_in
from tests.functional.staff.factories import person

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _client(site: Site) -> str:
    found = person(site.container, given="Dana", family="Hynes", born=dt.date(1979, 3, 14))
    member = MemberIn(person_id=found.id, role="applicant", joined_on=site.container.clock.today())
    create_unit(site.container.uow(), actor=Actor.system("browser-tests"), data=UnitCreate(members=[member]))
    return f"/staff/people/{found.id}/health"


def test_a_shelter_stay_from_the_health_page(page: Page, site: Site) -> None:
    health_url = _client(site)
    today = site.container.clock.today().isoformat()
    sign_in(page, "amartin", PASSWORD)
    page.goto("/staff/facilities")
    check_accessibility(page, "facilities-01-list")
    page.locator("#f-name").fill("Naomi Centre")
    page.locator("#f-kind").select_option("shelter")
    page.locator("#f-address").fill("7 Cook St, St. John's")
    page.locator("#f-nightly_rate").fill("45.001")
    page.get_by_role("button", name="Add the facility").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#f-nightly_rate-error")).to_contain_text("fraction of a cent")
    expect(page.locator("#f-name")).to_have_value("Naomi Centre")
    check_accessibility(page, "facilities-02-add-error")
    page.locator("#f-nightly_rate").fill("45.00")
    page.get_by_role("button", name="Add the facility").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Naomi Centre")
    check_accessibility(page, "facilities-03-facility")

    page.goto(health_url)
    effort = Effort(page)
    page.locator("#f-facility_id").select_option(label="Naomi Centre")
    effort.clicks += 1
    effort.type(page.locator("#f-in_on"), today, "the day in")
    effort.click(page.get_by_role("button", name="Record the stay"), "record the stay")
    expect(page.locator(".flashes")).to_contain_text("The stay at Naomi Centre is recorded.")
    expect(page.locator("#stays-title ~ table")).to_contain_text("Still there")
    save_figure("facility-stay-in-clicks", effort.report())
    check_accessibility(page, "facilities-04-person-stay")

    page.get_by_role("link", name="Facilities").click()
    page.get_by_role("link", name="My residents by facility").click()
    expect(page.get_by_role("link", name="Dana Hynes")).to_be_visible()
    check_accessibility(page, "facilities-05-caseload")
    page.get_by_role("link", name="Dana Hynes").click()
    page.locator("#f-out_on").fill(today)
    page.get_by_role("button", name="Record the day out").click()
    expect(page.locator(".flashes")).to_contain_text("The day out is recorded.")
    page.goto("/staff/facilities/caseload")
    expect(page.locator("main")).to_contain_text("No resident in any facility.")
