"""/api routes: privacy requests (access, correction), legal holds, the retention purge and breaches
(issue 20)."""

from __future__ import annotations

import uuid

from fastapi import Response

from onestop import privacy as p
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import ContainerDep, CurrentActor, UowDep
from onestop.web.downloads import download_headers

router = ServiceRouter(tags=["privacy"])
_MEDIA = {"pdf": "application/pdf", "json": "application/json"}


router.service_post(
    "/privacy/requests",
    p.log_request,
    "log_request",
    "Log an access or correction request; the answer is due by the jurisdiction's deadline.",
    created=True,
)

router.service_get(
    "/privacy/requests",
    p.list_requests,
    "list_requests",
    "Open requests, the nearest deadline first (``answered=true``: the latest answered ones).",
    query=("answered",),
)

router.service_get(
    "/privacy/requests/{request_id}", p.get_request, "read", "One request with its redactions."
)

router.service_post(
    "/privacy/requests/{request_id}/extend",
    p.extend_deadline,
    "extend",
    "The one extension the statute allows, with its reason.",
)

router.service_post(
    "/privacy/requests/{request_id}/assemble",
    p.assemble_package,
    "assemble",
    "Gather everything held about the person into the package.",
)

router.service_get(
    "/privacy/requests/{request_id}/package",
    p.preview_package,
    "package",
    "The package as it would be released now, redactions applied.",
)

router.service_post(
    "/privacy/requests/{request_id}/redactions",
    p.add_redaction,
    "redact",
    "Withhold a section, or one item of it, with the reason.",
)

router.service_post(
    "/privacy/requests/{request_id}/approve",
    p.approve_release,
    "approve",
    "A supervisor approves the release (never one they prepared).",
    query=("version",),
)


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


router.service_post(
    "/privacy/requests/{request_id}/decision",
    p.decide_correction,
    "decide",
    "Correct the record or refuse the correction.",
)

router.service_post(
    "/privacy/requests/{request_id}/disagreement",
    p.attach_disagreement,
    "disagreement",
    "Attach the person's statement of disagreement to a refused correction.",
)

router.service_get(
    "/people/{person_id}/privacy-requests",
    p.person_requests,
    "of_person",
    "A person's requests, with any statement of disagreement.",
)

router.service_post(
    "/privacy/holds", p.place_hold, "place_hold", "Place a legal hold on a person's file.", created=True
)

router.service_get("/privacy/holds", p.list_holds, "holds", "Legal holds in force.")

router.service_post(
    "/privacy/holds/{hold_id}/lift", p.lift_hold, "lift_hold", "Lift a legal hold.", query=("version",)
)


@router.post("/privacy/purge", response_model=p.PurgeReport)
def purge(uow: UowDep, actor: CurrentActor, container: ContainerDep, apply: bool = False) -> p.PurgeReport:
    """The retention purge: a dry run unless ``apply=true``."""
    return p.purge(uow, actor=actor, storage=container.storage, apply=apply)


router.service_get(
    "/privacy/certificates",
    p.list_certificates,
    "certificates",
    "Destruction certificates, the latest first.",
)

router.service_post(
    "/privacy/disclosures",
    p.record_disclosure,
    "record_disclosure",
    "Log a disclosure outside the department; refused (422) without an authority or a consent in force.",
    created=True,
)

router.service_get(
    "/people/{person_id}/disclosures",
    p.list_disclosures,
    "disclosures",
    "A person's disclosure log, the latest first.",
)

router.service_post(
    "/privacy/breaches",
    p.report_breach,
    "report_breach",
    "Report a suspected breach (from a letter: give ``notice_id``).",
    created=True,
)

router.service_get(
    "/privacy/breaches",
    p.list_breaches,
    "breaches",
    "Open breaches, the ones not yet assessed first (``closed=true``: the latest closed ones).",
    query=("closed",),
)

router.service_get(
    "/privacy/breaches/{breach_id}",
    p.get_breach,
    "breach",
    "One breach with its assessment and follow-up steps.",
)

router.service_post(
    "/privacy/breaches/{breach_id}/assessment",
    p.assess_breach,
    "assess_breach",
    "Assess (or assess again) with the commissioners' factors; the risk of harm follows.",
    query=("version",),
)


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


router.service_post(
    "/privacy/breaches/{breach_id}/actions",
    p.add_action,
    "add_breach_action",
    "Add a follow-up step, due by a date.",
)

router.service_post(
    "/privacy/breach-actions/{action_id}/done",
    p.complete_action,
    "complete_breach_action",
    "Mark a follow-up step done.",
)

router.service_post(
    "/privacy/breaches/{breach_id}/close",
    p.close_breach,
    "close_breach",
    "Close with the outcome (every step done; notified first when the risk calls for it).",
    query=("version",),
)
