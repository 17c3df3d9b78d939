"""Evidence: recording and verifying an application's facts, uploading documents (a plain file input;
the drop zone is an enhancement in static/js/dropzone.js), verifying or rejecting them, downloading.

An upload at the counter is usually of an original the officer is holding: the form can verify the
document at once ("original seen") and use it to verify the facts it proves (the checklist item's
``needed_for``, ticked by the officer). Each step is its own service call and transaction, so a
refused step leaves the earlier ones done and says which one failed.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, Response

from onestop.cases.applications import FactIn, FactVerify, get_application, record_fact, verify_fact
from onestop.cases.documents import (
    DocumentReject,
    DocumentVerify,
    download_document,
    list_documents,
    reject_document,
    upload_document,
    verify_document,
)
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.registry import get_person
from onestop.web import pages, questions
from onestop.web.downloads import download_headers
from onestop.web.parsing import whole_number
from onestop.web.staff import applications, labels, uploads
from onestop.web.staff.deps import safe_next
from onestop.web.staff.forms import PageForm, Posted, model, optional_uuid
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()


class FactVerifyForm(PageForm):
    path: str = ""
    document_id: str = ""
    version: str = ""


class FactForm(FactVerifyForm):
    answer: str = ""


class DocumentStepForm(PageForm):
    """A step on a document from any page listing it; ``next`` is where that page is."""

    version: str = ""
    next: str = "/staff/"


class VerifyDocumentForm(DocumentStepForm):
    method: str = ""


class RejectDocumentForm(DocumentStepForm):
    reason: str = ""


@router.post("/applications/{application_id:uuid}/facts")
def record(page: Page, application_id: uuid.UUID, form: Posted[FactForm]) -> Response:
    """Record a value of the case (verified at once when a proving document is chosen)."""
    app = get_application(page.uow, actor=page.actor, application_id=application_id)
    try:
        field = questions.field_for(app.jurisdiction, form.path, pages.language_of(page.request))
        data = model(
            FactIn,
            path=form.path,
            value=questions.read_answer(field, form.answer),
            document_id=optional_uuid(form.document_id, "document_id"),
            version=whole_number(form.version),
        )
        record_fact(page.uow, actor=page.actor, application_id=application_id, data=data)
    except InvalidInput as err:
        return _refused(page, application_id, f"fact-{form.path}", err)
    page.flash(N_("Recorded: %(question)s"), "success", question=field.text)
    return page.redirect(f"/staff/applications/{application_id}#facts-title")


@router.post("/applications/{application_id:uuid}/facts/verify")
def verify(page: Page, application_id: uuid.UUID, form: Posted[FactVerifyForm]) -> Response:
    """Verify a recorded value with a verified document that proves it."""
    try:
        doc = optional_uuid(form.document_id, "document_id")
        if doc is None:
            raise InvalidInput("document_id", "choose the document that proves it")
        data = FactVerify(path=form.path, document_id=doc, version=whole_number(form.version))
        verify_fact(page.uow, actor=page.actor, application_id=application_id, data=data)
    except InvalidInput as err:
        return _refused(page, application_id, f"verify-{form.path}", err)
    page.flash(N_("The fact is verified."), "success")
    return page.redirect(f"/staff/applications/{application_id}#facts-title")


@router.post("/applications/{application_id:uuid}/documents")
async def upload_for_application(page: Page, application_id: uuid.UUID) -> Response:
    """Upload the documents the client brought (one file per checklist item, one submit); optionally
    verify each at once and the facts it proves (see ``uploads``: checked first, then done in order)."""
    items: list[uploads.Item] = []
    async with page.request.form() as form:
        method = str(form.get("method") or "")
        for key in [str(k) for k in form if str(k).startswith("doc_type-")]:
            n = key.removeprefix("doc_type-")
            content, filename = await _file(form.get(f"file-{n}"))
            if not content and not filename:
                continue  # no file chosen for this item
            use_for = [str(p) for p in form.getlist(f"use_for-{n}")]
            person = str(form.get(f"person_id-{n}") or "")
            items.append(uploads.Item(str(form.get(key) or ""), person, content, filename, use_for))
    try:
        if not items:
            raise InvalidInput("upload", "choose at least one file")
        await run_in_threadpool(
            uploads.check, page.request, page.uow, page.actor, application_id, items, method
        )
    except InvalidInput as err:
        return await run_in_threadpool(_refused, page, application_id, err.field, err)
    try:
        await run_in_threadpool(
            uploads.run, page.request, page.uow, page.actor, application_id, items, method
        )
    except uploads.StepRefused as refused:
        errors = {refused.key: refused.message}
        return await run_in_threadpool(
            lambda: applications.application_page(page, application_id, errors=errors, status_code=422)
        )
    return page.redirect(f"/staff/applications/{application_id}#checklist-title")


@router.get("/people/{person_id:uuid}/documents")
def documents_page(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """A person's documents: upload, verify or reject, download."""
    return _documents(page, person_id)


