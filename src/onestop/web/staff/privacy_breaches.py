"""Privacy breach pages (issue 20, part 5): the list with the report form (opened from a letter that went
astray, the form comes filled in), and a breach's page: assess it, write to the person and the
commissioner, follow it up and close it. Included by ``privacy.router``.

A refused step (a field missing, a close with steps still open) comes back as the page with the
message beside its form: 422 for bad input, 409 for a step the breach's state does not allow.
"""

from __future__ import annotations

import functools
import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop import privacy
from onestop.access import Permission
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.privacy import schedules
from onestop.web import pages
from onestop.web.deps import ContainerDep, UowDep
from onestop.web.downloads import download_headers
from onestop.web.staff import forms
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

KINDS = {
    "misdirected_letter": N_("Letter to the wrong person or address"),
    "unauthorised_access": N_("File opened without a reason"),
    "lost_record": N_("Papers or a device lost or stolen"),
    "other": N_("Other"),
}
STATES = {
    "reported": N_("Reported, not yet assessed"),
    "assessed": N_("Assessed"),
    "notified": N_("Person and commissioner told"),
    "closed": N_("Closed"),
}
LEVELS = {"low": N_("Low"), "medium": N_("Medium"), "high": N_("High")}
CONTAINMENT = {
    "contained": N_("Contained (returned or destroyed, confirmed)"),
    "partial": N_("Partly contained"),
    "not_contained": N_("Not contained"),
}
_ASSESS = (
    "information",
    "sensitivity",
    "people_affected",
    "likelihood",
    "containment",
    "containment_steps",
    "harm",
)


class ReportForm(forms.PageForm):
    kind: str = ""
    jurisdiction: str = ""
    discovered_on: str = ""
    description: str = ""
    person_id: str = ""
    notice_id: str = ""


def labels(request: Request) -> dict[str, dict[str, str]]:
    """The breach words, translated for this request."""
    return {
        "kinds": {k: pages.gettext(request, v) for k, v in KINDS.items()},
        "states": {k: pages.gettext(request, v) for k, v in STATES.items()},
        "levels": {k: pages.gettext(request, v) for k, v in LEVELS.items()},
        "containment": {k: pages.gettext(request, v) for k, v in CONTAINMENT.items()},
    }


@router.get("/privacy/breaches")
def breaches_page(page: Page, notice: str = "", person: str = "") -> HTMLResponse:
    """Open breaches and the report form (``?notice=ID`` from a letter fills it in)."""
    form = ReportForm(kind="misdirected_letter" if notice else "", notice_id=notice, person_id=person)
    return _list_page(page, forms.Shown(form.model_dump(include={"kind", "notice_id", "person_id"})))


@router.post("/privacy/breaches")
def report(page: Page, form: forms.Posted[ReportForm]) -> Response:
    """Record a suspected breach."""

    def act() -> privacy.BreachPublic:
        data = forms.model(
            privacy.BreachCreate,
            kind=form.kind,
            jurisdiction=form.jurisdiction,
            discovered_on=form.discovered_on or None,
            description=form.description,
            person_id=forms.optional_uuid(form.person_id, "person_id"),
            notice_id=forms.optional_uuid(form.notice_id, "notice_id"),
        )
        return privacy.report_breach(page.uow, actor=page.actor, data=data)

    def done(found: privacy.BreachPublic) -> Response:
        message = N_("The breach is recorded. The privacy office will assess it.")
        return page.to(f"/staff/privacy/breaches/{found.id}", message)

    return page.submit(form, act, done, functools.partial(_list_page, page))


@router.get("/privacy/breaches/{breach_id:uuid}")
def breach_page(page: Page, breach_id: uuid.UUID) -> HTMLResponse:
    """One breach and its next step."""
    return _breach_page(page, breach_id)


@router.post("/privacy/breaches/{breach_id:uuid}/assessment")
def assess(
    page: Page,
    breach_id: uuid.UUID,
    information: Annotated[str, Form()] = "",
    sensitivity: Annotated[str, Form()] = "",
    people_affected: Annotated[str, Form()] = "",
    likelihood: Annotated[str, Form()] = "",
    containment: Annotated[str, Form()] = "",
    containment_steps: Annotated[str, Form()] = "",
    harm: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
) -> Response:
    """Assess (or assess again) with the commissioners' factors."""
    values = (information, sensitivity, people_affected, likelihood, containment, containment_steps, harm)
    form = dict(zip(_ASSESS, values, strict=True))
    try:
        data = forms.model(privacy.BreachAssessmentIn, **{k: v or None for k, v in form.items()})
        privacy.assess_breach(
            page.uow, actor=page.actor, breach_id=breach_id, data=data, version=forms.version(version)
        )
    except (InvalidInput, InvalidTransition) as err:
        return _refused(page, breach_id, err, "assessment", set(_ASSESS), form)
    page.flash(N_("The assessment is recorded."), "success")
    return page.redirect(f"/staff/privacy/breaches/{breach_id}")


