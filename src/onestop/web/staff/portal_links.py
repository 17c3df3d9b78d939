"""A person's portal accounts: which are linked, on what identity check, and the forms to link or unlink
one (issue #10: a portal account reaches a file only once an officer has checked who the client is)."""

from __future__ import annotations

import functools
import uuid
from typing import Annotated

from fastapi import APIRouter, Form
from starlette.responses import HTMLResponse, Response

from onestop.clients import DOCUMENT_TYPES, link_portal_account, list_portal_accounts, unlink_portal_account
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.registry import get_person
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, form_errors
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/people/{person_id:uuid}/portal-accounts")


@router.get("")
def page(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The person's portal accounts and the link form."""
    return _page(page, person_id)


class LinkForm(PageForm):
    email: str = ""
    document_type: str = ""
    last_digits: str = ""


@router.post("")
def link(page: Page, person_id: uuid.UUID, form: Posted[LinkForm]) -> Response:
    """Link an account after seeing an identity document (CLIENT_LINK; audited)."""

    def act() -> object:
        return link_portal_account(
            page.uow,
            actor=page.actor,
            person_id=person_id,
            email=form.email,
            document_type=form.document_type,
            last_digits=form.last_digits,
        )

    done = page.then(f"/staff/people/{person_id}/portal-accounts", N_("The portal account is linked."))
    return page.submit(form, act, done, functools.partial(_page, page, person_id))


@router.post("/{account_id:uuid}/unlink")
def unlink(
    page: Page, person_id: uuid.UUID, account_id: uuid.UUID, reason: Annotated[str, Form()] = ""
) -> Response:
    """Unlink an account, with a reason (CLIENT_LINK; audited)."""
    try:
        unlink_portal_account(
            page.uow, actor=page.actor, person_id=person_id, account_id=account_id, reason=reason
        )
    except InvalidInput as err:
        errors = form_errors(page.request, err, {"reason", "account_id"})
        return _page(page, person_id, Shown(errors=errors, status_code=422))
    return page.to(f"/staff/people/{person_id}/portal-accounts", N_("The portal account is unlinked."))


def _page(page: StaffPage, person_id: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    context = {
        "person": get_person(page.uow, actor=page.actor, person_id=person_id),
        "accounts": list_portal_accounts(page.uow, actor=page.actor, person_id=person_id),
        "document_types": DOCUMENT_TYPES,
        "page_url": f"/staff/people/{person_id}/portal-accounts",
    }
    return page.show("staff/people/portal_accounts.html", context, shown)
