"""Restricted files and conflicts of interest on the staff pages (issue 10, parts 2 and 4)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.registry import link_staff_person, restrict_file
from onestop.registry.schemas import AddressIn, RestrictionIn, StaffLinkIn
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in
from tests.functional.staff.factories import SYSTEM, person, staff, staff_id

ADDRESS = AddressIn(line1="12 Hidden Lane", city="Edmonton", province="AB", postal_code="T5J 0N3")


def test_a_restricted_file_asks_for_a_reason_then_opens_and_the_supervisor_reviews_it(
    signed_in: TestClient, container: Container, client: TestClient
) -> None:
    pid = person(container, addresses=[ADDRESS]).id
    restrict_file(
        container.uow(), actor=SYSTEM, person_id=pid, data=RestrictionIn(kind="confidential_address")
    )

    # Search finds her, without details.
    url = "/staff/people"
    found = signed_in.post(url, data={"name": "Marie Tremblay", "csrf_token": csrf_token(signed_in, url)})
    assert "Restricted file" in found.text and "Edmonton" not in found.text

    # Opening the file sends the officer to the reason form, and back once given.
    sent = signed_in.get(f"/staff/people/{pid}")
    assert sent.status_code == 303
    assert sent.headers["location"] == f"/staff/people/{pid}/break-glass?next=%2Fstaff%2Fpeople%2F{pid}"
    form_url = sent.headers["location"]
    page = signed_in.get(form_url)
    assert "This file is restricted" in page.text
    token = csrf_token(signed_in, form_url)
    short = signed_in.post(
        f"/staff/people/{pid}/break-glass",
        data={"reason": "hi", "next": f"/staff/people/{pid}", "csrf_token": token},
    )
    assert short.status_code == 422 and "at least 10 characters" in short.text
    opened = signed_in.post(
        f"/staff/people/{pid}/break-glass",
        data={"reason": "she is at the counter today", "next": f"/staff/people/{pid}", "csrf_token": token},
    )
    assert opened.status_code == 303 and opened.headers["location"] == f"/staff/people/{pid}"
    file_page = signed_in.get(f"/staff/people/{pid}").text
    assert "Restricted file" in file_page and "12 Hidden Lane" in file_page

    # The supervisor sees it on the team page's list, and reviews it.
    staff(container, "sboss", {Role.SUPERVISOR}, PASSWORD)
    signed_in.cookies.clear()
    assert sign_in(client, "sboss", PASSWORD).status_code == 303
    assert "Restricted-file accesses to review" in client.get("/staff/team").text
    listing = client.get("/staff/file-accesses").text
    assert "she is at the counter today" in listing and "amartin" in listing
    access_id = listing.split('action="/staff/file-accesses/')[1].split("/review")[0]
    done = client.post(
        f"/staff/file-accesses/{access_id}/review",
        data={"note": "seen", "csrf_token": csrf_token(client, "/staff/file-accesses")},
    )
    assert done.status_code == 303
    assert "Nothing to review." in client.get("/staff/file-accesses").text


def test_a_linked_officer_is_refused_their_own_file_with_the_reason(
    signed_in: TestClient, container: Container
) -> None:
    pid = person(container).id
    link_staff_person(
        container.uow(),
        actor=SYSTEM,
        staff_id=staff_id(container, "amartin"),
        data=StaffLinkIn(person_id=pid),
    )
    refused = signed_in.get(f"/staff/people/{pid}")
    assert refused.status_code == 403 and "conflict of interest" in refused.text
    assert signed_in.get(f"/staff/people/{pid}/edit").status_code == 403


def test_an_administrator_links_a_staff_account_on_the_staff_links_page(
    client: TestClient, container: Container, officer: object
) -> None:
    pid = person(container).id
    staff(container, "root", {Role.ADMINISTRATOR}, PASSWORD)
    assert sign_in(client, "root", PASSWORD).status_code == 303
    url = "/staff/staff-links"
    assert "No staff account is linked to a file." in client.get(url).text
    bad = client.post(
        url, data={"username": "amartin", "person_id": "nope", "csrf_token": csrf_token(client, url)}
    )
    assert bad.status_code == 422 and "File number of the person" in bad.text
    done = client.post(
        url,
        data={
            "username": "amartin",
            "person_id": str(pid),
            "relation": "self",
            "csrf_token": csrf_token(client, url),
        },
    )
    assert done.status_code == 303
    page = client.get(url).text
    assert "amartin" in page and "Marie Tremblay" in page and "Their own" in page


def test_a_supervisor_restricts_a_file_from_the_person_page(client: TestClient, container: Container) -> None:
    pid = person(container).id
    staff(container, "sboss", {Role.SUPERVISOR}, PASSWORD)
    assert sign_in(client, "sboss", PASSWORD).status_code == 303
    page = client.get(f"/staff/people/{pid}")
    assert page.status_code == 200 and "Restrict this file" in page.text
    token = csrf_token(client, f"/staff/people/{pid}")
    bad = client.post(f"/staff/people/{pid}/restrictions", data={"kind": "celebrity", "csrf_token": token})
    assert bad.status_code == 422
    done = client.post(
        f"/staff/people/{pid}/restrictions",
        data={"kind": "public_figure", "note": "mayor", "csrf_token": token},
    )
    assert done.status_code == 303
    # From now on even the supervisor who restricted it gives a reason to open it.
    assert (
        client.get(f"/staff/people/{pid}").headers["location"].startswith(f"/staff/people/{pid}/break-glass")
    )
