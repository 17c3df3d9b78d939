"""Errors of the knowledge base."""

from __future__ import annotations

from onestop.common.errors import NotFound


class ArticleNotFound(NotFound):
    """No article with that id (or none this person may read yet: a draft only its editors see)."""


class VersionNotFound(NotFound):
    """No such version of the article (or one this person may not read)."""
