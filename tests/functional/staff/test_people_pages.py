"""Person pages over HTTP: search, registration with duplicate warnings, the masked file and reveal."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop.access import Actor, Role, create_staff
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.registry import set_safety_flag
from onestop.registry.schemas import FlagCreate
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in

MARIE = {
    "given_names": "Marie",
    "family_name": "Tremblay",
    "birth_date": "1984-07-31",
    "language": "fr",
    "phone": "780-555-0101",
    "line1": "10 Main St",
    "city": "Edmonton",
    "province": "AB",
    "postal_code": "T5J 0N3",
    "sin": "130 692 544",
}


def register(client: TestClient, **changes: str) -> str:
    """Register Marie (with changes) and return her file's path."""
    data = MARIE | changes | {"csrf_token": csrf_token(client, "/staff/")}
    response = client.post("/staff/people/new", data=data)
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def actions(container: Container) -> list[str]:
    with container.uow() as uow:
        return list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_registration_leads_to_the_masked_file(signed_in: TestClient) -> None:
    path = register(signed_in)
    assert re.fullmatch(r"/staff/people/[0-9a-f-]{36}", path)
    page = signed_in.get(path)
    assert page.status_code == 200
    assert "Marie Tremblay is registered." in page.text
    assert "*** *** 544" in page.text
    assert "130 692 544" not in page.text and "130692544" not in page.text


def test_a_wrong_box_is_named_next_to_it_and_nothing_is_stored(signed_in: TestClient) -> None:
    data = MARIE | {"postal_code": "Z9Z 9Z9", "csrf_token": csrf_token(signed_in, "/staff/")}
    response = signed_in.post("/staff/people/new", data=data)
    assert response.status_code == 422
    assert 'id="f-postal_code-error"' in response.text
    assert 'aria-describedby="f-postal_code-hint f-postal_code-error" aria-invalid="true"' in response.text
    assert 'value="Tremblay"' in response.text  # what was typed is kept
    found = signed_in.post("/staff/people", data={"name": "Tremblay", "csrf_token": data["csrf_token"]})
    assert "0 people found" in found.text


def test_a_likely_duplicate_stops_registration_until_the_officer_decides(signed_in: TestClient) -> None:
    register(signed_in)
    token = csrf_token(signed_in, "/staff/")
    again = signed_in.post("/staff/people/new", data=MARIE | {"csrf_token": token})
    assert again.status_code == 409
    assert "This person may already be registered" in again.text
    no_reason = signed_in.post(
        "/staff/people/new", data=MARIE | {"csrf_token": token, "duplicate_decision": "new_person"}
    )
    assert no_reason.status_code == 422
    assert 'id="f-duplicate_reason-error"' in no_reason.text
    assert "This person may already be registered" in no_reason.text  # the matches stay on screen
    decided = signed_in.post(
        "/staff/people/new",
        data=MARIE
        | {"csrf_token": token, "duplicate_decision": "new_person", "duplicate_reason": "twin sister"},
    )
    assert decided.status_code == 303


def test_search_lists_masked_results_and_htmx_gets_only_the_results(signed_in: TestClient) -> None:
    register(signed_in)
    token = csrf_token(signed_in, "/staff/")
    page = signed_in.post("/staff/people", data={"name": "Tremblay", "csrf_token": token})
    assert "1 person found" in page.text and "*** *** 544" in page.text and "<h1>" in page.text
    fragment = signed_in.post(
        "/staff/people",
        data={"name": "Tremblay"},
        headers={"HX-Request": "true", "HX-Target": "search-results", "X-CSRF-Token": token},
    )
    assert fragment.text.lstrip().startswith('<section id="search-results"')
    assert "<h1>" not in fragment.text
    bad = signed_in.post("/staff/people", data={"birth_date": "31-07-1984", "csrf_token": token})
    assert bad.status_code == 422 and 'id="f-birth_date-error"' in bad.text
    assert 'value="31-07-1984"' in bad.text  # what was typed is kept


