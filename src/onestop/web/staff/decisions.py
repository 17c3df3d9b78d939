"""Decisions: the printable decision page (plain-language explanation in English or French, amounts,
appeal rights) and the supervisor's queue of overrides waiting for a second officer.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.cases.decisions import (
    OverrideReview,
    approve_override,
    get_decision,
    list_override_requests,
    refuse_override,
)
from onestop.common.errors import InvalidInput, NotFound
from onestop.common.i18n import N_
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.parsing import whole_number
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import model

router = APIRouter()


@router.get("/decisions/{decision_id:uuid}")
def decision_page(request: Request, uow: UowDep, actor: StaffActor, decision_id: uuid.UUID) -> HTMLResponse:
    """The decision as the client is told it; the print stylesheet makes it a letter."""
    decision = get_decision(uow, actor=actor, decision_id=decision_id)
    context = {"decision": decision, "log_person": decision.applicant_id}
    return pages.render(request, "staff/decisions/view.html", context)


@router.get("/overrides")
def overrides(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """Overrides of computed results waiting for a supervisor (not the officer who asked)."""
    found = list_override_requests(uow, actor=actor)
    return pages.render(request, "staff/decisions/overrides.html", {"requests": found, "errors": {}})


@router.post("/overrides/{request_id:uuid}/{answer}")
def answer_override(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    request_id: uuid.UUID,
    answer: str,
    version: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Approve (the decision is recorded as proposed) or refuse (with a reason) an override."""
    data = model(OverrideReview, version=whole_number(version), reason=reason or None)
    if answer == "approve":
        decision = approve_override(uow, actor=actor, request_id=request_id, data=data)
        pages.flash(request, N_("The override is approved and the decision recorded."), "success")
        return pages.redirect(request, f"/staff/decisions/{decision.id}")
    if answer != "refuse":
        raise NotFound("no such answer")
    try:
        refuse_override(uow, actor=actor, request_id=request_id, data=data)
    except InvalidInput as err:
        found = list_override_requests(uow, actor=actor)
        errors = {f"reason-{request_id}": pages.gettext(request, err.problem)}
        context = {"requests": found, "errors": errors, "page_url": "/staff/overrides"}
        return pages.render(request, "staff/decisions/overrides.html", context, status_code=422)
    pages.flash(request, N_("The override is refused."), "success")
    return pages.redirect(request, "/staff/overrides")
