"""Money on the person page in a real browser: "where is my payment?" counted in clicks from the home
page, and the overpayment pages (set up, a wrong amount beside its box, a repayment). axe-core on each.

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

#: "Where is my payment?": type the name + Enter, open the person: the answer is on the file.
MAX_WHERE_CLICKS, MAX_WHERE_LOADS = 2, 2


def _client(site: Site, family: str) -> str:
    """A registered person in a benefit unit of their own; their file's address."""
    found = person(site.container, given="Grace", family=family, born=dt.date(1979, 3, 14))
    member = MemberIn(person_id=found.id, role="applicant", joined_on=site.container.clock.today())
    create_unit(site.container.uow(), actor=Actor.system("browser-tests"), data=UnitCreate(members=[member]))
    return f"/staff/people/{found.id}"


def test_where_is_my_payment_in_two_clicks(page: Page, site: Site) -> None:
    file_url = _client(site, "Oyelaran")
    sign_in(page, "amartin", PASSWORD)
    page.goto(f"{file_url}/emergency")
    page.get_by_label("Amount").fill("120")
    page.get_by_label("Explanation").fill("food until the cheque comes")
    page.get_by_role("button", name="Continue").click()  # with htmx this issues at once
    page.wait_for_load_state()
    if page.get_by_role("button", name="Issue").count():  # the confirm step (without JavaScript)
        page.get_by_role("button", name="Issue").click()
    expect(page.locator(".flashes")).to_contain_text("$120.00")
    page.goto("/staff/")

    effort = Effort(page)
    effort.enter(page.get_by_label("Name").first, "Oyelaran", "the caller's name in the home page search")
    effort.click(page.get_by_role("link", name="Oyelaran, Grace"), "open the file")
    where = page.locator("[id^=where-]").first
    expect(where).to_contain_text("Where is my payment?")
    expect(where).to_contain_text("$120.00")
    check_accessibility(page, "money-01-where-is-my-payment")
    figure = effort.report()
    save_figure("where-is-my-payment-clicks", figure)
    assert effort.clicks <= MAX_WHERE_CLICKS and effort.loads <= MAX_WHERE_LOADS, figure


def test_overpayment_set_up_mistake_and_repayment(page: Page, site: Site) -> None:
    file_url = _client(site, "Nakamura")
    sign_in(page, "amartin", PASSWORD)
    page.goto(file_url)
    page.get_by_role("link", name="Set up an overpayment").click()
    check_accessibility(page, "money-02-overpayment-new")
    page.get_by_label("Amount overpaid").fill("lots")
    # Its own label: "Reason" alone also named the quick-log's reasons on every staff page.
    page.get_by_label("Why it was overpaid", exact=True).fill("income from a part-time job not reported")
    page.get_by_role("button", name="Set up the overpayment").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_label("Why it was overpaid", exact=True)).to_have_value(
        "income from a part-time job not reported"
    )
    check_accessibility(page, "money-03-overpayment-error")
    page.get_by_label("Amount overpaid").fill("400")
    page.get_by_role("button", name="Set up the overpayment").click()
    expect(page.locator(".flashes")).to_contain_text("An overpayment of $400.00 is set up.")
    check_accessibility(page, "money-04-overpayment")
    page.get_by_label("Amount repaid").fill("150")
    page.get_by_role("button", name="Record the repayment").click()
    expect(page.locator(".flashes")).to_contain_text("$250.00 is left")
    page.get_by_role("link", name="Back to the file").click()
    expect(page.locator("#money-title")).to_be_visible()
    check_accessibility(page, "money-05-file-with-overpayment")
