"""The officer's day in a real browser, and the figure: from searching for a new client to the decision,
counted in clicks and page loads (see docs/web.md, "The figure"). Then a plan, a referral and a call.

Every page reached is checked with axe-core and photographed into var/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Effort, Site, check_accessibility, save_figure, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
#: What the client tells the officer: the income support inputs, and "no" to what does not apply.
#: She earns a little from a part-time job: "yes" to the income gate opens the income questions, whose
#: answers become the application's facts (a "no" would only assume 0, and the decision needs them).
ANSWERS = {
    "resident_of_province": "yes",
    "housing": "private",
    "has_income": "yes",
    "monthly_net_employment_income": "200",
    "monthly_other_income": "0",
    "liquid_assets": "120",
    "non_exempt_assets": "0",
    "client_type": "expected_to_work",
    "monthly_shelter_cost": "950",
}
#: Bounds the figure must stay within (the measured values are written to var/screenshots/).
MAX_CLICKS, MAX_LOADS = 14, 12


def _pdf(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(PDF)
    return path


def _answer_interview(page: Page, effort: Effort) -> None:
    """Answer the interview the way the client would, until income support is likely (htmx, no loads)."""
    interview = page.locator("#interview")
    for _ in range(30):
        if "No more questions" in interview.inner_text():
            return
        paths = interview.locator('input[name="path"]')
        before = paths.first.get_attribute("value")
        if paths.count() > 1:  # the safety questions: nothing ticked
            effort.click(interview.get_by_role("button", name="Continue"), "none of the safety situations")
        else:
            name = paths.first.get_attribute("value").rsplit(".", 1)[-1]  # type: ignore[union-attr]
            value = ANSWERS.get(name)
            yes_no = interview.locator(f'button[value="{value or "no"}"]')
            if value is None and interview.locator('button[value="no"]').count():
                effort.click(interview.locator('button[value="no"]'), f"No: {name}")
            elif value is None:
                effort.click(
                    interview.get_by_role("link", name="Skip this question: not known yet"), f"skip {name}"
                )
            elif yes_no.count():
                effort.click(yes_no.first, f"{value}: {name}")
            else:
                effort.enter(interview.get_by_label("Answer"), value, name)
        page.wait_for_function(
            "old => { const p = document.querySelector('#interview input[name=path]');"
            " return !p || p.value !== old; }",
            arg=before,
        )
        if page.locator(".program--likely_eligible", has_text="Income Support").count():
            return


def _answer_together(page: Page, effort: Effort) -> None:
    """The interview on one form (``?form=all``): tick the needs that are true (a box left is a "no"),
    choose or type the answers the client gives, one "Save" per form (htmx, no page load)."""
    interview = page.locator("#interview")
    for _ in range(6):
        if (
            "No more questions" in interview.inner_text()
            or page.locator(".program--likely_eligible", has_text="Income Support").count()
        ):
            return
        before = interview.locator('input[name="version"]').first.get_attribute("value")
        answered = 0
        for tick in interview.locator('input[name="tick"]').all():
            path = tick.get_attribute("value") or ""
            if ANSWERS.get(path.rsplit(".", 1)[-1]) == "yes":
                effort.click(interview.locator(f'input[name="answer-{path}"]'), f"tick: {path}")
        for hidden in interview.locator('input[name="path"]').all():
            path = hidden.get_attribute("value") or ""
            name = path.rsplit(".", 1)[-1]
            value = ANSWERS.get(name)
            box = interview.locator(f'[name="answer-{path}"]')
            if value is None:
                continue
            answered += 1
            if box.first.evaluate("e => e.tagName") == "SELECT":
                effort.choose(box, value, name)
            elif box.first.get_attribute("type") == "radio":
                effort.click(box.and_(page.locator(f'[value="{value}"]')), f"{value}: {name}")
            else:
                effort.type(box, value, name)
        assert answered or interview.locator('input[name="tick"]').count(), interview.inner_text()
        effort.click(interview.get_by_role("button", name="Save these answers"), "save the answers")
        page.wait_for_function(
            "old => { const v = document.querySelector('#interview input[name=version]');"
            " return !v || v.value !== old; }",
            arg=before,
        )


def test_officers_day_from_search_to_decision(page: Page, site: Site, tmp_path: Path) -> None:
    sign_in(page, site.officer, site.password)
    expect(page.locator("h1")).to_have_text("Hello, Alice Martin")
    effort = Effort(page)

    # 1. Search first: the client is not registered yet.
    effort.enter(page.get_by_label("Name").first, "Okafor", "the client's name in the home page search")
    expect(page.locator("#search-results [role=status]")).to_have_text("0 people found")
    check_accessibility(page, "day-01-search")
    effort.click(page.get_by_role("link", name="Register a new person"), "register a new person")

    # 2. Register (the boxes typed are counted apart from the clicks).
    effort.type(page.get_by_label("Given names"), "Grace", "given names")
    effort.type(page.get_by_label("Family name"), "Okafor", "family name")
    effort.type(page.get_by_label("Date of birth"), "1988-09-14", "date of birth")
    effort.type(page.get_by_label("Address line 1"), "12 Jasper Ave", "address")
    effort.type(page.get_by_label("City or town"), "Edmonton", "city")
    # The province starts as the office's (Alberta here): seen, not clicked.
    expect(page.get_by_label("Province or territory")).to_have_value("AB")
    effort.type(page.get_by_label("Postal code"), "T5J 0N3", "postal code")
    check_accessibility(page, "day-02-register")

    # 3. Register and screen: one click registers her and starts the interview with what the registry
    # knows (age, role); the questions come on one form.
    effort.click(page.get_by_role("button", name="Register and screen for programs"), "register and screen")
    expect(page.locator("h1")).to_have_text("Screening interview")
    expect(page.locator(".flashes")).to_contain_text("Grace Okafor is registered.")
    check_accessibility(page, "day-03-interview")
    _answer_together(page, effort)
    check_accessibility(page, "day-04-interview-results")

    # 4. Apply from the interview: the answers become the application's (unverified) facts.
    apply = page.locator(".program", has_text="Income Support").first.get_by_role(
        "button", name=re.compile("^Apply")
    )
    effort.click(apply, "apply for income support")
    expect(page.locator("h1")).to_contain_text("Application: Income Support")
    check_accessibility(page, "day-05-application")

    # 5. The client brought their papers: one file per checklist item, one upload, verified at once.
    for item, name in (
        ("Proof of income", "paystub"),
        ("Bank statements", "bank"),
        ("Rental agreement", "lease"),
    ):
        effort.choose_file(page.get_by_label(re.compile(f"File for “{item}")), _pdf(tmp_path, name), item)
    effort.click(page.get_by_role("button", name="Upload the chosen files"), "upload and verify")
    expect(page.locator(".flashes")).to_contain_text("Proof of income: uploaded.")
    check_accessibility(page, "day-06-application-verified")

    # 6. Decide. The client type is the officer's own assessment: the decide form shows it, and deciding
    # records it (no separate "Record" click).
    assessment = page.locator("#f-confirm_path")
    expect(assessment).to_contain_text("expected to work")
    expect(assessment.get_by_role("combobox")).to_have_value("expected_to_work")
    effort.click(page.get_by_role("button", name="Decide", exact=True), "decide")
    expect(page.locator("h1")).to_contain_text("Decision: Income Support")
    expect(page.locator(".decision__outcome")).to_contain_text("Eligible")
    check_accessibility(page, "day-07-decision")

    figure = effort.report()
    save_figure("screening-flow-clicks", figure)
    assert effort.clicks <= MAX_CLICKS and effort.loads <= MAX_LOADS, figure

    # The rest of the day, not counted: the decision in French, a plan, a referral, a call.
    page.get_by_role("link", name="Lire en français").click()
    expect(page.locator("h1")).to_contain_text("Décision")
    check_accessibility(page, "day-08-decision-fr")
    page.get_by_role("link", name="Read it in English").click()
    decision_url = page.url.split("?")[0]
    page.goto(f"{decision_url}/appeals/new")
    check_accessibility(page, "day-08b-appeal-form")
    page.goto(decision_url)
    page.get_by_role("link", name="Back to the file").click()
    person_url = page.url

    page.get_by_role("link", name="New outcome plan").click()
    page.get_by_label("Title").fill("A job by the autumn")
    page.get_by_label("Goal 1", exact=True).fill("Find work in retail")
    page.get_by_label("Action 1", exact=True).fill("Register with the employment centre")
    page.get_by_label("Due date of action 1").fill("2026-12-31")
    check_accessibility(page, "day-09-plan-editor")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.locator("h1")).to_have_text("A job by the autumn")
    check_accessibility(page, "day-10-plan")

    page.goto(person_url)
    page.get_by_role("link", name="Refer", exact=True).click()
    page.get_by_label("Refer to").select_option("ext.211")
    page.get_by_label("Why").fill("Looking for a food bank near Jasper Ave")
    page.get_by_label("Contact details").check()
    page.get_by_label(re.compile("The person agrees")).check()
    check_accessibility(page, "day-11-referral")
    page.get_by_role("button", name="Send the referral").click()
    expect(page.locator(".flashes")).to_contain_text("is sent")

    # A call: two clicks with the widget (the channel, the reason), no page load.
    page.wait_for_load_state("load")  # the referral's page has finished loading: its load is counted
    loads = effort.loads
    page.get_by_label("Phone").check()
    page.locator(".quick-log").get_by_role("button", name="Payment inquiry").click()
    expect(page.locator("#quick-log-status")).to_contain_text("Logged: Payment inquiry, Phone")
    assert effort.loads == loads, "logging a call must not reload the page"
    check_accessibility(page, "day-12-call-logged")
