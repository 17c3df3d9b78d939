"""Elected members' inquiries and sponsors' projects in a real browser: an officer records an MHA's
inquiry from the client's page, is refused (beside the box) when the answer would disclose the file
without consent, records the consent, answers, and the queue empties; a sponsor and a proposal from
the projects page, negotiated on the project page. axe-core on each page.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD, Site, check_accessibility, sign_in
from tests.functional.staff.factories import person

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_an_mha_inquiry_answered_with_consent(page: Page, site: Site) -> None:
    client = person(site.container, given="Rosa", family="Keeping", born=dt.date(1982, 5, 9))
    today = site.container.clock.today().isoformat()
    sign_in(page, "amartin", PASSWORD)
    page.goto(f"/staff/people/{client.id}")
    page.get_by_role("link", name="Record an inquiry from an MHA or MLA office").click()
    check_accessibility(page, "inquiries-01-new")
    page.locator("#f-member_name").fill("Hon. Pam Parsons")
    page.locator("#f-asked_by").fill("Gail Kennedy, constituency assistant")
    page.locator("#f-on_behalf_of").fill("The client")
    page.locator("#f-question").fill("Why was the March payment late?")
    page.get_by_role("button", name="Record the inquiry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inquiry from Hon. Pam Parsons")
    check_accessibility(page, "inquiries-02-inquiry")
    page.locator("#f-answer").fill("It was held for a missing pay stub.")
    page.locator("#f-disclose").select_option("yes")
    page.locator("#f-answered_on").fill(today)
    page.get_by_role("button", name="Record the answer").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#f-disclose-error")).to_contain_text("not consented")
    expect(page.locator("#f-answer")).to_have_value("It was held for a missing pay stub.")
    check_accessibility(page, "inquiries-03-refused")
    page.locator("#f-consent_on").fill(today)
    page.locator("#f-consent_note").fill("Signed form from the MHA's office")
    page.get_by_role("button", name="Record the consent").click()
    expect(page.locator(".flashes")).to_contain_text("The client's consent is recorded.")
    page.locator("#f-answer").fill("It was held for a missing pay stub.")
    page.locator("#f-disclose").select_option("yes")
    page.get_by_role("button", name="Record the answer").click()
    expect(page.locator("main")).to_contain_text("details shared with consent")
    page.goto("/staff/inquiries")
    expect(page.locator("main")).to_contain_text("No inquiry is waiting for an answer.")
    check_accessibility(page, "inquiries-04-queue")


def test_a_proposal_negotiated(page: Page, site: Site) -> None:
    sign_in(page, "amartin", PASSWORD)
    page.goto("/staff/partners")
    check_accessibility(page, "projects-01-list")
    page.locator("#f-name").fill("Harbour Youth Works")
    page.locator("#f-kind").select_option("community")
    page.locator("#f-contact_name").fill("Ann Roil")
    page.get_by_role("button", name="Add the sponsor").click()
    expect(page.locator(".flashes")).to_contain_text("Harbour Youth Works is recorded.")
    page.locator("#f-sponsor_id").select_option(label="Harbour Youth Works")
    page.locator("#f-title").fill("Boat building")
    page.locator("#f-activities").fill("Wooden dories, six months")
    page.locator("#f-participants_wanted").fill("4")
    page.locator("#f-funding_asked").fill("30000.00")
    page.locator("#f-starts_on").fill("2026-04-01")
    page.locator("#f-ends_on").fill("2026-09-30")
    page.get_by_role("button", name="Record the proposal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Boat building")
    page.locator("#f-funding").fill("25000.00")
    page.locator("#f-note").fill("Boats sold to cover materials")
    page.get_by_role("button", name="Record the terms").click()
    expect(page.locator("#revisions-title ~ table")).to_contain_text("Boats sold to cover materials")
    check_accessibility(page, "projects-02-project")
