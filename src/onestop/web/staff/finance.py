"""Finance: payment batches (build, approve by someone else, export, download the files, reconcile a
pain.002 from the bank), payments by month drawn as a chart; and the budget status.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, Response

from onestop import partners
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput, NotFound
from onestop.common.i18n import N_
from onestop.money import (
    BATCH_FILES,
    MAX_BYTES,
    PaymentBatch,
    approve_batch,
    budget_report,
    build_batch,
    export_batch,
    get_batch,
    list_batches,
    open_batch_file,
    reconcile_batch,
)
from onestop.web import charts, pages, programs
from onestop.web.downloads import download_headers
from onestop.web.staff import labels
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

#: The exported files a batch may have, by the name in the address (the export's own names: this page
#: once looked for ``.pain001.xml`` while the export writes ``.pain.001.xml``).
FILES = BATCH_FILES


def out_dir(request: Request) -> Path:
    """Where exported payment files are written (the API uses the same folder)."""
    return Path(request.app.state.container.settings.var_dir) / "payments"


@router.get("/payments")
def batches(page: Page) -> HTMLResponse:
    """Every recent batch, and what was paid each month."""
    return _list(page)


def _list(page: StaffPage, errors: dict[str, str] | None = None) -> HTMLResponse:
    found = list_batches(page.uow, actor=page.actor)
    fmt = pages.formatter(page.request)
    data = charts.bars(by_month(found, fmt.date), fmt.money)
    chart = charts.vertical(
        "payments-by-month",
        page.gettext(N_("Payments by month")),
        page.gettext(N_("Total of the batches, by the month of their pay date.")),
        data,
        fmt=lambda cents: fmt.number(cents // 100),  # whole dollars on the axis
    )
    context = {
        "batches": found,
        "chart": chart,
        "bars": data,
        "errors": errors or {},
        "today": page.request.app.state.container.clock.today().isoformat(),
        "page_url": "/staff/payments",
    }
    return page.render("staff/finance/batches.html", context, status_code=422 if errors else 200)


def by_month(found: Sequence[PaymentBatch], month_name: Any) -> list[tuple[str, int]]:
    """(month, total cents) in date order, for the chart."""
    totals: dict[tuple[int, int], int] = defaultdict(int)
    for batch in found:
        totals[(batch.pay_date.year, batch.pay_date.month)] += batch.total_cents
    return [
        (month_name(dt.date(year, month, 1), "MMM y"), cents)
        for (year, month), cents in sorted(totals.items())
    ]


@router.post("/payments")
def build(page: Page, pay_date: Annotated[str, Form()] = "") -> Response:
    """Build the batch of every approved payment due by the pay date."""
    try:
        day = parse_date(pay_date, field="pay_date")
        batch = build_batch(page.uow, actor=page.actor, pay_date=day)
    except InvalidInput as err:
        return _list(page, {"pay_date": page.gettext(err.problem)})
    page.flash(N_("Batch %(number)s is built."), "success", number=batch.number)
    return page.redirect(f"/staff/payments/{batch.id}")


@router.get("/payments/{batch_id:uuid}")
def batch_page(page: Page, batch_id: uuid.UUID) -> HTMLResponse:
    """One batch: its state, who did what, the next step, the files."""
    return _batch(page, batch_id)


def _batch(page: StaffPage, bid: uuid.UUID, errors: dict[str, str] | None = None) -> HTMLResponse:
    batch = get_batch(page.uow, actor=page.actor, batch_id=bid)
    files = {
        k: (out_dir(page.request) / f"{batch.number}{suffix}").exists() for k, (suffix, _) in FILES.items()
    }
    context = {"batch": batch, "files": files, "errors": errors or {}, "page_url": f"/staff/payments/{bid}"}
    return page.render("staff/finance/batch.html", context, status_code=422 if errors else 200)


@router.post("/payments/{batch_id:uuid}/{step}")
async def step(page: Page, batch_id: uuid.UUID, step: str) -> Response:
    """Approve, export, or reconcile (with the bank's pain.002 file) the batch."""
    try:
        if step == "approve":
            approve_batch(page.uow, actor=page.actor, batch_id=batch_id)
            page.flash(N_("The batch is approved."), "success")
        elif step == "export":
            export_batch(page.uow, actor=page.actor, batch_id=batch_id, out_dir=out_dir(page.request))
            page.flash(N_("The payment files are written and checked against their schema."))
        elif step == "reconcile":
            result = await _reconcile(page, batch_id)
            page.flash(
                N_("Status report applied: %(paid)s paid, %(returned)s returned."),
                "success",
                paid=result.paid,
                returned=result.returned,
            )
        else:
            raise NotFound("no such step")
    except InvalidInput as err:
        field = "file" if step == "reconcile" else "form"
        return _batch(page, batch_id, {field: page.gettext(err.problem)})
    return page.redirect(f"/staff/payments/{batch_id}")


async def _reconcile(page: StaffPage, bid: uuid.UUID) -> Any:
    async with page.request.form() as form:
        upload = form.get("file")
        data = await upload.read(MAX_BYTES + 1) if isinstance(upload, UploadFile) else b""
    if not data:
        raise InvalidInput("file", "choose the bank's status report (pain.002 XML)")
    if len(data) > MAX_BYTES:
        raise InvalidInput("file", f"is larger than {MAX_BYTES} bytes")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "status-report.xml"
        path.write_bytes(data)
        return reconcile_batch(page.uow, actor=page.actor, batch_id=bid, path=path)


@router.get("/payments/{batch_id:uuid}/files/{kind}")
def download(page: Page, batch_id: uuid.UUID, kind: str, purpose: str = "") -> Response:
    """An exported file, as a download (``money:batch_export``, audited with the purpose typed in)."""
    path, media = open_batch_file(
        page.uow,
        actor=page.actor,
        batch_id=batch_id,
        kind=kind,
        purpose=purpose,
        out_dir=out_dir(page.request),
    )
    return FileResponse(
        path, media_type=media, headers=download_headers(path.name) | {"Cache-Control": "no-store"}
    )


@router.get("/budget")
def budget(page: Page) -> HTMLResponse:
    """Budget, committed and spent per program and office, with the share used drawn as bars."""
    lines = budget_report(page.uow, actor=page.actor)
    fmt = pages.formatter(page.request)
    language = pages.language_of(page.request)
    used = [(programs.name(line.program, language), line.committed_cents) for line in lines]
    data = charts.bars(used, fmt.money)
    chart = labels.bar_chart(
        page.request,
        "budget-committed",
        N_("Committed this fiscal year, by program"),
        N_("Amounts committed (approved or paid) per program and office."),
        data,
    )
    # Sponsors' projects (issue 18): funding approved is committed here until it is paid in instalments.
    year = lines[0].fiscal_year if lines else partners.domain.fiscal_year(page.uow.clock.today())
    projects = partners.project_commitments(page.uow, actor=page.actor, fiscal_year=year)
    context = {"lines": lines, "chart": chart, "bars": data, "projects": projects}
    return page.render("staff/finance/budget.html", context)
