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
    Actor,
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
from onestop.db import UnitOfWork
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.errors import status_for
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import NoteForm, PageForm, Posted, ReasonForm, form_errors, optional_uuid, to

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
def page(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """The grants waiting for a second administrator, oldest first, and the ones decided lately."""
    return _page(request, uow, actor)


@router.post("")
def ask(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    form: Posted[AskForm],
) -> Response:
    """Ask for a role for an account (staff:write); a privileged role then waits for another administrator."""
    typed = form.model_dump()
    try:
        account = optional_uuid(form.staff_id, "staff_id")
        done = request_grant(uow, actor=actor, staff_id=account, role=form.role, reason=form.reason)
    except InvalidInput as err:
        errors = form_errors(request, err, set(AskForm.model_fields))
        return _page(request, uow, actor, errors=errors, form=typed, status_code=422)
    except GrantConflict as err:
        return _refused(request, uow, actor, err, typed)
    if done.state == "pending":
        pages.flash(request, N_("Asked. Another administrator must approve it."), "success")
    else:
        pages.flash(request, N_("The role is given: it does not read files or move money."), "success")
    return pages.redirect(request, PAGE)


@router.post("/{grant_id:uuid}/approve")
def approve(
    request: Request, uow: UowDep, actor: StaffActor, grant_id: uuid.UUID, form: Posted[NoteForm]
) -> Response:
    """Approve: the role joins the account at once. Nobody approves their own request or account."""

    def act() -> object:
        return approve_grant(uow, actor=actor, grant_id=grant_id, note=form.note)

    return _decide(request, uow, actor, grant_id, act, N_("Approved. The role is now on the account."))


@router.post("/{grant_id:uuid}/refuse")
def refuse(
    request: Request, uow: UowDep, actor: StaffActor, grant_id: uuid.UUID, form: Posted[ReasonForm]
) -> Response:
    """Refuse, with a reason (required)."""

    def act() -> object:
        return refuse_grant(uow, actor=actor, grant_id=grant_id, reason=form.reason)

    return _decide(request, uow, actor, grant_id, act, N_("Refused. The account does not get the role."))


def _decide(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    grant_id: uuid.UUID,
    act: Callable[[], object],
    message: str,
) -> Response:
    """Approve or refuse one waiting grant: on to the page with the message, or the page with the
    service's refusal, or a missing reason beside that grant's own reason box (only refusing asks one)."""
    try:
        act()
    except InvalidInput as err:
        problem = pages.gettext(request, err.problem)
        return _page(request, uow, actor, errors={f"reason-{grant_id}": problem}, status_code=422)
    except (OwnGrant, GrantConflict) as err:
        return _refused(request, uow, actor, err)
    return to(request, PAGE, message)


def _refused(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    err: OwnGrant | GrantConflict,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    refusal = pages.gettext(request, err.message)
    return _page(request, uow, actor, refusal=refusal, form=form, status_code=status_for(err))


def _page(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    refusal: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    may_decide = actor.can(Permission.STAFF_WRITE)
    decided = [g for g in list_grants(uow, actor=actor, state=None, limit=20) if g.state != "pending"]
    accounts = list_staff(uow, actor=actor) if may_decide else []
    context = {
        "pending": list_grants(uow, actor=actor),
        "decided": decided,
        "may_decide": may_decide,
        "accounts": [(str(s.id), f"{s.display_name} ({s.username})") for s in accounts],
        "role_options": [(r.value, _role_option(request, r)) for r in Role if r is not Role.CLIENT],
        "grant_states": labels.translated(request, STATES),
        # The reason the service writes for roles asked for at account creation, in the page's language.
        "reasons": {ASKED_AT_CREATION: pages.gettext(request, N_("asked for when the account was opened"))},
        "errors": errors or {},
        "form": form or {},
        "refusal": refusal,
    }
    return pages.render(request, "staff/admin/grants.html", context, status_code=status_code)


def _role_option(request: Request, role: Role) -> str:
    name = labels.label(request, labels.ROLES, role.value)
    if is_privileged(role):
        return pages.gettext(request, N_("%(role)s (needs a second administrator)"), role=name)
    return name
