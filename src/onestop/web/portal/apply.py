"""Applying online from the screener's results, and the client's application and decision pages.

"Apply online" keeps the screener's answers in the person's own signed session cookie (not on the
server) until they have signed in and confirmed; only then is anything stored.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, Response

from onestop.clients import apply_online, get_account, my_application, my_decision, upload_my_document
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput, NotFound
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web import pages, programs
from onestop.web.deps import UowDep
from onestop.web.portal.accounts import ClientId
from onestop.web.portal.anonymous_screener import JURISDICTIONS, carried_answers
from onestop.web.portal.decision_text import public_text

router = APIRouter()

DOC_TYPES = {
    "identity": N_("Identification"),
    "income_proof": N_("Proof of income"),
    "bank_statement": N_("Bank statements"),
    "lease_rent_receipt": N_("Rental agreement or rent receipt"),
    "medical": N_("Medical report"),
    "immigration_status": N_("Immigration document"),
    "other": N_("Other document"),
}


@router.post("/apply")
async def start(request: Request) -> Response:
    """Keep the program and the answers in the session cookie, then sign in (or create an account)."""
    async with request.form() as form:
        pass
    jurisdiction, program = str(form.get("jurisdiction") or ""), str(form.get("program") or "")
    if jurisdiction not in JURISDICTIONS or programs.entry(program) is None:
        raise NotFound("no such program")
    session = pages.session_of(request)
    session.data["pending"] = {
        "program": program,
        "jurisdiction": jurisdiction,
        "answers": carried_answers(form, jurisdiction),
    }
    session.modified = True
    if session.client is None:
        pages.flash(request, N_("To apply online, sign in, or create an account first: it takes a minute."))
        return pages.redirect(request, "/portal/account/signin?next=/portal/apply/confirm")
    return pages.redirect(request, "/portal/apply/confirm")


@router.get("/apply/confirm")
def confirm_form(request: Request, uow: UowDep, client: ClientId) -> Response:
    """Who is applying (asked only the first time) and what for; nothing is stored before "Send"."""
    pending = pages.session_of(request).data.get("pending")
    if not pending:
        return pages.redirect(request, "/portal/screener")
    return _confirm(request, uow, client, pending, {}, {})


@router.post("/apply/confirm")
async def send(request: Request, uow: UowDep, client: ClientId) -> Response:
    """Send the application: the client's record, a unit, the answers and the application, at once."""
    session = pages.session_of(request)
    pending = session.data.get("pending")
    if not pending:
        return pages.redirect(request, "/portal/screener")
    async with request.form() as form:
        values = {k: str(form.get(k) or "").strip() for k in ("given_names", "family_name", "birth_date")}
    try:
        applied = await run_in_threadpool(_apply, request, uow, client, pending, values)
    except InvalidInput as err:
        return _confirm(
            request, uow, client, pending, values, {err.field: pages.gettext(request, err.problem)}, 422
        )
    session.data.pop("pending", None)
    session.modified = True
    pages.flash(request, N_("Your application is sent. Here is what happens next."), "success")
    return pages.redirect(request, f"/portal/applications/{applied.application.id}")


def _apply(
    request: Request, uow: UnitOfWork, client: uuid.UUID, pending: dict[str, Any], values: dict[str, str]
) -> Any:
    born = parse_date(values["birth_date"], field="birth_date") if values["birth_date"] else None
    return apply_online(
        uow,
        account_id=client,
        program=pending["program"],
        jurisdiction=pending["jurisdiction"],
        answers=pending["answers"],
        given_names=values["given_names"],
        family_name=values["family_name"],
        birth_date=born,
    )


def _confirm(
    request: Request,
    uow: UnitOfWork,
    client: uuid.UUID,
    pending: dict[str, Any],
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    account = get_account(uow, account_id=client)
    context = {
        "program": programs.entry(pending["program"]),
        "needs_name": account.person_id is None,
        "values": values,
        "errors": errors,
        "page_url": "/portal/apply/confirm",
    }
    return pages.render(request, "portal/apply/confirm.html", context, status_code=status_code)


@router.get("/applications/{application_id:uuid}")
def application(request: Request, uow: UowDep, client: ClientId, application_id: uuid.UUID) -> HTMLResponse:
    """Where the application stands, the documents still needed and how to get them, the decisions."""
    return _application(request, uow, client, application_id)


def _application(
    request: Request, uow: UnitOfWork, client: uuid.UUID, aid: uuid.UUID, errors: dict[str, str] | None = None
) -> HTMLResponse:
    app, checklist, decisions = my_application(uow, account_id=client, application_id=aid)
    context = {
        "app": app,
        "checklist": checklist,
        "decisions": decisions,
        "doc_types": {k: pages.gettext(request, v) for k, v in DOC_TYPES.items()},
        "errors": errors or {},
        "page_url": f"/portal/applications/{aid}",
    }
    return pages.render(request, "portal/apply/application.html", context, status_code=422 if errors else 200)


@router.post("/applications/{application_id:uuid}/documents")
async def upload(request: Request, uow: UowDep, client: ClientId, application_id: uuid.UUID) -> Response:
    """Send a document for the application (PDF, JPEG or PNG); an officer checks it."""
    async with request.form() as form:
        doc_type = str(form.get("doc_type") or "")
        file = form.get("file")
        content, filename = (
            (await file.read(), file.filename) if isinstance(file, UploadFile) else (b"", None)
        )
    container = request.app.state.container
    try:
        await run_in_threadpool(
            lambda: upload_my_document(
                uow,
                account_id=client,
                application_id=application_id,
                doc_type=doc_type,
                filename=filename,
                data=content,
                storage=container.storage,
                max_bytes=container.settings.max_upload_bytes,
            )
        )
    except InvalidInput as err:
        return await run_in_threadpool(
            _application, request, uow, client, application_id, {"file": pages.gettext(request, err.problem)}
        )
    pages.flash(request, N_("Thank you: the document is sent. An officer will check it."), "success")
    return pages.redirect(request, f"/portal/applications/{application_id}")


@router.get("/decisions/{decision_id:uuid}")
def decision(request: Request, uow: UowDep, client: ClientId, decision_id: uuid.UUID) -> HTMLResponse:
    """A decision about the client, in plain language, with the right to appeal."""
    found = my_decision(uow, account_id=client, decision_id=decision_id)
    lang = pages.language_of(request)
    stored = found.text_fr if lang == "fr" else found.text_en
    letter = public_text(stored, found.program, programs.name(found.program, lang), lang)
    return pages.render(request, "portal/apply/decision.html", {"decision": found, "letter": letter})
