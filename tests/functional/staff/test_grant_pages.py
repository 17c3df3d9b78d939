"""The role grants page (issue 10, part 8): an administrator asks, another approves or refuses; one's
own request is refused on the page (403) and changes nothing; other roles do not reach the page."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop.access import Role, actor_of, create_staff, get_staff_by_username, grants
from onestop.bootstrap import Container
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in
from tests.functional.staff.factories import SYSTEM, staff

PAGE = "/staff/admin/grants"


def _admins_and_a_new_officer(container: Container) -> str:
    """anna (the bootstrap), ben (asked by the operator, approved by anna), and carl, an officer whose
    role anna asked for: the id of carl's pending grant."""
    staff(container, "anna", {Role.ADMINISTRATOR}, PASSWORD, "Anna Admin")
    anna = actor_of(get_staff_by_username(container.uow(), actor=SYSTEM, username="anna"))
    staff(container, "ben", {Role.ADMINISTRATOR}, PASSWORD, "Ben Admin")
    ben = get_staff_by_username(container.uow(), actor=SYSTEM, username="ben")
    [asked] = grants.list_grants(container.uow(), actor=anna, staff_id=ben.id)
    grants.approve_grant(container.uow(), actor=anna, grant_id=asked.id)
    carl = create_staff(
        container.uow(),
        actor=anna,
        username="carl",
        display_name="Carl New",
        password=PASSWORD,
        roles={Role.OFFICER},
        office_id=None,
    )
    [pending] = grants.list_grants(container.uow(), actor=anna, staff_id=carl.id)
    return str(pending.id)


def _roles(container: Container, username: str) -> list[str]:
    return list(get_staff_by_username(container.uow(), actor=SYSTEM, username=username).role_names)


def test_one_administrator_asks_another_approves(client: TestClient, container: Container) -> None:
    grant_id = _admins_and_a_new_officer(container)
    assert sign_in(client, "anna", PASSWORD).status_code == 303
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Carl New (carl): officer" in page.text and 'href="/staff/admin/grants"' in page.text
    own = client.post(f"{PAGE}/{grant_id}/approve", data={"csrf_token": csrf_token(client, PAGE)})
    assert own.status_code == 403
    assert "Nothing was changed" in own.text and "you asked for this grant" in own.text
    assert _roles(container, "carl") == []
    client.post("/staff/logout", data={"csrf_token": csrf_token(client, PAGE)})
    assert sign_in(client, "ben", PASSWORD).status_code == 303
    done = client.post(
        f"{PAGE}/{grant_id}/approve", data={"csrf_token": csrf_token(client, PAGE), "note": "Checked"}
    )
    assert done.status_code == 303
    assert _roles(container, "carl") == ["officer"]
    after = client.get(PAGE)
    assert "No role is waiting for approval." in after.text and "Checked" in after.text
    again = client.post(f"{PAGE}/{grant_id}/approve", data={"csrf_token": csrf_token(client, PAGE)})
    assert again.status_code == 409 and "already decided" in again.text


def test_asking_and_refusing_on_the_page(client: TestClient, container: Container) -> None:
    _admins_and_a_new_officer(container)
    assert sign_in(client, "ben", PASSWORD).status_code == 303
    token = csrf_token(client, PAGE)
    empty = client.post(PAGE, data={"csrf_token": token, "role": "finance", "reason": "Payment runs"})
    assert empty.status_code == 422 and "f-staff_id-error" in empty.text
    carl = get_staff_by_username(container.uow(), actor=SYSTEM, username="carl")
    asked = client.post(
        PAGE,
        data={"csrf_token": token, "staff_id": str(carl.id), "role": "finance", "reason": "Payment runs"},
    )
    assert asked.status_code == 303
    page = client.get(PAGE).text
    assert "Carl New (carl): finance officer" in page
    finance = next(g for g in grants.list_grants(container.uow(), actor=SYSTEM) if g.role == "finance")
    blank = client.post(f"{PAGE}/{finance.id}/refuse", data={"csrf_token": token, "reason": ""})
    assert blank.status_code == 422 and 'aria-invalid="true"' in blank.text
    refused = client.post(f"{PAGE}/{finance.id}/refuse", data={"csrf_token": token, "reason": "Not finance"})
    assert refused.status_code == 303
    assert "finance" not in _roles(container, "carl")
    twice = client.post(
        PAGE, data={"csrf_token": token, "staff_id": str(carl.id), "role": "officer", "reason": "again"}
    )
    assert twice.status_code == 409 and "already waiting for approval" in twice.text


def test_the_page_in_french(client: TestClient, container: Container) -> None:
    _admins_and_a_new_officer(container)
    assert sign_in(client, "ben", PASSWORD).status_code == 303
    page = client.get(f"{PAGE}?lang=fr").text
    assert '<html lang="fr">' in page
    assert "Attribution des rôles" in page and "En attente d’approbation" in page
    assert re.search(r"Approuver</button>", page)


def test_other_roles_do_not_reach_the_page(client: TestClient, container: Container) -> None:
    staff(container, "olive", {Role.OFFICER}, PASSWORD)
    assert sign_in(client, "olive", PASSWORD).status_code == 303
    assert client.get(PAGE).status_code == 403
    assert 'href="/staff/admin/grants"' not in client.get("/staff/").text


def test_the_page_lists_every_refusal_for_translation() -> None:
    from onestop.access.grants import errors
    from onestop.web.staff.grants import REFUSALS

    fixed = {v for k, v in vars(errors).items() if k.isupper() and isinstance(v, str)}
    assert set(REFUSALS) == fixed


def test_an_account_still_waiting_for_its_role_signs_in_to_an_empty_workspace(
    client: TestClient, container: Container
) -> None:
    _admins_and_a_new_officer(container)
    assert sign_in(client, "carl", PASSWORD).status_code == 303
    home = client.get("/staff/")
    assert home.status_code == 200
    token = csrf_token(client, "/staff/people")
    search = client.post("/staff/people", data={"csrf_token": token, "name": "Okafor"})
    assert search.status_code == 403  # no role yet: no person:read
    assert client.get("/staff/tasks").status_code == 403


def test_the_page_says_the_account_creation_reason_in_french(
    client: TestClient, container: Container
) -> None:
    from onestop.access.grants.services import ASKED_AT_CREATION

    assert ASKED_AT_CREATION == "asked for when the account was opened"
    _admins_and_a_new_officer(container)
    assert sign_in(client, "ben", PASSWORD).status_code == 303
    assert "demandé à l’ouverture du compte" in client.get(f"{PAGE}?lang=fr").text
