"""Privacy office pages (issue 20): open requests with their deadlines, a person's request form, a
request page (assemble, redact, approve, release; decide a correction, attach a statement), legal holds
and the purge's dry run."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop import privacy
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.privacy import domain, schedules
from onestop.privacy.domain import SECTIONS, RedactionReason
from onestop.registry import get_person
from onestop.web import pages
from onestop.web.deps import ContainerDep, UowDep
from onestop.web.downloads import download_headers
from onestop.web.staff import privacy_breaches
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import form_errors, model, optional_uuid

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
_REQUEST_FIELDS = {
    "kind",
    "jurisdiction",
    "received_on",
    "details",
    "representative",
    "representative_authority",
}


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
def requests_page(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """Open requests, the nearest deadline first, overdue ones marked."""
    context = {
        "requests": privacy.list_requests(uow, actor=actor),
        "answered": privacy.list_requests(uow, actor=actor, answered=True, limit=20),
        "privacy_labels": labels(request),
        "page_url": "/staff/privacy",
    }
    return pages.render(request, "staff/privacy/requests.html", context)


@router.get("/people/{person_id:uuid}/privacy")
def person_form(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """Log a request for this person."""
    return _person_page(request, uow, actor, person_id)


@router.post("/people/{person_id:uuid}/privacy")
def log(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    kind: Annotated[str, Form()] = "access",
    jurisdiction: Annotated[str, Form()] = "",
    received_on: Annotated[str, Form()] = "",
    details: Annotated[str, Form()] = "",
    representative: Annotated[str, Form()] = "",
    representative_authority: Annotated[str, Form()] = "",
) -> Response:
    """Log the request; it opens a task due by the deadline."""
    form = {
        "kind": kind,
        "jurisdiction": jurisdiction,
        "received_on": received_on,
        "details": details,
        "representative": representative,
        "representative_authority": representative_authority,
    }
    try:
        data = model(
            privacy.RequestCreate,
            person_id=person_id,
            kind=kind,
            jurisdiction=jurisdiction,
            received_on=received_on or None,
            details=details,
            representative=representative or None,
            representative_authority=representative_authority or None,
        )
        found = privacy.log_request(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, _REQUEST_FIELDS)
        return _person_page(request, uow, actor, person_id, errors=errors, form=form, status_code=422)
    pages.flash(request, N_("The request is logged."), "success")
    return pages.redirect(request, f"/staff/privacy/requests/{found.id}")


@router.post("/people/{person_id:uuid}/disclosures")
def disclose(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    recipient: Annotated[str, Form()] = "",
    what: Annotated[str, Form()] = "",
    basis: Annotated[str, Form()] = "",
    authority: Annotated[str, Form()] = "",
    consent_id: Annotated[str, Form()] = "",
    disclosed_on: Annotated[str, Form()] = "",
) -> Response:
    """Log a disclosure outside the department (refused without an authority or a consent in force)."""
    form = {
        "recipient": recipient,
        "what": what,
        "basis": basis,
        "authority": authority,
        "consent_id": consent_id,
        "disclosed_on": disclosed_on,
    }
    try:
        data = model(
            privacy.DisclosureIn,
            person_id=person_id,
            recipient=recipient,
            what=what,
            basis=basis,
            authority=authority or None,
            consent_id=optional_uuid(consent_id, "consent_id"),
            disclosed_on=disclosed_on or None,
        )
        privacy.record_disclosure(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, set(form))
        return _person_page(request, uow, actor, person_id, errors=errors, form=form, status_code=422)
    pages.flash(request, N_("The disclosure is logged."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/privacy")


@router.get("/privacy/requests/{request_id:uuid}")
def request_page(request: Request, uow: UowDep, actor: StaffActor, request_id: uuid.UUID) -> HTMLResponse:
    """One request and what can be done with it next."""
    return _request_page(request, uow, actor, request_id)


@router.post("/privacy/requests/{request_id:uuid}/extend")
def extend(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    request_id: uuid.UUID,
    extension_days: Annotated[str, Form()] = "",
    extension_reason: Annotated[str, Form()] = "",
) -> Response:
    """The one extension the jurisdiction allows, with the reason the person is told."""
    form = {"extension_days": extension_days, "extension_reason": extension_reason}
    try:
        if not extension_days.strip().isdigit():
            raise InvalidInput("days", "give a number of days")
        data = model(privacy.ExtensionIn, days=int(extension_days), reason=extension_reason)
        privacy.extend_deadline(uow, actor=actor, request_id=request_id, data=data)
    except InvalidInput as err:
        named = InvalidInput(f"extension_{err.field}", err.problem)
        errors = form_errors(request, named, set(form))
        return _request_page(request, uow, actor, request_id, errors=errors, form=form, status_code=422)
    except InvalidTransition as err:
        errors = {"extension_days": err.message}
        return _request_page(request, uow, actor, request_id, errors=errors, form=form, status_code=409)
    pages.flash(request, N_("The deadline is extended."), "success")
    return pages.redirect(request, f"/staff/privacy/requests/{request_id}")


@router.post("/privacy/requests/{request_id:uuid}/assemble")
def assemble(request: Request, uow: UowDep, actor: StaffActor, request_id: uuid.UUID) -> Response:
    """Gather everything held about the person."""
    privacy.assemble_package(uow, actor=actor, request_id=request_id)
    pages.flash(
        request, N_("The package is assembled. Check it and withhold what is not the person's."), "success"
    )
    return pages.redirect(request, f"/staff/privacy/requests/{request_id}")


@router.post("/privacy/requests/{request_id:uuid}/redactions")
def redact(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    request_id: uuid.UUID,
    section: Annotated[str, Form()] = "",
    index: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    """Withhold a section, or one item of it (numbered from 1 on the page), with the reason."""
    form = {"section": section, "index": index, "reason": reason, "note": note}
    try:
        position = _position(index)
        data = model(privacy.RedactionIn, section=section, index=position, reason=reason, note=note)
        privacy.add_redaction(uow, actor=actor, request_id=request_id, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, {"section", "index", "reason", "note"})
        return _request_page(request, uow, actor, request_id, errors=errors, form=form, status_code=422)
    pages.flash(request, N_("The part is withheld."), "success")
    return pages.redirect(request, f"/staff/privacy/requests/{request_id}")


@router.post("/privacy/requests/{request_id:uuid}/approve")
def approve(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    request_id: uuid.UUID,
    version: Annotated[str, Form()] = "",
) -> Response:
    """A supervisor approves the release."""
    privacy.approve_release(
        uow, actor=actor, request_id=request_id, version=int(version) if version.isdigit() else None
    )
    pages.flash(request, N_("The release is approved."), "success")
    return pages.redirect(request, f"/staff/privacy/requests/{request_id}")


@router.post("/privacy/requests/{request_id:uuid}/release")
def release(
    request: Request, uow: UowDep, actor: StaffActor, container: ContainerDep, request_id: uuid.UUID
) -> Response:
    """Release the approved package as PDF and JSON."""
    privacy.release_package(uow, actor=actor, storage=container.storage, request_id=request_id)
    pages.flash(request, N_("The package is released."), "success")
    return pages.redirect(request, f"/staff/privacy/requests/{request_id}")


@router.get("/privacy/requests/{request_id:uuid}/released.{fmt}")
def released(
    uow: UowDep, actor: StaffActor, container: ContainerDep, request_id: uuid.UUID, fmt: str
) -> Response:
    """The released package as sent."""
    data = privacy.released_file(uow, actor=actor, storage=container.storage, request_id=request_id, fmt=fmt)
    media = "application/pdf" if fmt == "pdf" else "application/json"
    return Response(data, media_type=media, headers=download_headers(f"access-package.{fmt}"))


@router.post("/privacy/requests/{request_id:uuid}/decision")
def decide(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    request_id: uuid.UUID,
    outcome: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    correction_made: Annotated[str, Form()] = "",
    disagreement: Annotated[str, Form()] = "",
) -> Response:
    """Correct the record or refuse."""
    form = {
        "outcome": outcome,
        "reason": reason,
        "correction_made": correction_made,
        "disagreement": disagreement,
    }
    try:
        data = model(
            privacy.CorrectionDecision,
            outcome=outcome,
            reason=reason,
            correction_made=correction_made or None,
            disagreement=disagreement or None,
        )
        privacy.decide_correction(uow, actor=actor, request_id=request_id, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, {"outcome", "reason", "correction_made", "disagreement"})
        return _request_page(request, uow, actor, request_id, errors=errors, form=form, status_code=422)
    pages.flash(request, N_("The decision is recorded."), "success")
    return pages.redirect(request, f"/staff/privacy/requests/{request_id}")


@router.post("/privacy/requests/{request_id:uuid}/disagreement")
def disagreement(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    request_id: uuid.UUID,
    statement: Annotated[str, Form()] = "",
) -> Response:
    """Attach the person's statement of disagreement."""
    try:
        privacy.attach_disagreement(
            uow, actor=actor, request_id=request_id, data=model(privacy.DisagreementIn, statement=statement)
        )
    except InvalidInput as err:
        errors = form_errors(request, err, {"statement"})
        form = {"statement": statement}
        return _request_page(request, uow, actor, request_id, errors=errors, form=form, status_code=422)
    pages.flash(request, N_("The statement is attached to the record."), "success")
    return pages.redirect(request, f"/staff/privacy/requests/{request_id}")


