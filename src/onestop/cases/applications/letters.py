"""Facts every case-work letter shares: the program's name in each language, the office phone, the law.

Case-work services queue their letters (``onestop.notices``) with these inside their own transaction.
"""

from __future__ import annotations

from typing import Any

from onestop.jurisdictions import load_catalogue

OFFICE_PHONE = "1-800-555-0100"


def program_words(program: str, jurisdiction: str) -> dict[str, str]:
    """The program's public name (the catalogue's), or its id in words when the catalogue lacks it."""
    catalogue = load_catalogue(jurisdiction)
    if program in catalogue:
        name = catalogue.get(program).name
        return {"en": name.en, "fr": name.fr}
    words = program.replace("-", " ").replace("_", " ")
    return {"en": words, "fr": words}


def common(program: str, jurisdiction: str, legal: str | dict[str, str] | None = None) -> dict[str, Any]:
    """The params every letter about a program carries."""
    return {
        "program": program_words(program, jurisdiction),
        "office_phone": OFFICE_PHONE,
        "legal_source": legal or {"en": "the program's rules", "fr": "les règles du programme"},
    }
