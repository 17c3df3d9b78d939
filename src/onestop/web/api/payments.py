"""/api/payment-runs, /api/batches (build, approve, export, files, reconcile) and /api/periods."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Query, UploadFile, status
from fastapi.responses import FileResponse, Response

from onestop import money
from onestop.common.errors import InvalidInput
from onestop.money import MAX_BYTES
from onestop.money import schemas as s
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import ContainerDep, CurrentActor, UowDep
from onestop.web.downloads import download_headers

router = ServiceRouter(tags=["payments"])


def _out_dir(container: ContainerDep) -> Path:
    return container.settings.var_dir / "payments"


@router.post("/payment-runs", status_code=status.HTTP_201_CREATED, response_model=s.RunPublic)
def run(uow: UowDep, actor: CurrentActor, body: s.RunCreate) -> s.RunPublic:
    """Generate the month's recurring issuances and build the pay date's batch (safe to repeat)."""
    result = money.run_payments(uow, actor=actor, pay_date=body.pay_date)
    made = result.generation
    return s.RunPublic(
        period=made.period,
        created=made.created,
        already_issued=made.already_issued,
        batch=s.BatchPublic.model_validate(result.batch),
    )


router.service_post(
    "/batches",
    money.build_batch,
    "build",
    "Build a batch of the approved payments due by a date (the same key returns the same batch).",
    created=True,
    body=s.BatchCreate,
    view=s.BatchPublic,
)

router.service_get(
    "/batches", money.list_batches, "list_batches", "Batches, newest first.", view=s.BatchPublic
)

router.service_get("/batches/{batch_id}", money.get_batch, "get_batch", "One batch.", view=s.BatchPublic)

router.service_post(
    "/batches/{batch_id}/approve",
    money.approve_batch,
    "approve",
    "The checker's approval (403 for the batch's maker, 409 if already approved).",
    view=s.BatchPublic,
)


@router.post("/batches/{batch_id}/export", response_model=s.ExportPublic)
def export(uow: UowDep, actor: CurrentActor, container: ContainerDep, batch_id: uuid.UUID) -> s.ExportPublic:
    """Write the schema-validated pain.001 file and the cheque register (resumable, idempotent)."""
    result = money.export_batch(uow, actor=actor, batch_id=batch_id, out_dir=_out_dir(container))
    files = [p.name for p in (result.payment_file, result.cheque_csv, result.cheque_pdf) if p is not None]
    return s.ExportPublic(batch=s.BatchPublic.model_validate(result.batch), files=files)


@router.get("/batches/{batch_id}/files/{kind}")
def download(
    uow: UowDep,
    actor: CurrentActor,
    container: ContainerDep,
    batch_id: uuid.UUID,
    kind: Literal["pain001", "cheques-csv", "cheques-pdf"],
    purpose: Annotated[str, Query(description="why you download it (kept in the audit trail)")],
) -> FileResponse:
    """Download an exported file (``money:batch_export``; audited with its purpose)."""
    path, media = money.open_batch_file(
        uow, actor=actor, batch_id=batch_id, kind=kind, purpose=purpose, out_dir=_out_dir(container)
    )
    return FileResponse(
        path, media_type=media, headers=download_headers(path.name) | {"Cache-Control": "no-store"}
    )


@router.post("/batches/{batch_id}/reconcile", response_model=s.ReconcilePublic)
def reconcile(uow: UowDep, actor: CurrentActor, batch_id: uuid.UUID, file: UploadFile) -> s.ReconcilePublic:
    """Upload the bank's pain.002 status report (validated against its schema; a repeat changes nothing)."""
    data = file.file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InvalidInput("file", f"is larger than {MAX_BYTES} bytes")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "status-report.xml"
        path.write_bytes(data)
        result = money.reconcile_batch(uow, actor=actor, batch_id=batch_id, path=path)
    return s.ReconcilePublic(
        batch=s.BatchPublic.model_validate(result.batch),
        paid=result.paid,
        returned=result.returned,
        still_pending=result.still_pending,
        already_imported=result.already_imported,
    )


@router.post("/periods/close", status_code=status.HTTP_201_CREATED)
def close_period(uow: UowDep, actor: CurrentActor, body: s.PeriodClose) -> dict[str, str]:
    """Close an accounting month: nothing more is paid with a date in it."""
    closed = money.close_period(uow, actor=actor, month=body.month)
    return {"month": closed.month, "closed_by": closed.closed_by}


@router.get("/cheques")
def cheque_register(
    uow: UowDep,
    actor: CurrentActor,
    purpose: Annotated[str, Query(description="why you need it (kept in the audit trail)")],
    batch_id: uuid.UUID | None = None,
    format: Literal["csv", "pdf"] = "csv",
) -> Response:
    """The cheque register (manual and batch cheques) as CSV or PDF (``money:batch_export``, audited)."""
    from onestop.money.payments import cheques

    rows = money.cheque_register(uow, actor=actor, batch_id=batch_id, purpose=purpose)
    if format == "pdf":
        return Response(cheques.register_pdf(rows, title="Cheque register"), media_type="application/pdf")
    return Response(cheques.register_csv(rows), media_type="text/csv")
