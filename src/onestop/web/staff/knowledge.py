"""The staff knowledge base's pages: search and browse, an article (in the page's language, with its
source, review date and the programs it is about), its history and any older version, the form that
writes a draft (a new article or a new version), and the review queue where a second person publishes
or returns a draft.

Each post is one knowledge service call; bad input re-renders the form with the error beside its box
and what was typed (422); a refused step (publishing one's own draft, a stale version) says why (409).
Search words are posted (what is typed may be about someone), filters are links.

``knowledge_context`` gives the catalogue's program pages and the screening results the articles that
name a program (``knowledge_links(ids)`` in their templates).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import HTMLResponse, Response

from onestop import knowledge
from onestop.access import Actor, Permission
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.jurisdictions import JURISDICTIONS, load_catalogue
from onestop.web import pages
from onestop.web.staff import labels
from onestop.web.staff.forms import (
    BLANK,
    CONFLICT,
    PageForm,
    Posted,
    Shown,
    form_date,
    form_int,
    model,
    show,
)
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/knowledge")

KINDS = {
    "howto": N_("Policy how-to"),
    "procedure": N_("Procedure"),
    "contacts": N_("Contacts"),
}
JURISDICTION_NAMES = {
    "ca-nl": N_("Newfoundland and Labrador"),
    "ca-ab": N_("Alberta"),
    "ca": N_("Inter-provincial and federal"),
}
STATES = {
    "draft": N_("Draft, waiting for review"),
    "published": N_("Published"),
    "superseded": N_("Replaced by a later version"),
    "replaced": N_("Draft replaced by a later draft"),
    "returned": N_("Returned to its author"),
}
# Problems the knowledge services word without variable parts (for the French catalogue).
PROBLEMS = [
    N_("type at least one word to search for"),
    N_("give the source's web address or the document it comes from"),
    N_("must be a web address starting with http:// or https://"),
    N_("must not be in the past"),
    N_("must be within three years"),
    N_("a second person must publish this draft: you wrote it"),
]


SAVED = N_("The draft is saved. A second person must publish it.")


class SearchForm(PageForm):
    q: str = ""


class ArticleForm(PageForm):
    """The words of a draft (a new article or a new version)."""

    version: str = ""
    kind: str = "howto"
    jurisdiction: str = ""
    title_en: str = ""
    body_en: str = ""
    title_fr: str = ""
    body_fr: str = ""
    source_title: str = ""
    source_url: str = ""
    source_document: str = ""
    review_on: str = ""
    links: str = ""
    note: str = ""


class ReviewForm(PageForm):
    version: str = ""
    note: str = ""


@router.get("")
def browse(page: Page, jurisdiction: str = "", kind: str = "") -> HTMLResponse:
    """Every published article, or those of one jurisdiction or kind, and the search box."""
    place = jurisdiction if jurisdiction in JURISDICTION_NAMES else None
    what = kind if kind in KINDS else None
    listed = knowledge.list_articles(page.uow, actor=page.actor, jurisdiction=place, kind=what)
    context = {"listed": listed, "hits": None, "filters": {"jurisdiction": place, "kind": what}}
    return _search_page(page.request, context, Shown({"q": ""}))


@router.post("")
def find(page: Page, form: Posted[SearchForm]) -> Response:
    """Articles with every word typed, best first, with the passage that matched."""

    def act() -> list[knowledge.SearchHit]:
        return knowledge.search(
            page.uow, actor=page.actor, q=form.q, language=pages.language_of(page.request)
        )

    def done(hits: list[knowledge.SearchHit]) -> Response:
        return _search_page(
            page.request, {"listed": [], "hits": hits, "filters": {}}, Shown(form.model_dump())
        )

    def again(shown: Shown) -> Response:
        return _search_page(page.request, {"listed": [], "hits": None, "filters": {}}, shown)

    return page.submit(form, act, done, again)


@router.get("/review")
def review_queue(page: Page) -> HTMLResponse:
    """Drafts waiting for a second person, the oldest first."""
    context = {"drafts": knowledge.review_queue(page.uow, actor=page.actor), **_words(page.request)}
    return page.render("staff/knowledge/review.html", context)


@router.get("/new")
def new_article(page: Page) -> HTMLResponse:
    """The form for a new article."""
    _require_write(page.actor)
    review_on = page.uow.clock.today() + dt.timedelta(days=365)
    return _edit_page(page.request, None, Shown({"kind": "howto", "review_on": review_on.isoformat()}))


@router.post("/new")
def create(page: Page, form: Posted[ArticleForm]) -> Response:
    """Write a new article's first version (a draft)."""
    _require_write(page.actor)

    def act() -> knowledge.ArticlePublic:
        return knowledge.create_article(page.uow, actor=page.actor, data=_draft(form))

    def done(made: knowledge.ArticlePublic) -> Response:
        return page.to(f"/staff/knowledge/{made.id}/versions/1", SAVED)

    return page.submit(form, act, done, functools.partial(_edit_page, page.request, None))


