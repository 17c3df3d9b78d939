"""Program names and how-to-apply text from the jurisdictions' catalogues, in the page's language."""

from __future__ import annotations

from functools import cache
from typing import Any

from starlette.requests import Request

from onestop.jurisdictions import JURISDICTIONS, Bilingual, Entry, load_catalogue
from onestop.web import pages


@cache
def _entries() -> dict[str, Entry]:
    found: dict[str, Entry] = {}
    for jurisdiction in JURISDICTIONS:
        found.update({e.id: e for e in load_catalogue(jurisdiction)})
    return found


def entry(program_id: str) -> Entry | None:
    """The catalogue entry of a program or service, if any catalogue has it."""
    return _entries().get(program_id)


def words(text: Bilingual | dict[str, Any] | None, language: str) -> str:
    """One language of a bilingual text (English when the other is missing)."""
    if text is None:
        return ""
    if isinstance(text, Bilingual):
        return text.fr if language == "fr" and text.fr else text.en
    value = text.get(language) or text.get("en") or ""
    return str(value)


def name(program_id: str, language: str) -> str:
    """A program's name as the catalogue gives it (its id when no catalogue knows it)."""
    found = entry(program_id)
    return words(found.name, language) if found else program_id


def page_context(request: Request) -> dict[str, Any]:
    """``program_name(id)`` and ``bilingual(text)`` for every template, in the page's language."""
    language = pages.language_of(request)
    return {
        "program_name": lambda program_id: name(str(program_id), language),
        "bilingual": lambda text: words(text, language),
    }


pages.CONTEXT_PROVIDERS.append(page_context)
