"""The knowledge base's use cases: write an article or a new version of one (a draft), publish or
return a draft (a second person: never its author), read an article, a version and its history,
search, browse, the review queue, and the articles a program or service names.

Articles are staff guidance, not personal data: reads are not audited (a refused one is, by
``require``); every change is. Drafts, returned and replaced versions are seen only by those who
write or publish articles; everyone on staff reads what is published and its history.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.enums import parse_enum
from onestop.common.errors import Conflict, InvalidInput
from onestop.db import UnitOfWork, expect_version
from onestop.jurisdictions import JURISDICTIONS, load_catalogue
from onestop.knowledge import domain
from onestop.knowledge.domain import ArticleKind, Jurisdiction, VersionState
from onestop.knowledge.errors import ArticleNotFound, VersionNotFound
from onestop.knowledge.models import Article, ArticleVersion
from onestop.knowledge.repository import KnowledgeRepository
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
from onestop.knowledge.search import backend_for, snippet_parts

ARTICLE = "knowledge_article"
#: States everyone on staff may read; the others only editors and reviewers.
_PUBLIC_STATES = frozenset({VersionState.PUBLISHED.value, VersionState.SUPERSEDED.value})
LANGUAGES = ("en", "fr")


def create_article(uow: UnitOfWork, *, actor: Actor, data: ArticleDraft) -> ArticlePublic:
    """A new article; its first version is a draft until someone else publishes it."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_WRITE, subject_type=ARTICLE)
        fields = _checked(uow, data)
        article = Article(latest_number=1, published_number=None, created_by=actor.username)
        article.created_at = uow.clock.now()
        uow.session.add(article)
        uow.flush()
        row = _new_version(uow, actor, article, fields, number=1, based_on=None)
        return audit.audited_write(
            uow,
            lambda: _article(KnowledgeRepository(uow.session), article, uow, actor),
            actor=actor,
            action=AuditAction.KNOWLEDGE_CREATE,
            subject_type=ARTICLE,
            subject_id=article.id,
            after=_snapshot(row),
            details={"number": 1},
        )


def edit_article(
    uow: UnitOfWork, *, actor: Actor, article_id: uuid.UUID, data: ArticleDraft
) -> ArticlePublic:
    """A new version of the article (a draft, from the version published now); an older draft not yet
    reviewed is replaced by it."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_WRITE, subject_type=ARTICLE, subject_id=article_id)
        repo = KnowledgeRepository(uow.session)
        article = repo.article(article_id)
        expect_version(article.version, data.version, what="article")
        fields = _checked(uow, data)
        replaced = []
        for old in repo.drafts_of(article.id):
            old.state = VersionState.REPLACED.value
            replaced.append(old.number)
        article.latest_number += 1
        row = _new_version(
            uow, actor, article, fields, number=article.latest_number, based_on=article.published_number
        )
        return audit.audited_write(
            uow,
            lambda: _article(repo, article, uow, actor),
            actor=actor,
            action=AuditAction.KNOWLEDGE_DRAFT,
            subject_type=ARTICLE,
            subject_id=article.id,
            after=_snapshot(row),
            details={"number": row.number, "based_on": row.based_on, "replaced": replaced},
        )


def publish(
    uow: UnitOfWork, *, actor: Actor, article_id: uuid.UUID, number: int, data: Review
) -> ArticlePublic:
    """Publish a draft (maker-checker: not its author). The version published before is superseded;
    a draft written from an older published version is refused (409): edit the article again."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_PUBLISH, subject_type=ARTICLE, subject_id=article_id)
        repo = KnowledgeRepository(uow.session)
        article = repo.article(article_id)
        row = repo.version(article.id, number)
        domain.check_publisher(row.author, actor.username, row.state)
        expect_version(row.version, data.version, what="draft")
        if row.based_on != article.published_number:
            raise Conflict(
                f"version {article.published_number} was published after this draft was written; "
                "edit the article again from it"
            )
        if article.published_number is not None:
            repo.version(article.id, article.published_number).state = VersionState.SUPERSEDED.value
        row.state = VersionState.PUBLISHED.value
        row.review_note = domain.line_text(data.note, "note", max_len=2000, required=False) or None
        article.published_number = row.number
        repo.set_links(article.id, list(row.links))
        after = {"published_number": row.number, "links": list(row.links)}
        return _reviewed(uow, actor, AuditAction.KNOWLEDGE_PUBLISH, repo, article, row, after)


