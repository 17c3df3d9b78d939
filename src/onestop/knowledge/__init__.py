"""The staff knowledge base (issue 18, part 5): policy how-tos, procedures and provincial and
inter-provincial contacts, in English and French, each with its jurisdiction, source and review date;
every edit a new version, published by a second person; searchable (PostgreSQL full-text search,
SQLite FTS5); linked from the catalogue's programs and the screening results. See docs/knowledge.md."""

from onestop.knowledge.domain import ArticleKind, Jurisdiction, VersionState, blocks
from onestop.knowledge.errors import ArticleNotFound, VersionNotFound
from onestop.knowledge.schemas import (
    ArticleDraft,
    ArticlePublic,
    ArticleSummary,
    DraftLine,
    Review,
    SearchHit,
    SnippetPart,
    VersionLine,
    VersionPublic,
)
from onestop.knowledge.services import (
    create_article,
    edit_article,
    get_article,
    get_version,
    history,
    linked_articles,
    list_articles,
    publish,
    return_draft,
    review_queue,
    search,
)

__all__ = [
    "ArticleDraft",
    "ArticleKind",
    "ArticleNotFound",
    "ArticlePublic",
    "ArticleSummary",
    "DraftLine",
    "Jurisdiction",
    "Review",
    "SearchHit",
    "SnippetPart",
    "VersionLine",
    "VersionNotFound",
    "VersionPublic",
    "VersionState",
    "blocks",
    "create_article",
    "edit_article",
    "get_article",
    "get_version",
    "history",
    "linked_articles",
    "list_articles",
    "publish",
    "return_draft",
    "review_queue",
    "search",
]
