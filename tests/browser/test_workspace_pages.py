"""Staff pages no other browser test opened (docs/web.md, "Pages checked in a browser"), walked in one
scenario per role and checked with axe-core: the e-mail inbox's e-mail, the letters and one letter,
caseload runs, portal accounts of a file, an outcome plan's editor, a referral; for a supervisor the
duplicates to review and the monthly report.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from onestop.access import Actor
from onestop.cases import interactions, plans
from onestop.cases.interactions import EmailReceived, EmailReply, InteractionAttach
from onestop.cases.plans import PlanCreate
from tests.browser.conftest import Site, check_accessibility, sign_in
from tests.browser.test_money_on_the_file import _client

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SYSTEM = Actor.system("browser-tests")


def test_an_officer_walks_the_pages_no_other_test_opens(page: Page, site: Site) -> None:
    file_url = _client(site, "Adeyemi")
    person_id = file_url.rsplit("/", 1)[-1]
    uow = site.container.uow
    mail = interactions.receive_email(
        uow(), actor=SYSTEM, data=EmailReceived(sender="g.a@example.org", subject="Rent help", body="Hello")
    )
    waiting = interactions.receive_email(
        uow(), actor=SYSTEM, data=EmailReceived(sender="x@example.org", subject="Still waiting", body="Hi")
    )
    attached = interactions.attach_interaction(
        uow(), actor=SYSTEM, interaction_id=mail.id, data=InteractionAttach(person_id=person_id)
    )
    interactions.reply_to_email(
        uow(),
        actor=SYSTEM,
        interaction_id=attached.id,
        data=EmailReply(template="call_us", body="Please call us about your rent.", version=attached.version),
    )
    plan = plans.create_plan(
        uow(),
        actor=SYSTEM,
        data=PlanCreate.model_validate(
            {"person_id": person_id, "title": "Stable housing", "goals": [{"text": "Keep the apartment"}]}
        ),
    )

    sign_in(page, site.officer, site.password)
    page.goto(f"/staff/inbox/{waiting.id}")
    expect(page.locator("h1")).to_have_text("Still waiting")
    check_accessibility(page, "pages-01-inbox-email")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Letters").click()
    expect(page.locator("h1")).to_have_text("Letters")
    check_accessibility(page, "pages-02-letters")
    page.get_by_role("link", name="Answer to an e-mail").first.click()
    expect(page.locator("h1")).to_contain_text("Letter to")
    expect(page.locator(".letter-preview")).to_contain_text("Please call us about your rent.")
    check_accessibility(page, "pages-03-letter")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Caseload runs").click()
    check_accessibility(page, "pages-04-caseload-runs")

    page.goto(f"{file_url}/portal-accounts")
    check_accessibility(page, "pages-05-portal-accounts")

    page.goto(f"/staff/plans/{plan.id}/edit")
    expect(page.get_by_label("Title")).to_have_value("Stable housing")
    check_accessibility(page, "pages-06-plan-editor")

    page.goto(file_url)
    page.get_by_role("link", name="Refer", exact=True).click()
    page.get_by_label("Refer to").select_option("ext.211")
    page.get_by_label("Why").fill("Looking for a food bank")
    page.get_by_label("Contact details").check()
    page.get_by_label(re.compile("The person agrees")).check()
    page.get_by_role("button", name="Send the referral").click()
    expect(page.locator(".flashes")).to_contain_text("is sent")
    if "/staff/referrals/" not in page.url:
        page.locator("a[href^='/staff/referrals/']").first.click()
    expect(page).to_have_url(re.compile("/staff/referrals/"))
    check_accessibility(page, "pages-07-referral")


def test_a_supervisor_walks_the_pages_no_other_test_opens(page: Page, site: Site) -> None:
    sign_in(page, site.supervisor, site.password)
    page.goto("/staff/duplicates")
    check_accessibility(page, "pages-08-duplicates")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reports").click()
    expect(page).to_have_url(re.compile("/staff/reports/monthly"))
    check_accessibility(page, "pages-09-monthly-report")
    page.goto("/staff/staff-links")
    check_accessibility(page, "pages-10-staff-links")
