"""Documents on both databases: upload checks, no orphan files, verification states, download audit."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from onestop.bootstrap import Container
from onestop.cases import documents
from onestop.cases.documents import Document, DocumentReject, DocumentVerify
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from onestop.storage import FilesystemStorage
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32


def _upload(container: Container, team: Team, person: uuid.UUID, **kw: Any) -> documents.DocumentPublic:
    args: dict[str, Any] = {"doc_type": "income_proof", "filename": "paystub.pdf", "data": PDF} | kw
    return documents.upload_document(
        container.uow(),
        actor=team.officer.actor,
        storage=container.storage,
        max_bytes=container.settings.max_upload_bytes,
        person_id=person,
        **args,
    )


def _rows(container: Container) -> int:
    uow = container.uow()
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(Document)) or 0)


def _files(container: Container) -> list[str]:
    assert isinstance(container.storage, FilesystemStorage)
    return container.storage.keys()


def test_upload_stores_bytes_outside_the_database_with_their_hash(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    doc = _upload(container, team, person, filename="../scans/paystub.PDF")
    assert (doc.status, doc.content_type, doc.size_bytes, doc.filename) == (
        "received",
        "application/pdf",
        len(PDF),
        "paystub.PDF",
    )
    assert doc.application_id is None
    assert _files(container) == [doc.sha256]
    assert ("document:upload", "ok") in audit_actions(container, doc.id)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"data": b"MZ\x90\x00 not a scan", "filename": "scan.pdf"}, "file"),
        ({"data": b""}, "file"),
        ({"doc_type": "selfie"}, "doc_type"),
    ],
)
def test_refused_uploads_leave_no_row_and_no_file(
    container: Container, team: Team, person: uuid.UUID, change: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        _upload(container, team, person, **change)
    assert err.value.field == field
    assert (_rows(container), _files(container)) == (0, [])


def test_the_size_limit_comes_from_the_settings(container: Container, team: Team, person: uuid.UUID) -> None:
    container.settings.max_upload_bytes = len(PDF) - 1
    with pytest.raises(InvalidInput, match="larger"):
        _upload(container, team, person)
    assert _files(container) == []


def test_a_database_failure_after_the_file_was_written_removes_the_file(
    container: Container, team: Team, person: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_audit(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr("onestop.audit.writes.record", failing_audit)  # the event cannot be written
    with pytest.raises(RuntimeError, match="went away"):
        _upload(container, team, person)
    assert (_rows(container), _files(container)) == (0, [])


def test_a_failed_upload_never_deletes_bytes_another_document_uses(
    container: Container, team: Team, person: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _upload(container, team, person)

    def failing_audit(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr("onestop.audit.writes.record", failing_audit)  # the event cannot be written
    with pytest.raises(RuntimeError):
        _upload(container, team, make_person(container))
    assert (_rows(container), _files(container)) == (1, [first.sha256])


def test_verify_then_reject_is_an_invalid_transition(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    doc = _upload(container, team, person)
    verify = DocumentVerify(
        version=doc.version, method="electronic_verification", agency="CRA", note="NOA 2025"
    )
    done = documents.verify_document(
        container.uow(), actor=team.officer.actor, document_id=doc.id, data=verify
    )
    assert (done.status, done.reviewed_by, done.verification_method, done.verification_agency) == (
        "verified",
        team.officer.actor.username,
        "electronic_verification",
        "CRA",
    )
    with pytest.raises(InvalidTransition):
        documents.reject_document(
            container.uow(), actor=team.officer.actor, document_id=doc.id, data=DocumentReject(reason="x")
        )


def test_verifying_a_rejected_document_is_an_invalid_transition(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    doc = _upload(container, team, person, data=PNG, doc_type="lease_rent_receipt", filename="lease.png")
    rejected = documents.reject_document(
        container.uow(),
        actor=team.colleague.actor,
        document_id=doc.id,
        data=DocumentReject(version=doc.version, reason="Illegible; please bring the original"),
    )
    assert (rejected.status, rejected.review_note) == ("rejected", "Illegible; please bring the original")
    with pytest.raises(InvalidTransition):
        documents.verify_document(
            container.uow(), actor=team.officer.actor, document_id=doc.id, data=DocumentVerify(method="copy")
        )


def test_verification_refusals(container: Container, team: Team, person: uuid.UUID) -> None:
    doc = _upload(container, team, person)
    with pytest.raises(InvalidInput) as err:
        documents.verify_document(
            container.uow(),
            actor=team.officer.actor,
            document_id=doc.id,
            data=DocumentVerify(method="electronic_verification"),
        )
    assert err.value.field == "agency"
    with pytest.raises(PermissionDenied):
        documents.verify_document(
            container.uow(), actor=team.finance.actor, document_id=doc.id, data=DocumentVerify(method="copy")
        )
    documents.verify_document(
        container.uow(),
        actor=team.officer.actor,
        document_id=doc.id,
        data=DocumentVerify(method="seen_original"),
    )
    with pytest.raises(Conflict):  # the version the client read is stale
        documents.reject_document(
            container.uow(),
            actor=team.officer.actor,
            document_id=doc.id,
            data=DocumentReject(version=doc.version, reason="x"),
        )


def test_download_is_audited_and_checks_the_hash(container: Container, team: Team, person: uuid.UUID) -> None:
    doc = _upload(container, team, person)
    got = documents.download_document(
        container.uow(),
        actor=team.colleague.actor,
        storage=container.storage,
        document_id=doc.id,
        purpose="eligibility review",
    )
    assert got.content == PDF
    assert ("document:download", "ok") in audit_actions(container, doc.id)
    assert isinstance(container.storage, FilesystemStorage)
    container.storage.path_of(doc.sha256).write_bytes(b"%PDF-tampered")
    with pytest.raises(documents.DocumentCorrupted):
        documents.download_document(
            container.uow(), actor=team.colleague.actor, storage=container.storage, document_id=doc.id
        )


def test_listing_and_medical_documents(container: Container, team: Team, person: uuid.UUID) -> None:
    _upload(container, team, person)
    medical = _upload(container, team, person, doc_type="medical", data=PNG, filename="note.png")
    listed = documents.list_documents(container.uow(), actor=team.officer.actor, person_id=person)
    assert {d.doc_type for d in listed} == {"income_proof", "medical"}
    with pytest.raises(PermissionDenied):
        documents.list_documents(container.uow(), actor=team.finance.actor, person_id=person)
    got = documents.download_document(
        container.uow(), actor=team.officer.actor, storage=container.storage, document_id=medical.id
    )
    assert got.content == PNG


def test_a_document_cannot_be_filed_under_someone_elses_application(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    with pytest.raises(InvalidInput, match="application_id"):
        _upload(container, team, person, application_id=uuid.uuid4())
    assert _rows(container) == 0
