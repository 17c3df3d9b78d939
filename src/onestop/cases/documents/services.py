"""Document use cases: upload, verify, reject, list and (audited) download.

An upload validates everything first, then writes the bytes to storage, then the database row; if the
transaction fails, the bytes just written are deleted again, so a failed upload leaves neither a row
nor an orphan file. (Bytes shared with an earlier identical upload are never deleted.)
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.documents import domain
from onestop.cases.documents.domain import DocumentStatus, DocumentType
from onestop.cases.documents.errors import DocumentCorrupted
from onestop.cases.documents.models import Document
from onestop.cases.documents.repository import DocumentRepository
from onestop.cases.documents.schemas import DocumentPublic, DocumentReject, DocumentVerify, Download
from onestop.cases.reading import read_one
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import current_record_id, merged_record_ids
from onestop.storage import DocumentStorage

SUBJECT = "document"
_DOCUMENTS = audit.Subject.of_row(SUBJECT, DocumentPublic.model_validate)

#: Whether the application exists and the person is (or was) in its benefit unit. Applications know,
#: and they build on documents, so they plug the check in rather than documents importing them;
#: ``onestop.cases`` does it when case work is first imported.
ApplicationCheck = Callable[[Session, uuid.UUID, uuid.UUID], bool]


def _no_application_check(session: Session, application_id: uuid.UUID, person_id: uuid.UUID) -> bool:
    raise RuntimeError("no application check is plugged in (import onestop.cases)")


_application_is_for: ApplicationCheck = _no_application_check


def check_applications_with(check: ApplicationCheck) -> None:
    """Plug in how an upload's ``application_id`` is checked against the person."""
    global _application_is_for
    _application_is_for = check


def upload_document(
    uow: UnitOfWork,
    *,
    actor: Actor,
    storage: DocumentStorage,
    max_bytes: int,
    person_id: uuid.UUID,
    doc_type: str,
    filename: str | None,
    data: bytes,
    application_id: uuid.UUID | None = None,
    description: str | None = None,
) -> DocumentPublic:
    """Store a scanned PDF, JPEG or PNG as evidence for a person (must be the outermost transaction)."""
    written: str | None = None
    try:
        with uow:
            require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT)
            content_type = domain.check_upload(data, max_bytes=max_bytes)
            kind = domain.document_type(doc_type)
            pid = current_record_id(uow, person_id)
            sha = hashlib.sha256(data).hexdigest()
            repo = DocumentRepository(uow.session)
            if application_id is not None and not _application_is_for(uow.session, application_id, pid):
                raise InvalidInput("application_id", "no such application for this person's household")
            shared = repo.content_in_use(sha)
            key = storage.put(data)
            written = None if shared else key
            row = Document(
                id=new_id(),
                person_id=pid,
                application_id=application_id,
                doc_type=kind.value,
                description=clean_text(description) or None,
                filename=domain.safe_filename(filename),
                content_type=content_type,
                size_bytes=len(data),
                sha256=sha,
                storage_key=key,
                status=DocumentStatus.RECEIVED.value,
                uploaded_by=actor.username,
                created_at=uow.clock.now(),
            )
            repo.add(row)
            return _DOCUMENTS.saved(
                uow,
                actor,
                AuditAction.DOCUMENT_UPLOAD,
                row,
                after=_snapshot(row) | {"filename": row.filename, "sha256": sha},
            )
    except BaseException:
        if written is not None:
            storage.delete(written)
        raise


def verify_document(
    uow: UnitOfWork, *, actor: Actor, document_id: uuid.UUID, data: DocumentVerify
) -> DocumentPublic:
    """Record that an officer verified the evidence, and how."""
    with uow:
        row = _under_review(uow, actor, document_id, data.version, DocumentStatus.VERIFIED)
        method = domain.verification_method(data.method)
        row.verification_agency = domain.check_agency(method, clean_text(data.agency))
        row.verification_method = method.value
        row.review_note = clean_text(data.note) or None
        return _decide(uow, actor, row, DocumentStatus.VERIFIED, AuditAction.DOCUMENT_VERIFY)


def reject_document(
    uow: UnitOfWork, *, actor: Actor, document_id: uuid.UUID, data: DocumentReject
) -> DocumentPublic:
    """Reject the evidence, with the reason."""
    with uow:
        row = _under_review(uow, actor, document_id, data.version, DocumentStatus.REJECTED)
        row.review_note = required_text(data.reason, "reason", max_len=4000)
        return _decide(uow, actor, row, DocumentStatus.REJECTED, AuditAction.DOCUMENT_REJECT)


def _under_review(
    uow: UnitOfWork, actor: Actor, document_id: uuid.UUID, version: int | None, target: DocumentStatus
) -> Document:
    """The document an officer verifies or rejects, at the version they read, if it may go to ``target``."""
    require(uow, actor, Permission.DOCUMENT_VERIFY, subject_type=SUBJECT, subject_id=document_id)
    row = DocumentRepository(uow.session).get(document_id)
    expect_version(row.version, version, what="document")
    domain.check_transition(row.status, target)
    return row


def _decide(
    uow: UnitOfWork, actor: Actor, row: Document, status: DocumentStatus, action: AuditAction
) -> DocumentPublic:
    before = _snapshot(row) | {"status": DocumentStatus.RECEIVED.value}
    row.status, row.reviewed_by, row.reviewed_at = status.value, actor.username, uow.clock.now()
    uow.flush()
    after = _snapshot(row) | {"method": row.verification_method, "agency": row.verification_agency}
    return _DOCUMENTS.saved(uow, actor, action, row, before=before, after=after)


def list_documents(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[DocumentPublic]:
    """A person's documents, newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        rows = DocumentRepository(uow.session).for_people(merged_record_ids(uow, person_id))
        return _DOCUMENTS.listed(uow, actor, AuditAction.DOCUMENT_LIST, rows, ("person", person_id))


def get_document(uow: UnitOfWork, *, actor: Actor, document_id: uuid.UUID) -> DocumentPublic:
    """One document's metadata."""
    return read_one(uow, actor, _DOCUMENTS, AuditAction.DOCUMENT_READ, DocumentRepository, document_id)


def download_document(
    uow: UnitOfWork, *, actor: Actor, storage: DocumentStorage, document_id: uuid.UUID, purpose: str = "view"
) -> Download:
    """The document's bytes, checked against the recorded SHA-256; audited with the purpose."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=document_id)
        row = DocumentRepository(uow.session).get(document_id)
        if row.doc_type == DocumentType.MEDICAL:
            require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type=SUBJECT, subject_id=document_id)
        content = storage.get(row.storage_key)
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise DocumentCorrupted(f"document {row.id} does not match its recorded SHA-256")
        return audit.audited_read(
            uow,
            Download(document=DocumentPublic.model_validate(row), content=content),
            actor=actor,
            action=AuditAction.DOCUMENT_DOWNLOAD,
            subject_type=SUBJECT,
            subject_id=row.id,
            purpose=required_text(purpose, "purpose", max_len=500),
            details=audit.fields(row, "person_id", "size_bytes"),
        )


def _snapshot(row: Document) -> dict[str, Any]:
    return audit.fields(
        row, "person_id", "application_id", "doc_type", "status", "content_type", "size_bytes"
    )
