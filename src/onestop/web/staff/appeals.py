"""Appeals from the decision page: file one, schedule (or move) the hearing, record the panel's outcome.

Each post is one appeals service call; bad input re-renders the form with the error beside its box and
what was typed (422), a stale version answers 409 ("someone else changed this").
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.cases.appeals import (
    AppealCreate,
    AppealDecide,
    AppealOutcome,
    AppealOutcomePublic,
    AppealPublic,
    AppealResult,
    HearingSchedule,
    file_appeal,
    get_appeal,
    record_outcome,
    schedule_hearing,
)
from onestop.cases.decisions import get_decision
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web.deps import UowDep
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import (
    BLANK,
    PageForm,
    Posted,
    Shown,
    form_date,
    model,
    option_labels,
    show,
    submit,
    then,
    to,
    version,
)

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


def _result(form: OutcomeForm) -> AppealResult | None:
    """The decision the panel set (varied or overturned), when the form gives one."""
    if not (form.result_outcome or form.monthly_amount or form.effective_from):
        return None
    try:
        return model(
            AppealResult,
            outcome=form.result_outcome or None,
            monthly_amount=form.monthly_amount or None,
            effective_from=form_date(form.effective_from, "effective_from"),
        )
    except InvalidInput as err:
        raise InvalidInput("result_outcome" if err.field == "outcome" else err.field, err.problem) from None


@router.get("/decisions/{decision_id:uuid}/appeals/new")
def new(request: Request, uow: UowDep, actor: StaffActor, decision_id: uuid.UUID) -> HTMLResponse:
    """The filing form (today's date by default)."""
    today = request.app.state.container.clock.today().isoformat()
    return _new(request, uow, actor, decision_id, Shown(FileForm(filed_on=today).model_dump()))


@router.post("/decisions/{decision_id:uuid}/appeals")
def file(
    request: Request, uow: UowDep, actor: StaffActor, decision_id: uuid.UUID, form: Posted[FileForm]
) -> Response:
    """File the appeal (past the deadline, the reason for filing late is required)."""

    def act() -> AppealPublic:
        data = model(
            AppealCreate,
            decision_id=decision_id,
            filed_on=form_date(form.filed_on, "filed_on"),
            grounds=form.grounds,
            late_reason=form.late_reason or None,
        )
        return file_appeal(uow, actor=actor, data=data)

    def done(appeal: AppealPublic) -> Response:
        return to(request, f"/staff/appeals/{appeal.id}", N_("The appeal is filed."))

    return submit(request, form, act, done, functools.partial(_new, request, uow, actor, decision_id))


@router.get("/appeals/{appeal_id:uuid}")
def view(request: Request, uow: UowDep, actor: StaffActor, appeal_id: uuid.UUID) -> HTMLResponse:
    """The appeal, with the hearing and outcome forms while it is open."""
    return _view(request, uow, actor, appeal_id)


@router.post("/appeals/{appeal_id:uuid}/hearing")
def hearing(
    request: Request, uow: UowDep, actor: StaffActor, appeal_id: uuid.UUID, form: Posted[HearingForm]
) -> Response:
    """Schedule or move the hearing."""

    def act() -> object:
        panel = [line.strip() for line in form.panel.splitlines() if line.strip()]
        data = model(
            HearingSchedule,
            version=version(form.version),
            hearing_on=form_date(form.hearing_on, "hearing_on"),
            panel=panel,
            location=form.location or None,
        )
        return schedule_hearing(uow, actor=actor, appeal_id=appeal_id, data=data)

    done = then(request, f"/staff/appeals/{appeal_id}", N_("The hearing is scheduled."))
    return submit(request, form, act, done, functools.partial(_view, request, uow, actor, appeal_id))


@router.post("/appeals/{appeal_id:uuid}/outcome")
def outcome(
    request: Request, uow: UowDep, actor: StaffActor, appeal_id: uuid.UUID, form: Posted[OutcomeForm]
) -> Response:
    """Record the panel's outcome; varied or overturned makes the new decision."""

    def act() -> AppealOutcomePublic:
        data = model(
            AppealDecide,
            version=version(form.version),
            outcome=form.outcome,
            reason=form.reason,
            decided_on=form_date(form.decided_on, "decided_on"),
            result=_result(form),
        )
        return record_outcome(uow, actor=actor, appeal_id=appeal_id, data=data)

    def done(decided: AppealOutcomePublic) -> Response:
        path = (
            f"/staff/decisions/{decided.decision.id}" if decided.decision else f"/staff/appeals/{appeal_id}"
        )
        return to(request, path, N_("The outcome is recorded."))

    def box(field: str) -> str:
        return "result_outcome" if field == "result.outcome" else field.removeprefix("result.")

    again = functools.partial(_view, request, uow, actor, appeal_id)
    return submit(request, form, act, done, again, boxes=box)


def _new(
    request: Request, uow: UnitOfWork, actor: Actor, did: uuid.UUID, shown: Shown = BLANK
) -> HTMLResponse:
    decision = get_decision(uow, actor=actor, decision_id=did)
    context = {
        "decision": decision,
        "log_person": decision.applicant_id,
        "page_url": f"/staff/decisions/{did}/appeals/new",
    }
    return show(request, "staff/appeals/new.html", context, shown)


def _view(
    request: Request, uow: UnitOfWork, actor: Actor, aid: uuid.UUID, shown: Shown = BLANK
) -> HTMLResponse:
    appeal = get_appeal(uow, actor=actor, appeal_id=aid)
    context = {
        "appeal": appeal,
        "outcomes": option_labels(request, OUTCOMES),
        "appeal_statuses": labels.translated(request, APPEAL_STATUSES),
        "log_person": appeal.person_id,
        "page_url": f"/staff/appeals/{aid}",
    }
    return show(request, "staff/appeals/view.html", context, shown)
