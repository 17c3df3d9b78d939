"""Reading a case (reference/case-format.md) strictly: unknown names, wrong types, bad dates and
amounts are refused naming the field; absent or ``null`` values are unknown, never zero."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from onestop.rules.errors import CaseInvalid
from onestop.rules.types import Entity, Kind, Variable
from onestop.rules.values import BadValueError, age_on, money_to_cents, parse_iso_date

TOP_LEVEL = ("jurisdiction", "date", "people", "unit")


@dataclass
class Case:
    """A parsed case: values converted (money in cents), unknowns absent."""

    jurisdiction: str
    date: dt.date
    person_ids: list[str] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    unit: dict[str, Any] = field(default_factory=dict)


class Vocabulary:
    """The inputs a pack accepts, by entity, and how nested unit fields map to them."""

    def __init__(self, inputs: list[Variable], nested: Mapping[str, str]) -> None:
        self.person = {v.name: v for v in inputs if v.entity is Entity.PERSON}
        self.unit = {v.name: v for v in inputs if v.entity is Entity.UNIT}
        self.nested = dict(nested)

    def path(self, var: Variable, person_id: str | None = None) -> str:
        """The input path an officer would fill: ``people[p1].age``, ``unit.funeral.ceremony_cost``."""
        if person_id is not None:
            return f"people[{person_id}].{var.name}"
        for group, prefix in self.nested.items():
            if var.name.startswith(prefix):
                return f"unit.{group}.{var.name[len(prefix) :]}"
        return f"unit.{var.name}"


def parse_case(data: object, vocab: Vocabulary) -> Case:
    """Validate and convert a case mapping."""
    if type(data) is not dict and not isinstance(data, Mapping):  # (the ABC check is slow)
        raise CaseInvalid("case", "must be a mapping with jurisdiction, date, people and unit")
    for key in data:
        if key not in TOP_LEVEL:
            raise CaseInvalid(str(key), "unknown field")
    if data.get("date") is None:
        raise CaseInvalid("date", "is required (YYYY-MM-DD)")
    on = _convert(data["date"], Kind.DATE, "date")
    case = Case(jurisdiction=str(data.get("jurisdiction", "")), date=on)
    people = data.get("people") or []
    if not isinstance(people, list):
        raise CaseInvalid("people", "must be a list")
    for n, raw in enumerate(people):
        pid, values = _person(raw, n, vocab, on)
        if pid in case.person_ids:
            raise CaseInvalid(f"people[{n}].id", f"repeats {pid!r}")
        case.person_ids.append(pid)
        case.people.append(values)
    case.unit = _unit(data.get("unit") or {}, vocab)
    return case


def _person(raw: object, n: int, vocab: Vocabulary, on: dt.date) -> tuple[str, dict[str, Any]]:
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise CaseInvalid(f"people[{n}]", "must be a mapping")
    pid = raw.get("id", f"p{n + 1}")
    if not isinstance(pid, (str, int)) or isinstance(pid, bool) or str(pid) == "":
        raise CaseInvalid(f"people[{n}].id", "must be a text identifier")
    pid = str(pid)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("id", "birth_date") or value is None:
            continue
        var = vocab.person.get(str(key))
        if var is None:
            raise CaseInvalid(f"people[{pid}].{key}", "unknown field")
        try:
            values[var.name] = parse_value(value, var.kind, var)
        except BadValueError as err:  # the path is written only when there is something to say
            raise CaseInvalid(f"people[{pid}].{key}", str(err)) from None
    if raw.get("birth_date") is not None:
        if "age" not in vocab.person:
            raise CaseInvalid(f"people[{pid}].birth_date", "unknown field")
        born = _convert(raw["birth_date"], Kind.DATE, f"people[{pid}].birth_date")
        if born > on:
            raise CaseInvalid(f"people[{pid}].birth_date", "is after the case date")
        age = age_on(born, on)
        if "age" in values and values["age"] != age:
            raise CaseInvalid(
                f"people[{pid}].age", f"disagrees with birth_date (age {age} on {on.isoformat()})"
            )
        values["age"] = age
    return pid, values


def _unit(raw: object, vocab: Vocabulary) -> dict[str, Any]:
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise CaseInvalid("unit", "must be a mapping")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in vocab.nested and (value is None or isinstance(value, Mapping)):
            for sub, subvalue in (value or {}).items():
                _unit_value(values, vocab, vocab.nested[key] + str(sub), subvalue, f"unit.{key}.{sub}")
            continue
        _unit_value(values, vocab, str(key), value, f"unit.{key}")
    return values


def _unit_value(values: dict[str, Any], vocab: Vocabulary, key: str, value: object, name: str) -> None:
    var = vocab.unit.get(key)
    if var is None:
        raise CaseInvalid(name, "unknown field")
    if value is not None:
        values[var.name] = _convert(value, var.kind, name, var)


#: The largest whole number a case may hold (ages, counts): far beyond any real one.
LARGEST = 10**15


def _convert(value: object, kind: Kind, name: str, var: Variable | None = None) -> Any:
    try:
        return parse_value(value, kind, var)
    except BadValueError as err:
        raise CaseInvalid(name, str(err)) from None


def parse_value(value: object, kind: Kind, var: Variable | None = None) -> Any:
    """One value in the engine's form (money in cents); raises ``BadValueError`` saying what is wrong."""
    if kind is Kind.MONEY:
        return money_to_cents(value, allow_negative=bool(var and var.allow_negative))
    if kind is Kind.INT:
        if (
            isinstance(value, Decimal | int)
            and not isinstance(value, bool)
            and not -LARGEST <= value <= LARGEST
        ):
            raise BadValueError(f"is too large: at most {LARGEST}")  # 1e9999999 would take minutes to expand
        if type(value) is int and value >= 0:
            return value
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadValueError(f"must be a whole number, not {value!r}")
        if value < 0:
            raise BadValueError(f"must not be negative: {value!r}")
        return value
    if kind is Kind.DATE:
        return parse_iso_date(value)
    if kind is Kind.BOOL:
        if not isinstance(value, bool):
            raise BadValueError(f"must be true or false, not {value!r}")
        return value
    if kind is Kind.ENUM:
        text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        domain = var.domain if var else None
        if text is None or (domain is not None and text not in domain):
            allowed = f": one of {', '.join(domain)}" if domain else ""
            raise BadValueError(f"is not a valid value{allowed} (got {value!r})")
        return text
    raise BadValueError(f"has an unsupported kind {kind.value}")
