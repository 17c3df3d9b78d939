"""No internal id reaches the public screener: the results for every sample household, in English
and French, show no program id, no parameter or input name and no UUID, and a missing published
value reads "we cannot say yet how much: an officer will tell you".

Only what a person sees is checked: the text of the page and the attributes a screen reader or a
browser shows (title, alt, aria-label, placeholder). Hidden form fields do carry input paths and
program ids back to the server (the screener stores nothing, so the form holds the answers); they
are never displayed.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.screening import scenarios
from onestop.web.app import create_app

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PROGRAM_ID = re.compile(r"\b(ab|nl|ext)\.[a-z0-9_]+")
SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I)
PATH = re.compile(r"\b(people|unit)\[|\bunit\.[a-z]")
NO_AMOUNT = {
    "en": "We cannot say yet how much: an officer will tell you.",
    "fr": "Nous ne pouvons pas encore dire combien : un agent vous le dira.",
}


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container), follow_redirects=False) as test_client:
        yield test_client


def seen(page: str) -> str:
    """What a person sees or hears: the visible text and the shown attributes, without markup."""
    body = page[page.index("<body") :]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    shown = re.findall(r'\b(?:title|alt|aria-label|placeholder)="([^"]*)"', body)
    text = re.sub(r"<[^>]+>", " ", body)
    return html_lib.unescape(" ".join([text, *shown]))


def answers_of(household: scenarios.Household) -> dict[str, Any]:
    """Everything the household answers when walked through the screener to the end."""
    walked = scenarios.walk(household)
    answers: dict[str, Any] = household.known_at_start()
    for path in [*walked.urgent, *(p for page in walked.asked for p in page)]:
        answers[path] = household.answer(path)
    return answers


def results_page(client: TestClient, household: scenarios.Household, lang: str) -> str:
    token = _CSRF.search(client.get("/portal/screener").text).group(1)  # type: ignore[union-attr]
    data: dict[str, Any] = {"csrf_token": token, "jurisdiction": household.jurisdiction, "done": "yes"}
    for path, value in answers_of(household).items():
        data[f"a:{path}"] = "true" if value is True else "false" if value is False else str(value)
    response = client.post(f"/portal/screener?lang={lang}", data=data)
    assert response.status_code == 200, response.text
    return response.text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("household", scenarios.HOUSEHOLDS, ids=lambda h: h.name)
def test_the_results_show_no_internal_id(
    client: TestClient, household: scenarios.Household, lang: str
) -> None:
    page = results_page(client, household, lang)
    text = seen(page)
    assert 'id="results-title"' in page and "program-list" in page  # results, not a question
    for pattern in (PROGRAM_ID, SNAKE, UUID, PATH):
        found = pattern.findall(text) and pattern.search(text)
        assert not found, f"{pattern.pattern} shows {found.group(0)!r}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_missing_published_value_says_an_officer_will_tell_you(client: TestClient, lang: str) -> None:
    """AISH's 2025 living allowance is unpublished: the disabled adult's results say so in words."""
    text = seen(results_page(client, scenarios.DISABILITY, lang))
    assert NO_AMOUNT[lang] in text
    assert "max_living_allowance" not in text and "undetermined" not in text and "indéterminé" not in text


def test_the_questions_are_asked_in_the_public_voice(client: TestClient) -> None:
    """The staff interview keeps the officer's words; the portal asks the person directly."""
    household = scenarios.SINGLE_PARENT
    answers = answers_of(household)
    token = _CSRF.search(client.get("/portal/screener").text).group(1)  # type: ignore[union-attr]
    data: dict[str, Any] = {"csrf_token": token, "jurisdiction": "ca-ab"}
    for path, value in answers.items():
        if path.startswith("people[p1].") and not path.endswith(".role"):
            continue  # leave the applicant's own questions to be asked
        data[f"a:{path}"] = "true" if value is True else "false" if value is False else str(value)
    text = seen(client.post("/portal/screener", data=data).text)
    assert "this person" not in text.lower() and "the household" not in text.lower()
    assert "How old are you?" in text


def test_the_check_catches_what_an_officer_page_shows() -> None:
    """The patterns bite on the officer's wording of a gap, and skip hidden fields."""
    officer = (
        "<body><p>undetermined: the published policy we hold does not give Food allowance "
        "(ab.emergency_income_support.emergency_needs_allowance[food])</p>"
        '<input type="hidden" name="program" value="ab.aish"></body>'
    )
    text = seen(officer)
    assert PROGRAM_ID.search(text) and SNAKE.search(text)
    assert not PROGRAM_ID.search(seen('<body><input type="hidden" name="program" value="ab.aish"></body>'))
    assert UUID.search(seen("<body><p>0b9f3c1e-2d4a-4c8b-9e7f-1a2b3c4d5e6f</p></body>"))
