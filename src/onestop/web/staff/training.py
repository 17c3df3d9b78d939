"""Clients in training on staff pages: the terms waiting for the officer's finding with the form to
record a training, and one training's page (attendance each term, the missed-attendance finding:
confirm it as a change in circumstances, or excuse it).

Each post is one partners service call; bad input re-renders the page with the error beside its box
and what was typed (422); a finding already made says why (409).
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import HTMLResponse, Response

from onestop import partners
from onestop.access import Actor
from onestop.common.errors import InvalidTransition
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web.deps import UowDep
from onestop.web.staff import forms
from onestop.web.staff.deps import StaffActor

router = APIRouter()

TRAINING_KINDS = {"post_secondary": N_("Post-secondary program"), "short_course": N_("Short course")}
OUTCOMES = {"confirmed": N_("Confirmed: change in circumstances reported"), "excused": N_("Excused")}


class TrainingForm(forms.PageForm):
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


class AttendanceForm(forms.PageForm):
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
    return _list(request, uow, actor, forms.Shown({"kind": "post_secondary"}))


@router.post("/training")
def enrol(request: Request, uow: UowDep, actor: StaffActor, form: forms.Posted[TrainingForm]) -> Response:
    """Record a client's training."""

    def act() -> partners.TrainingPublic:
        data = forms.model(
            partners.TrainingCreate,
            person_id=forms.optional_uuid(form.person_id, "person_id"),
            kind=form.kind,
            institution=form.institution,
            program_name=form.program_name,
            starts_on=forms.form_date(form.starts_on, "starts_on"),
            ends_on=forms.form_date(form.ends_on, "ends_on"),
            tuition=form.tuition or None,
            supports=form.supports or "0",
            supports_note=form.supports_note or None,
        )
        return partners.enrol(uow, actor=actor, data=data)

    def done(made: partners.TrainingPublic) -> Response:
        return forms.to(request, f"/staff/training/{made.id}", N_("The training is recorded."))

    return forms.submit(request, form, act, done, functools.partial(_list, request, uow, actor))


@router.get("/training/{training_id:uuid}")
def training_page(request: Request, uow: UowDep, actor: StaffActor, training_id: uuid.UUID) -> HTMLResponse:
    """One training: what is approved, the attendance of each term, and the finding on a flagged term."""
    return _page(
        request, uow, actor, training_id, forms.Shown({"received_on": uow.clock.today().isoformat()})
    )


@router.post("/training/{training_id:uuid}/attendance")
def attendance(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    training_id: uuid.UUID,
    form: forms.Posted[AttendanceForm],
) -> Response:
    """Record a term's attendance; missed beyond the rule raises a task for the officer."""

    def act() -> partners.TrainingPublic:
        data = forms.model(
            partners.AttendanceCreate,
            term=form.term,
            period_start=forms.form_date(form.period_start, "period_start"),
            period_end=forms.form_date(form.period_end, "period_end"),
            scheduled_days=forms.form_int(form.scheduled_days, "scheduled_days"),
            attended_days=forms.form_int(form.attended_days, "attended_days"),
            received_on=forms.form_date(form.received_on, "received_on"),
            note=form.note or None,
        )
        return partners.record_attendance(uow, actor=actor, training_id=training_id, data=data)

    def done(made: partners.TrainingPublic) -> Response:
        flagged = any(a.flagged and a.outcome is None for a in made.attendance[:1])
        message = (
            N_("The attendance is recorded. It is over the missed-attendance rule: a task is raised.")
            if flagged
            else N_("The attendance is recorded.")
        )
        return forms.to(request, f"/staff/training/{training_id}", message)

    return forms.submit(request, form, act, done, functools.partial(_page, request, uow, actor, training_id))


@router.post("/training/{training_id:uuid}/attendance/{attendance_id:uuid}/{step}")
def finding(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    training_id: uuid.UUID,
    attendance_id: uuid.UUID,
    step: str,
    form: forms.Posted[AttendanceForm],
) -> Response:
    """Confirm a flagged term's missed attendance (a change in circumstances), or excuse it."""
    if step not in ("confirm", "excuse"):
        raise HTTPException(status_code=404)

    def act() -> str:
        version = forms.form_int(form.version, "version")
        if step == "confirm":
            confirm = forms.model(
                partners.AttendanceConfirm,
                version=version,
                application_id=forms.optional_uuid(form.application_id, "application_id"),
                note=form.finding_note,
            )
            partners.confirm_missed(uow, actor=actor, attendance_id=attendance_id, data=confirm)
            return N_(
                "The missed attendance is confirmed: a change in circumstances is reported for reassessment."
            )
        excuse = forms.model(partners.AttendanceExcuse, version=version, note=form.finding_note)
        partners.excuse_missed(uow, actor=actor, attendance_id=attendance_id, data=excuse)
        return N_("The missed attendance is excused.")

    def done(message: str) -> Response:
        return forms.to(request, f"/staff/training/{training_id}", message)

    again = functools.partial(_page, request, uow, actor, training_id)
    values = {"finding_of": str(attendance_id)}
    boxes = {"note": "finding_note"}
    return forms.submit(
        request, form, act, done, again, boxes=boxes, values=values, refused={InvalidTransition: 409}
    )


def _list(request: Request, uow: UnitOfWork, actor: Actor, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "waiting": partners.flagged_terms(uow, actor=actor),
        "kind_options": forms.option_labels(request, TRAINING_KINDS),
    }
    return forms.show(request, "staff/partners/training_list.html", context, shown)


def _page(
    request: Request, uow: UnitOfWork, actor: Actor, training_id: uuid.UUID, shown: forms.Shown = forms.BLANK
) -> HTMLResponse:
    context = {
        "training": partners.get_training(uow, actor=actor, training_id=training_id),
        "rule": partners.attendance_rule(),
        "kinds": TRAINING_KINDS,
        "outcomes": OUTCOMES,
    }
    return forms.show(request, "staff/partners/training.html", context, shown)
