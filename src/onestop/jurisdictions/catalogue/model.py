"""The program catalogue's records: bilingual text, contacts, agencies, entries, interactions, inputs.

A catalogue lists every program and service an officer must know about, whether onestop decides
eligibility for it or only screens and refers. Records are frozen: a catalogue is loaded once per
process and shared.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

from onestop.jurisdictions.catalogue.criteria import Criterion


@dataclass(frozen=True)
class Bilingual:
    """A text in English and French; both are required in the catalogue."""

    en: str
    fr: str

    def __call__(self, lang: str = "en") -> str:
        """The text in ``lang`` ("fr" or anything else for English)."""
        return self.fr if lang == "fr" else self.en


class EntryKind(enum.StrEnum):
    """What onestop does with a program: decide it, screen for it and refer, or only refer."""

    DECIDED = "decided"  # onestop's rule pack determines eligibility and amounts
    SCREENED = "screened"  # onestop screens for potential eligibility, the program decides
    REFERRAL = "referral"  # outside the department: onestop refers


class ContactKind(enum.StrEnum):
    """Ways to reach an office."""

    PHONE = "phone"
    TTY = "tty"
    TEXT = "text"
    EMAIL = "email"
    WEB = "web"
    ADDRESS = "address"
    ROUTING = "routing"  # "call 211", "your local police": a way in without a number of our own


REACHABLE = frozenset({ContactKind.PHONE, ContactKind.WEB, ContactKind.ADDRESS, ContactKind.ROUTING})


@dataclass(frozen=True)
class Contact:
    """One way to reach an office, with where we found it."""

    kind: ContactKind
    value: str
    source: str
    label: Bilingual | None = None
    hours: Bilingual | None = None
    note: str | None = None


@dataclass(frozen=True)
class Agency:
    """The office or agency an officer refers to, and how to reach it."""

    key: str
    name: Bilingual
    contacts: tuple[Contact, ...]

    def phones(self) -> tuple[Contact, ...]:
        """The telephone numbers, in catalogue order."""
        return tuple(c for c in self.contacts if c.kind is ContactKind.PHONE)


@dataclass(frozen=True)
class Test:
    """One screening question written as a rule, with the reason given when it fails."""

    when: Criterion
    because: Bilingual
    reference: str | None = None


@dataclass(frozen=True)
class Screening:
    """How the screener treats an entry: every test must hold; urgency raises it to the top."""

    tests: tuple[Test, ...]
    urgent_when: Criterion | None = None
    priority: int = 5  # 1 (emergency) .. 9 (general information); ties broken by likelihood


@dataclass(frozen=True)
class Entry:
    """One program or service of the catalogue."""

    id: str
    kind: EntryKind
    name: Bilingual
    description: Bilingual
    who: Bilingual
    act: Bilingual | None
    how_to_apply: Bilingual
    documents: tuple[Bilingual, ...]
    agency: Agency
    screening: Screening | None
    tags: tuple[str, ...] = ()
    file: str = ""


class Effect(enum.StrEnum):
    """What an interaction rule does to another program's screening result."""

    NOT_ELIGIBLE = "not_eligible"
    LIKELY = "likely"
    NOTE = "note"


@dataclass(frozen=True)
class Interaction:
    """A documented rule linking programs (e.g. AISH clients are not on Income Support)."""

    id: str
    when: Criterion
    program: str
    effect: Effect
    reason: Bilingual
    reference: str | None = None


@dataclass(frozen=True)
class InputSpec:
    """An input the pack adds to the case vocabulary, with the screener's question."""

    name: str  # "unit.no_money_for_food_today" or "person.fleeing_violence"
    kind: str  # bool | money | int | enum
    label: Bilingual
    question: Bilingual
    domain: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Catalogue:
    """A jurisdiction's catalogue: entries in file order, interactions, and the inputs it adds."""

    jurisdiction: str
    entries: tuple[Entry, ...]
    interactions: tuple[Interaction, ...] = ()
    inputs: tuple[InputSpec, ...] = ()
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.id: e for e in self.entries})

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> Entry:
        """The entry with this id (KeyError when absent)."""
        return self._by_id[entry_id]

    @property
    def ids(self) -> tuple[str, ...]:
        """Every entry id, in catalogue order."""
        return tuple(e.id for e in self.entries)
