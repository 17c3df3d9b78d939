"""Privacy office pages (issue 20): open requests with their deadlines, a person's request form, a
request page (assemble, redact, approve, release; decide a correction, attach a statement), legal holds
and the purge's dry run."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop import privacy
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.privacy import domain, schedules
from onestop.privacy.domain import SECTIONS, RedactionReason
from onestop.registry import get_person
from onestop.web import pages
from onestop.web.deps import ContainerDep, UowDep
from onestop.web.downloads import download_headers
from onestop.web.staff import privacy_breaches
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import (
    BLANK,
    PageForm,
    Posted,
    Shown,
    model,
    optional_uuid,
)
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()
router.include_router(privacy_breaches.router)  # breaches (part 5)

KINDS = {"access": N_("Access to information"), "correction": N_("Correction")}
STATES = {
    "open": N_("Open"),
    "assembled": N_("Package assembled"),
    "approved": N_("Release approved"),
    "released": N_("Released"),
    "corrected": N_("Corrected"),
    "refused": N_("Correction refused"),
}
REASONS = {
    "other_person": N_("Another person's information"),
    "informant": N_("Identifies an informant"),
    "legal_advice": N_("Legal advice"),
    "safety": N_("Could threaten someone's safety"),
}
BASES = {
    "consent": N_("with the person's consent"),
    "statute": N_("required by law"),
    "court_order": N_("court order"),
}


class RequestForm(PageForm):
    kind: str = "access"
    jurisdiction: str = ""
    received_on: str = ""
    details: str = ""
    representative: str = ""
    representative_authority: str = ""


class DisclosureForm(PageForm):
    recipient: str = ""
    what: str = ""
    basis: str = ""
    authority: str = ""
    consent_id: str = ""
    disclosed_on: str = ""


class ExtensionForm(PageForm):
    extension_days: str = ""
    extension_reason: str = ""


class RedactionForm(PageForm):
    section: str = ""
    index: str = ""
    reason: str = ""
    note: str = ""


class DecisionForm(PageForm):
    outcome: str = ""
    reason: str = ""
    correction_made: str = ""
    disagreement: str = ""


class StatementForm(PageForm):
    statement: str = ""


def labels(request: Request) -> dict[str, dict[str, str]]:
    """The privacy words, translated for this request."""
    return {
        "kinds": {k: pages.gettext(request, v) for k, v in KINDS.items()},
        "states": {k: pages.gettext(request, v) for k, v in STATES.items()},
        "reasons": {k: pages.gettext(request, v) for k, v in REASONS.items()},
        "bases": {k: pages.gettext(request, v) for k, v in BASES.items()},
    }


def person_page_context(request: Request) -> dict[str, Any]:
    """The privacy words for the person page's requests section."""
    if not request.url.path.startswith("/staff/people/"):
        return {}
    return {"privacy_labels": labels(request)}


@router.get("/privacy")
def requests_page(page: Page) -> HTMLResponse:
    """Open requests, the nearest deadline first, overdue ones marked."""
    context = {
        "requests": privacy.list_requests(page.uow, actor=page.actor),
        "answered": privacy.list_requests(page.uow, actor=page.actor, answered=True, limit=20),
        "privacy_labels": labels(page.request),
        "page_url": "/staff/privacy",
    }
    return page.render("staff/privacy/requests.html", context)