@router.post("/privacy/breaches/{breach_id:uuid}/notify")
def notify(
    page: Page, container: ContainerDep, breach_id: uuid.UUID, version: Annotated[str, Form()] = ""
) -> Response:
    """Write to the person and the commissioner."""
    try:
        privacy.notify_breach(
            page.uow,
            actor=page.actor,
            storage=container.storage,
            breach_id=breach_id,
            version=forms.version(version),
        )
    except (InvalidInput, InvalidTransition) as err:
        return _refused(page, breach_id, err, "notify", set(), {})
    page.flash(N_("The letters are written. The person's letter goes with the next sending."), "success")
    return page.redirect(f"/staff/privacy/breaches/{breach_id}")


@router.get("/privacy/breaches/{breach_id:uuid}/office-letter.pdf")
def office_letter(uow: UowDep, actor: StaffActor, container: ContainerDep, breach_id: uuid.UUID) -> Response:
    """The report to the commissioner, as PDF."""
    data = privacy.office_letter(uow, actor=actor, storage=container.storage, breach_id=breach_id)
    return Response(data, media_type="application/pdf", headers=download_headers("breach-report.pdf"))


@router.post("/privacy/breaches/{breach_id:uuid}/actions")
def add_step(
    page: Page, breach_id: uuid.UUID, what: Annotated[str, Form()] = "", due_on: Annotated[str, Form()] = ""
) -> Response:
    """Add a follow-up step."""
    form = {"what": what, "due_on": due_on}
    try:
        data = forms.model(privacy.BreachActionIn, what=what, due_on=due_on or None)
        privacy.add_action(page.uow, actor=page.actor, breach_id=breach_id, data=data)
    except (InvalidInput, InvalidTransition) as err:
        return _refused(page, breach_id, err, "what", {"what", "due_on"}, form)
    page.flash(N_("The follow-up step is added."), "success")
    return page.redirect(f"/staff/privacy/breaches/{breach_id}")


@router.post("/privacy/breach-actions/{action_id:uuid}/done")
def step_done(page: Page, action_id: uuid.UUID, note: Annotated[str, Form()] = "") -> Response:
    """Mark a follow-up step done."""
    found = privacy.complete_action(
        page.uow, actor=page.actor, action_id=action_id, data=forms.model(privacy.BreachActionDone, note=note)
    )
    page.flash(N_("The step is done."), "success")
    return page.redirect(f"/staff/privacy/breaches/{found.id}")


@router.post("/privacy/breaches/{breach_id:uuid}/close")
def close(
    page: Page,
    breach_id: uuid.UUID,
    outcome: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
) -> Response:
    """Close the breach with its outcome."""
    try:
        data = forms.model(privacy.BreachCloseIn, outcome=outcome)
        privacy.close_breach(
            page.uow, actor=page.actor, breach_id=breach_id, data=data, version=forms.version(version)
        )
    except (InvalidInput, InvalidTransition) as err:
        return _refused(page, breach_id, err, "outcome", {"outcome"}, {"outcome": outcome})
    page.flash(N_("The breach is closed."), "success")
    return page.redirect(f"/staff/privacy/breaches/{breach_id}")


def _refused(
    page: StaffPage,
    breach_id: uuid.UUID,
    err: InvalidInput | InvalidTransition,
    box: str,
    fields: set[str],
    form: dict[str, str],
) -> HTMLResponse:
    """The page again with the problem beside the form it came from."""
    if isinstance(err, InvalidInput):
        errors, status = forms.form_errors(page.request, err, fields or {box}), 422
    else:
        errors, status = {box: err.message}, 409
    return _breach_page(page, breach_id, forms.Shown(form, errors, status))


def _list_page(page: StaffPage, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "breaches": privacy.list_breaches(page.uow, actor=page.actor),
        "closed": privacy.list_breaches(page.uow, actor=page.actor, closed=True, limit=20),
        "breach_labels": labels(page.request),
        "jurisdictions": [(j, j) for j in sorted(schedules().commissioners)],
        "today": page.uow.clock.today().isoformat(),
        "page_url": "/staff/privacy/breaches",
    }
    return page.show("staff/privacy/breaches.html", context, shown)


def _breach_page(page: StaffPage, breach_id: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    found = privacy.get_breach(page.uow, actor=page.actor, breach_id=breach_id)
    context = {
        "b": found,
        "breach_labels": labels(page.request),
        "can_work": page.actor.can(Permission.PRIVACY_BREACH),
        "today": page.uow.clock.today().isoformat(),
        "page_url": f"/staff/privacy/breaches/{breach_id}",
    }
    if found.person_id is not None:
        context["log_person"] = found.person_id
    return page.show("staff/privacy/breach.html", context, shown)
