"""/api routes: privacy requests (access, correction), legal holds, the retention purge and breaches
(issue 20)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from onestop import privacy as p
from onestop.web.deps import ContainerDep, CurrentActor, UowDep
from onestop.web.downloads import download_headers

router = APIRouter(tags=["privacy"])
_MEDIA = {"pdf": "application/pdf", "json": "application/json"}


@router.post("/privacy/requests", status_code=status.HTTP_201_CREATED, response_model=p.RequestPublic)
def log_request(uow: UowDep, actor: CurrentActor, body: p.RequestCreate) -> p.RequestPublic:
    """Log an access or correction request; the answer is due by the jurisdiction's deadline."""
    return p.log_request(uow, actor=actor, data=body)


@router.get("/privacy/requests", response_model=list[p.RequestPublic])
def list_requests(uow: UowDep, actor: CurrentActor, answered: bool = False) -> list[p.RequestPublic]:
    """Open requests, the nearest deadline first (``answered=true``: the latest answered ones)."""
    return p.list_requests(uow, actor=actor, answered=answered)


@router.get("/privacy/requests/{request_id}", response_model=p.RequestPublic)
def read(uow: UowDep, actor: CurrentActor, request_id: uuid.UUID) -> p.RequestPublic:
    """One request with its redactions."""
    return p.get_request(uow, actor=actor, request_id=request_id)


@router.post("/privacy/requests/{request_id}/extend", response_model=p.RequestPublic)
def extend(uow: UowDep, actor: CurrentActor, request_id: uuid.UUID, body: p.ExtensionIn) -> p.RequestPublic:
    """The one extension the statute allows, with its reason."""
    return p.extend_deadline(uow, actor=actor, request_id=request_id, data=body)


@router.post("/privacy/requests/{request_id}/assemble", response_model=p.RequestPublic)
def assemble(uow: UowDep, actor: CurrentActor, request_id: uuid.UUID) -> p.RequestPublic:
    """Gather everything held about the person into the package."""
    return p.assemble_package(uow, actor=actor, request_id=request_id)


@router.get("/privacy/requests/{request_id}/package", response_model=p.PackagePublic)
def package(uow: UowDep, actor: CurrentActor, request_id: uuid.UUID) -> p.PackagePublic:
    """The package as it would be released now, redactions applied."""
    return p.preview_package(uow, actor=actor, request_id=request_id)


@router.post("/privacy/requests/{request_id}/redactions", response_model=p.RequestPublic)
def redact(uow: UowDep, actor: CurrentActor, request_id: uuid.UUID, body: p.RedactionIn) -> p.RequestPublic:
    """Withhold a section, or one item of it, with the reason."""
    return p.add_redaction(uow, actor=actor, request_id=request_id, data=body)


@router.post("/privacy/requests/{request_id}/approve", response_model=p.RequestPublic)
def approve(
    uow: UowDep, actor: CurrentActor, request_id: uuid.UUID, version: int | None = None
) -> p.RequestPublic:
    """A supervisor approves the release (never one they prepared)."""
    return p.approve_release(uow, actor=actor, request_id=request_id, version=version)


@router.post("/privacy/requests/{request_id}/release", response_model=p.RequestPublic)
def release(
    uow: UowDep, actor: CurrentActor, container: ContainerDep, request_id: uuid.UUID
) -> p.RequestPublic:
    """Release the approved package as PDF and JSON."""
    return p.release_package(uow, actor=actor, storage=container.storage, request_id=request_id)


@router.get("/privacy/requests/{request_id}/released.{fmt}", response_class=Response)
def released(
    uow: UowDep, actor: CurrentActor, container: ContainerDep, request_id: uuid.UUID, fmt: str
) -> Response:
    """The released package as sent: ``released.pdf`` or ``released.json``."""
    data = p.released_file(uow, actor=actor, storage=container.storage, request_id=request_id, fmt=fmt)
    headers = download_headers(f"access-package.{fmt}")
    return Response(data, media_type=_MEDIA[fmt], headers=headers)


@router.post("/privacy/requests/{request_id}/decision", response_model=p.RequestPublic)
def decide(
    uow: UowDep, actor: CurrentActor, request_id: uuid.UUID, body: p.CorrectionDecision
) -> p.RequestPublic:
    """Correct the record or refuse the correction."""
    return p.decide_correction(uow, actor=actor, request_id=request_id, data=body)


@router.post("/privacy/requests/{request_id}/disagreement", response_model=p.RequestPublic)
def disagreement(
    uow: UowDep, actor: CurrentActor, request_id: uuid.UUID, body: p.DisagreementIn
) -> p.RequestPublic:
    """Attach the person's statement of disagreement to a refused correction."""
    return p.attach_disagreement(uow, actor=actor, request_id=request_id, data=body)


