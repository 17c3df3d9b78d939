"""Searching the catalogue the way an officer on the phone asks: "is there anything for ...?".

Words are matched in both languages at once, without regard to case or accents ("prestation" finds
"Prestation", "enfant" finds "enfants"), against an entry's name, description, who it is for, its topics
and its agency. Every word must match somewhere; entries whose name matches come first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from onestop.jurisdictions.catalogue.model import Bilingual, Catalogue, Entry, EntryKind


@dataclass(frozen=True)
class Found:
    """One entry and the jurisdictions whose catalogue lists it (a federal program is in both)."""

    entry: Entry
    jurisdictions: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case without accents, for matching what was typed against the catalogue's words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _both(text: Bilingual | None) -> str:
    return f"{text.en} {text.fr}" if text is not None else ""


def _haystacks(entry: Entry) -> tuple[str, str]:
    name = fold(_both(entry.name))
    rest = " ".join(
        (
            _both(entry.description),
            _both(entry.who),
            _both(entry.agency.name),
            " ".join(entry.tags).replace("_", " "),
            entry.id,
        )
    )
    return name, fold(rest)


def search(
    catalogues: Iterable[Catalogue],
    text: str = "",
    *,
    kind: EntryKind | None = None,
    tag: str | None = None,
) -> list[Found]:
    """Entries matching every word of ``text`` (all of them when empty), names matching first.

    An entry listed the same by several catalogues (a federal program) appears once, with each of their
    jurisdictions; one that differs by province (211 Alberta, 211 Newfoundland and Labrador) appears once
    per province.
    """
    words = fold(text).split()
    seen: dict[tuple[str, Entry], tuple[Entry, list[str]]] = {}
    for catalogue in catalogues:
        for entry in catalogue:
            seen.setdefault((entry.id, entry), (entry, []))[1].append(catalogue.jurisdiction)
    ranked: list[tuple[int, int, Found]] = []
    for order, (entry, places) in enumerate(seen.values()):
        if kind is not None and entry.kind is not kind:
            continue
        if tag and tag not in entry.tags:
            continue
        name, rest = _haystacks(entry)
        if not all(w in name or w in rest for w in words):
            continue
        in_name = sum(1 for w in words if w in name)
        ranked.append((-in_name, order, Found(entry, tuple(places))))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [r[2] for r in ranked]
