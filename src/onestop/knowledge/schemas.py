"""API and service models of the knowledge base."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class ArticleDraft(_In):
    """An article's words as written by an editor: a new article, or a new version of one (``version``
    is the article's version read, for the optimistic lock). Both languages, the source (a title and a
    web address or a document) and the date it must next be reviewed."""

    version: int | None = None
    kind: str = "howto"
    jurisdiction: str
    title_en: str = Field(max_length=200)
    body_en: str = Field(max_length=40_000)
    title_fr: str = Field(max_length=200)
    body_fr: str = Field(max_length=40_000)
    source_title: str = Field(max_length=300)
    source_url: str | None = Field(default=None, max_length=500)
    source_document: str | None = Field(default=None, max_length=300)
    review_on: dt.date
    links: list[str] = Field(default_factory=list, max_length=20)
    note: str = Field(default="", max_length=2000)


class Review(_In):
    """A reviewer's decision on a draft: publish it, or return it to its author with a note."""

    version: int | None = None  # the draft's version read
    note: str = Field(default="", max_length=2000)


class VersionLine(_Out):
    """A version in an article's history (without its words)."""

    id: uuid.UUID
    number: int
    based_on: int | None
    title_en: str
    title_fr: str
    note: str
    state: str
    author: str
    created_at: dt.datetime
    reviewed_by: str | None
    reviewed_at: dt.datetime | None
    review_note: str | None


class VersionPublic(VersionLine):
    """One version of an article, whole."""

    version: int
    article_id: uuid.UUID
    kind: str
    jurisdiction: str
    body_en: str
    body_fr: str
    source_title: str
    source_url: str | None
    source_document: str | None
    review_on: dt.date
    links: list[str]


class ArticlePublic(_Out):
    """An article: its published version (none before the first is published), the number of the
    last version written, and whether it is past its review date."""

    id: uuid.UUID
    version: int
    published_number: int | None
    latest_number: int
    created_by: str
    created_at: dt.datetime
    current: VersionPublic | None = None
    pending: VersionLine | None = None  # the draft waiting for review, if any
    review_due: bool = False


class ArticleSummary(BaseModel):
    """An article in a list or beside a program: its published titles, kind, jurisdiction, review."""

    id: uuid.UUID
    kind: str
    jurisdiction: str
    title_en: str
    title_fr: str
    review_on: dt.date
    review_due: bool
    source_title: str


class SnippetPart(BaseModel):
    """A piece of a search result's snippet; ``hit`` marks the words searched for."""

    text: str
    hit: bool = False


class SearchHit(BaseModel):
    """A search result: the article, its rank (higher is better) and a snippet in the language asked."""

    article: ArticleSummary
    rank: float
    snippet: list[SnippetPart]


class DraftLine(BaseModel):
    """A draft in the review queue."""

    article_id: uuid.UUID
    number: int
    version: int
    title_en: str
    title_fr: str
    jurisdiction: str
    author: str
    created_at: dt.datetime
    note: str
    new_article: bool