def return_draft(
    uow: UnitOfWork, *, actor: Actor, article_id: uuid.UUID, number: int, data: Review
) -> ArticlePublic:
    """Send a draft back to its author with a note saying what to change (it is not published)."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_PUBLISH, subject_type=ARTICLE, subject_id=article_id)
        repo = KnowledgeRepository(uow.session)
        article = repo.article(article_id)
        row = repo.version(article.id, number)
        domain.check_reviewable(row.state)
        expect_version(row.version, data.version, what="draft")
        row.review_note = domain.line_text(data.note, "note", max_len=2000)
        row.state = VersionState.RETURNED.value
        return _reviewed(uow, actor, AuditAction.KNOWLEDGE_RETURN, repo, article, row, {"state": row.state})


def _reviewed(
    uow: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    repo: KnowledgeRepository,
    article: Article,
    row: ArticleVersion,
    after: dict[str, Any],
) -> ArticlePublic:
    """End the review of a draft, published or returned: stamped with its reviewer, recorded against the
    article naming the draft (its number and author), and the article handed back."""
    row.reviewed_by, row.reviewed_at = actor.username, uow.clock.now()
    uow.flush()
    return audit.audited_write(
        uow,
        lambda: _article(repo, article, uow, actor),
        actor=actor,
        action=action,
        subject_type=ARTICLE,
        subject_id=article.id,
        after=after,
        details=audit.fields(row, "number", "author"),
    )


def get_article(uow: UnitOfWork, *, actor: Actor, article_id: uuid.UUID) -> ArticlePublic:
    """An article with its published version (and, for editors and reviewers, the draft waiting)."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_READ, subject_type=ARTICLE, subject_id=article_id)
        repo = KnowledgeRepository(uow.session)
        article = repo.article(article_id)
        if article.published_number is None and not _edits(actor):
            raise ArticleNotFound("no such article")
        return _article(repo, article, uow, actor)


def get_version(uow: UnitOfWork, *, actor: Actor, article_id: uuid.UUID, number: int) -> VersionPublic:
    """One version, whole (an older one stays readable; drafts only for editors and reviewers)."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_READ, subject_type=ARTICLE, subject_id=article_id)
        row = KnowledgeRepository(uow.session).version(article_id, number)
        if row.state not in _PUBLIC_STATES and not _edits(actor):
            raise VersionNotFound("no such version of the article")
        return VersionPublic.model_validate(row)


def history(uow: UnitOfWork, *, actor: Actor, article_id: uuid.UUID) -> list[VersionLine]:
    """Every version of the article, the newest first (drafts only for editors and reviewers)."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_READ, subject_type=ARTICLE, subject_id=article_id)
        repo = KnowledgeRepository(uow.session)
        repo.article(article_id)
        rows = [r for r in repo.versions(article_id) if _edits(actor) or r.state in _PUBLIC_STATES]
        if not rows:
            raise ArticleNotFound("no such article")
        return [VersionLine.model_validate(r) for r in rows]


def search(
    uow: UnitOfWork, *, actor: Actor, q: str, language: str = "en", limit: int = 20
) -> list[SearchHit]:
    """Published articles with every word of ``q`` (in English or French), best first, each with a
    snippet of its body in ``language`` marking the words found."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_READ, subject_type=ARTICLE)
        words = domain.query_words(q)
        if language not in LANGUAGES:
            raise InvalidInput("language", "must be en or fr")
        if not 1 <= limit <= 100:
            raise InvalidInput("limit", "must be between 1 and 100")
        matches = backend_for(uow.session).search(uow.session, words, language, limit)
        repo = KnowledgeRepository(uow.session)
        found = {
            a.id: _summary(a, v, uow) for a, v in repo.published(article_ids=[m.article_id for m in matches])
        }
        return [
            SearchHit(
                article=found[m.article_id],
                rank=m.rank,
                snippet=[SnippetPart(text=t, hit=hit) for t, hit in snippet_parts(m.snippet)],
            )
            for m in matches
            if m.article_id in found
        ]


def list_articles(
    uow: UnitOfWork, *, actor: Actor, jurisdiction: str | None = None, kind: str | None = None
) -> list[ArticleSummary]:
    """Published articles, of one jurisdiction or kind, by title."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_READ, subject_type=ARTICLE)
        place = parse_enum(Jurisdiction, jurisdiction, field="jurisdiction").value if jurisdiction else None
        what = parse_enum(ArticleKind, kind, field="kind").value if kind else None
        rows = KnowledgeRepository(uow.session).published(jurisdiction=place, kind=what)
        return [_summary(a, v, uow) for a, v in rows]


