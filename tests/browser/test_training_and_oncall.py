"""Training and after-hours on-call in a real browser: an officer records a client's course, a term over
the missed-attendance rule is flagged and excused with a reason; the officer puts themself on call,
is refused (beside the box) a call logged without saying what happened, then logs it and sees it in
the list. axe-core on each page.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD, Site, check_accessibility, sign_in
from tests.functional.staff.factories import person

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_a_flagged_term_excused(page: Page, site: Site) -> None:
    client = person(site.container, given="Lena", family="Drover", born=dt.date(1990, 2, 3))
    today = site.container.clock.today()
    sign_in(page, "amartin", PASSWORD)
    page.goto("/staff/training")
    check_accessibility(page, "training-01-list")
    page.locator("#f-person_id").fill(str(client.id))
    page.locator("#f-kind").select_option("short_course")
    page.locator("#f-program_name").fill("Food safety")
    page.locator("#f-starts_on").fill((today - dt.timedelta(days=60)).isoformat())
    page.locator("#f-ends_on").fill((today + dt.timedelta(days=60)).isoformat())
    page.locator("#f-tuition").fill("350.00")
    page.get_by_role("button", name="Record the training").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#f-institution-error")).to_be_visible()
    expect(page.locator("#f-program_name")).to_have_value("Food safety")
    check_accessibility(page, "training-02-refused")
    page.locator("#f-institution").fill("Academy Canada")
    page.get_by_role("button", name="Record the training").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Food safety: Lena Drover")
    page.locator("#f-term").fill("Winter")
    page.locator("#f-period_start").fill((today - dt.timedelta(days=60)).isoformat())
    page.locator("#f-period_end").fill((today - dt.timedelta(days=5)).isoformat())
    page.locator("#f-scheduled_days").fill("40")
    page.locator("#f-attended_days").fill("25")
    page.locator("#f-received_on").fill(today.isoformat())
    page.get_by_role("button", name="Record the attendance").click()
    expect(page.locator(".flashes")).to_contain_text("a task is raised")
    check_accessibility(page, "training-03-flagged")
    page.locator("#f-finding_note").fill("Hospital stay; note on file")
    page.get_by_role("button", name="Excuse it").click()
    expect(page.locator("main")).to_contain_text("Excused: Hospital stay; note on file")
    check_accessibility(page, "training-04-excused")


def test_a_call_taken_on_call(page: Page, site: Site) -> None:
    client = person(site.container, given="Owen", family="Rideout", born=dt.date(1975, 8, 1))
    zone = ZoneInfo(site.container.settings.timezone)
    now = dt.datetime.now(zone).replace(second=0, microsecond=0)
    sign_in(page, "amartin", PASSWORD)
    page.goto("/staff/oncall")
    check_accessibility(page, "oncall-01-page")
    page.locator("#f-area").fill("Edmonton")
    page.locator("#f-phone").fill("780-555-0100")
    page.locator("#f-starts_at").fill((now - dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"))
    page.locator("#f-ends_at").fill((now + dt.timedelta(hours=9)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Add the shift").click()
    expect(page.locator(".flashes")).to_contain_text("The shift is on the roster.")
    expect(page.locator("#roster-title ~ table")).to_contain_text("780-555-0100")
    page.locator("#f-person_id").fill(str(client.id))
    page.locator("#f-received_at").fill((now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Log the call").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#f-summary-error")).to_be_visible()
    check_accessibility(page, "oncall-02-refused")
    page.locator("#f-summary").fill("Worried about rent; told to call the office in the morning")
    page.get_by_role("button", name="Log the call").click()
    expect(page.locator(".flashes")).to_contain_text("The call is logged and handed over")
    expect(page.locator("#calls-title ~ ul")).to_contain_text("Owen Rideout")
    check_accessibility(page, "oncall-03-logged")
