"""Queries for documents (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from onestop.cases.documents.errors import DocumentNotFound
from onestop.cases.documents.models import Document


class DocumentRepository:
    """Documents by id and by person."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: Document) -> None:
        """Stage a new document."""
        self.session.add(document)

    def get(self, document_id: uuid.UUID) -> Document:
        """The document; raises DocumentNotFound."""
        found = self.session.get(Document, document_id)
        if found is None:
            raise DocumentNotFound(f"no document with id {document_id}")
        return found

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
