"""Clients in training on staff pages: the terms waiting for the officer's finding with the form to
record a training, and one training's page (attendance each term, the missed-attendance finding:
confirm it as a change in circumstances, or excuse it).

Each post is one partners service call; bad input re-renders the page with the error beside its box
and what was typed (422); a finding already made says why (409).
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter, HTTPException
from starlette.responses import HTMLResponse, Response

from onestop import partners
from onestop.common.errors import InvalidTransition
from onestop.common.i18n import N_
from onestop.web.staff import forms
from onestop.web.staff.page import Page, StaffPage

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
def training_list(page: Page) -> HTMLResponse:
    """Terms whose missed attendance waits for a finding, and the form to record a training."""
    return _list(page, forms.Shown({"kind": "post_secondary"}))


@router.post("/training")
def enrol(page: Page, form: forms.Posted[TrainingForm]) -> Response:
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
        return partners.enrol(page.uow, actor=page.actor, data=data)

    def done(made: partners.TrainingPublic) -> Response:
        return page.to(f"/staff/training/{made.id}", N_("The training is recorded."))

    return page.submit(form, act, done, functools.partial(_list, page))


@router.get("/training/{training_id:uuid}")
def training_page(page: Page, training_id: uuid.UUID) -> HTMLResponse:
    """One training: what is approved, the attendance of each term, and the finding on a flagged term."""
    return _page(page, training_id, forms.Shown({"received_on": page.uow.clock.today().isoformat()}))


@router.post("/training/{training_id:uuid}/attendance")
def attendance(page: Page, training_id: uuid.UUID, form: forms.Posted[AttendanceForm]) -> Response:
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
        return partners.record_attendance(page.uow, actor=page.actor, training_id=training_id, data=data)

    def done(made: partners.TrainingPublic) -> Response:
        flagged = any(a.flagged and a.outcome is None for a in made.attendance[:1])
        message = (
            N_("The attendance is recorded. It is over the missed-attendance rule: a task is raised.")
            if flagged
            else N_("The attendance is recorded.")
        )
        return page.to(f"/staff/training/{training_id}", message)

    return page.submit(form, act, done, functools.partial(_page, page, training_id))


@router.post("/training/{training_id:uuid}/attendance/{attendance_id:uuid}/{step}")
def finding(
    page: Page,
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
            partners.confirm_missed(page.uow, actor=page.actor, attendance_id=attendance_id, data=confirm)
            return N_(
                "The missed attendance is confirmed: a change in circumstances is reported for reassessment."
            )
        excuse = forms.model(partners.AttendanceExcuse, version=version, note=form.finding_note)
        partners.excuse_missed(page.uow, actor=page.actor, attendance_id=attendance_id, data=excuse)
        return N_("The missed attendance is excused.")

    def done(message: str) -> Response:
        return page.to(f"/staff/training/{training_id}", message)

    again = functools.partial(_page, page, training_id)
    values = {"finding_of": str(attendance_id)}
    boxes = {"note": "finding_note"}
    return page.submit(form, act, done, again, boxes=boxes, values=values, refused={InvalidTransition: 409})


def _list(page: StaffPage, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "waiting": partners.flagged_terms(page.uow, actor=page.actor),
        "kind_options": page.options(TRAINING_KINDS),
    }
    return page.show("staff/partners/training_list.html", context, shown)


def _page(page: StaffPage, training_id: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "training": partners.get_training(page.uow, actor=page.actor, training_id=training_id),
        "rule": partners.attendance_rule(),
        "kinds": TRAINING_KINDS,
        "outcomes": OUTCOMES,
    }
    return page.show("staff/partners/training.html", context, shown)
