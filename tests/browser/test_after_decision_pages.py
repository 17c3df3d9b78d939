"""Every step after the decision on its page, in a real browser with axe-core on each (and on a form
shown again with its error): report a change, the review, suspend, payees, invoices, case conferences
and an investigation of a Newfoundland case by the officer.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from onestop.access import Actor
from onestop.cases import decisions
from onestop.cases.decisions import DecisionCreate
from tests.browser.conftest import PASSWORD, Effort, Site, check_accessibility, save_figure, sign_in
from tests.functional.staff.factories import person
from tests.integration.cases.applications.builders import (
    apply,
    assess,
    eligible_single,
    make_unit,
    verified_document,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
SYSTEM = Actor.system("browser-tests")
NL_ADDRESS = {"line1": "12 Water St", "city": "St. John's", "province": "NL", "postal_code": "A1C 1A1"}


def test_change_review_and_suspend(page: Page, site: Site) -> None:
    container = site.container
    who = person(container, given="Noor", family="Haddad", born=dt.date(1985, 6, 1)).id
    app = apply(container, SYSTEM, make_unit(container, who)).id
    eligible_single(container, SYSTEM, who, app)
    assess(container, SYSTEM, app)
    decisions.decide_application(container.uow(), actor=SYSTEM, data=DecisionCreate(application_id=app))

    sign_in(page, site.officer, PASSWORD)
    page.goto(f"/staff/applications/{app}")
    page.get_by_role("link", name="Report a change in circumstances").click()
    check_accessibility(page, "after-01-change")
    page.get_by_role("button", name="Record the change").click()  # no description
    expect(page.locator(".error-summary")).to_be_focused()
    check_accessibility(page, "after-02-change-error")
    page.get_by_label("What the person told us").fill("started part-time work, $500 a month")
    page.get_by_role("button", name="Record the change").click()
    expect(page.locator(".flashes")).to_contain_text("The change is recorded.")
    check_accessibility(page, "after-03-review")
    page.get_by_label("Why it is cancelled").fill("reported by mistake")
    page.get_by_role("button", name="Cancel the review").click()
    expect(page.locator(".flashes")).to_contain_text("The review is cancelled.")

    page.goto(f"/staff/applications/{app}/hold")
    check_accessibility(page, "after-04-hold")


def test_payees_invoices_conferences(page: Page, site: Site) -> None:
    container = site.container
    who = person(container, given="Ivan", family="Petrov", born=dt.date(1970, 1, 20)).id
    make_unit(container, who)
    sign_in(page, site.officer, PASSWORD)
    page.goto(f"/staff/people/{who}")
    page.get_by_role("link", name="Payees").click()
    check_accessibility(page, "after-05-payees")
    page.get_by_label("Name").fill("Harbour Power")
    page.get_by_label("Who").select_option("utility")
    page.get_by_label("Institution number").fill("12")
    page.get_by_role("button", name="Add the payee").click()
    expect(page.locator(".error-summary")).to_be_focused()
    check_accessibility(page, "after-06-payees-error")
    page.get_by_label("Institution number").fill("")
    page.get_by_role("button", name="Add the payee").click()
    expect(page.locator(".flashes")).to_contain_text("Harbour Power")
    page.get_by_role("link", name="Enter an invoice from one of these payees").click()
    check_accessibility(page, "after-07-invoice-new")
    page.goto("/staff/invoices")
    check_accessibility(page, "after-08-invoices")

    page.goto(f"/staff/people/{who}/conferences")
    check_accessibility(page, "after-09-conferences")
    page.get_by_label("Who took part").fill(
        "Alice Martin, Income Support, officer\nDr. Lee, Clinic, physician"
    )
    page.get_by_label("What was decided").fill("refer to the clinic's housing worker")
    page.get_by_role("button", name="Record the conference").click()
    expect(page.locator(".flashes")).to_contain_text("The case conference is recorded.")
    check_accessibility(page, "after-10-conference-recorded")


def test_a_newfoundland_officer_investigates(page: Page, site: Site) -> None:
    who = person(site.container, given="Rose", family="Walsh", addresses=[NL_ADDRESS]).id
    sign_in(page, site.officer, PASSWORD)
    page.goto(f"/staff/people/{who}")
    page.get_by_role("link", name="Investigations").click()
    check_accessibility(page, "after-11-investigations")
    page.get_by_label("The allegation").fill("working at the fish plant while on benefits")
    page.get_by_role("button", name="Open the investigation").click()
    expect(page.locator(".flashes")).to_contain_text("The investigation is open.")
    check_accessibility(page, "after-12-investigation")
    page.get_by_label("Finding", exact=True).select_option("unfounded")
    page.get_by_role("button", name="Close the investigation").click()  # no reasons
    expect(page.locator(".error-summary")).to_be_focused()
    check_accessibility(page, "after-13-investigation-error")


#: A reported change of income to its new decision, from the home page (issue 14, part 7).
MAX_CHANGE_CLICKS, MAX_CHANGE_LOADS = 8, 6


def test_a_reported_change_of_income_to_the_new_decision_counted(page: Page, site: Site) -> None:
    container = site.container
    who = person(container, given="Tomas", family="Lindqvist", born=dt.date(1983, 9, 12)).id
    app = apply(container, SYSTEM, make_unit(container, who)).id
    eligible_single(container, SYSTEM, who, app)
    assess(container, SYSTEM, app)
    decisions.decide_application(container.uow(), actor=SYSTEM, data=DecisionCreate(application_id=app))
    verified_document(container, SYSTEM, who, "income_proof")  # the new pay stub, seen at the counter
    sign_in(page, site.officer, PASSWORD)
    page.goto("/staff/")

    effort = Effort(page)
    effort.enter(page.get_by_label("Name").first, "Lindqvist", "the caller's name in the home page search")
    effort.click(page.get_by_role("link", name="Lindqvist, Tomas"), "open the file")
    effort.click(
        page.get_by_role("link", name="Report a change").first, "report a change beside the decision"
    )
    income = page.locator("#f-fact option[value$='monthly_net_employment_income']").get_attribute("value")
    page.get_by_label("The fact that changed").select_option(income)
    effort.clicks += 1
    effort.steps.append("choose: the income fact")
    document = page.locator("#f-document_id option").nth(1).get_attribute("value")  # the verified pay stub
    page.get_by_label("Document that proves it").select_option(document)
    effort.clicks += 1
    effort.steps.append("choose: the pay stub that proves it")
    effort.type(page.get_by_label("Its new value"), "500", "the new monthly income")
    effort.type(page.get_by_label("What the person told us"), "started part-time work", "what was said")
    effort.click(page.get_by_role("button", name="Record the change"), "record the change")
    check_accessibility(page, "after-14-review-after-change")
    effort.click(page.get_by_role("button", name="Record the decision"), "reassess and record the decision")
    expect(page.locator("main")).to_contain_text("621.50")
    check_accessibility(page, "after-15-new-decision")
    figure = effort.report()
    save_figure("change-of-income-clicks", figure)
    assert effort.clicks <= MAX_CHANGE_CLICKS and effort.loads <= MAX_CHANGE_LOADS, figure
