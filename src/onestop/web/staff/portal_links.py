"""A person's portal accounts: which are linked, on what identity check, and the forms to link or unlink
one (issue #10: a portal account reaches a file only once an officer has checked who the client is)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.clients import DOCUMENT_TYPES, link_portal_account, list_portal_accounts, unlink_portal_account
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.registry import get_person
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import form_errors

router = APIRouter(prefix="/people/{person_id:uuid}/portal-accounts")


@router.get("")
def page(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The person's portal accounts and the link form."""
    return _page(request, uow, actor, person_id)


@router.post("")
def link(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    email: Annotated[str, Form()] = "",
    document_type: Annotated[str, Form()] = "",
    last_digits: Annotated[str, Form()] = "",
) -> Response:
    """Link an account after seeing an identity document (CLIENT_LINK; audited)."""
    try:
        link_portal_account(
            uow,
            actor=actor,
            person_id=person_id,
            email=email,
            document_type=document_type,
            last_digits=last_digits,
        )
    except InvalidInput as err:
        errors = form_errors(request, err, {"email", "document_type", "last_digits"})
        form = {"email": email, "document_type": document_type, "last_digits": last_digits}
        return _page(request, uow, actor, person_id, errors=errors, form=form, status_code=422)
    pages.flash(request, N_("The portal account is linked."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/portal-accounts")


@router.post("/{account_id:uuid}/unlink")
def unlink(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    account_id: uuid.UUID,
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Unlink an account, with a reason (CLIENT_LINK; audited)."""
    try:
        unlink_portal_account(uow, actor=actor, person_id=person_id, account_id=account_id, reason=reason)
    except InvalidInput as err:
        errors = form_errors(request, err, {"reason", "account_id"})
        return _page(request, uow, actor, person_id, errors=errors, status_code=422)
    pages.flash(request, N_("The portal account is unlinked."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/portal-accounts")


def _page(
    request: Request,
    uow: UnitOfWork,
    actor: StaffActor,
    person_id: uuid.UUID,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "person": get_person(uow, actor=actor, person_id=person_id),
        "accounts": list_portal_accounts(uow, actor=actor, person_id=person_id),
        "document_types": DOCUMENT_TYPES,
        "errors": errors or {},
        "form": form or {},
        "page_url": f"/staff/people/{person_id}/portal-accounts",
    }
    return pages.render(request, "staff/people/portal_accounts.html", context, status_code=status_code)
