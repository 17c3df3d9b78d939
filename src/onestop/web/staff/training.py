"""Clients in training on staff pages: the terms waiting for the officer's finding with the form to
record a training, and one training's page (attendance each term, the missed-attendance finding:
confirm it as a change in circumstances, or excuse it).

Each post is one partners service call; bad input re-renders the page with the error beside its box
and what was typed (422); a finding already made says why (409).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from starlette.responses import HTMLResponse, Response

from onestop import partners
from onestop.access import Actor
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, form_errors, model, optional_uuid
from onestop.web.staff.partners import form_date, form_int, option_labels

router = APIRouter()

TRAINING_KINDS = {"post_secondary": N_("Post-secondary program"), "short_course": N_("Short course")}
OUTCOMES = {"confirmed": N_("Confirmed: change in circumstances reported"), "excused": N_("Excused")}


class TrainingForm(PageForm):
    """Recording a client's training."""

    person_id: str = ""
    kind: str = "post_secondary"
    institution: str = ""
    program_name: str = ""
    starts_on: str = ""
    ends_on: str = ""
    tuition: str = ""
    supports: str = ""
    supports_note: str = ""


class AttendanceForm(PageForm):
    """A term's attendance, or the finding on a flagged term (each form posts only its own boxes)."""

    version: str = ""
    term: str = ""
    period_start: str = ""
    period_end: str = ""
    scheduled_days: str = ""
    attended_days: str = ""
    received_on: str = ""
    note: str = ""
    finding_note: str = ""
    application_id: str = ""


@router.get("/training")
def training_list(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """Terms whose missed attendance waits for a finding, and the form to record a training."""
    return _list(request, uow, actor, {"kind": "post_secondary"})


@router.post("/training")
def enrol(
    request: Request, uow: UowDep, actor: StaffActor, form: Annotated[TrainingForm, Form()]
) -> Response:
    """Record a client's training."""
    try:
        data = model(
            partners.TrainingCreate,
            person_id=optional_uuid(form.person_id, "person_id"),
            kind=form.kind,
            institution=form.institution,
            program_name=form.program_name,
            starts_on=form_date(form.starts_on, "starts_on"),
            ends_on=form_date(form.ends_on, "ends_on"),
            tuition=form.tuition or None,
            supports=form.supports or "0",
            supports_note=form.supports_note or None,
        )
        made = partners.enrol(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, set(TrainingForm.model_fields))
        return _list(request, uow, actor, form.model_dump(), errors, status_code=422)
    pages.flash(request, N_("The training is recorded."), "success")
    return pages.redirect(request, f"/staff/training/{made.id}")


@router.get("/training/{training_id:uuid}")
def training_page(request: Request, uow: UowDep, actor: StaffActor, training_id: uuid.UUID) -> HTMLResponse:
    """One training: what is approved, the attendance of each term, and the finding on a flagged term."""
    return _page(request, uow, actor, training_id, {"received_on": uow.clock.today().isoformat()})


@router.post("/training/{training_id:uuid}/attendance")
def attendance(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    training_id: uuid.UUID,
    form: Annotated[AttendanceForm, Form()],
) -> Response:
    """Record a term's attendance; missed beyond the rule raises a task for the officer."""
    try:
        data = model(
            partners.AttendanceCreate,
            term=form.term,
            period_start=form_date(form.period_start, "period_start"),
            period_end=form_date(form.period_end, "period_end"),
            scheduled_days=form_int(form.scheduled_days, "scheduled_days"),
            attended_days=form_int(form.attended_days, "attended_days"),
            received_on=form_date(form.received_on, "received_on"),
            note=form.note or None,
        )
        made = partners.record_attendance(uow, actor=actor, training_id=training_id, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, set(AttendanceForm.model_fields))
        return _page(request, uow, actor, training_id, form.model_dump(), errors, status_code=422)
    flagged = any(a.flagged and a.outcome is None for a in made.attendance[:1])
    message = (
        N_("The attendance is recorded. It is over the missed-attendance rule: a task is raised.")
        if flagged
        else N_("The attendance is recorded.")
    )
    pages.flash(request, message, "success")
    return pages.redirect(request, f"/staff/training/{training_id}")


@router.post("/training/{training_id:uuid}/attendance/{attendance_id:uuid}/{step}")
def finding(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    training_id: uuid.UUID,
    attendance_id: uuid.UUID,
    step: str,
    form: Annotated[AttendanceForm, Form()],
) -> Response:
    """Confirm a flagged term's missed attendance (a change in circumstances), or excuse it."""
    if step not in ("confirm", "excuse"):
        raise HTTPException(status_code=404)
    values = form.model_dump() | {"finding_of": str(attendance_id)}
    try:
        version = form_int(form.version, "version")
        if step == "confirm":
            confirm = model(
                partners.AttendanceConfirm,
                version=version,
                application_id=optional_uuid(form.application_id, "application_id"),
                note=form.finding_note,
            )
            partners.confirm_missed(uow, actor=actor, attendance_id=attendance_id, data=confirm)
            message = N_(
                "The missed attendance is confirmed: a change in circumstances is reported for reassessment."
            )
        else:
            excuse = model(partners.AttendanceExcuse, version=version, note=form.finding_note)
            partners.excuse_missed(uow, actor=actor, attendance_id=attendance_id, data=excuse)
            message = N_("The missed attendance is excused.")
    except InvalidInput as err:
        field = "finding_note" if err.field == "note" else err.field
        errors = form_errors(request, InvalidInput(field, err.problem), set(AttendanceForm.model_fields))
        return _page(request, uow, actor, training_id, values, errors, status_code=422)
    except InvalidTransition as err:
        errors = {"form": pages.gettext(request, str(err))}
        return _page(request, uow, actor, training_id, values, errors, status_code=409)
    pages.flash(request, message, "success")
    return pages.redirect(request, f"/staff/training/{training_id}")


def _list(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "waiting": partners.flagged_terms(uow, actor=actor),
        "values": values,
        "errors": errors or {},
        "kind_options": option_labels(request, TRAINING_KINDS),
    }
    return pages.render(request, "staff/partners/training_list.html", context, status_code=status_code)


def _page(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    training_id: uuid.UUID,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "training": partners.get_training(uow, actor=actor, training_id=training_id),
        "rule": partners.attendance_rule(),
        "values": values,
        "errors": errors or {},
        "kinds": TRAINING_KINDS,
        "outcomes": OUTCOMES,
    }
    return pages.render(request, "staff/partners/training.html", context, status_code=status_code)
