"""The last staff pages no other browser test opened (docs/web.md, "Pages checked in a browser"), each
with the record it shows seeded through the services and checked with axe-core: an appeal, a caseload
run, a payment batch, the parameter values (an administrator), and a restricted file (a supervisor
restricts it, opens it with a reason on the break-glass page, and finds the access in the review list).

Not run on machines without Chromium (they skip); CI runs them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from onestop import batch, money
from onestop.access import Actor, Role, create_staff, deactivate_staff
from onestop.batch import RunCreate, RunKind
from onestop.cases.appeals.schemas import AppealCreate
from onestop.cases.appeals.services import file_appeal
from onestop.registry import create_unit
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.browser.conftest import Site, check_accessibility, open_and_check, sign_in
from tests.functional.staff.factories import person
from tests.integration.health.builders import nl_income_support_decision

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SYSTEM = Actor.system("browser-tests")


def test_an_appeal_and_a_caseload_run(page: Page, site: Site) -> None:
    container = site.container
    found = person(container, given="Nadia", family="Pottle", born=dt.date(1986, 9, 9))
    decision = nl_income_support_decision(container, SYSTEM, found.id)
    grounds = "The rent on the lease is higher than the amount used."
    appeal = file_appeal(
        container.uow(), actor=SYSTEM, data=AppealCreate(decision_id=decision.id, grounds=grounds)
    )
    run = batch.start_run(
        container.uow(),
        actor=SYSTEM,
        kind=RunKind.REASSESS,
        data=RunCreate(program="nl.income_support", on=container.clock.today()),
    )

    sign_in(page, site.supervisor, site.password)
    open_and_check(page, f"/staff/appeals/{appeal.id}", "last-01-appeal", "Appeal filed", grounds)
    open_and_check(
        page, f"/staff/batch/{run.id}", "last-02-caseload-run", "Re-assessment: nl.income_support", "running"
    )


def test_a_payment_batch(page: Page, site: Site) -> None:
    container = site.container
    today = container.clock.today()
    found = person(container, given="Owen", family="Squires", born=dt.date(1975, 1, 20))
    unit = create_unit(
        container.uow(),
        actor=SYSTEM,
        data=UnitCreate(members=[MemberIn(person_id=found.id, role="applicant", joined_on=today)]),
    )
    payee = money.create_payee(
        container.uow(),
        actor=SYSTEM,
        data=money.PayeeCreate(kind="client", name="Owen Squires", person_id=found.id),
    )
    money.create_entitlement(
        container.uow(),
        actor=SYSTEM,
        data=money.EntitlementCreate(
            program="nl-income-support",
            unit_id=unit.id,
            payee_id=payee.id,
            amount="612.00",
            frequency="monthly",
            method="cheque",
            start_date=today.replace(day=1),
        ),
    )
    built = money.run_payments(container.uow(), actor=SYSTEM, pay_date=today)

    sign_in(page, site.finance, site.password)
    number = built.batch.number
    open_and_check(
        page,
        f"/staff/payments/{built.batch.id}",
        "last-03-payment-batch",
        f"Batch {number}",
        "Built, waiting for approval",
    )


def test_parameter_values_for_an_administrator(page: Page, site: Site) -> None:
    # Made here and deactivated after: while an administrator is active, new accounts' roles wait for
    # approval (issue 10, part 8), which the accounts other browser tests create do not expect.
    admin = create_staff(
        site.container.uow(),
        actor=SYSTEM,
        username="padmin",
        display_name="Pia Admin",
        password=site.password,
        roles={Role.ADMINISTRATOR},
        office_id=None,
    )
    try:
        sign_in(page, "padmin", site.password)
        page.goto("/staff/parameters")
        expect(page.locator("h1")).to_have_text("Parameter values")
        page.get_by_label("Parameter").fill("nl.income_support.no_such_parameter")
        page.get_by_label("Value").fill("lots")
        page.get_by_role("button", name="Record the value").click()
        expect(page.locator(".error-summary")).to_be_visible()
        expect(page.get_by_label("Value")).to_have_value("lots")
        check_accessibility(page, "last-04-parameters")
    finally:
        deactivate_staff(site.container.uow(), actor=SYSTEM, staff_id=admin.id)


def test_a_restricted_file_opened_with_a_reason(page: Page, site: Site) -> None:
    found = person(site.container, given="Iris", family="Gushue", born=dt.date(1990, 4, 4))
    sign_in(page, site.supervisor, site.password)
    page.goto(f"/staff/people/{found.id}")
    page.get_by_text("Restrict this file").click()
    page.get_by_label("Why").select_option(index=1)
    page.get_by_role("button", name="Restrict: open only with a reason").click()
    page.goto(f"/staff/people/{found.id}")
    expect(page).to_have_url(re.compile(f"/staff/people/{found.id}/break-glass"))
    expect(page.locator("h1")).to_have_text("This file is restricted")
    check_accessibility(page, "last-05-break-glass")
    page.get_by_label(re.compile("Why")).fill("Calling her back about the rent arrears she reported")
    page.get_by_role("button", name="Open the file").click()
    expect(page.locator(".flashes")).to_contain_text("The file is open to you")

    open_and_check(
        page,
        "/staff/file-accesses",
        "last-06-file-accesses",
        "Restricted-file accesses to review",
        "Calling her back about the rent arrears",
    )
