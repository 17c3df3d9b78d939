"""/api/knowledge: the staff knowledge base: search, browse, read an article, its history and any
version; write a draft; publish or return another person's draft; the review queue; the articles
a catalogue entry (program or referral) names."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, status

from onestop import knowledge as k
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/knowledge", tags=["knowledge"])
_LANG = Query(default="en", description="The snippet's language: en or fr.")


@router.get("/search", response_model=list[k.SearchHit])
def search(
    uow: UowDep, actor: CurrentActor, q: str = Query(max_length=500), language: str = _LANG
) -> list[k.SearchHit]:
    """Published articles with every word of `q` (English or French), best first, with snippets."""
    return k.search(uow, actor=actor, q=q, language=language)


@router.get("/articles", response_model=list[k.ArticleSummary])
def articles(
    uow: UowDep, actor: CurrentActor, jurisdiction: str | None = None, kind: str | None = None
) -> list[k.ArticleSummary]:
    """Published articles, of one jurisdiction (ca-ab, ca-nl, ca) or kind (howto, procedure, contacts)."""
    return k.list_articles(uow, actor=actor, jurisdiction=jurisdiction, kind=kind)


@router.post("/articles", status_code=status.HTTP_201_CREATED, response_model=k.ArticlePublic)
def create(uow: UowDep, actor: CurrentActor, body: k.ArticleDraft) -> k.ArticlePublic:
    """A new article; its first version is a draft until a second person publishes it."""
    return k.create_article(uow, actor=actor, data=body)


@router.get("/review", response_model=list[k.DraftLine])
def review(uow: UowDep, actor: CurrentActor) -> list[k.DraftLine]:
    """Drafts waiting for a second person, the oldest first."""
    return k.review_queue(uow, actor=actor)


@router.get("/entries/{entry_id}", response_model=list[k.ArticleSummary])
def for_entry(uow: UowDep, actor: CurrentActor, entry_id: str) -> list[k.ArticleSummary]:
    """Published articles naming a catalogue entry (`nl.emergency_assistance`)."""
    return k.linked_articles(uow, actor=actor, entry_ids=[entry_id]).get(entry_id, [])


@router.get("/articles/{article_id}", response_model=k.ArticlePublic)
def article(uow: UowDep, actor: CurrentActor, article_id: uuid.UUID) -> k.ArticlePublic:
    """An article with its published version (and, for editors and reviewers, the draft waiting)."""
    return k.get_article(uow, actor=actor, article_id=article_id)


@router.post(
    "/articles/{article_id}/versions", status_code=status.HTTP_201_CREATED, response_model=k.ArticlePublic
)
def edit(uow: UowDep, actor: CurrentActor, article_id: uuid.UUID, body: k.ArticleDraft) -> k.ArticlePublic:
    """A new version of the article, a draft (`version`: the article's version read; 409 if stale)."""
    return k.edit_article(uow, actor=actor, article_id=article_id, data=body)


@router.get("/articles/{article_id}/versions", response_model=list[k.VersionLine])
def versions(uow: UowDep, actor: CurrentActor, article_id: uuid.UUID) -> list[k.VersionLine]:
    """The article's history, the newest version first."""
    return k.history(uow, actor=actor, article_id=article_id)


@router.get("/articles/{article_id}/versions/{number}", response_model=k.VersionPublic)
def version(uow: UowDep, actor: CurrentActor, article_id: uuid.UUID, number: int) -> k.VersionPublic:
    """One version, whole."""
    return k.get_version(uow, actor=actor, article_id=article_id, number=number)


@router.post("/articles/{article_id}/versions/{number}/publish", response_model=k.ArticlePublic)
def publish(
    uow: UowDep, actor: CurrentActor, article_id: uuid.UUID, number: int, body: k.Review
) -> k.ArticlePublic:
    """Publish a draft (not one's own: 409)."""
    return k.publish(uow, actor=actor, article_id=article_id, number=number, data=body)


@router.post("/articles/{article_id}/versions/{number}/return", response_model=k.ArticlePublic)
def return_draft(
    uow: UowDep, actor: CurrentActor, article_id: uuid.UUID, number: int, body: k.Review
) -> k.ArticlePublic:
    """Return a draft to its author with a note saying what to change."""
    return k.return_draft(uow, actor=actor, article_id=article_id, number=number, data=body)
