"""Decisions: the printable decision page (plain-language explanation in English or French, amounts,
appeal rights) and the supervisor's queue of overrides waiting for a second officer.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form
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
from onestop.web.parsing import whole_number
from onestop.web.staff.forms import model
from onestop.web.staff.page import Page

router = APIRouter()


@router.get("/decisions/{decision_id:uuid}")
def decision_page(page: Page, decision_id: uuid.UUID) -> HTMLResponse:
    """The decision as the client is told it; the print stylesheet makes it a letter."""
    decision = get_decision(page.uow, actor=page.actor, decision_id=decision_id)
    context = {"decision": decision, "log_person": decision.applicant_id}
    return page.render("staff/decisions/view.html", context)


@router.get("/overrides")
def overrides(page: Page) -> HTMLResponse:
    """Overrides of computed results waiting for a supervisor (not the officer who asked)."""
    found = list_override_requests(page.uow, actor=page.actor)
    return page.render("staff/decisions/overrides.html", {"requests": found, "errors": {}})


@router.post("/overrides/{request_id:uuid}/{answer}")
def answer_override(
    page: Page,
    request_id: uuid.UUID,
    answer: str,
    version: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Approve (the decision is recorded as proposed) or refuse (with a reason) an override."""
    data = model(OverrideReview, version=whole_number(version), reason=reason or None)
    if answer == "approve":
        decision = approve_override(page.uow, actor=page.actor, request_id=request_id, data=data)
        page.flash(N_("The override is approved and the decision recorded."), "success")
        return page.redirect(f"/staff/decisions/{decision.id}")
    if answer != "refuse":
        raise NotFound("no such answer")
    try:
        refuse_override(page.uow, actor=page.actor, request_id=request_id, data=data)
    except InvalidInput as err:
        found = list_override_requests(page.uow, actor=page.actor)
        errors = {f"reason-{request_id}": page.gettext(err.problem)}
        context = {"requests": found, "errors": errors, "page_url": "/staff/overrides"}
        return page.render("staff/decisions/overrides.html", context, status_code=422)
    page.flash(N_("The override is refused."), "success")
    return page.redirect("/staff/overrides")