@router.get("/{article_id:uuid}")
def article_page(page: Page, article_id: uuid.UUID) -> HTMLResponse:
    """The article as published, in the page's language, with its source, review date and programs."""
    found = knowledge.get_article(page.uow, actor=page.actor, article_id=article_id)
    shown = found.current
    context = {
        "article": found,
        "shown": shown,
        "blocks": knowledge.blocks(_body(page.request, shown)) if shown else [],
        "entries": _entries(shown.links if shown else []),
        **_words(page.request),
    }
    return page.render("staff/knowledge/article.html", context)


@router.get("/{article_id:uuid}/history")
def history_page(page: Page, article_id: uuid.UUID) -> HTMLResponse:
    """Every version of the article, the newest first."""
    context = {
        "article": knowledge.get_article(page.uow, actor=page.actor, article_id=article_id),
        "versions": knowledge.history(page.uow, actor=page.actor, article_id=article_id),
        **_words(page.request),
    }
    return page.render("staff/knowledge/history.html", context)


@router.get("/{article_id:uuid}/versions/{number}")
def version_page(page: Page, article_id: uuid.UUID, number: int) -> HTMLResponse:
    """One version, whole; a draft with the forms to publish or return it."""
    return _version_page(page, article_id, number)


@router.post("/{article_id:uuid}/versions/{number}/{step}")
def review_step(
    page: Page, article_id: uuid.UUID, number: int, step: str, form: Posted[ReviewForm]
) -> Response:
    """Publish the draft, or return it to its author with a note."""
    if step not in ("publish", "return"):
        raise HTTPException(status_code=404)

    def act() -> None:
        data = model(knowledge.Review, version=form_int(form.version, "version"), note=form.note)
        if step == "publish":
            knowledge.publish(page.uow, actor=page.actor, article_id=article_id, number=number, data=data)
        else:
            knowledge.return_draft(
                page.uow, actor=page.actor, article_id=article_id, number=number, data=data
            )

    def done(_: None) -> Response:
        if step == "publish":
            return page.to(
                f"/staff/knowledge/{article_id}", N_("The version is published. Staff now read it.")
            )
        return page.to("/staff/knowledge/review", N_("The draft is returned to its author."))

    again = functools.partial(_version_page, page, article_id, number)
    return page.submit(form, act, done, again, refused=CONFLICT)


@router.get("/{article_id:uuid}/edit")
def edit_page(page: Page, article_id: uuid.UUID) -> HTMLResponse:
    """The form for a new version, filled with the draft waiting (if any) or the published version."""
    _require_write(page.actor)
    found = knowledge.get_article(page.uow, actor=page.actor, article_id=article_id)
    number = found.pending.number if found.pending else (found.published_number or found.latest_number)
    start = knowledge.get_version(page.uow, actor=page.actor, article_id=article_id, number=number)
    values = start.model_dump(include=set(ArticleForm.model_fields) - {"version", "note", "links"})
    values |= {
        "version": found.version,
        "links": ", ".join(start.links),
        "review_on": start.review_on.isoformat(),
    }
    values |= {"source_url": start.source_url or "", "source_document": start.source_document or ""}
    return _edit_page(page.request, found, Shown(values))


