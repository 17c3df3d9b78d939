"""The person's portal accounts page: link after an identity check, a missing field named, unlink."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop.bootstrap import Container
from onestop.clients import ClientAccount
from onestop.common.ids import new_id
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person


def _account(container: Container) -> None:
    with container.uow() as uow:
        uow.session.add(
            ClientAccount(
                id=new_id(),
                email="ana@example.ca",
                password_hash="x",
                language="en",
                created_at=container.clock.now(),
                verified_at=container.clock.now(),
            )
        )
        uow.commit()


def _linked(container: Container) -> object:
    with container.uow() as uow:
        return uow.session.scalar(select(ClientAccount.linked_person_id))


def test_link_and_unlink_a_portal_account_from_the_person_page(
    signed_in: TestClient, container: Container
) -> None:
    pid = person(container).id
    _account(container)
    url = f"/staff/people/{pid}/portal-accounts"
    assert "Portal accounts" in signed_in.get(f"/staff/people/{pid}").text
    assert "No portal account." in signed_in.get(url).text
    form = {"email": "ana@example.ca", "document_type": "passport", "last_digits": ""}
    bad = signed_in.post(url, data=form | {"csrf_token": csrf_token(signed_in, url)})
    assert bad.status_code == 422 and "Last digits of its number" in bad.text
    assert _linked(container) is None
    done = signed_in.post(url, data=form | {"last_digits": "987", "csrf_token": csrf_token(signed_in, url)})
    assert done.status_code == 303
    assert _linked(container) == pid
    page = signed_in.get(url).text
    assert "passport …987" in page
    with container.uow() as uow:
        account_id = uow.session.scalar(select(ClientAccount.id))
    gone = signed_in.post(
        f"{url}/{account_id}/unlink",
        data={"reason": "wrong person", "csrf_token": csrf_token(signed_in, url)},
    )
    assert gone.status_code == 303 and _linked(container) is None
