"""/api/catalogue: the program catalogue (programs, who they are for, how to apply, where to refer).

Public information, the same as on the government pages it cites: no login needed.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from onestop.common.errors import NotFound
from onestop.jurisdictions import JURISDICTIONS, Catalogue, Entry, load_catalogue
from onestop.screening.domain import Item, Status

router = APIRouter(tags=["catalogue"])
_LANG = Query(default="en", pattern="^(en|fr)$", description="Language of the words.")


def _catalogue(jurisdiction: str) -> Catalogue:
    if jurisdiction not in JURISDICTIONS:
        raise NotFound(f"no catalogue for {jurisdiction!r} (known: {', '.join(JURISDICTIONS)})")
    return load_catalogue(jurisdiction)


def _entry(entry: Entry, lang: str) -> dict[str, Any]:
    data = Item(entry, Status.NOT_ASSESSED).to_dict(lang)
    for key in (
        "status",
        "status_text",
        "urgent",
        "monthly_amount",
        "reasons",
        "notes",
        "questions",
        "missing_parameters",
    ):
        data.pop(key)
    data["who"] = entry.who(lang)
    return data


@router.get("/catalogue/{jurisdiction}")
def list_catalogue(jurisdiction: str, lang: str = _LANG) -> dict[str, Any]:
    """Every program and service of a jurisdiction."""
    catalogue = _catalogue(jurisdiction)
    return {"jurisdiction": jurisdiction, "entries": [_entry(e, lang) for e in catalogue]}


@router.get("/catalogue/{jurisdiction}/{entry_id}")
def show_entry(jurisdiction: str, entry_id: str, lang: str = _LANG) -> dict[str, Any]:
    """One program or service."""
    catalogue = _catalogue(jurisdiction)
    if entry_id not in catalogue:
        raise NotFound(f"{entry_id!r} is not in the {jurisdiction} catalogue")
    return _entry(catalogue.get(entry_id), lang)
