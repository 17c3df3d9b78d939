"""The catalogue for staff: search both provinces by words (posted), browse by topic and province,
read an entry's contacts and how to apply, in English and French."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.functional.staff.conftest import csrf_token


def test_search_finds_food_help_in_both_provinces(signed_in: TestClient) -> None:
    token = csrf_token(signed_in, "/staff/catalogue")
    found = signed_in.post("/staff/catalogue", data={"csrf_token": token, "q": "food"})
    assert found.status_code == 200
    assert 'href="/staff/catalogue/ca-nl/nl.emergency_assistance"' in found.text
    assert 'href="/staff/catalogue/ca-ab/ab.emergency_income_support"' in found.text
    assert 'value="food"' in found.text  # what was typed stays in the box
    only_nl = signed_in.post("/staff/catalogue", data={"csrf_token": token, "q": "food", "province": "ca-nl"})
    assert "nl.emergency_assistance" in only_nl.text and "ab.emergency_income_support" not in only_nl.text
    nothing = signed_in.post("/staff/catalogue", data={"csrf_token": token, "q": "zzzzqqq"})
    assert nothing.status_code == 200 and "Nothing matches" in nothing.text


def test_french_words_without_accents_find_the_french_names(signed_in: TestClient) -> None:
    token = csrf_token(signed_in, "/staff/catalogue?lang=fr")
    found = signed_in.post("/staff/catalogue", data={"csrf_token": token, "q": "PRESTATIONS funeraires"})
    assert found.status_code == 200
    assert '<a href="/staff/catalogue/ca-ab/ab.funeral_benefit">Prestations funéraires</a>' in found.text


def test_a_federal_program_is_listed_once_for_both_provinces(signed_in: TestClient) -> None:
    page = signed_in.get("/staff/catalogue?topic=employment").text
    assert page.count('href="/staff/catalogue/ca-ab/ext.ei"') == 1
    assert "Alberta, Newfoundland and Labrador" in page
    assert 'href="/staff/catalogue/ca-nl/ext.ei"' not in page


def test_an_entry_shows_how_to_apply_and_every_contact(signed_in: TestClient) -> None:
    page = signed_in.get("/staff/catalogue/ca-ab/ext.ei")
    assert page.status_code == 200
    assert "Apply online at canada.ca" in page.text and "Record of Employment" in page.text
    assert 'href="tel:1-800-206-7218"' in page.text and "TTY" in page.text
    french = signed_in.get("/staff/catalogue/ca-ab/ext.ei?lang=fr").text
    assert "Présenter une demande en ligne" in french and "Comment joindre" in french


def test_unknown_entries_and_provinces_are_not_found(signed_in: TestClient) -> None:
    assert signed_in.get("/staff/catalogue/ca-ab/no.such").status_code == 404
    assert signed_in.get("/staff/catalogue/ca-on/ext.ei").status_code == 404
    assert signed_in.get("/staff/catalogue?province=ca-on&kind=x&topic=y").status_code == 200


def test_signing_in_is_needed(client: TestClient) -> None:
    response = client.get("/staff/catalogue")
    assert response.status_code == 303 and response.headers["location"].startswith("/staff/login")
