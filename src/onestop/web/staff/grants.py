"""The administrators' page of role grants (issue 10, part 8): the privileged roles waiting for a
second administrator, with approve and refuse, and the form to ask for a role for an account.

Refusals (your own request, your own account, already decided...) show on the page with the
service's reason and the status it maps to (403, 409); nothing changes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import (
    ASKED_AT_CREATION,
    GrantConflict,
    OwnGrant,
    Permission,
    Role,
    approve_grant,
    is_privileged,
    list_grants,
    list_staff,
    refuse_grant,
    request_grant,
)
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.web import pages
from onestop.web.errors import status_for
from onestop.web.staff import labels
from onestop.web.staff.forms import NoteForm, PageForm, Posted, ReasonForm, form_errors, optional_uuid
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/admin/grants")
PAGE = "/staff/admin/grants"

#: The service's refusals (``access.grants.errors``) word for word, so the French catalogue carries them.
REFUSALS = [
    N_("the system approves no grant: a named administrator must approve it (--as-user)"),
    N_("you asked for this grant; another administrator must approve it"),
    N_("nobody approves a role for their own account; another administrator must"),
    N_("the account already holds this role"),
    N_("this role is already waiting for approval for this account"),
    N_("the account is deactivated"),
    N_("this grant is already decided; nothing was changed"),
    N_("this role no longer exists; refuse the grant"),
]
STATES = {
    "pending": N_("Waiting"),
    "approved": N_("Approved"),
    "refused": N_("Refused"),
    "granted": N_("Given at once"),
}


class AskForm(PageForm):
    staff_id: str = ""
    role: str = ""
    reason: str = ""


@router.get("")
def page(page: Page) -> HTMLResponse:
    """The grants waiting for a second administrator, oldest first, and the ones decided lately."""
    return _page(page)


@router.post("")
def ask(page: Page, form: Posted[AskForm]) -> Response:
    """Ask for a role for an account (staff:write); a privileged role then waits for another administrator."""
    typed = form.model_dump()
    try:
        account = optional_uuid(form.staff_id, "staff_id")
        done = request_grant(page.uow, actor=page.actor, staff_id=account, role=form.role, reason=form.reason)
    except InvalidInput as err:
        errors = form_errors(page.request, err, set(AskForm.model_fields))
        return _page(page, errors=errors, form=typed, status_code=422)
    except GrantConflict as err:
        return _refused(page, err, typed)
    if done.state == "pending":
        page.flash(N_("Asked. Another administrator must approve it."), "success")
    else:
        page.flash(N_("The role is given: it does not read files or move money."), "success")
    return page.redirect(PAGE)


@router.post("/{grant_id:uuid}/approve")
def approve(page: Page, grant_id: uuid.UUID, form: Posted[NoteForm]) -> Response:
    """Approve: the role joins the account at once. Nobody approves their own request or account."""

    def act() -> object:
        return approve_grant(page.uow, actor=page.actor, grant_id=grant_id, note=form.note)

    return _decide(page, grant_id, act, N_("Approved. The role is now on the account."))


@router.post("/{grant_id:uuid}/refuse")
def refuse(page: Page, grant_id: uuid.UUID, form: Posted[ReasonForm]) -> Response:
    """Refuse, with a reason (required)."""

    def act() -> object:
        return refuse_grant(page.uow, actor=page.actor, grant_id=grant_id, reason=form.reason)

    return _decide(page, grant_id, act, N_("Refused. The account does not get the role."))


def _decide(page: StaffPage, grant_id: uuid.UUID, act: Callable[[], object], message: str) -> Response:
    """Approve or refuse one waiting grant: on to the page with the message, or the page with the
    service's refusal, or a missing reason beside that grant's own reason box (only refusing asks one)."""
    try:
        act()
    except InvalidInput as err:
        problem = page.gettext(err.problem)
        return _page(page, errors={f"reason-{grant_id}": problem}, status_code=422)
    except (OwnGrant, GrantConflict) as err:
        return _refused(page, err)
    return page.to(PAGE, message)


def _refused(
    page: StaffPage, err: OwnGrant | GrantConflict, form: dict[str, str] | None = None
) -> HTMLResponse:
    refusal = page.gettext(err.message)
    return _page(page, refusal=refusal, form=form, status_code=status_for(err))


def _page(
    page: StaffPage,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    refusal: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    may_decide = page.actor.can(Permission.STAFF_WRITE)
    decided = [
        g for g in list_grants(page.uow, actor=page.actor, state=None, limit=20) if g.state != "pending"
    ]
    accounts = list_staff(page.uow, actor=page.actor) if may_decide else []
    context = {
        "pending": list_grants(page.uow, actor=page.actor),
        "decided": decided,
        "may_decide": may_decide,
        "accounts": [(str(s.id), f"{s.display_name} ({s.username})") for s in accounts],
        "role_options": [(r.value, _role_option(page.request, r)) for r in Role if r is not Role.CLIENT],
        "grant_states": labels.translated(page.request, STATES),
        # The reason the service writes for roles asked for at account creation, in the page's language.
        "reasons": {ASKED_AT_CREATION: page.gettext(N_("asked for when the account was opened"))},
        "errors": errors or {},
        "form": form or {},
        "refusal": refusal,
    }
    return page.render("staff/admin/grants.html", context, status_code=status_code)


def _role_option(request: Request, role: Role) -> str:
    name = labels.label(request, labels.ROLES, role.value)
    if is_privileged(role):
        return pages.gettext(request, N_("%(role)s (needs a second administrator)"), role=name)
    return name
