"""The program and referral catalogue for staff: "is there anything for ...?" answered on the phone.

Both provinces' catalogues, in the page's language, searched by words (posted: what is typed may be
about someone) or browsed by province, kind and topic (choices only, so those stay in the address).
An entry's page gives who it is for, how to apply, the documents to bring and every way to reach the
office. The catalogue is public information read from the packs: nothing is stored or audited.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onestop.common.errors import NotFound
from onestop.common.i18n import N_
from onestop.jurisdictions import JURISDICTIONS, Catalogue, ContactKind, EntryKind, load_catalogue
from onestop.jurisdictions.catalogue import search
from onestop.web import pages
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, Posted

router = APIRouter(prefix="/catalogue")

PROVINCES = {"ca-ab": N_("Alberta"), "ca-nl": N_("Newfoundland and Labrador")}
KINDS = {
    EntryKind.DECIDED.value: N_("We decide it"),
    EntryKind.SCREENED.value: N_("We screen, the program decides"),
    EntryKind.REFERRAL.value: N_("Another organisation: refer"),
}
TOPICS = {
    "income": N_("Income"),
    "health": N_("Health"),
    "drugs": N_("Prescription drugs"),
    "seniors": N_("Seniors"),
    "disability": N_("Disability"),
    "children": N_("Children"),
    "child_care": N_("Child care"),
    "housing": N_("Housing"),
    "employment": N_("Work and training"),
    "urgent": N_("Urgent help"),
    "violence": N_("Family violence"),
    "protection": N_("Protection"),
    "bereavement": N_("A death in the family"),
    "travel": N_("Medical travel"),
    "legal": N_("Legal help"),
    "community": N_("Community services"),
    "decision_support": N_("Help with decisions"),
}
CONTACT_KINDS = {
    ContactKind.PHONE.value: N_("Phone"),
    ContactKind.TTY.value: N_("TTY"),
    ContactKind.TEXT.value: N_("Text message"),
    ContactKind.EMAIL.value: N_("E-mail"),
    ContactKind.WEB.value: N_("Web site"),
    ContactKind.ADDRESS.value: N_("Address"),
    ContactKind.ROUTING.value: N_("How to reach them"),
}


class SearchForm(PageForm):
    q: str = ""
    province: str = ""
    kind: str = ""
    topic: str = ""


def _catalogues(province: str) -> list[Catalogue]:
    chosen = [province] if province in JURISDICTIONS else list(JURISDICTIONS)
    return [load_catalogue(j) for j in chosen]


@router.get("")
def browse(
    request: Request, actor: StaffActor, province: str = "", kind: str = "", topic: str = ""
) -> HTMLResponse:
    """Every entry, or those of one province, kind or topic (links and choices, no typed words)."""
    return _results(request, SearchForm(province=province, kind=kind, topic=topic))


@router.post("")
def find(request: Request, actor: StaffActor, form: Posted[SearchForm]) -> HTMLResponse:
    """Entries matching the words typed, in English or French."""
    return _results(request, form)


@router.get("/{jurisdiction}/{entry_id}")
def entry(request: Request, actor: StaffActor, jurisdiction: str, entry_id: str) -> HTMLResponse:
    """One program or service: who it is for, how to apply, documents, and how to reach the office."""
    if jurisdiction not in JURISDICTIONS:
        raise NotFound("no such province")
    catalogue = load_catalogue(jurisdiction)
    if entry_id not in catalogue:
        raise NotFound("no such program or service")
    found = catalogue.get(entry_id)
    context = {
        "entry": found,
        "jurisdiction": jurisdiction,
        **_words(request),
    }
    return pages.render(request, "staff/catalogue/entry.html", context)


def _results(request: Request, form: SearchForm) -> HTMLResponse:
    kind = EntryKind(form.kind) if form.kind in KINDS else None
    topic = form.topic if form.topic in TOPICS else None
    found = search(_catalogues(form.province), form.q, kind=kind, tag=topic)
    context = {"found": found, "values": form.model_dump(), "searched": bool(form.q), **_words(request)}
    return pages.render(request, "staff/catalogue/search.html", context)


def _words(request: Request) -> dict[str, Any]:
    return {
        "provinces": labels.translated(request, PROVINCES),
        "kinds": labels.translated(request, KINDS),
        "topics": labels.translated(request, TOPICS),
        "contact_kinds": labels.translated(request, CONTACT_KINDS),
        "lang": pages.language_of(request),
    }