def _documents(page: StaffPage, pid: uuid.UUID, errors: dict[str, str] | None = None) -> HTMLResponse:
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    context = {
        "person": person,
        "documents": list_documents(page.uow, actor=page.actor, person_id=pid),
        "log_person": pid,
        "doc_types": labels.translated(page.request, labels.DOCUMENT_TYPES),
        "errors": errors or {},
        "page_url": f"/staff/people/{pid}/documents",
    }
    return page.render("staff/documents/list.html", context, status_code=422 if errors else 200)


@router.post("/people/{person_id:uuid}/documents")
async def upload_for_person(page: Page, person_id: uuid.UUID) -> Response:
    """Upload evidence for a person (not yet tied to an application)."""
    async with page.request.form() as form:
        doc_type, description = str(form.get("doc_type") or ""), str(form.get("description") or "")
        upload = form.get("file")
        content, filename = await _file(upload)
    container = page.request.app.state.container
    try:
        await run_in_threadpool(
            lambda: upload_document(
                page.uow,
                actor=page.actor,
                storage=container.storage,
                max_bytes=container.settings.max_upload_bytes,
                person_id=person_id,
                doc_type=doc_type,
                filename=filename,
                data=content,
                description=description or None,
            )
        )
    except InvalidInput as err:
        message = page.gettext(err.problem)
        return await run_in_threadpool(_documents, page, person_id, {"file": message})
    page.flash(N_("The document is uploaded."), "success")
    return page.redirect(f"/staff/people/{person_id}/documents")


@router.post("/documents/{document_id:uuid}/verify")
def verify_doc(page: Page, document_id: uuid.UUID, form: Posted[VerifyDocumentForm]) -> Response:
    """Verify a received document (how it was checked)."""
    data = model(DocumentVerify, method=form.method, version=whole_number(form.version))
    verify_document(page.uow, actor=page.actor, document_id=document_id, data=data)
    return page.to(safe_next(form.next), N_("The document is verified."))


@router.post("/documents/{document_id:uuid}/reject")
def reject_doc(page: Page, document_id: uuid.UUID, form: Posted[RejectDocumentForm]) -> Response:
    """Reject a received document, with the reason the client will be told."""
    data = model(DocumentReject, reason=form.reason, version=whole_number(form.version))
    reject_document(page.uow, actor=page.actor, document_id=document_id, data=data)
    return page.to(safe_next(form.next), N_("The document is rejected."))


@router.get("/documents/{document_id:uuid}/file")
def download(page: Page, document_id: uuid.UUID) -> Response:
    """The document's bytes (checked against its hash, audited), as a download, never shown inline."""
    container = page.request.app.state.container
    got = download_document(page.uow, actor=page.actor, storage=container.storage, document_id=document_id)
    headers = download_headers(got.document.filename)
    return Response(got.content, media_type=got.document.content_type, headers=headers)


async def _file(upload: object) -> tuple[bytes, str | None]:
    if isinstance(upload, UploadFile):
        return await upload.read(), upload.filename
    return b"", None


def _refused(page: StaffPage, aid: uuid.UUID, key: str, err: InvalidInput) -> HTMLResponse:
    """The application page again, the problem next to the form that caused it."""
    return applications.application_page(page, aid, errors={key: page.gettext(err.problem)}, status_code=422)
