"""Editing a person over HTTP: details (optimistic locking), contacts, flags, consents, household, merge."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.registry import update_person
from onestop.registry.schemas import PersonUpdate
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in
from tests.functional.staff.factories import SYSTEM, person, staff


def edit(client: TestClient, path: str, form: str, **values: str) -> object:
    token = csrf_token(client, path)
    return client.post(
        f"{path}/{form}", data={"csrf_token": token} | {f"{form}-{k}": v for k, v in values.items()}
    )


def _details_form(client: TestClient, path: str, version: int) -> dict[str, str]:
    """The details form as the page sends it for Marie Tremblay."""
    return {
        "csrf_token": csrf_token(client, path),
        "given_names": "Marie",
        "family_name": "Tremblay",
        "birth_date": "1984-07-31",
        "language": "fr",
        "version": str(version),
    }


def test_details_are_saved_and_a_stale_form_says_what_changed(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/edit"
    page = signed_in.get(path).text
    assert f'name="version" value="{marie.version}"' in page and 'value="Tremblay"' in page
    base = _details_form(signed_in, path, marie.version)
    # someone else renames her meanwhile
    update_person(
        container.uow(),
        actor=SYSTEM,
        person_id=marie.id,
        changes=PersonUpdate(version=marie.version, preferred_name="Mimi"),
    )
    stale = signed_in.post(path, data=base | {"gender": "woman"})
    assert stale.status_code == 409
    assert "Someone else changed this file while you were editing it" in stale.text
    assert "Now on file: Mimi" in stale.text
    assert 'value="woman"' in stale.text  # what the officer typed is kept
    assert f'name="version" value="{marie.version + 1}"' in stale.text
    saved = signed_in.post(path, data=base | {"gender": "woman", "version": str(marie.version + 1)})
    assert saved.status_code == 303 and saved.headers["location"] == f"/staff/people/{marie.id}"
    bad = signed_in.post(path, data=base | {"birth_date": "2999-01-01", "version": str(marie.version + 2)})
    assert bad.status_code == 422 and 'id="f-birth_date-error"' in bad.text


def test_contacts_are_added_and_removed_with_errors_next_to_the_box(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/edit"
    wrong = edit(signed_in, path, "phone", number="12", label="")
    assert wrong.status_code == 422 and 'id="f-phone-number-error"' in wrong.text  # type: ignore[attr-defined]
    assert edit(signed_in, path, "phone", number="780-555-0199", label="cell").status_code == 303  # type: ignore[attr-defined]
    page = signed_in.get(path).text
    assert "The phone number is added." in page and "+17805550199" in page
    contact_id = page.split('name="contact-remove-item" value="')[1].split('"')[0]
    assert edit(signed_in, path, "contact-remove", item=contact_id).status_code == 303  # type: ignore[attr-defined]
    assert "+17805550199" not in signed_in.get(path).text
    assert (
        edit(
            signed_in,
            path,
            "address",
            line1="1 Rue Principale",
            city="Edmonton",
            province="AB",
            postal_code="T5J 0N3",
        ).status_code
        == 303
    )  # type: ignore[attr-defined]
    assert "1 Rue Principale" in signed_in.get(f"/staff/people/{marie.id}").text


def test_a_flag_goes_to_the_top_of_the_file_and_needs_a_reason_to_come_off(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/edit"
    assert (
        edit(signed_in, path, "flag", kind="do_not_meet_alone", note="Meet with two officers").status_code
        == 303
    )  # type: ignore[attr-defined]
    file = signed_in.get(f"/staff/people/{marie.id}").text
    assert file.index("Meet with two officers") < file.index("<h1>")
    flag_id = signed_in.get(path).text.split('name="flag-remove-item" value="')[1].split('"')[0]
    no_reason = edit(signed_in, path, "flag-remove", item=flag_id, reason="")
    assert no_reason.status_code == 422 and "Reason for removing the flag" in no_reason.text  # type: ignore[attr-defined]
    assert edit(signed_in, path, "flag-remove", item=flag_id, reason="Situation resolved").status_code == 303  # type: ignore[attr-defined]
    assert "Meet with two officers" not in signed_in.get(f"/staff/people/{marie.id}").text


def test_consents_are_recorded_and_withdrawn(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/edit"
    assert (
        edit(signed_in, path, "consent", recipient="ext.cmha", purpose="housing support").status_code == 303
    )  # type: ignore[attr-defined]
    assert "ext.cmha, for housing support" in signed_in.get(f"/staff/people/{marie.id}").text
    consent_id = signed_in.get(path).text.split('name="consent-withdraw-item" value="')[1].split('"')[0]
    assert edit(signed_in, path, "consent-withdraw", item=consent_id).status_code == 303  # type: ignore[attr-defined]
    assert "ext.cmha, for housing support" not in signed_in.get(f"/staff/people/{marie.id}").text


def test_a_household_is_built_from_search_results(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    child = person(container, "Léa", "Tremblay-Roy", born=dt.date(2015, 5, 1))
    path = f"/staff/people/{marie.id}/household"
    token = csrf_token(signed_in, path)
    created = signed_in.post(
        f"{path}/unit", data={"csrf_token": token, "label": "Tremblay", "joined_on": "2026-03-01"}
    )
    assert created.status_code == 303
    found = signed_in.post(f"{path}/find", data={"csrf_token": token, "find": "Tremblay-Roy"}).text
    assert "1 person found" in found and f'name="member_id" value="{child.id}"' in found
    unit_id = found.split('name="unit_id" value="')[1].split('"')[0]
    added = signed_in.post(
        f"{path}/member",
        data={
            "csrf_token": token,
            "member_id": str(child.id),
            "unit_id": unit_id,
            "role": "dependant",
            "joined_on": "2026-03-01",
        },
    )
    assert added.status_code == 303
    page = signed_in.get(path).text
    assert "Dependant" in page and f'href="/staff/people/{child.id}"' in page
    late = signed_in.post(
        f"{path}/member",
        data={
            "csrf_token": token,
            "member_id": str(child.id),
            "unit_id": unit_id,
            "role": "dependant",
            "joined_on": "",
        },
    )
    assert late.status_code == 422


def test_only_a_supervisor_merges_and_the_merged_record_leads_to_the_survivor(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    twin = person(container, sin="130 692 544")
    path = f"/staff/people/{marie.id}/merge"
    assert (
        "Merge a duplicate record into this one" not in signed_in.get(f"/staff/people/{marie.id}/edit").text
    )
    token = csrf_token(signed_in, f"/staff/people/{marie.id}")
    refused = signed_in.post(
        path, data={"csrf_token": token, "merged_id": str(twin.id), "reason": "same person"}
    )
    assert refused.status_code == 403
    staff(container, "ssup", {Role.SUPERVISOR}, PASSWORD)
    signed_in.post("/staff/logout", data={"csrf_token": token})
    assert sign_in(signed_in, "ssup", PASSWORD).status_code == 303
    page = signed_in.get(path).text
    assert f'value="{twin.id}"' in page  # the likely duplicate is offered
    token = csrf_token(signed_in, path)
    no_reason = signed_in.post(path, data={"csrf_token": token, "merged_id": str(twin.id), "reason": ""})
    assert no_reason.status_code == 422 and 'id="f-reason-error"' in no_reason.text
    merged = signed_in.post(
        path, data={"csrf_token": token, "merged_id": str(twin.id), "reason": "same person, same SIN"}
    )
    assert merged.status_code == 303
    assert "merged into this one" in signed_in.get(f"/staff/people/{twin.id}").text


def test_other_family_names_are_edited_shown_and_checked(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/edit"
    assert "Other surnames used" in signed_in.get(path).text
    base = _details_form(signed_in, path, marie.version)
    bad = signed_in.post(path, data=base | {"former_family_names": "Gagnon, 123"})
    assert bad.status_code == 422 and 'id="f-former_family_names-error"' in bad.text
    saved = signed_in.post(path, data=base | {"former_family_names": "Gagnon, Roy"})
    assert saved.status_code == 303
    assert "Other surnames used: Gagnon, Roy" in signed_in.get(f"/staff/people/{marie.id}").text
    assert 'value="Gagnon, Roy"' in signed_in.get(path).text
