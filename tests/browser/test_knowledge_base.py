"""The staff knowledge base in a real browser: an editor finds an article by search, opens it, edits it
(a missing French title is refused beside its box, what was typed kept), saves the draft (which they
may not publish themselves); a supervisor opens it from the review queue and publishes it; the article
then shows the new version and its history both. axe-core on each page.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from onestop import knowledge
from onestop.access import Actor, Role, create_staff, list_offices
from tests.browser.conftest import PASSWORD, Site, check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
SYSTEM = Actor.system("browser-tests")


def _article(site: Site) -> None:
    """The editor's account and a published article to find."""
    office = list_offices(site.container.uow(), actor=SYSTEM)[0]
    create_staff(
        site.container.uow(),
        actor=SYSTEM,
        username="kedit",
        display_name="Kim Editor",
        password=PASSWORD,
        roles={Role.KNOWLEDGE_EDITOR},
        office_id=office.id,
    )
    draft = knowledge.ArticleDraft(
        kind="howto",
        jurisdiction="ca-nl",
        title_en="How to issue an emergency food voucher",
        body_en="Issue the voucher the same day.\n\n1. Check who the client is.\n2. Record the amount.",
        title_fr="Comment remettre un bon alimentaire d'urgence",
        body_fr="Remettez le bon le jour même.",
        source_title="Income and Employment Support Regulations, s. 28",
        source_url="http://www.assembly.nl.ca/legislation/sr/annualregs/2004/Nr040144.htm",
        review_on=site.container.clock.today() + dt.timedelta(days=200),
        links=["nl.emergency_assistance"],
    )
    made = knowledge.create_article(site.container.uow(), actor=SYSTEM, data=draft)
    knowledge.publish(
        site.container.uow(),
        actor=Actor.system("checker"),
        article_id=made.id,
        number=1,
        data=knowledge.Review(),
    )


def test_search_edit_review_publish(page: Page, site: Site) -> None:
    _article(site)
    sign_in(page, "kedit", PASSWORD)
    page.get_by_role("link", name="Knowledge base").click()
    page.get_by_label("Words").fill("food voucher")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 article found")).to_be_visible()
    check_accessibility(page, "knowledge-01-search")
    page.get_by_role("link", name="How to issue an emergency food voucher").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How to issue an emergency food voucher")
    expect(page.locator("main")).to_contain_text("Income and Employment Support Regulations, s. 28")
    check_accessibility(page, "knowledge-02-article")

    page.get_by_role("link", name="Edit (a new version)").click()
    expect(page.locator("#f-title_en")).to_have_value("How to issue an emergency food voucher")
    page.locator("#f-title_en").fill("Issuing an emergency food voucher")
    page.locator("#f-title_fr").fill("")
    page.locator("#f-note").fill("Shorter title")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#f-title_fr-error")).to_contain_text("is required")
    expect(page.locator("#f-title_en")).to_have_value("Issuing an emergency food voucher")
    check_accessibility(page, "knowledge-03-refused")
    page.locator("#f-title_fr").fill("Remettre un bon alimentaire d'urgence")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".flashes")).to_contain_text("A second person must publish it.")
    expect(page.locator("main")).to_contain_text("You wrote this draft")
    check_accessibility(page, "knowledge-04-draft")

    page.context.clear_cookies()
    sign_in(page, "ssuper", PASSWORD)
    page.goto("/staff/knowledge/review")
    check_accessibility(page, "knowledge-05-review")
    page.get_by_role("link", name="Issuing an emergency food voucher").click()
    page.get_by_role("button", name="Publish this version").click()
    expect(page.locator(".flashes")).to_contain_text("The version is published.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Issuing an emergency food voucher")
    check_accessibility(page, "knowledge-06-published")
    page.get_by_role("link", name="Every version").click()
    expect(page.locator("tbody tr")).to_have_count(2)
    check_accessibility(page, "knowledge-07-history")