@router.post("/{article_id:uuid}/edit")
def edit(page: Page, article_id: uuid.UUID, form: Posted[ArticleForm]) -> Response:
    """Write a new version of the article (a draft)."""
    _require_write(page.actor)

    def act() -> knowledge.ArticlePublic:
        return knowledge.edit_article(page.uow, actor=page.actor, article_id=article_id, data=_draft(form))

    def done(edited: knowledge.ArticlePublic) -> Response:
        return page.to(f"/staff/knowledge/{article_id}/versions/{edited.latest_number}", SAVED)

    def again(shown: Shown) -> Response:
        return _edit_page(
            page.request, knowledge.get_article(page.uow, actor=page.actor, article_id=article_id), shown
        )

    return page.submit(form, act, done, again, refused=CONFLICT)


def knowledge_context(request: Request) -> dict[str, Any]:
    """On the catalogue's program pages and the screening pages: ``knowledge_links(ids)``, the
    published articles naming each program (a dict by program id), fetched only when called."""
    path = request.url.path
    if not (path.startswith("/staff/catalogue/") or path.startswith("/staff/screenings/")):
        return {}
    actor: Actor | None = getattr(request.state, "actor", None)
    if actor is None or not actor.can(Permission.KNOWLEDGE_READ):
        return {}
    container = request.app.state.container

    def links(entry_ids: list[str]) -> dict[str, list[knowledge.ArticleSummary]]:
        return knowledge.linked_articles(container.uow(), actor=actor, entry_ids=entry_ids)

    fetch: Callable[[list[str]], dict[str, list[knowledge.ArticleSummary]]] = links
    return {"knowledge_links": fetch}


def _require_write(actor: Actor) -> None:
    if not actor.can(Permission.KNOWLEDGE_WRITE):
        raise HTTPException(status_code=403)


def _draft(form: ArticleForm) -> knowledge.ArticleDraft:
    """The service's input from the form; a bad date or number is an ``InvalidInput`` on its box."""
    review_on = form_date(form.review_on, "review_on")
    if review_on is None:
        raise InvalidInput("review_on", "is required")
    return model(
        knowledge.ArticleDraft,
        version=form_int(form.version, "version"),
        kind=form.kind,
        jurisdiction=form.jurisdiction,
        title_en=form.title_en,
        body_en=form.body_en,
        title_fr=form.title_fr,
        body_fr=form.body_fr,
        source_title=form.source_title,
        source_url=form.source_url or None,
        source_document=form.source_document or None,
        review_on=review_on,
        links=[x for x in re.split(r"[\s,;]+", form.links) if x],
        note=form.note,
    )


def _body(request: Request, version: knowledge.VersionPublic) -> str:
    return version.body_fr if pages.language_of(request) == "fr" else version.body_en


def _entries(entry_ids: list[str]) -> list[tuple[str, str, Any]]:
    """(id, province, catalogue entry) of the programs an article names, for links to their pages."""
    out = []
    for entry_id in entry_ids:
        for jurisdiction in JURISDICTIONS:
            catalogue = load_catalogue(jurisdiction)
            if entry_id in catalogue:
                out.append((entry_id, jurisdiction, catalogue.get(entry_id)))
                break
    return out


def _words(request: Request) -> dict[str, Any]:
    return {
        "kinds": labels.translated(request, KINDS),
        "places": labels.translated(request, JURISDICTION_NAMES),
        "states": labels.translated(request, STATES),
    }


def _search_page(request: Request, context: dict[str, Any], shown: Shown) -> HTMLResponse:
    return show(request, "staff/knowledge/search.html", {**context, **_words(request)}, shown)


def _edit_page(request: Request, article: knowledge.ArticlePublic | None, shown: Shown) -> HTMLResponse:
    return show(request, "staff/knowledge/edit.html", {"article": article, **_words(request)}, shown)


def _version_page(page: StaffPage, article_id: uuid.UUID, number: int, shown: Shown = BLANK) -> HTMLResponse:
    found = knowledge.get_version(page.uow, actor=page.actor, article_id=article_id, number=number)
    context = {
        "article": knowledge.get_article(page.uow, actor=page.actor, article_id=article_id),
        "shown": found,
        "blocks_en": knowledge.blocks(found.body_en),
        "blocks_fr": knowledge.blocks(found.body_fr),
        "entries": _entries(found.links),
        **_words(page.request),
    }
    return page.show("staff/knowledge/version.html", context, shown)
