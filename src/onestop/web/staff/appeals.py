"""Appeals from the decision page: file one, schedule (or move) the hearing, record the panel's outcome.

Each post is one appeals service call; bad input re-renders the form with the error beside its box and
what was typed (422), a stale version answers 409 ("someone else changed this").
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.cases.appeals import (
    AppealCreate,
    AppealDecide,
    AppealOutcome,
    AppealResult,
    HearingSchedule,
    file_appeal,
    get_appeal,
    record_outcome,
    schedule_hearing,
)
from onestop.cases.decisions import get_decision
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, form_errors, model

router = APIRouter()

OUTCOMES = {
    AppealOutcome.UPHELD.value: N_("Upheld: the decision stands"),
    AppealOutcome.VARIED.value: N_("Varied: the decision is changed"),
    AppealOutcome.OVERTURNED.value: N_("Overturned: the decision is reversed"),
}
APPEAL_STATUSES = {
    "filed": N_("Filed"),
    "hearing_scheduled": N_("Hearing scheduled"),
    "decided": N_("Decided"),
    "withdrawn": N_("Withdrawn"),
}


class FileForm(PageForm):
    filed_on: str = ""
    grounds: str = ""
    late_reason: str = ""


class HearingForm(PageForm):
    version: str = ""
    hearing_on: str = ""
    panel: str = ""  # one member a line
    location: str = ""


class OutcomeForm(PageForm):
    version: str = ""
    outcome: str = ""
    reason: str = ""
    decided_on: str = ""
    result_outcome: str = ""
    monthly_amount: str = ""
    effective_from: str = ""


def _date(raw: str, field: str) -> Any:
    return parse_date(raw, field=field) if raw else None


def _result(form: OutcomeForm) -> AppealResult | None:
    """The decision the panel set (varied or overturned), when the form gives one."""
    if not (form.result_outcome or form.monthly_amount or form.effective_from):
        return None
    try:
        return model(
            AppealResult,
            outcome=form.result_outcome or None,
            monthly_amount=form.monthly_amount or None,
            effective_from=_date(form.effective_from, "effective_from"),
        )
    except InvalidInput as err:
        raise InvalidInput("result_outcome" if err.field == "outcome" else err.field, err.problem) from None


def _version(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


@router.get("/decisions/{decision_id:uuid}/appeals/new")
def new(request: Request, uow: UowDep, actor: StaffActor, decision_id: uuid.UUID) -> HTMLResponse:
    """The filing form (today's date by default)."""
    today = request.app.state.container.clock.today().isoformat()
    return _new(request, uow, actor, decision_id, FileForm(filed_on=today))


@router.post("/decisions/{decision_id:uuid}/appeals")
def file(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    decision_id: uuid.UUID,
    form: Annotated[FileForm, Form()],
) -> Response:
    """File the appeal (past the deadline, the reason for filing late is required)."""
    try:
        data = model(
            AppealCreate,
            decision_id=decision_id,
            filed_on=_date(form.filed_on, "filed_on"),
            grounds=form.grounds,
            late_reason=form.late_reason or None,
        )
        appeal = file_appeal(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, set(FileForm.model_fields))
        return _new(request, uow, actor, decision_id, form, errors=errors, status_code=422)
    pages.flash(request, N_("The appeal is filed."), "success")
    return pages.redirect(request, f"/staff/appeals/{appeal.id}")


@router.get("/appeals/{appeal_id:uuid}")
def view(request: Request, uow: UowDep, actor: StaffActor, appeal_id: uuid.UUID) -> HTMLResponse:
    """The appeal, with the hearing and outcome forms while it is open."""
    return _view(request, uow, actor, appeal_id)


@router.post("/appeals/{appeal_id:uuid}/hearing")
def hearing(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    appeal_id: uuid.UUID,
    form: Annotated[HearingForm, Form()],
) -> Response:
    """Schedule or move the hearing."""
    try:
        panel = [line.strip() for line in form.panel.splitlines() if line.strip()]
        data = model(
            HearingSchedule,
            version=_version(form.version),
            hearing_on=_date(form.hearing_on, "hearing_on"),
            panel=panel,
            location=form.location or None,
        )
        schedule_hearing(uow, actor=actor, appeal_id=appeal_id, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, {"hearing_on", "panel", "location"})
        return _view(request, uow, actor, appeal_id, form.model_dump(), errors, status_code=422)
    pages.flash(request, N_("The hearing is scheduled."), "success")
    return pages.redirect(request, f"/staff/appeals/{appeal_id}")


@router.post("/appeals/{appeal_id:uuid}/outcome")
def outcome(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    appeal_id: uuid.UUID,
    form: Annotated[OutcomeForm, Form()],
) -> Response:
    """Record the panel's outcome; varied or overturned makes the new decision."""
    try:
        data = model(
            AppealDecide,
            version=_version(form.version),
            outcome=form.outcome,
            reason=form.reason,
            decided_on=_date(form.decided_on, "decided_on"),
            result=_result(form),
        )
        done = record_outcome(uow, actor=actor, appeal_id=appeal_id, data=data)
    except InvalidInput as err:
        known = {"outcome", "reason", "decided_on", "result_outcome", "monthly_amount", "effective_from"}
        field = "result_outcome" if err.field == "result.outcome" else err.field.removeprefix("result.")
        errors = form_errors(request, InvalidInput(field, err.problem), known)
        return _view(request, uow, actor, appeal_id, form.model_dump(), errors, status_code=422)
    pages.flash(request, N_("The outcome is recorded."), "success")
    if done.decision is not None:
        return pages.redirect(request, f"/staff/decisions/{done.decision.id}")
    return pages.redirect(request, f"/staff/appeals/{appeal_id}")


def _new(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    did: uuid.UUID,
    form: FileForm,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    decision = get_decision(uow, actor=actor, decision_id=did)
    context = {
        "decision": decision,
        "values": form.model_dump(),
        "errors": errors or {},
        "log_person": decision.applicant_id,
        "page_url": f"/staff/decisions/{did}/appeals/new",
    }
    return pages.render(request, "staff/appeals/new.html", context, status_code=status_code)


def _view(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    aid: uuid.UUID,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    appeal = get_appeal(uow, actor=actor, appeal_id=aid)
    context = {
        "appeal": appeal,
        "values": values or {},
        "errors": errors or {},
        "outcomes": [(k, pages.gettext(request, v)) for k, v in OUTCOMES.items()],
        "appeal_statuses": {k: pages.gettext(request, v) for k, v in APPEAL_STATUSES.items()},
        "log_person": appeal.person_id,
        "page_url": f"/staff/appeals/{aid}",
    }
    return pages.render(request, "staff/appeals/view.html", context, status_code=status_code)
