"""The privacy office's pages in a real browser (issue 20), each checked with axe-core: an access
request logged from the file, its deadline extended, assembled, a part withheld, approved and released
by a supervisor; a refused correction with the person's statement; the disclosure log; retention with
a legal hold and the purge's dry run; and a breach reported from a letter that went astray, then
assessed, notified, followed up and closed by the privacy office."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Page, expect

from onestop import privacy
from onestop.access import Actor, Role, create_staff
from tests.browser.conftest import PASSWORD, Site, check_accessibility, sign_in
from tests.functional.staff.factories import person
from tests.integration.privacy.letters import sent_letter

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SYSTEM = Actor.system("browser-tests")
OFFICE = "pprivacy"


@pytest.fixture(scope="module")
def office(site: Site) -> str:
    """The privacy office's account."""
    create_staff(
        site.container.uow(),
        actor=SYSTEM,
        username=OFFICE,
        display_name="Pia Privacy",
        password=PASSWORD,
        roles={Role.PRIVACY},
        office_id=None,
    )
    return OFFICE


def _flash(page: Page, text: str) -> None:
    expect(page.locator(".flashes")).to_contain_text(text)


def test_an_access_request_is_logged_extended_assembled_withheld_approved_and_released(
    page: Page, site: Site
) -> None:
    pid = person(site.container, "Mireille", "Arsenault").id
    sign_in(page, site.officer, PASSWORD)
    page.goto(f"/staff/people/{pid}/privacy")
    check_accessibility(page, "privacy-01-person")
    page.get_by_label("What the person asks").fill("Everything you hold about me")
    page.get_by_role("button", name="Log the request").click()
    _flash(page, "The request is logged.")
    check_accessibility(page, "privacy-02-request-open")

    page.get_by_label("Extra days").fill("20")
    page.get_by_label("Reason for the extension").fill("Many records to search")
    page.get_by_role("button", name="Extend", exact=True).click()
    _flash(page, "The deadline is extended.")
    expect(page.get_by_text("Many records to search")).to_be_visible()

    page.get_by_role("button", name="Assemble the package").click()
    _flash(page, "The package is assembled.")
    page.get_by_label("Section").select_option("access_history")
    page.get_by_label("Note").fill("A staff safety concern")
    page.get_by_role("button", name="Withhold").click()
    _flash(page, "The part is withheld.")
    check_accessibility(page, "privacy-03-request-assembled")
    request_url = page.url
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, site.supervisor, PASSWORD)  # a second person approves and releases
    page.goto(request_url)
    page.get_by_role("button", name="Approve the release").click()
    _flash(page, "The release is approved.")
    page.get_by_role("button", name="Release as PDF and JSON").click()
    _flash(page, "The package is released.")
    expect(page.get_by_role("link", name="The package (PDF)")).to_be_visible()
    check_accessibility(page, "privacy-03b-request-released")
    page.goto("/staff/privacy")
    expect(page.get_by_role("link", name="Access to information").first).to_be_visible()
    check_accessibility(page, "privacy-04-requests")


