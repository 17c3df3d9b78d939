"""/api routes: documents (multipart upload, metadata, audited download, verification)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import File, Form, Response, UploadFile, status

from onestop.cases import documents as d
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import ContainerDep, CurrentActor, UowDep
from onestop.web.downloads import download_headers

router = ServiceRouter(tags=["documents"])


@router.post(
    "/people/{person_id}/documents", status_code=status.HTTP_201_CREATED, response_model=d.DocumentPublic
)
def upload(
    uow: UowDep,
    actor: CurrentActor,
    container: ContainerDep,
    person_id: uuid.UUID,
    file: Annotated[UploadFile, File(description="A PDF, JPEG or PNG scan")],
    doc_type: Annotated[str, Form()],
    application_id: Annotated[uuid.UUID | None, Form()] = None,
    description: Annotated[str | None, Form()] = None,
) -> d.DocumentPublic:
    """Upload evidence; the type is read from the content, and the size is limited."""
    limit = container.settings.max_upload_bytes
    data = file.file.read(limit + 1)  # one byte more than allowed is enough to refuse it
    return d.upload_document(
        uow,
        actor=actor,
        storage=container.storage,
        max_bytes=limit,
        person_id=person_id,
        doc_type=doc_type,
        filename=file.filename,
        data=data,
        application_id=application_id,
        description=description,
    )


router.service_get(
    "/people/{person_id}/documents", d.list_documents, "of_person", "A person's documents, newest first."
)

router.service_get("/documents/{document_id}", d.get_document, "read", "A document's metadata.")


@router.get("/documents/{document_id}/content", response_class=Response)
def download(
    uow: UowDep, actor: CurrentActor, container: ContainerDep, document_id: uuid.UUID, purpose: str = "view"
) -> Response:
    """The document's bytes (audited with the purpose)."""
    got = d.download_document(
        uow, actor=actor, storage=container.storage, document_id=document_id, purpose=purpose
    )
    headers = download_headers(got.document.filename)
    return Response(got.content, media_type=got.document.content_type, headers=headers)


router.service_post(
    "/documents/{document_id}/verify",
    d.verify_document,
    "verify",
    "Verify the evidence (how; the agency for electronic checks).",
)

router.service_post(
    "/documents/{document_id}/reject", d.reject_document, "reject", "Reject the evidence with a reason."
)
