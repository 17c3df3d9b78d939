"""The vocabulary of rules: entities, periods, value kinds, bilingual text and variable definitions."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Entity(enum.StrEnum):
    """Who a value belongs to: one person, or the benefit unit (the people counted together)."""

    PERSON = "person"
    UNIT = "unit"


class Period(enum.StrEnum):
    """The period a value is defined for; amounts in onestop's packs are monthly unless said otherwise."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Kind(enum.StrEnum):
    """Value types. Money is integer cents, rates integer millionths, enums strings from a domain."""

    MONEY = "money"
    BOOL = "bool"
    INT = "int"
    RATE = "rate"
    ENUM = "enum"
    DATE = "date"


PERSON = Entity.PERSON
UNIT = Entity.UNIT
MONEY = Kind.MONEY
BOOL = Kind.BOOL
INT = Kind.INT
RATE = Kind.RATE
ENUM = Kind.ENUM
DATE = Kind.DATE
MONTH = Period.MONTH
YEAR = Period.YEAR
DAY = Period.DAY


@dataclass(frozen=True)
class Text:
    """A text in English and French (the two official languages of the reference jurisdictions)."""

    en: str
    fr: str

    def __call__(self, lang: str = "en") -> str:
        """The text in ``lang`` (French falls back to English when a pack has no translation)."""
        return self.fr if lang == "fr" and self.fr else self.en

    @classmethod
    def of(cls, value: Text | Mapping[str, str] | str | None, default: str = "") -> Text:
        """Accept ``"words"``, ``{"en": ..., "fr": ...}`` or a ``Text``."""
        if isinstance(value, Text):
            return value
        if value is None:
            return cls(default, "")
        if isinstance(value, str):
            return cls(value, "")
        return cls(str(value.get("en", default)), str(value.get("fr", "")))


Formula = Callable[[Any], Any]
TextLike = Text | Mapping[str, str] | str
Domain = tuple[str, ...] | Mapping[str, TextLike]  # the values of an enum, with their words when a mapping


def split_domain(domain: Domain | None) -> tuple[tuple[str, ...] | None, dict[str, Text] | None]:
    """An enum's codes, and their words in English and French when the domain is a mapping."""
    if domain is None:
        return None, None
    if isinstance(domain, Mapping):
        return tuple(domain), {str(k): Text.of(v, str(k)) for k, v in domain.items()}
    return tuple(domain), None


@dataclass(frozen=True)
class Variable:
    """A named value of a person or a unit: an input (no formula) or computed by a formula."""

    name: str
    entity: Entity
    kind: Kind
    label: Text
    period: Period = Period.MONTH
    reference: str | None = None
    domain: tuple[str, ...] | None = None  # allowed values of an enum
    question: Text | None = None  # inputs: what the screener asks
    help: Text | None = None
    formula: Formula | None = None
    allow_negative: bool = False  # money inputs: e.g. a self-employment loss
    path: str | None = None  # inputs read from a nested field, e.g. "funeral.ceremony_cost"
    value_labels: Mapping[str, Text] | None = field(default=None, compare=False)  # enum codes in words

    @property
    def is_input(self) -> bool:
        """Inputs come from the case; everything else is computed."""
        return self.formula is None


def input_variable(
    name: str,
    entity: Entity,
    kind: Kind,
    *,
    label: Text | Mapping[str, str] | str,
    question: Text | Mapping[str, str] | str,
    help: Text | Mapping[str, str] | str | None = None,
    domain: Domain | None = None,
    period: Period = Period.MONTH,
    allow_negative: bool = False,
) -> Variable:
    """Declare an input: a value the case gives, with the question a screener asks for it.

    An enum's ``domain`` is its codes, or a mapping of each code to its words
    (``{"expected_to_work": {"en": "expected to work", "fr": "apte au travail"}}``): cases and JSON
    use the codes, explanations read to a client use the words.
    """
    codes, labels = split_domain(domain)
    return Variable(
        name=name,
        entity=entity,
        kind=kind,
        label=Text.of(label),
        period=period,
        domain=codes,
        question=Text.of(question),
        help=Text.of(help) if help is not None else None,
        allow_negative=allow_negative,
        value_labels=labels,
    )