@router.get("/privacy/retention")
def retention(request: Request, uow: UowDep, actor: StaffActor, container: ContainerDep) -> HTMLResponse:
    """Legal holds, the purge's dry run and the destruction certificates."""
    report = privacy.purge(uow, actor=actor, storage=container.storage, apply=False)
    context = {
        "holds": privacy.list_holds(uow, actor=actor),
        "report": report,
        "due": [f for f in report.files if f.disposition in ("due", "held")],
        "certificates": privacy.list_certificates(uow, actor=actor),
        "closed_file_years": schedules().closed_file_years,
        "page_url": "/staff/privacy/retention",
    }
    return pages.render(request, "staff/privacy/retention.html", context)


def _position(raw: str) -> int | None:
    if not raw.strip():
        return None
    if not raw.strip().isdigit() or int(raw) < 1:
        raise InvalidInput(
            "index", "give the item's number (1, 2, ...), or leave it empty for the whole section"
        )
    return int(raw) - 1


def _person_page(
    request: Request,
    uow: UnitOfWork,
    actor: StaffActor,
    person_id: uuid.UUID,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "person": get_person(uow, actor=actor, person_id=person_id),
        "requests": privacy.person_requests(uow, actor=actor, person_id=person_id),
        "disclosures": privacy.list_disclosures(uow, actor=actor, person_id=person_id),
        "jurisdictions": sorted(schedules().requests),
        "today": uow.clock.today().isoformat(),
        "privacy_labels": labels(request),
        "errors": errors or {},
        "form": form or {},
        "page_url": f"/staff/people/{person_id}/privacy",
    }
    return pages.render(request, "staff/privacy/person.html", context, status_code=status_code)


def _request_page(
    request: Request,
    uow: UnitOfWork,
    actor: StaffActor,
    request_id: uuid.UUID,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    found = privacy.get_request(uow, actor=actor, request_id=request_id)
    preview = None
    if found.status in ("assembled", "approved"):
        preview = privacy.preview_package(uow, actor=actor, request_id=request_id).package
    context = {
        "r": found,
        "extension_days": domain.rules_for(schedules(), found.jurisdiction).extension_days,
        "preview": preview,
        "sections": SECTIONS,
        "reasons": [r.value for r in RedactionReason],
        "privacy_labels": labels(request),
        "errors": errors or {},
        "form": form or {},
        "log_person": found.person_id,
        "page_url": f"/staff/privacy/requests/{request_id}",
    }
    return pages.render(request, "staff/privacy/request.html", context, status_code=status_code)