def review_queue(uow: UnitOfWork, *, actor: Actor) -> list[DraftLine]:
    """Drafts waiting for a second person, the oldest first."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_PUBLISH, subject_type=ARTICLE)
        repo = KnowledgeRepository(uow.session)
        return [
            DraftLine(
                article_id=r.article_id,
                number=r.number,
                version=r.version,
                title_en=r.title_en,
                title_fr=r.title_fr,
                jurisdiction=r.jurisdiction,
                author=r.author,
                created_at=r.created_at,
                note=r.note,
                new_article=r.based_on is None,
            )
            for r in repo.drafts()
        ]


def linked_articles(
    uow: UnitOfWork, *, actor: Actor, entry_ids: Iterable[str]
) -> dict[str, list[ArticleSummary]]:
    """The published articles naming each catalogue entry (program or referral), by title; entries
    without any are left out. For the catalogue's program page and the screening results."""
    with uow:
        require(uow, actor, Permission.KNOWLEDGE_READ, subject_type=ARTICLE)
        out: dict[str, list[ArticleSummary]] = {}
        wanted = {e for e in entry_ids if domain.is_entry_id(e)}
        for entry, article, version in KnowledgeRepository(uow.session).linked(wanted):
            out.setdefault(entry, []).append(_summary(article, version, uow))
        return out


def _edits(actor: Actor) -> bool:
    return actor.can(Permission.KNOWLEDGE_WRITE) or actor.can(Permission.KNOWLEDGE_PUBLISH)


def _checked(uow: UnitOfWork, data: ArticleDraft) -> dict[str, Any]:
    """The draft's fields, checked and normalised (InvalidInput names the first bad one)."""
    kind = parse_enum(ArticleKind, data.kind, field="kind")
    place = parse_enum(Jurisdiction, data.jurisdiction, field="jurisdiction")
    fields: dict[str, Any] = {
        "kind": kind.value,
        "jurisdiction": place.value,
        "title_en": domain.line_text(data.title_en, "title_en", max_len=domain.TITLE_MAX),
        "body_en": domain.body_text(data.body_en, "body_en"),
        "title_fr": domain.line_text(data.title_fr, "title_fr", max_len=domain.TITLE_MAX),
        "body_fr": domain.body_text(data.body_fr, "body_fr"),
        "source_title": domain.line_text(data.source_title, "source_title", max_len=300),
        "source_url": domain.source_url(data.source_url),
        "source_document": domain.line_text(
            data.source_document, "source_document", max_len=300, required=False
        )
        or None,
        "links": _catalogued(domain.links(data.links)),
        "note": domain.line_text(data.note, "note", max_len=2000, required=False),
    }
    domain.check_source(fields["source_url"], fields["source_document"])
    domain.check_review_on(data.review_on, uow.clock.today())
    fields["review_on"] = data.review_on
    return fields


def _catalogued(entry_ids: list[str]) -> list[str]:
    """The ids, each a program or service of a province's catalogue."""
    for entry_id in entry_ids:
        if not any(entry_id in load_catalogue(j) for j in JURISDICTIONS):
            raise InvalidInput("links", f"{entry_id} is not a program or service of the catalogue")
    return entry_ids


def _new_version(
    uow: UnitOfWork,
    actor: Actor,
    article: Article,
    fields: dict[str, Any],
    *,
    number: int,
    based_on: int | None,
) -> ArticleVersion:
    row = ArticleVersion(
        article_id=article.id,
        number=number,
        based_on=based_on,
        state=VersionState.DRAFT.value,
        author=actor.username,
        created_at=uow.clock.now(),
        **fields,
    )
    if not row.note:
        row.note = "First version" if based_on is None and number == 1 else "Edited"
    uow.session.add(row)
    uow.flush()
    return row


def _snapshot(row: ArticleVersion) -> dict[str, Any]:
    return {
        "number": row.number,
        "kind": row.kind,
        "jurisdiction": row.jurisdiction,
        "title_en": row.title_en,
        "title_fr": row.title_fr,
        "source_title": row.source_title,
        "review_on": row.review_on,
        "links": list(row.links),
        "state": row.state,
    }


def _summary(article: Article, version: ArticleVersion, uow: UnitOfWork) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        kind=version.kind,
        jurisdiction=version.jurisdiction,
        title_en=version.title_en,
        title_fr=version.title_fr,
        review_on=version.review_on,
        review_due=domain.review_due(version.review_on, uow.clock.today()),
        source_title=version.source_title,
    )


def _article(repo: KnowledgeRepository, article: Article, uow: UnitOfWork, actor: Actor) -> ArticlePublic:
    out = ArticlePublic.model_validate(article)
    if article.published_number is not None:
        current = repo.version(article.id, article.published_number)
        out.current = VersionPublic.model_validate(current)
        out.review_due = domain.review_due(current.review_on, uow.clock.today())
    if _edits(actor):
        drafts = repo.drafts_of(article.id)
        out.pending = VersionLine.model_validate(drafts[0]) if drafts else None
    return out
