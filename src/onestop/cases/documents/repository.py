"""Queries for documents (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import exists, select

from onestop.cases.documents.errors import DocumentNotFound
from onestop.cases.documents.models import Document
from onestop.db import Repository


class DocumentRepository(Repository[Document]):
    """Documents by id and by person."""

    def get(self, document_id: uuid.UUID) -> Document:
        """The document; raises DocumentNotFound."""
        return self.fetch(Document, document_id, DocumentNotFound, "document")

    def for_people(self, person_ids: Sequence[uuid.UUID], *, limit: int = 500) -> list[Document]:
        """These people's documents, newest first."""
        stmt = (
            select(Document)
            .where(Document.person_id.in_(person_ids))
            .order_by(Document.created_at.desc(), Document.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def content_in_use(self, sha256: str) -> bool:
        """Whether a document with identical content exists (its stored object is then shared; indexed)."""
        return bool(self.session.scalar(select(exists().where(Document.sha256 == sha256))))
