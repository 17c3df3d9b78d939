"""Screening criteria: a small declarative form over case inputs, evaluated in three values.

A criterion is written in YAML, never as code or a string to evaluate::

    {input: "people[*].age", op: ">=", value: 65}          # some member is 65 or older
    {input: "people[applicant].receives_oas", op: "==", value: true}
    {input: "unit.annual_net_income", op: "<", value: "90000"}
    {all: [...]}, {any: [...]}, {not: {...}}
    {any_person: {all: [{input: person.age, op: "<", value: 18}, {input: person.disability, ...}]}}

``people[*]`` and ``any_person`` mean "at least one member"; ``people[<role>]`` the members with that
role. The screener compiles criteria to rules-engine expressions (``onestop.screening.criteria``) and
evaluates them with the engine's Kleene logic: an unknown input makes a comparison unknown, ``all``
is false as soon as one part is false, ``any`` true as soon as one is true. The unknown inputs that
leave a result undecided are the screener's next questions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

OPS = ("==", "!=", "<", "<=", ">", ">=", "in", "not_in")
_SYMBOL = {"==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥", "in": "∈", "not_in": "∉"}
_PATH = re.compile(r"^(unit|person|people\[(\*|applicant|partner|dependant)\])\.([a-z][a-z0-9_]*)$")


class CriterionError(ValueError):
    """A criterion that does not follow the form; the loader adds the file and entry."""


@dataclass(frozen=True)
class Compare:
    """``<input> <op> <value>``; ``scope`` is "unit", "person" (inside any_person), "*" or a role."""

    scope: str
    name: str
    op: str
    value: Any

    @property
    def path(self) -> str:
        """The input as written in a case: ``unit.x``, ``people[*].x``, ``people[applicant].x``."""
        if self.scope == "unit":
            return f"unit.{self.name}"
        if self.scope == "person":
            return f"person.{self.name}"
        return f"people[{self.scope}].{self.name}"


@dataclass(frozen=True)
class All:
    """Every part holds."""

    parts: tuple[Criterion, ...]


@dataclass(frozen=True)
class AnyOf:
    """At least one part holds."""

    parts: tuple[Criterion, ...]


@dataclass(frozen=True)
class Not:
    """The part does not hold."""

    part: Criterion


@dataclass(frozen=True)
class AnyPerson:
    """At least one member of the unit satisfies ``part`` (whose inputs are ``person.<name>``)."""

    part: Criterion


Criterion = Compare | All | AnyOf | Not | AnyPerson


def parse_criterion(raw: object, *, in_person: bool = False) -> Criterion:
    """Read a criterion from its YAML form; raises ``CriterionError`` saying what is wrong."""
    if not isinstance(raw, Mapping) or len(raw) == 0:
        raise CriterionError(
            f"a criterion is a mapping (input/op/value, all, any, not, any_person), got {raw!r}"
        )
    keys = set(raw)
    if keys == {"all"} or keys == {"any"}:
        (key,) = keys
        parts = raw[key]
        if not isinstance(parts, Sequence) or isinstance(parts, str) or not parts:
            raise CriterionError(f"'{key}' needs a non-empty list of criteria")
        parsed = tuple(parse_criterion(p, in_person=in_person) for p in parts)
        return All(parsed) if key == "all" else AnyOf(parsed)
    if keys == {"not"}:
        return Not(parse_criterion(raw["not"], in_person=in_person))
    if keys == {"any_person"}:
        if in_person:
            raise CriterionError("any_person cannot be nested in another any_person")
        return AnyPerson(parse_criterion(raw["any_person"], in_person=True))
    if keys == {"input", "op", "value"}:
        return _compare(raw, in_person)
    raise CriterionError(
        f"unknown criterion keys {sorted(keys)}: use input/op/value, all, any, not or any_person"
    )


def _compare(raw: Mapping[str, Any], in_person: bool) -> Compare:
    path, op, value = raw["input"], raw["op"], raw["value"]
    match = _PATH.match(str(path))
    if match is None:
        raise CriterionError(f"input {path!r} is not unit.<name>, people[*|role].<name> or person.<name>")
    head, selector, name = match.groups()
    scope = selector or head
    if (scope == "person") != in_person:
        raise CriterionError(
            f"input {path!r}: person.<name> is only for inside any_person, where people[...] cannot be used"
        )
    if op not in OPS:
        raise CriterionError(f"op {op!r} is not one of {', '.join(OPS)}")
    if op in ("in", "not_in") and (not isinstance(value, list) or not value):
        raise CriterionError(f"op {op} needs a non-empty list of values")
    if isinstance(value, float):
        raise CriterionError(f"value {value!r}: write amounts as strings or Decimals, never binary floats")
    return Compare(scope, name, op, tuple(value) if isinstance(value, list) else value)


def compares(criterion: Criterion) -> list[Compare]:
    """Every comparison in the criterion, in reading order."""
    if isinstance(criterion, Compare):
        return [criterion]
    if isinstance(criterion, (All, AnyOf)):
        return [c for part in criterion.parts for c in compares(part)]
    return compares(criterion.part)


def describe(criterion: Criterion) -> str:
    """The criterion in a compact, language-neutral notation (for explanations and docs)."""
    if isinstance(criterion, Compare):
        value = list(criterion.value) if isinstance(criterion.value, tuple) else criterion.value
        return f"{criterion.path} {_SYMBOL[criterion.op]} {value}"
    if isinstance(criterion, (All, AnyOf)):
        joiner = " and " if isinstance(criterion, All) else " or "
        return "(" + joiner.join(describe(p) for p in criterion.parts) + ")"
    if isinstance(criterion, Not):
        return f"not {describe(criterion.part)}"
    return f"some member: {describe(criterion.part)}"