@router.get("/people/{person_id:uuid}/privacy")
def person_form(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """Log a request for this person."""
    return _person_page(page, person_id)


@router.post("/people/{person_id:uuid}/privacy")
def log(page: Page, person_id: uuid.UUID, form: Posted[RequestForm]) -> Response:
    """Log the request; it opens a task due by the deadline."""

    def act() -> privacy.RequestPublic:
        data = model(
            privacy.RequestCreate,
            person_id=person_id,
            kind=form.kind,
            jurisdiction=form.jurisdiction,
            received_on=form.received_on or None,
            details=form.details,
            representative=form.representative or None,
            representative_authority=form.representative_authority or None,
        )
        return privacy.log_request(page.uow, actor=page.actor, data=data)

    def done(found: privacy.RequestPublic) -> Response:
        return page.to(f"/staff/privacy/requests/{found.id}", N_("The request is logged."))

    return page.submit(form, act, done, functools.partial(_person_page, page, person_id))


@router.post("/people/{person_id:uuid}/disclosures")
def disclose(page: Page, person_id: uuid.UUID, form: Posted[DisclosureForm]) -> Response:
    """Log a disclosure outside the department (refused without an authority or a consent in force)."""

    def act() -> object:
        data = model(
            privacy.DisclosureIn,
            person_id=person_id,
            recipient=form.recipient,
            what=form.what,
            basis=form.basis,
            authority=form.authority or None,
            consent_id=optional_uuid(form.consent_id, "consent_id"),
            disclosed_on=form.disclosed_on or None,
        )
        return privacy.record_disclosure(page.uow, actor=page.actor, data=data)

    done = page.then(f"/staff/people/{person_id}/privacy", N_("The disclosure is logged."))
    return page.submit(form, act, done, functools.partial(_person_page, page, person_id))


@router.get("/privacy/requests/{request_id:uuid}")
def request_page(page: Page, request_id: uuid.UUID) -> HTMLResponse:
    """One request and what can be done with it next."""
    return _request_page(page, request_id)


@router.post("/privacy/requests/{request_id:uuid}/extend")
def extend(page: Page, request_id: uuid.UUID, form: Posted[ExtensionForm]) -> Response:
    """The one extension the jurisdiction allows, with the reason the person is told."""

    def act() -> object:
        if not form.extension_days.isdigit():
            raise InvalidInput("days", "give a number of days")
        data = model(privacy.ExtensionIn, days=int(form.extension_days), reason=form.extension_reason)
        return privacy.extend_deadline(page.uow, actor=page.actor, request_id=request_id, data=data)

    again = functools.partial(_request_page, page, request_id)
    done = page.then(f"/staff/privacy/requests/{request_id}", N_("The deadline is extended."))
    try:
        return page.submit(form, act, done, again, boxes=lambda field: f"extension_{field}")
    except InvalidTransition as err:  # said beside the days: the one extension is used
        return again(Shown(form.model_dump(), {"extension_days": err.message}, 409))


@router.post("/privacy/requests/{request_id:uuid}/assemble")
def assemble(page: Page, request_id: uuid.UUID) -> Response:
    """Gather everything held about the person."""
    privacy.assemble_package(page.uow, actor=page.actor, request_id=request_id)
    page.flash(N_("The package is assembled. Check it and withhold what is not the person's."), "success")
    return page.redirect(f"/staff/privacy/requests/{request_id}")


@router.post("/privacy/requests/{request_id:uuid}/redactions")
def redact(page: Page, request_id: uuid.UUID, form: Posted[RedactionForm]) -> Response:
    """Withhold a section, or one item of it (numbered from 1 on the page), with the reason."""

    def act() -> object:
        position = _position(form.index)
        data = model(
            privacy.RedactionIn, section=form.section, index=position, reason=form.reason, note=form.note
        )
        return privacy.add_redaction(page.uow, actor=page.actor, request_id=request_id, data=data)

    return _request_post(page, request_id, form, act, N_("The part is withheld."))


@router.post("/privacy/requests/{request_id:uuid}/approve")
def approve(page: Page, request_id: uuid.UUID, version: Annotated[str, Form()] = "") -> Response:
    """A supervisor approves the release."""
    privacy.approve_release(
        page.uow, actor=page.actor, request_id=request_id, version=int(version) if version.isdigit() else None
    )
    page.flash(N_("The release is approved."), "success")
    return page.redirect(f"/staff/privacy/requests/{request_id}")


@router.post("/privacy/requests/{request_id:uuid}/release")
def release(page: Page, container: ContainerDep, request_id: uuid.UUID) -> Response:
    """Release the approved package as PDF and JSON."""
    privacy.release_package(page.uow, actor=page.actor, storage=container.storage, request_id=request_id)
    page.flash(N_("The package is released."), "success")
    return page.redirect(f"/staff/privacy/requests/{request_id}")


@router.get("/privacy/requests/{request_id:uuid}/released.{fmt}")
def released(
    uow: UowDep, actor: StaffActor, container: ContainerDep, request_id: uuid.UUID, fmt: str
) -> Response:
    """The released package as sent."""
    data = privacy.released_file(uow, actor=actor, storage=container.storage, request_id=request_id, fmt=fmt)
    media = "application/pdf" if fmt == "pdf" else "application/json"
    return Response(data, media_type=media, headers=download_headers(f"access-package.{fmt}"))


@router.post("/privacy/requests/{request_id:uuid}/decision")
def decide(page: Page, request_id: uuid.UUID, form: Posted[DecisionForm]) -> Response:
    """Correct the record or refuse."""

    def act() -> object:
        data = model(
            privacy.CorrectionDecision,
            outcome=form.outcome,
            reason=form.reason,
            correction_made=form.correction_made or None,
            disagreement=form.disagreement or None,
        )
        return privacy.decide_correction(page.uow, actor=page.actor, request_id=request_id, data=data)

    return _request_post(page, request_id, form, act, N_("The decision is recorded."))


@router.post("/privacy/requests/{request_id:uuid}/disagreement")
def disagreement(page: Page, request_id: uuid.UUID, form: Posted[StatementForm]) -> Response:
    """Attach the person's statement of disagreement."""

    def act() -> object:
        data = model(privacy.DisagreementIn, statement=form.statement)
        return privacy.attach_disagreement(page.uow, actor=page.actor, request_id=request_id, data=data)

    return _request_post(page, request_id, form, act, N_("The statement is attached to the record."))


def _request_post(
    page: StaffPage, request_id: uuid.UUID, form: PageForm, act: Callable[[], object], message: str
) -> Response:
    """A post on the request's page: back to it with the message, or the page again with the error."""
    done = page.then(f"/staff/privacy/requests/{request_id}", message)
    return page.submit(form, act, done, functools.partial(_request_page, page, request_id))


@router.get("/privacy/retention")
def retention(page: Page, container: ContainerDep) -> HTMLResponse:
    """Legal holds, the purge's dry run and the destruction certificates."""
    report = privacy.purge(page.uow, actor=page.actor, storage=container.storage, apply=False)
    context = {
        "holds": privacy.list_holds(page.uow, actor=page.actor),
        "report": report,
        "due": [f for f in report.files if f.disposition in ("due", "held")],
        "certificates": privacy.list_certificates(page.uow, actor=page.actor),
        "closed_file_years": schedules().closed_file_years,
        "page_url": "/staff/privacy/retention",
    }
    return page.render("staff/privacy/retention.html", context)


def _position(raw: str) -> int | None:
    if not raw.strip():
        return None
    if not raw.strip().isdigit() or int(raw) < 1:
        raise InvalidInput(
            "index", "give the item's number (1, 2, ...), or leave it empty for the whole section"
        )
    return int(raw) - 1


def _person_page(page: StaffPage, person_id: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    context = {
        "person": get_person(page.uow, actor=page.actor, person_id=person_id),
        "requests": privacy.person_requests(page.uow, actor=page.actor, person_id=person_id),
        "disclosures": privacy.list_disclosures(page.uow, actor=page.actor, person_id=person_id),
        "jurisdictions": sorted(schedules().requests),
        "today": page.uow.clock.today().isoformat(),
        "privacy_labels": labels(page.request),
        "page_url": f"/staff/people/{person_id}/privacy",
    }
    return page.show("staff/privacy/person.html", context, shown)


def _request_page(page: StaffPage, request_id: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    found = privacy.get_request(page.uow, actor=page.actor, request_id=request_id)
    preview = None
    if found.status in ("assembled", "approved"):
        preview = privacy.preview_package(page.uow, actor=page.actor, request_id=request_id).package
    context = {
        "r": found,
        "extension_days": domain.rules_for(schedules(), found.jurisdiction).extension_days,
        "preview": preview,
        "sections": SECTIONS,
        "reasons": [r.value for r in RedactionReason],
        "privacy_labels": labels(page.request),
        "log_person": found.person_id,
        "page_url": f"/staff/privacy/requests/{request_id}",
    }
    return page.show("staff/privacy/request.html", context, shown)