def test_revealing_asks_for_a_reason_and_is_audited(signed_in: TestClient, container: Container) -> None:
    path = register(signed_in)
    page = signed_in.get(path).text
    identifier = re.search(r'name="identifier_id" value="([^"]+)"', page)
    assert identifier
    form = {
        "csrf_token": csrf_token(signed_in, "/staff/"),
        "kind": "sin",
        "identifier_id": identifier.group(1),
    }
    refused = signed_in.post(f"{path}/reveal", data=form | {"reason": " "})
    assert refused.status_code == 422
    assert f'id="reason-{identifier.group(1)}-error"' in refused.text
    assert "person:reveal_sin" not in actions(container)
    shown = signed_in.post(f"{path}/reveal", data=form | {"reason": "client asked for a letter"})
    assert shown.status_code == 200
    assert "130 692 544" in shown.text
    assert "person:reveal_sin" in actions(container)
    assert "130 692 544" not in signed_in.get(path).text  # shown once, not kept


def test_safety_flags_come_first_on_the_file(signed_in: TestClient, container: Container) -> None:
    path = register(signed_in)
    set_safety_flag(
        container.uow(),
        actor=Actor.system("tests"),
        person_id=uuid.UUID(path.rsplit("/", 1)[1]),
        data=FlagCreate(kind="do_not_meet_alone", note="ask a colleague to join"),
    )
    html = signed_in.get(path).text
    assert html.index("Do not meet alone") < html.index("<h1>")
    assert "Ne pas rencontrer seul" in signed_in.get(f"{path}?lang=fr").text


@pytest.mark.parametrize(
    "path", ["/staff/people/not-an-id", "/staff/people/00000000-0000-0000-0000-000000000000"]
)
def test_an_unknown_person_is_a_404_page(signed_in: TestClient, path: str) -> None:
    response = signed_in.get(path)
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


def test_a_role_without_the_permission_gets_a_403_page_in_its_language(
    signed_in: TestClient, container: Container
) -> None:
    path = register(signed_in)
    identifier = re.search(r'name="identifier_id" value="([^"]+)"', signed_in.get(path).text)
    assert identifier
    create_staff(
        container.uow(),
        actor=Actor.system("tests"),
        username="fpayer",
        display_name="Frank Payer",
        password=PASSWORD,
        roles={Role.FINANCE},
        office_id=None,
    )
    signed_in.post("/staff/logout", data={"csrf_token": csrf_token(signed_in, "/staff/")})
    assert sign_in(signed_in, "fpayer", PASSWORD).status_code == 303
    assert signed_in.get(path).status_code == 200  # finance may read names
    token = csrf_token(signed_in, "/staff/")
    form = {"csrf_token": token, "kind": "sin", "identifier_id": identifier.group(1), "reason": "curious"}
    refused = signed_in.post(f"{path}/reveal?lang=fr", data=form)
    assert refused.status_code == 403
    assert "<h1>Vous ne pouvez pas faire cela</h1>" in refused.text
    assert "person:reveal_identifiers" in actions(container)  # the refusal is audited


def test_a_name_before_marriage_finds_the_earlier_registration(signed_in: TestClient) -> None:
    """Registered again under her married name with nothing else in common: the former name finds her."""
    register(signed_in, phone="", line1="", city="", postal_code="", sin="")
    token = csrf_token(signed_in, "/staff/")
    married = {"family_name": "Bouchard", "phone": "", "line1": "", "city": "", "postal_code": "", "sin": ""}
    page = signed_in.get("/staff/people/new").text
    assert "Other surnames used" in page and "a name before marriage" in page
    without = MARIE | married | {"csrf_token": token}
    assert signed_in.post("/staff/people/new", data=without).status_code == 303  # not caught: two people?
    again = signed_in.post(
        "/staff/people/new", data=without | {"given_names": "Marie", "former_family_names": "Tremblay"}
    )
    assert again.status_code == 409
    assert "a family name matches a former family name of the other" in again.text
