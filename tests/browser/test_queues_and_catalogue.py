"""The queues that drive the day, and the catalogue for staff, in a real browser with axe-core: the home
page's blocks and its caseload chart with the table under it, the supervisor's "waiting for a
supervisor", and a search of both provinces' programs by words, then an entry with its contacts.

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from onestop.access import Actor, get_staff_by_username
from onestop.cases.tasks import CaseloadAssign, TaskCreate, assign_primary_worker, create_task
from tests.browser.conftest import PASSWORD, Site, check_accessibility, sign_in
from tests.functional.staff.factories import person
from tests.integration.cases.applications.builders import apply, make_unit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
SYSTEM = Actor.system("browser-tests")


def test_home_queues_team_queues_and_the_catalogue(page: Page, site: Site) -> None:
    container = site.container
    me = get_staff_by_username(container.uow(), actor=SYSTEM, username=site.officer).id
    lena = person(container, given="Lena", family="Quispe", born=dt.date(1988, 2, 9))
    assign_primary_worker(container.uow(), actor=SYSTEM, person_id=lena.id, data=CaseloadAssign(staff_id=me))
    apply(container, SYSTEM, make_unit(container, lena.id))
    today = container.clock.today()
    create_task(
        container.uow(),
        actor=SYSTEM,
        data=TaskCreate(title="Call Lena about her lease", due_on=today, person_id=lena.id, assignee_id=me),
    )

    sign_in(page, site.officer, PASSWORD)
    page.goto("/staff/")
    expect(page.locator("#tasks-title + table")).to_contain_text("Call Lena about her lease")
    expect(page.locator("section[aria-labelledby=waiting-title]")).to_contain_text("Quispe, Lena")
    chart = page.locator("section[aria-labelledby=caseload-chart-title]")
    expect(chart.locator("svg[role=img]")).to_have_count(1)
    chart.get_by_text("Show the numbers as a table").click()
    expect(chart.locator("table")).to_contain_text("Received")
    check_accessibility(page, "queues-01-home")

    page.get_by_role("link", name="Programs").first.click()
    page.get_by_label("Words").fill("food")
    page.get_by_role("button", name="Search").last.click()
    expect(page.locator("#results-title")).to_contain_text("program")
    check_accessibility(page, "queues-02-catalogue-search")
    page.locator("a[href='/staff/catalogue/ca-nl/nl.emergency_assistance']").click()
    expect(page.locator("h1")).to_contain_text("Emergency assistance")
    check_accessibility(page, "queues-03-catalogue-entry")
    page.goto("/staff/catalogue/ca-nl/nl.emergency_assistance?lang=fr")
    expect(page.locator("#contacts-title")).to_contain_text("Comment joindre")
    check_accessibility(page, "queues-04-catalogue-entry-fr")

    page.context.clear_cookies()
    sign_in(page, site.supervisor, PASSWORD)
    page.goto("/staff/team")
    expect(page.locator("#waiting-supervisor-title")).to_be_visible()
    check_accessibility(page, "queues-05-team")
