"""The role grants page in a real browser (issue 10, part 8): a second administrator approves a new
officer's role that the first asked for; axe-core on the page before and after."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from onestop.access import Actor, Role, Staff, actor_of, create_staff, deactivate_staff, grants
from tests.browser.conftest import PASSWORD, Site, check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _new(site: Site, actor: Actor, username: str, name: str, role: Role) -> Staff:
    return create_staff(
        site.container.uow(),
        actor=actor,
        username=username,
        display_name=name,
        password=PASSWORD,
        roles={role},
        office_id=None,
    )


def test_a_second_administrator_approves_a_new_officer(page: Page, site: Site) -> None:
    system = Actor.system("browser-tests")
    first = actor_of(_new(site, system, "aadmin", "Ada Admin", Role.ADMINISTRATOR))  # the bootstrap
    second = _new(site, system, "badmin", "Bea Admin", Role.ADMINISTRATOR)  # asked for by the operator
    try:
        _approve(page, site, first, second)
    finally:  # while an administrator is active, the roles of accounts later tests make would wait
        for admin in (second.id, first.staff_id):
            assert admin is not None
            deactivate_staff(site.container.uow(), actor=system, staff_id=admin)


def _approve(page: Page, site: Site, first: Actor, second: Staff) -> None:
    [asked] = grants.list_grants(site.container.uow(), actor=first, staff_id=second.id)
    grants.approve_grant(site.container.uow(), actor=first, grant_id=asked.id)
    _new(site, first, "nnew", "Nina New", Role.OFFICER)

    sign_in(page, "badmin", PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Role grants").click()
    request = page.locator("section", has_text="Nina New (nnew)")
    expect(request).to_contain_text("aadmin")
    check_accessibility(page, "grants-01-waiting")
    request.get_by_label("Note with the approval (optional)").fill("Start date confirmed")
    request.get_by_role("button", name="Approve").click()
    expect(page.locator(".flashes")).to_contain_text("Approved. The role is now on the account.")
    expect(page.get_by_text("No role is waiting for approval.")).to_be_visible()
    check_accessibility(page, "grants-02-approved")
