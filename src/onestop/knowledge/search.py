"""Full-text search of the published articles: one interface, a backend per database.

PostgreSQL: the generated ``search_vector`` (English words stemmed in English, French in French, titles
weighing more) matched by ``plainto_tsquery`` in both languages, ranked by ``ts_rank_cd``, the snippet
from ``ts_headline``. SQLite (the embedded default): the FTS5 table ``knowledge_fts`` matched by the
quoted words, ranked by ``bm25`` (titles ten times the body), the snippet from ``snippet()``. Both
look for every word (AND), rank best first, and mark the words found in the snippet. Only the
published version of each article is searched.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import ClassVar, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

#: Marks around a found word in a snippet, as the database writes them (then split into parts).
START, STOP = "\x02", "\x03"


@dataclass(frozen=True)
class Match:
    """An article found: its id, rank (higher is better) and the snippet with the marks."""

    article_id: uuid.UUID
    rank: float
    snippet: str


class SearchBackend(Protocol):
    """Finds published articles by words; ``language`` ("en" or "fr") picks the snippet's text."""

    def search(self, session: Session, words: list[str], language: str, limit: int) -> list[Match]: ...


class SqliteSearch:
    """FTS5 (``knowledge_fts``, kept by triggers on ``knowledge_version``)."""

    #: The snippet's column per language (0 is the version id, then title_en, body_en, title_fr, body_fr).
    COLUMNS: ClassVar[dict[str, int]] = {"en": 2, "fr": 4}

    def search(self, session: Session, words: list[str], language: str, limit: int) -> list[Match]:
        query = " ".join('"' + w.replace('"', "") + '"' for w in words)
        statement = text(
            """
            SELECT v.article_id AS article_id,
                   bm25(knowledge_fts, 0.0, 10.0, 1.0, 10.0, 1.0) AS score,
                   snippet(knowledge_fts, :column, :start, :stop, '…', 24) AS snippet
            FROM knowledge_fts
            JOIN knowledge_version v ON v.id = knowledge_fts.version_id
            JOIN knowledge_article a ON a.id = v.article_id AND a.published_number = v.number
            WHERE knowledge_fts MATCH :query
            ORDER BY score, v.title_en
            LIMIT :limit
            """
        )
        rows = session.execute(
            statement,
            {"column": self.COLUMNS[language], "start": START, "stop": STOP, "query": query, "limit": limit},
        )
        return [Match(uuid.UUID(str(r.article_id)), -float(r.score), str(r.snippet or "")) for r in rows]


class PostgresSearch:
    """``tsvector`` (the generated ``search_vector`` with its GIN index)."""

    #: The snippet's column and text search configuration per language (fixed names, never input).
    HEADLINE: ClassVar[dict[str, tuple[str, str]]] = {
        "en": ("body_en", "english"),
        "fr": ("body_fr", "french"),
    }

    def search(self, session: Session, words: list[str], language: str, limit: int) -> list[Match]:
        column, config = self.HEADLINE[language]
        # The headline (the costly part) only for the rows kept: ranked and cut in the inner query.
        statement = text(
            f"""
            WITH q AS (
                SELECT plainto_tsquery('english', :words) || plainto_tsquery('french', :words) AS query
            ),
            best AS (
                SELECT v.article_id, v.{column} AS body, v.title_en,
                       ts_rank_cd(v.search_vector, q.query) AS score
                FROM knowledge_version v
                JOIN knowledge_article a ON a.id = v.article_id AND a.published_number = v.number
                CROSS JOIN q
                WHERE v.search_vector @@ q.query
                ORDER BY score DESC, v.title_en
                LIMIT :limit
            )
            SELECT best.article_id, best.score,
                   ts_headline('{config}', best.body, q.query, :options) AS snippet
            FROM best CROSS JOIN q
            ORDER BY best.score DESC, best.title_en
            """  # noqa: S608 - column and config come from HEADLINE, never from input
        )
        options = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2"
        rows = session.execute(statement, {"words": " ".join(words), "options": options, "limit": limit})
        return [Match(uuid.UUID(str(r.article_id)), float(r.score), str(r.snippet or "")) for r in rows]


def backend_for(session: Session) -> SearchBackend:
    """The backend of the session's database."""
    return PostgresSearch() if session.get_bind().dialect.name == "postgresql" else SqliteSearch()


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, found) pieces, the marks removed: pages escape the text and mark the words."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(START)
        if start < 0:
            parts.append((rest.replace(STOP, ""), False))
            break
        if start:
            parts.append((rest[:start].replace(STOP, ""), False))
        stop = rest.find(STOP, start + 1)
        stop = len(rest) if stop < 0 else stop
        parts.append((rest[start + 1 : stop], True))
        rest = rest[stop + 1 :]
    return [(t, hit) for t, hit in parts if t]
