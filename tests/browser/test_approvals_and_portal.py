"""In a real browser: an emergency payment over the officer's limit (the authority check as the amount is
typed) approved by a supervisor; the supervisor's and finance's pages; a client screening and applying
in French; the API documentation working offline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site, check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _register(page: Page, given: str, family: str) -> str:
    page.goto("/staff/people/new")
    page.get_by_label("Given names").fill(given)
    page.get_by_label("Family name").fill(family)
    page.get_by_label("Date of birth").fill("1979-03-30")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.locator("h1")).to_have_text(f"{given} {family}")
    return page.url


def test_a_supervisor_approves_an_emergency_payment_over_the_limit(page: Page, site: Site) -> None:
    sign_in(page, site.officer, site.password)
    person = _register(page, "Lucas", "Benoit")
    page.get_by_role("link", name="Emergency funds").click()
    amount = page.get_by_label("Amount")
    amount.fill("400")
    expect(page.locator("#authority")).to_contain_text("Within your authority")
    amount.fill("1500")  # htmx asks the money area's authority check as the amount changes
    expect(page.locator("#authority")).to_contain_text("Over your authority: a supervisor must approve it.")
    page.get_by_label("Explanation").fill("Eviction notice; rent arrears of $1,500 due Friday")
    check_accessibility(page, "money-01-emergency-over-limit")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".flashes")).to_contain_text("$1,500.00 is waiting for a supervisor's approval.")
    assert page.url == person
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, site.supervisor, site.password)
    expect(page.locator("#approvals-title")).to_be_visible()
    check_accessibility(page, "money-02-supervisor-home")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Approvals").click()
    request = page.locator("section", has_text="Eviction notice")
    expect(request).to_contain_text("$1,500.00")
    expect(request).to_contain_text("over the officer authority")
    check_accessibility(page, "money-03-approval-queue")
    request.get_by_label("Note (optional)").fill("Confirmed with the landlord")
    request.get_by_role("button", name="Approve").click()
    expect(page.locator(".flashes")).to_contain_text("Approved: $1,500.00.")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Team").click()
    expect(page.locator("figure").first).to_be_visible()
    check_accessibility(page, "money-04-team-charts")
    page.goto("/staff/budget")
    check_accessibility(page, "money-05-budget")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, site.finance, site.password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Payments").click()
    check_accessibility(page, "money-06-payments")


def _outbox_link(site: Site, email: str) -> str:
    folder = Path(site.container.settings.var_dir) / "outbox"
    for message in sorted(folder.glob("*.eml"), reverse=True):
        text = message.read_text(encoding="utf-8")
        if f"To: {email}" in text:
            found = re.search(r"https?://\S+/portal/account/verify\?token=\S+", text)
            assert found
            return found.group(0)
    raise AssertionError(f"no e-mail to {email} in {folder}")


def test_a_client_screens_and_applies_in_french(page: Page, site: Site) -> None:
    page.goto("/portal/?lang=fr")
    check_accessibility(page, "portal-01-home-fr")
    page.get_by_role("link", name="Vérifiez l’aide à laquelle vous pourriez avoir droit").click()
    expect(page.locator("h1")).to_have_text("Découvrez l’aide à laquelle vous pourriez avoir droit")
    check_accessibility(page, "portal-02-screener-fr")
    page.get_by_role("button", name="Alberta").click()
    expect(page.locator("legend")).to_contain_text("Cochez tout ce qui s’applique")
    check_accessibility(page, "portal-03-safety-fr")
    page.get_by_role("button", name="Suivant").click()
    expect(page.locator("#question-title")).to_have_text("Quel âge avez-vous?")
    page.get_by_label("Votre réponse").fill("29")
    page.get_by_role("button", name="Suivant").click()
    expect(page.locator("#question-title")).not_to_have_text("Quel âge avez-vous?")  # the next question is in
    gates_seen = False
    for _ in range(8):  # the gates on one page (none applies to her), then a few questions: "no" or skipped
        title = page.locator("#question-title")
        if title.count() == 0:
            break
        asked = title.inner_text()
        if page.locator("#screener fieldset").count():
            expect(page.locator("legend")).to_contain_text("Cochez tout ce qui s’applique")
            gates_seen = True
            page.get_by_role("button", name="Suivant").click()  # nothing ticked: none of these is true
        else:
            no = page.locator('#screener button[value="no"]')
            (no if no.count() else page.get_by_role("button", name="Je ne sais pas")).first.click()
        page.wait_for_function(
            "old => { const t = document.querySelector('#question-title');"
            " return !t || t.innerText !== old; }",
            arg=asked,
        )
    assert gates_seen, "the screener asks the gates on one page"
    check_accessibility(page, "portal-04-results-fr")
    expect(page.locator("#results-title")).to_have_text("Ce à quoi vous pourriez avoir droit")
    income_support = page.locator(".program", has_text="Soutien du revenu (Income Support)")
    income_support.get_by_role("button", name=re.compile("Faire une demande")).click()

    expect(page.locator("h1")).to_have_text("Se connecter")
    page.get_by_role("link", name="Créer un compte").click()
    email = "chloe.tremblay@example.ca"
    page.get_by_label("Adresse courriel").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill("Bleuets-et-7-abeilles")
    page.get_by_label("Mot de passe, encore une fois").fill("Bleuets-et-7-abeilles")
    check_accessibility(page, "portal-05-sign-up-fr")
    page.get_by_role("button", name="Créer le compte").click()
    expect(page.locator("h1")).to_have_text("Consultez vos courriels")
    page.goto(_outbox_link(site, email))  # the link of the e-mail, written to var/outbox in development
    expect(page.locator(".flashes")).to_contain_text("Votre adresse courriel est confirmée.")
    page.get_by_label("Adresse courriel").fill(email)
    page.get_by_label("Mot de passe").fill("Bleuets-et-7-abeilles")
    page.get_by_role("button", name="Se connecter").click()

    expect(page.locator("h1")).to_have_text("Envoyez votre demande")
    page.get_by_label("Prénoms").fill("Chloé")
    page.get_by_label("Nom de famille").fill("Tremblay")
    page.get_by_label("Date de naissance").fill("1996-04-18")
    check_accessibility(page, "portal-06-confirm-fr")
    page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.locator(".flashes")).to_contain_text("Votre demande est envoyée.")
    expect(page.locator("h1")).to_have_text("Soutien du revenu (Income Support)")
    check_accessibility(page, "portal-07-application-fr")


def test_the_api_documentation_works_offline(page: Page) -> None:
    """Swagger UI from this site only, under its CSP (the page fixture fails on any CSP violation)."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/docs")
    # The first /openapi.json builds the schema of ~500 routes: seconds on a busy 2-core machine.
    expect(page.locator(".swagger-ui .information-container")).to_be_visible(timeout=30_000)
    expect(page.locator(".swagger-ui")).to_contain_text("onestop")
    page.screenshot(path=str(Path(__file__).resolve().parents[2] / "var" / "screenshots" / "api-docs.png"))
    foreign = [u for u in requests if not u.startswith(("http://127.0.0.1", "data:"))]
    assert not foreign, foreign