def test_a_refused_correction_keeps_the_statement_and_a_disclosure_is_logged(page: Page, site: Site) -> None:
    pid = person(site.container, "Joseph", "Okafor").id
    sign_in(page, site.officer, PASSWORD)
    page.goto(f"/staff/people/{pid}/privacy")
    page.get_by_label("Request", exact=True).select_option("correction")
    page.get_by_label("Province").select_option("ca-nl")
    page.get_by_label("What the person asks").fill("My address is wrong")
    page.get_by_role("button", name="Log the request").click()
    _flash(page, "The request is logged.")
    page.get_by_label("Decision").select_option("refused")
    page.locator("#f-reason").fill("The lease shows this address.")
    page.locator("#f-disagreement").fill("I moved out in January.")
    page.get_by_role("button", name="Record the decision").click()
    _flash(page, "The decision is recorded.")
    check_accessibility(page, "privacy-05-correction-refused")

    page.goto(f"/staff/people/{pid}/privacy")
    page.get_by_label("To whom").fill("MLA office")
    page.get_by_label("What was disclosed").fill("The status of the file")
    page.get_by_label("On what basis").select_option("statute")
    page.get_by_role("button", name="Log the disclosure").click()
    expect(page.locator(".error-summary")).to_contain_text("Section of the act or court order")
    check_accessibility(page, "privacy-06-disclosure-refused")
    page.get_by_label("Section of the act or court order").fill("ATIPPA s.68(1)(f)")
    page.get_by_role("button", name="Log the disclosure").click()
    _flash(page, "The disclosure is logged.")
    expect(page.get_by_text("ATIPPA s.68(1)(f)").first).to_be_visible()
    check_accessibility(page, "privacy-07-disclosure-log")


def test_retention_shows_legal_holds_and_the_dry_run(page: Page, site: Site, office: str) -> None:
    pid = person(site.container, "Gérald", "Poirier").id
    privacy.place_hold(
        site.container.uow(), actor=SYSTEM, data=privacy.HoldIn(person_id=pid, reason="A pending appeal")
    )
    sign_in(page, office, PASSWORD)
    page.goto("/staff/privacy/retention")
    expect(page.get_by_text("A pending appeal")).to_be_visible()
    expect(page.get_by_role("heading", name="Dry run today")).to_be_visible()
    check_accessibility(page, "privacy-08-retention")


def test_a_breach_is_reported_from_a_letter_and_worked_to_its_close(
    page: Page, site: Site, office: str
) -> None:
    marie = person(site.container, "Marie", "Gagnon").id
    letter = sent_letter(site.container, marie)
    sign_in(page, site.officer, PASSWORD)
    page.goto(f"/staff/letters/{letter}")
    page.get_by_role("link", name="Report a privacy breach").click()
    check_accessibility(page, "privacy-09-breach-report")
    page.get_by_label("Describe what happened").fill("The neighbour brought the letter back, opened.")
    page.get_by_role("button", name="Report the breach").click()
    _flash(page, "The breach is recorded.")
    breach_id = uuid.UUID(page.url.rsplit("/", 1)[1])
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, office, PASSWORD)
    page.goto(f"/staff/privacy/breaches/{breach_id}")
    check_accessibility(page, "privacy-10-breach-reported")
    page.get_by_label("What information").fill("Your name and the date of your review.")
    page.get_by_label("How likely it is to be misused").select_option("medium")
    page.get_by_label("What was done to contain it").fill("The neighbour gave the letter back.")
    page.get_by_label("What harm could follow").fill("Embarrassment.")
    page.get_by_role("button", name="Record the assessment").click()
    _flash(page, "The assessment is recorded.")
    expect(page.get_by_text("a real risk of significant harm")).to_be_visible()
    check_accessibility(page, "privacy-11-breach-assessed")
    page.get_by_role("button", name="Write the letters").click()
    _flash(page, "The letters are written.")
    expect(page.get_by_role("link", name="The report to the commissioner (PDF)")).to_be_visible()
    page.get_by_label("Follow-up step", exact=True).fill("Check the address before printing")
    page.get_by_label("Due on").fill(site.container.clock.today().isoformat())
    page.get_by_role("button", name="Add the step").click()
    _flash(page, "The follow-up step is added.")
    check_accessibility(page, "privacy-12-breach-notified")
    page.get_by_role("button", name="Mark done").click()
    _flash(page, "The step is done.")
    page.get_by_label("Outcome").fill("Addresses are checked before printing.")
    page.get_by_role("button", name="Close", exact=True).click()
    _flash(page, "The breach is closed.")
    page.goto("/staff/privacy/breaches")
    expect(page.get_by_text("No open breach.")).to_be_visible()
    check_accessibility(page, "privacy-13-breaches")