@router.get("/people/{person_id}/privacy-requests", response_model=list[p.RequestPublic])
def of_person(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[p.RequestPublic]:
    """A person's requests, with any statement of disagreement."""
    return p.person_requests(uow, actor=actor, person_id=person_id)


@router.post("/privacy/holds", status_code=status.HTTP_201_CREATED, response_model=p.HoldPublic)
def place_hold(uow: UowDep, actor: CurrentActor, body: p.HoldIn) -> p.HoldPublic:
    """Place a legal hold on a person's file."""
    return p.place_hold(uow, actor=actor, data=body)


@router.get("/privacy/holds", response_model=list[p.HoldPublic])
def holds(uow: UowDep, actor: CurrentActor) -> list[p.HoldPublic]:
    """Legal holds in force."""
    return p.list_holds(uow, actor=actor)


@router.post("/privacy/holds/{hold_id}/lift", response_model=p.HoldPublic)
def lift_hold(
    uow: UowDep, actor: CurrentActor, hold_id: uuid.UUID, version: int | None = None
) -> p.HoldPublic:
    """Lift a legal hold."""
    return p.lift_hold(uow, actor=actor, hold_id=hold_id, version=version)


@router.post("/privacy/purge", response_model=p.PurgeReport)
def purge(uow: UowDep, actor: CurrentActor, container: ContainerDep, apply: bool = False) -> p.PurgeReport:
    """The retention purge: a dry run unless ``apply=true``."""
    return p.purge(uow, actor=actor, storage=container.storage, apply=apply)


@router.get("/privacy/certificates", response_model=list[p.CertificatePublic])
def certificates(uow: UowDep, actor: CurrentActor) -> list[p.CertificatePublic]:
    """Destruction certificates, the latest first."""
    return p.list_certificates(uow, actor=actor)


@router.post("/privacy/disclosures", status_code=status.HTTP_201_CREATED, response_model=p.DisclosurePublic)
def record_disclosure(uow: UowDep, actor: CurrentActor, body: p.DisclosureIn) -> p.DisclosurePublic:
    """Log a disclosure outside the department; refused (422) without an authority or a consent in force."""
    return p.record_disclosure(uow, actor=actor, data=body)


@router.get("/people/{person_id}/disclosures", response_model=list[p.DisclosurePublic])
def disclosures(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[p.DisclosurePublic]:
    """A person's disclosure log, the latest first."""
    return p.list_disclosures(uow, actor=actor, person_id=person_id)


@router.post("/privacy/breaches", status_code=status.HTTP_201_CREATED, response_model=p.BreachPublic)
def report_breach(uow: UowDep, actor: CurrentActor, body: p.BreachCreate) -> p.BreachPublic:
    """Report a suspected breach (from a letter: give ``notice_id``)."""
    return p.report_breach(uow, actor=actor, data=body)


@router.get("/privacy/breaches", response_model=list[p.BreachPublic])
def breaches(uow: UowDep, actor: CurrentActor, closed: bool = False) -> list[p.BreachPublic]:
    """Open breaches, the ones not yet assessed first (``closed=true``: the latest closed ones)."""
    return p.list_breaches(uow, actor=actor, closed=closed)


@router.get("/privacy/breaches/{breach_id}", response_model=p.BreachPublic)
def breach(uow: UowDep, actor: CurrentActor, breach_id: uuid.UUID) -> p.BreachPublic:
    """One breach with its assessment and follow-up steps."""
    return p.get_breach(uow, actor=actor, breach_id=breach_id)


@router.post("/privacy/breaches/{breach_id}/assessment", response_model=p.BreachPublic)
def assess_breach(
    uow: UowDep,
    actor: CurrentActor,
    breach_id: uuid.UUID,
    body: p.BreachAssessmentIn,
    version: int | None = None,
) -> p.BreachPublic:
    """Assess (or assess again) with the commissioners' factors; the risk of harm follows."""
    return p.assess_breach(uow, actor=actor, breach_id=breach_id, data=body, version=version)


@router.post("/privacy/breaches/{breach_id}/notify", response_model=p.BreachPublic)
def notify_breach(
    uow: UowDep,
    actor: CurrentActor,
    container: ContainerDep,
    breach_id: uuid.UUID,
    version: int | None = None,
) -> p.BreachPublic:
    """Write to the person (notices outbox) and the commissioner (a PDF report)."""
    return p.notify_breach(uow, actor=actor, storage=container.storage, breach_id=breach_id, version=version)


@router.get("/privacy/breaches/{breach_id}/office-letter.pdf", response_class=Response)
def breach_office_letter(
    uow: UowDep, actor: CurrentActor, container: ContainerDep, breach_id: uuid.UUID
) -> Response:
    """The report to the commissioner, as PDF."""
    data = p.office_letter(uow, actor=actor, storage=container.storage, breach_id=breach_id)
    return Response(data, media_type="application/pdf", headers=download_headers("breach-report.pdf"))


@router.post("/privacy/breaches/{breach_id}/actions", response_model=p.BreachPublic)
def add_breach_action(
    uow: UowDep, actor: CurrentActor, breach_id: uuid.UUID, body: p.BreachActionIn
) -> p.BreachPublic:
    """Add a follow-up step, due by a date."""
    return p.add_action(uow, actor=actor, breach_id=breach_id, data=body)


@router.post("/privacy/breach-actions/{action_id}/done", response_model=p.BreachPublic)
def complete_breach_action(
    uow: UowDep, actor: CurrentActor, action_id: uuid.UUID, body: p.BreachActionDone
) -> p.BreachPublic:
    """Mark a follow-up step done."""
    return p.complete_action(uow, actor=actor, action_id=action_id, data=body)


@router.post("/privacy/breaches/{breach_id}/close", response_model=p.BreachPublic)
def close_breach(
    uow: UowDep, actor: CurrentActor, breach_id: uuid.UUID, body: p.BreachCloseIn, version: int | None = None
) -> p.BreachPublic:
    """Close with the outcome (every step done; notified first when the risk calls for it)."""
    return p.close_breach(uow, actor=actor, breach_id=breach_id, data=body, version=version)
