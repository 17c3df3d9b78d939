"""The knowledge base's queries (the full-text search is in ``search``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import and_, delete, select

from onestop.db import Repository
from onestop.knowledge.domain import VersionState
from onestop.knowledge.errors import ArticleNotFound, VersionNotFound
from onestop.knowledge.models import Article, ArticleLink, ArticleVersion

_INT_MAX = 2**31 - 1
_PUBLISHED = and_(ArticleVersion.article_id == Article.id, ArticleVersion.number == Article.published_number)


class KnowledgeRepository(Repository[object]):
    """Articles, versions and links."""

    def article(self, article_id: uuid.UUID) -> Article:
        row = self.session.get(Article, article_id)
        if row is None:
            raise ArticleNotFound("no such article")
        return row

    def version(self, article_id: uuid.UUID, number: int) -> ArticleVersion:
        if not 1 <= number <= _INT_MAX:  # beyond the column's range: none (not a database error)
            raise VersionNotFound("no such version of the article")
        row = self.session.scalars(
            select(ArticleVersion).where(
                ArticleVersion.article_id == article_id, ArticleVersion.number == number
            )
        ).one_or_none()
        if row is None:
            raise VersionNotFound("no such version of the article")
        return row

    def versions(self, article_id: uuid.UUID) -> list[ArticleVersion]:
        """Every version of an article, the newest first."""
        query = (
            select(ArticleVersion)
            .where(ArticleVersion.article_id == article_id)
            .order_by(ArticleVersion.number.desc())
        )
        return list(self.session.scalars(query))

    def drafts_of(self, article_id: uuid.UUID) -> list[ArticleVersion]:
        query = select(ArticleVersion).where(
            ArticleVersion.article_id == article_id, ArticleVersion.state == VersionState.DRAFT.value
        )
        return list(self.session.scalars(query))

    def published(
        self,
        *,
        article_ids: Iterable[uuid.UUID] | None = None,
        jurisdiction: str | None = None,
        kind: str | None = None,
    ) -> list[tuple[Article, ArticleVersion]]:
        """Published articles with their current version, by English title."""
        query = select(Article, ArticleVersion).join(ArticleVersion, _PUBLISHED)
        if article_ids is not None:
            query = query.where(Article.id.in_(list(article_ids)))
        if jurisdiction:
            query = query.where(ArticleVersion.jurisdiction == jurisdiction)
        if kind:
            query = query.where(ArticleVersion.kind == kind)
        query = query.order_by(ArticleVersion.title_en, Article.id)
        return [(a, v) for a, v in self.session.execute(query)]

    def linked(self, entry_ids: Iterable[str]) -> list[tuple[str, Article, ArticleVersion]]:
        """Published articles naming any of these catalogue entries: (entry id, article, version)."""
        query = (
            select(ArticleLink.entry_id, Article, ArticleVersion)
            .join(Article, Article.id == ArticleLink.article_id)
            .join(ArticleVersion, _PUBLISHED)
            .where(ArticleLink.entry_id.in_(list(entry_ids)))
            .order_by(ArticleLink.entry_id, ArticleVersion.title_en)
        )
        return [(e, a, v) for e, a, v in self.session.execute(query)]

    def drafts(self) -> list[ArticleVersion]:
        """Drafts waiting for review, the oldest first."""
        query = (
            select(ArticleVersion)
            .where(ArticleVersion.state == VersionState.DRAFT.value)
            .order_by(ArticleVersion.created_at, ArticleVersion.id)
        )
        return list(self.session.scalars(query))

    def set_links(self, article_id: uuid.UUID, entry_ids: list[str]) -> None:
        """The catalogue entries the article's published version names, replacing the earlier ones."""
        self.session.execute(delete(ArticleLink).where(ArticleLink.article_id == article_id))
        self.session.add_all(ArticleLink(article_id=article_id, entry_id=e) for e in entry_ids)
