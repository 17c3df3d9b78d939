"""The queue of duplicates the registry-wide sweep suggests: review and merge (on the merge screen),
or record that the two records are different people. Nothing here merges by itself."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.registry import sweep
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor

router = APIRouter(prefix="/duplicates")

PAGE_SIZE = 25

FIELDS = {
    "identifier": N_("SIN or health number"),
    "given": N_("Given name"),
    "family": N_("Family name"),
    "birth_date": N_("Birth date"),
    "sex": N_("Sex"),
    "household": N_("Address and phone"),
    "postal_code": N_("Postal code"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
}
LEVELS = {
    "missing": N_("missing"),
    "the same": N_("the same"),
    "different": N_("different"),
    "given and family names swapped": N_("given and family names swapped"),
    "a name and its short form": N_("a name and its short form"),
    "the same name for the other sex": N_("the same name for the other sex"),
    "nearly the same spelling": N_("nearly the same spelling"),
    "sounds the same": N_("sounds the same"),
    "a similar spelling": N_("a similar spelling"),
    "one family name in common": N_("one family name in common"),
    "sounds the same or nearly the same spelling": N_("sounds the same or nearly the same spelling"),
    "two digits or day and month swapped": N_("two digits or day and month swapped"),
    "one part different (day, month or last digit of the year)": N_(
        "one part different (day, month or last digit of the year)"
    ),
    "same area": N_("same area"),
    "same postal code and phone": N_("same postal code and phone"),
    "same phone": N_("same phone"),
    "same postal code": N_("same postal code"),
    "same SIN or health number": N_("same SIN or health number"),
    "different SIN": N_("different SIN"),
    "different health number": N_("different health number"),
}
STATUSES = {"open": N_("To review"), "dismissed": N_("Not the same person"), "merged": N_("Merged")}


@router.get("")
def queue(
    request: Request, uow: UowDep, actor: StaffActor, status: str = "open", page: int = 1
) -> HTMLResponse:
    """The suggested pairs, most likely first (PERSON_MERGE; the read is audited)."""
    return _page(request, uow, actor, status=status, page=page)


@router.post("/{suggestion_id:uuid}/dismiss")
def dismiss(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    suggestion_id: uuid.UUID,
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Not the same person: the pair leaves the queue and is not suggested again (audited)."""
    try:
        sweep.dismiss_suggestion(uow, actor=actor, suggestion_id=suggestion_id, reason=reason)
    except InvalidInput as err:
        errors = {f"{suggestion_id}-{err.field}": pages.gettext(request, err.problem)}
        return _page(request, uow, actor, status="open", page=1, errors=errors, status_code=422)
    pages.flash(request, N_("Recorded: these are two different people."), "success")
    return pages.redirect(request, "/staff/duplicates")


def _page(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    *,
    status: str,
    page: int,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    if status not in STATUSES:
        raise InvalidInput("status", "must be open, merged or dismissed")
    if page < 1:
        raise InvalidInput("page", "must be 1 or more")
    result = sweep.list_suggestions(
        uow, actor=actor, status=status, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    context: dict[str, Any] = {
        "result": result,
        "status": status,
        "statuses": labels.translated(request, STATUSES),
        "page": page,
        "pages": max(1, -(-result.total // PAGE_SIZE)),
        "field_names": labels.translated(request, FIELDS),
        "level_names": labels.translated(request, LEVELS),
        "errors": errors or {},
    }
    return pages.render(request, "staff/people/duplicates.html", context, status_code=status_code)