def test_the_other_staff_pages_pass_axe(page: Page, site: Site, tmp_path: Path) -> None:
    """Pages the scenarios above do not reach: each loaded, photographed and checked."""
    sign_in(page, site.officer, site.password)
    person = _register(page, "Nadia", "Haddad")
    for path, name in (
        (f"{person}/edit", "staff-edit-person"),
        (f"{person}/household", "staff-household"),
        (f"{person}/documents", "staff-documents"),
        (f"{person}/screening", "staff-interviews"),
        (f"{person}/applications/new", "staff-apply-without-interview"),
        (f"/staff/interactions/new?person_id={person.rsplit('/', 1)[1]}", "staff-contact-form"),
        ("/staff/tasks/new", "staff-task-form"),
        ("/staff/tasks", "staff-tasks"),
    ):
        page.goto(path)
        check_accessibility(page, name)
    page.goto(f"{person}/edit")
    page.locator("#f-phone-number").fill("12")
    page.get_by_role("button", name="Add the phone number").click()
    expect(page.locator(".error-summary")).to_be_focused()
    check_accessibility(page, "staff-edit-person-error")
    page.goto(f"{person}/documents")
    upload = tmp_path / "id.pdf"
    upload.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.get_by_label("File (PDF, JPEG or PNG)").set_input_files(str(upload))
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.locator(".document-review")).to_be_visible()
    check_accessibility(page, "staff-document-review")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, site.supervisor, site.password)
    page.goto("/staff/overrides")
    check_accessibility(page, "staff-overrides")
    page.goto(f"{person}/merge")
    check_accessibility(page, "staff-merge")
