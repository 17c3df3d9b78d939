"""The main pages in a real browser: sign-in, lockout, language switch, keyboard use, person pages.

Each page visited is checked with axe-core and photographed into var/screenshots/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site, check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_portal_home_and_switch_to_french(page: Page) -> None:
    page.goto("/portal/")
    expect(page.locator("h1")).to_have_text("Help with money, housing and daily needs")
    check_accessibility(page, "portal-home")
    page.get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("De l’aide pour l’argent, le logement et les besoins quotidiens")
    check_accessibility(page, "portal-home-fr")
    page.goto("/portal/")  # the choice is remembered
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_wrong_password_shows_a_focused_error_summary(page: Page, site: Site) -> None:
    sign_in(page, site.officer, "Wrong-password-1")
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("The username or password is not right")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Username")).to_have_value(site.officer)
    check_accessibility(page, "staff-login-error")


def test_lockout_says_until_when(page: Page, site: Site) -> None:
    for _ in range(5):
        sign_in(page, site.lockable, "Wrong-password-1")
    expect(page.locator(".error-summary")).to_contain_text(
        "This account is locked after too many wrong passwords"
    )
    expect(page.locator(".error-summary")).to_contain_text(re.compile(r"Try again after \d{1,2}:\d\d"))
    check_accessibility(page, "staff-login-locked")


def test_keyboard_only_sign_in(page: Page, site: Site) -> None:
    page.goto("/staff/login")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")  # skip to main content
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-username":
            break
    username = page.get_by_label("Username")
    expect(username).to_be_focused()
    outline = username.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none", "the focused field has no visible outline"
    page.keyboard.type(site.officer)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(site.password)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Hello, Alice Martin")


def test_sign_in_in_french_then_sign_out(page: Page, site: Site) -> None:
    page.goto("/staff/login")
    page.get_by_role("link", name="Français").click()
    expect(page.locator("h1")).to_have_text("Se connecter")
    check_accessibility(page, "staff-login-fr")
    page.get_by_label("Nom d’utilisateur").fill(site.officer)
    page.get_by_label("Mot de passe").fill(site.password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("h1")).to_have_text("Bonjour, Alice Martin")
    check_accessibility(page, "staff-home-fr")
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("status")).to_have_text("Vous êtes déconnecté(e).")
    page.goto("/staff/")
    expect(page).to_have_url(re.compile(r"/staff/login$"))


def test_officer_registers_finds_and_reads_a_person(page: Page, site: Site) -> None:
    sign_in(page, site.officer, site.password)
    expect(page.locator("h1")).to_have_text("Hello, Alice Martin")
    check_accessibility(page, "staff-home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Register a person").click()
    check_accessibility(page, "staff-register")
    page.get_by_label("Given names").fill("Jeanne")
    page.get_by_label("Family name").fill("Dubois")
    page.get_by_label("Date of birth").fill("1990-02-14")
    page.get_by_label("Social insurance number").fill("276 543 212")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.locator("h1")).to_have_text("Jeanne Dubois")
    expect(page.locator(".flashes").get_by_role("status")).to_have_text("Jeanne Dubois is registered.")
    check_accessibility(page, "staff-person")

    page.get_by_label("Reason for seeing the number").fill("confirming identity at the counter")
    page.get_by_role("button", name="Show the number").click()  # htmx swaps only this panel
    expect(page.locator(".identifier__value")).to_have_text("276 543 212")
    expect(page.locator("p:has(.identifier__value)")).to_be_focused()  # a screen reader reads it next
    check_accessibility(page, "staff-person-revealed")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Find a person").click()
    page.get_by_label("Name").fill("Dubois")
    page.get_by_role("button", name="Search").click()  # htmx swaps in the results
    expect(page.locator("#search-results [role=status]")).to_have_text("1 person found")
    expect(page).to_have_url(re.compile(r"/staff/people$"))  # posted: the name is not in the address
    check_accessibility(page, "staff-search")
    page.get_by_role("link", name="Dubois, Jeanne").click()
    expect(page.locator("h1")).to_have_text("Jeanne Dubois")


def test_error_pages_are_accessible(page: Page) -> None:
    response = page.goto("/portal/no-such-page")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    check_accessibility(page, "error-404")
