"""API and service models for documents."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from onestop.common.schemas import StrictInput as _In


class DocumentVerify(_In):
    """Verify a document read at ``version``: how (and with which agency, for electronic checks)."""

    version: int | None = None
    method: str
    agency: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=4000)


class DocumentReject(_In):
    """Reject a document read at ``version``, with the reason the client will be told."""

    version: int | None = None
    reason: str = Field(max_length=4000)


class DocumentPublic(BaseModel):
    """A document's metadata (the bytes come from the download route)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    application_id: uuid.UUID | None
    doc_type: str
    description: str | None
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    status: str
    created_at: dt.datetime
    uploaded_by: str
    reviewed_by: str | None
    reviewed_at: dt.datetime | None
    verification_method: str | None
    verification_agency: str | None
    review_note: str | None


class Download(BaseModel):
    """A document's metadata with its bytes (checked against the recorded SHA-256)."""

    document: DocumentPublic
    content: bytes
