"""Catalogue criteria evaluated in three values against a parsed case.

The same Kleene logic as the rules engine: an unknown input makes a comparison unknown, ``all`` is
false as soon as one part is false, ``any`` true as soon as one part is true. Values come from the
engine's parsed case (money in integer cents), so a criterion's amount is converted to cents too.
The unknown inputs that leave a result undecided are returned as case paths, the next questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from onestop.jurisdictions.catalogue import (
    All,
    AnyOf,
    AnyPerson,
    Compare,
    Criterion,
    Not,
    compare_values,
    compares,
)
from onestop.jurisdictions.catalogue.vocabulary import InputKind
from onestop.rules import Case
from onestop.rules.values import money_to_cents

Truth = bool | None


@dataclass
class Outcome:
    """A criterion's value and the unknown inputs that would decide it (empty once decided)."""

    value: Truth
    unknown: list[str] = field(default_factory=list)


class Evaluator:
    """Evaluates criteria over one case; ``kinds`` says which inputs are money (compared in cents)."""

    def __init__(self, case: Case, kinds: Mapping[tuple[str, str], InputKind]) -> None:
        self.case = case
        self.kinds = kinds

    def evaluate(self, criterion: Criterion) -> Outcome:
        """The three-valued outcome of a criterion for the whole unit."""
        return self._eval(criterion, None)

    def _eval(self, c: Criterion, member: int | None) -> Outcome:
        if isinstance(c, Compare):
            return self._compare(c, member)
        if isinstance(c, All):
            return _combine([self._eval(p, member) for p in c.parts], decisive=False)
        if isinstance(c, AnyOf):
            return _combine([self._eval(p, member) for p in c.parts], decisive=True)
        if isinstance(c, Not):
            inner = self._eval(c.part, member)
            return Outcome(None if inner.value is None else not inner.value, inner.unknown)
        assert isinstance(c, AnyPerson)
        if not self.case.people:
            return Outcome(None, _paths(c.part, "*"))
        return _combine([self._eval(c.part, i) for i in range(len(self.case.people))], decisive=True)

    def _compare(self, c: Compare, member: int | None) -> Outcome:
        if c.scope == "unit":
            return self._leaf(c, self.case.unit.get(c.name), f"unit.{c.name}")
        if c.scope == "person":
            assert member is not None
            return self._person_leaf(c, member)
        members = [
            i for i, person in enumerate(self.case.people) if c.scope == "*" or person.get("role") == c.scope
        ]
        unknown_role = [
            i for i, person in enumerate(self.case.people) if c.scope != "*" and "role" not in person
        ]
        outcomes = [self._person_leaf(c, i) for i in members]
        outcomes += [Outcome(None, [f"people[{self.case.person_ids[i]}].role"]) for i in unknown_role]
        if not outcomes:
            return Outcome(None, [c.path])
        return _combine(outcomes, decisive=True)

    def _person_leaf(self, c: Compare, member: int) -> Outcome:
        pid = self.case.person_ids[member]
        return self._leaf(c, self.case.people[member].get(c.name), f"people[{pid}].{c.name}")

    def _leaf(self, c: Compare, actual: Any, path: str) -> Outcome:
        if actual is None:
            return Outcome(None, [path])
        entity = "unit" if c.scope == "unit" else "person"
        kind = self.kinds.get((entity, c.name))
        expected = c.value
        if kind is not None and kind.kind == "money":
            expected = money_to_cents(str(expected))
        return Outcome(compare_values(actual, c.op, expected))


def _combine(parts: list[Outcome], *, decisive: bool) -> Outcome:
    """Kleene and (``decisive=False``: false decides) or or (``decisive=True``: true decides)."""
    if any(p.value is decisive for p in parts):
        return Outcome(decisive)
    if all(p.value is (not decisive) for p in parts):
        return Outcome(not decisive)
    unknown: dict[str, None] = {}
    for part in parts:
        if part.value is None:
            unknown.update(dict.fromkeys(part.unknown))
    return Outcome(None, list(unknown))


def _paths(c: Criterion, selector: str) -> list[str]:
    return list(dict.fromkeys(f"people[{selector}].{leaf.name}" for leaf in compares(c)))
