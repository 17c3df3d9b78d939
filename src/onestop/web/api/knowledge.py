"""/api/knowledge: the staff knowledge base: search, browse, read an article, its history and any
version; write a draft; publish or return another person's draft; the review queue; the articles
a catalogue entry (program or referral) names."""

from __future__ import annotations

from fastapi import Query

from onestop import knowledge as k
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(prefix="/knowledge", tags=["knowledge"])
_LANG = Query(default="en", description="The snippet's language: en or fr.")


@router.get("/search", response_model=list[k.SearchHit])
def search(
    uow: UowDep, actor: CurrentActor, q: str = Query(max_length=500), language: str = _LANG
) -> list[k.SearchHit]:
    """Published articles with every word of `q` (English or French), best first, with snippets."""
    return k.search(uow, actor=actor, q=q, language=language)


router.service_get(
    "/articles",
    k.list_articles,
    "articles",
    "Published articles, of one jurisdiction (ca-ab, ca-nl, ca) or kind (howto, procedure, contacts).",
    query=(
        "jurisdiction",
        "kind",
    ),
)

router.service_post(
    "/articles",
    k.create_article,
    "create",
    "A new article; its first version is a draft until a second person publishes it.",
    created=True,
)

router.service_get(
    "/review", k.review_queue, "review", "Drafts waiting for a second person, the oldest first."
)


@router.get("/entries/{entry_id}", response_model=list[k.ArticleSummary])
def for_entry(uow: UowDep, actor: CurrentActor, entry_id: str) -> list[k.ArticleSummary]:
    """Published articles naming a catalogue entry (`nl.emergency_assistance`)."""
    return k.linked_articles(uow, actor=actor, entry_ids=[entry_id]).get(entry_id, [])


router.service_get(
    "/articles/{article_id}",
    k.get_article,
    "article",
    "An article with its published version (and, for editors and reviewers, the draft waiting).",
)

router.service_post(
    "/articles/{article_id}/versions",
    k.edit_article,
    "edit",
    "A new version of the article, a draft (`version`: the article's version read; 409 if stale).",
    created=True,
)

router.service_get(
    "/articles/{article_id}/versions",
    k.history,
    "versions",
    "The article's history, the newest version first.",
)

router.service_get(
    "/articles/{article_id}/versions/{number}", k.get_version, "version", "One version, whole."
)

router.service_post(
    "/articles/{article_id}/versions/{number}/publish",
    k.publish,
    "publish",
    "Publish a draft (not one's own: 409).",
)

router.service_post(
    "/articles/{article_id}/versions/{number}/return",
    k.return_draft,
    "return_draft",
    "Return a draft to its author with a note saying what to change.",
)
