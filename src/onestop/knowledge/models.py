"""Tables of the knowledge base: an article, its versions (every edit one row) and the catalogue entries
its published version names.

The search index is not a model: SQLite keeps an FTS5 table (``knowledge_fts``) filled by triggers on
``knowledge_version``; PostgreSQL a generated ``search_vector`` tsvector column on it with a GIN index.
Both are made by migration 0021 and named in ``SEARCH_OBJECTS`` so the schema comparison leaves them
alone (``onestop.db.migrate.include_object``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity, JSONDoc

#: Tables, columns and indexes made by the migration per dialect (not in the metadata).
SEARCH_OBJECTS = frozenset(
    {
        "knowledge_fts",
        "knowledge_fts_data",
        "knowledge_fts_idx",
        "knowledge_fts_content",
        "knowledge_fts_docsize",
        "knowledge_fts_config",
        "search_vector",
        "ix_knowledge_version_search_vector",
    }
)
Base.metadata.info.setdefault("unmanaged", set()).update(SEARCH_OBJECTS)


class Article(Entity):
    """A staff article; its words live in its versions. ``published_number`` is the version staff read
    (none until the first draft is published); ``latest_number`` the last version written."""

    __tablename__ = "knowledge_article"

    published_number: Mapped[int | None]
    latest_number: Mapped[int]
    created_by: Mapped[str] = mapped_column(String(100))


class ArticleVersion(Entity):
    """One version of an article, whole (both languages, source, review date, links): never edited,
    only moved from draft to published, returned, replaced or superseded."""

    __tablename__ = "knowledge_version"
    __table_args__ = (
        UniqueConstraint("article_id", "number"),
        Index(None, "state", "created_at"),
    )

    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("knowledge_article.id"), index=True)
    number: Mapped[int]
    based_on: Mapped[int | None]  # the published version the edit started from
    kind: Mapped[str] = mapped_column(String(20))
    jurisdiction: Mapped[str] = mapped_column(String(10))
    title_en: Mapped[str] = mapped_column(String(200))
    body_en: Mapped[str] = mapped_column(Text)
    title_fr: Mapped[str] = mapped_column(String(200))
    body_fr: Mapped[str] = mapped_column(Text)
    source_title: Mapped[str] = mapped_column(String(300))
    source_url: Mapped[str | None] = mapped_column(String(500))
    source_document: Mapped[str | None] = mapped_column(String(300))
    review_on: Mapped[dt.date] = mapped_column(Date)
    links: Mapped[list[Any]] = mapped_column(JSONDoc)
    note: Mapped[str] = mapped_column(Text)  # what changed, in the author's words
    state: Mapped[str] = mapped_column(String(12))
    author: Mapped[str] = mapped_column(String(100))
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[dt.datetime | None]
    review_note: Mapped[str | None] = mapped_column(Text)


class ArticleLink(Base):
    """A catalogue entry (program or referral) the published version of an article names."""

    __tablename__ = "knowledge_link"

    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("knowledge_article.id"), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
