"""Appeals from the decision page: file one, schedule (or move) the hearing, record the panel's outcome.

Each post is one appeals service call; bad input re-renders the form with the error beside its box and
what was typed (422), a stale version answers 409 ("someone else changed this").
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

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
from onestop.web.staff import labels
from onestop.web.staff.forms import (
    BLANK,
    PageForm,
    Posted,
    Shown,
    form_date,
    model,
    version,
)
from onestop.web.staff.page import Page, StaffPage

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
def new(page: Page, decision_id: uuid.UUID) -> HTMLResponse:
    """The filing form (today's date by default)."""
    today = page.request.app.state.container.clock.today().isoformat()
    return _new(page, decision_id, Shown(FileForm(filed_on=today).model_dump()))


@router.post("/decisions/{decision_id:uuid}/appeals")
def file(page: Page, decision_id: uuid.UUID, form: Posted[FileForm]) -> Response:
    """File the appeal (past the deadline, the reason for filing late is required)."""

    def act() -> AppealPublic:
        data = model(
            AppealCreate,
            decision_id=decision_id,
            filed_on=form_date(form.filed_on, "filed_on"),
            grounds=form.grounds,
            late_reason=form.late_reason or None,
        )
        return file_appeal(page.uow, actor=page.actor, data=data)

    def done(appeal: AppealPublic) -> Response:
        return page.to(f"/staff/appeals/{appeal.id}", N_("The appeal is filed."))

    return page.submit(form, act, done, functools.partial(_new, page, decision_id))


@router.get("/appeals/{appeal_id:uuid}")
def view(page: Page, appeal_id: uuid.UUID) -> HTMLResponse:
    """The appeal, with the hearing and outcome forms while it is open."""
    return _view(page, appeal_id)


@router.post("/appeals/{appeal_id:uuid}/hearing")
def hearing(page: Page, appeal_id: uuid.UUID, form: Posted[HearingForm]) -> Response:
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
        return schedule_hearing(page.uow, actor=page.actor, appeal_id=appeal_id, data=data)

    done = page.then(f"/staff/appeals/{appeal_id}", N_("The hearing is scheduled."))
    return page.submit(form, act, done, functools.partial(_view, page, appeal_id))


@router.post("/appeals/{appeal_id:uuid}/outcome")
def outcome(page: Page, appeal_id: uuid.UUID, form: Posted[OutcomeForm]) -> Response:
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
        return record_outcome(page.uow, actor=page.actor, appeal_id=appeal_id, data=data)

    def done(decided: AppealOutcomePublic) -> Response:
        path = (
            f"/staff/decisions/{decided.decision.id}" if decided.decision else f"/staff/appeals/{appeal_id}"
        )
        return page.to(path, N_("The outcome is recorded."))

    def box(field: str) -> str:
        return "result_outcome" if field == "result.outcome" else field.removeprefix("result.")

    again = functools.partial(_view, page, appeal_id)
    return page.submit(form, act, done, again, boxes=box)


def _new(page: StaffPage, did: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    decision = get_decision(page.uow, actor=page.actor, decision_id=did)
    context = {
        "decision": decision,
        "log_person": decision.applicant_id,
        "page_url": f"/staff/decisions/{did}/appeals/new",
    }
    return page.show("staff/appeals/new.html", context, shown)


def _view(page: StaffPage, aid: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    appeal = get_appeal(page.uow, actor=page.actor, appeal_id=aid)
    context = {
        "appeal": appeal,
        "outcomes": page.options(OUTCOMES),
        "appeal_statuses": labels.translated(page.request, APPEAL_STATUSES),
        "log_person": appeal.person_id,
        "page_url": f"/staff/appeals/{aid}",
    }
    return page.show("staff/appeals/view.html", context, shown)
