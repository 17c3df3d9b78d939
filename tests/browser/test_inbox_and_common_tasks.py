"""In a real browser: the e-mail inbox (attach a received e-mail to a file, answer it with a template),
and the common tasks of docs/web.md counted in clicks and page loads from the home page: an emergency
food voucher, setting up an overpayment, logging a call. axe-core on every page reached.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from onestop.access import Actor
from onestop.cases import interactions
from onestop.cases.interactions import EmailReceived
from tests.browser.conftest import Effort, Site, check_accessibility, save_figure, sign_in
from tests.browser.test_money_on_the_file import _client

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SYSTEM = Actor.system("browser-tests")


def _search_and_open(effort: Effort, page: Page, family: str) -> None:
    """From the home page: the name + Enter in the search, then the file (two clicks, one load)."""
    effort.enter(page.get_by_label("Name").first, family, "the name in the home page search")
    effort.click(page.get_by_role("link", name=f"{family}, Grace"), "open the file")


def test_an_email_is_attached_from_the_inbox_and_answered_from_the_file(page: Page, site: Site) -> None:
    _client(site, "Quispe")
    interactions.receive_email(
        site.container.uow(),
        actor=SYSTEM,
        data=EmailReceived(sender="amara@example.org", subject="My cheque", body="It did not come. Help?"),
    )
    sign_in(page, site.officer, site.password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="E-mail inbox").click()
    expect(page.locator("h1")).to_have_text("E-mail inbox")
    check_accessibility(page, "inbox-01-list")
    page.get_by_role("link", name=re.compile(r"^Read and attach\W+My cheque$")).click()
    expect(page.locator("h1")).to_have_text("My cheque")
    check_accessibility(page, "inbox-02-email")
    page.get_by_role("button", name="Search").click()  # nothing typed: the error beside the box
    expect(page.locator(".error-summary")).to_be_focused()
    check_accessibility(page, "inbox-02-email-error")
    page.get_by_label("Find the person by name").fill("Quispe")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status").filter(has_text="found")).to_have_text("1 person found")
    check_accessibility(page, "inbox-03-email-found")
    page.get_by_label("Reason").last.select_option("payment_inquiry")
    page.get_by_role("button", name=re.compile(r"^Attach to this file\W+Grace Quispe$")).click()
    expect(page.locator("h1")).to_have_text("Grace Quispe")
    expect(page.locator(".flashes")).to_contain_text("The e-mail is attached to the file.")

    page.get_by_role("link", name=re.compile(r"^Answer\W+My cheque$")).click()
    expect(page.locator("h1")).to_have_text("Answer the e-mail")
    page.get_by_label("Start from").select_option("payment")
    page.get_by_role("button", name="Use this template").click()
    body = page.get_by_label("Your answer")
    expect(body).to_have_value(re.compile(r"^Thank you for your message about your payment\. Here is"))
    body.fill("")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".error-summary")).to_be_focused()
    check_accessibility(page, "inbox-04-reply-error")
    body.fill("Your cheque went out on Monday. It should come this week.")
    check_accessibility(page, "inbox-05-reply")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".flashes")).to_contain_text("Your reply is on its way.")
    page.goto("/staff/inbox?lang=fr")
    expect(page.locator("h1")).to_have_text("Boîte de réception des courriels")
    check_accessibility(page, "inbox-06-list-fr")


def test_an_emergency_food_voucher_counted_from_the_home_page(page: Page, site: Site) -> None:
    _client(site, "Haugen")
    sign_in(page, site.officer, site.password)
    page.wait_for_load_state()  # the home page after signing in is not part of the task
    effort = Effort(page)
    _search_and_open(effort, page, "Haugen")
    effort.click(page.get_by_role("link", name="Emergency funds"), "emergency funds")
    effort.choose(page.get_by_label("What for"), "food_voucher", "food voucher")
    effort.type(page.get_by_label("Amount"), "75", "amount")
    effort.type(page.get_by_label("Explanation"), "no food until Friday", "explanation")
    expect(page.locator("#authority")).to_contain_text("Within your authority")
    check_accessibility(page, "task-01-food-voucher")
    effort.click(page.get_by_role("button", name="Continue"), "issue (htmx issues at once)")
    page.wait_for_load_state()
    if page.get_by_role("button", name="Issue").count():  # the confirm step (without JavaScript)
        effort.click(page.get_by_role("button", name="Issue"), "issue")
    expect(page.locator(".flashes")).to_contain_text("$75.00")
    figure = effort.report()
    save_figure("food-voucher-clicks", figure)
    assert effort.clicks <= 5 and effort.loads <= 4, figure


def test_setting_up_an_overpayment_counted_from_the_home_page(page: Page, site: Site) -> None:
    _client(site, "Lindqvist")
    sign_in(page, site.officer, site.password)
    page.wait_for_load_state()  # the home page after signing in is not part of the task
    effort = Effort(page)
    _search_and_open(effort, page, "Lindqvist")
    effort.click(page.get_by_role("link", name="Set up an overpayment"), "set up an overpayment")
    effort.type(page.get_by_label("Amount overpaid"), "300", "amount")
    effort.type(page.get_by_label("Why it was overpaid", exact=True), "pay not reported in May", "reason")
    effort.click(page.get_by_role("button", name="Set up the overpayment"), "set up the overpayment")
    expect(page.locator(".flashes")).to_contain_text("An overpayment of $300.00 is set up.")
    figure = effort.report()
    save_figure("overpayment-clicks", figure)
    assert effort.clicks <= 4 and effort.loads <= 4, figure


def test_logging_a_call_counted_from_the_home_page(page: Page, site: Site) -> None:
    sign_in(page, site.officer, site.password)
    page.wait_for_load_state()  # the home page after signing in is not part of the task
    effort = Effort(page)
    effort.click(page.get_by_label("Phone"), "the channel: phone")
    effort.click(page.locator(".quick-log").get_by_role("button", name="Application status"), "the reason")
    expect(page.locator("#quick-log-status")).to_contain_text("Logged: Application status, Phone")
    check_accessibility(page, "task-02-call-logged")
    figure = effort.report()
    save_figure("log-a-call-clicks", figure)
    assert effort.clicks <= 2 and effort.loads == 0, figure
