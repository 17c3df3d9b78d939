"""Fewer questions: gates that open a family of questions, and whom a person's input applies to.

Read from ``gates.yaml`` (beside this module). Before a case is screened, ``fill`` completes it with
what a "no" to a gate, or a person's age, already says (never over an answer given), and returns the
assumptions in words so the screening can show them. ``redirect`` then replaces every question that a
gate still hides by the gate's own question, and a question about a person whose age would settle it
by the question of that person's age. Why data, not code: the pack states each assumption in both
languages, and a policy reviewer can read the list.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from onestop.rules import Vocabulary

FILE = Path(__file__).with_name("gates.yaml")


@dataclass(frozen=True)
class Gate:
    """A yes/no unit input; answered no, each input of ``implies`` takes its value."""

    input: str  # unit.x
    implies: Mapping[str, Any]  # generic names: person.x, unit.x
    says: Mapping[str, str]
    opened_by: tuple[str, ...] = ()  # a yes to any of these (person.x) is a yes to the gate


@dataclass(frozen=True)
class AppliesTo:
    """Person inputs that do not concern a person outside an age band: they take the value given."""

    age_below: int | None
    age_from: int | None
    implies: Mapping[str, Any]
    says: Mapping[str, str]

    def outside(self, age: int) -> bool:
        """Whether a person of ``age`` is the one the assumption is about."""
        if self.age_below is not None and age < self.age_below:
            return True
        return self.age_from is not None and age >= self.age_from


@dataclass(frozen=True)
class Rules:
    """Every gate and applies-to rule."""

    gates: tuple[Gate, ...]
    applies_to: tuple[AppliesTo, ...]

    @property
    def inputs(self) -> frozenset[str]:
        """The gates' own inputs (``unit.x``)."""
        return frozenset(g.input for g in self.gates)

    def gate_of(self, name: str) -> Gate | None:
        """The gate that hides the generic input ``name``, if any."""
        return next((g for g in self.gates if name in g.implies), None)

    def ages_settle(self, name: str) -> bool:
        """Whether a person's age may settle the person input ``name``."""
        return any(name in a.implies for a in self.applies_to)


@functools.cache
def rules() -> Rules:
    """The gates file, read once."""
    data = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    gates = tuple(
        Gate(g["input"], dict(g["implies"]), dict(g["says"]), tuple(g.get("opened_by", ())))
        for g in data["gates"]
    )
    applies = tuple(
        AppliesTo(a["who"].get("age_below"), a["who"].get("age_from"), dict(a["implies"]), dict(a["says"]))
        for a in data["applies_to"]
    )
    return Rules(gates, applies)


def _unit_get(unit: Mapping[str, Any], name: str, vocab: Vocabulary) -> Any:
    for group, prefix in vocab.nested.items():
        if name.startswith(prefix) and isinstance(unit.get(group), Mapping):
            return unit[group].get(name[len(prefix) :])
    return unit.get(name)


def _age(person: Mapping[str, Any]) -> int | None:
    value = person.get("age")
    if isinstance(value, bool):
        return None
    if value is None:
        return None
    try:
        age = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None  # the case parser names the problem
    if not age.is_finite() or age.adjusted() > 3:  # never build a huge integer from "1e9999999"
        return None  # the case parser names the problem
    return int(age)


def fill(data: Mapping[str, Any], vocab: Vocabulary, lang: str) -> tuple[dict[str, Any], list[str]]:
    """The case completed with what the gates and ages imply, and the assumptions made, in words."""
    out = copy.deepcopy(dict(data))
    unit = out.setdefault("unit", {}) if isinstance(out.get("unit", {}), dict) else {}
    people = [p for p in out.get("people") or [] if isinstance(p, dict)]
    said: list[str] = []
    for gate in rules().gates:
        name = gate.input.split(".", 1)[1]
        opened = any(p.get(o.split(".", 1)[1]) is True for p in people for o in gate.opened_by)
        if opened and name in vocab.unit and _unit_get(unit, name, vocab) is None:
            unit[name] = True
        if _unit_get(unit, name, vocab) is not False:
            continue
        if _imply(gate.implies, unit, people, vocab):
            said.append(gate.says[lang])
    for rule in rules().applies_to:
        who = [p for p in people if (age := _age(p)) is not None and rule.outside(age)]
        if who and _imply(rule.implies, {}, who, vocab, units=False):
            said.append(rule.says[lang])
    return out, list(dict.fromkeys(said))


def _imply(
    implies: Mapping[str, Any],
    unit: dict[str, Any],
    people: list[dict[str, Any]],
    vocab: Vocabulary,
    *,
    units: bool = True,
) -> bool:
    """Set each absent input; True when something was set (so the assumption is worth saying)."""
    changed = False
    for generic, value in implies.items():
        if value is None:
            continue  # hidden behind the gate only
        entity, name = generic.split(".", 1)
        if entity == "person" and name in vocab.person:
            for person in people:
                if name not in person:
                    person[name], changed = value, True
        elif entity == "unit" and units and name in vocab.unit and _unit_get(unit, name, vocab) is None:
            unit[name], changed = value, True
    return changed


def redirect(path: str, data: Mapping[str, Any], vocab: Vocabulary) -> str:
    """The question to ask instead of ``path``: its gate while unanswered, or the person's age."""
    unit = data.get("unit") if isinstance(data.get("unit"), Mapping) else {}
    if path.startswith("people["):
        who, name = path[len("people[") :].split("].", 1)
        generic = f"person.{name}"
        person = next(
            (p for p in data.get("people") or [] if isinstance(p, Mapping) and p.get("id") == who), None
        )
        if person is not None and _age(person) is None and rules().ages_settle(generic):
            return f"people[{who}].age"
    else:
        generic = "unit." + path.split(".", 1)[1].replace(".", "_")
    gate = rules().gate_of(generic)
    if gate is None:
        return path
    name = gate.input.split(".", 1)[1]
    return gate.input if name in vocab.unit and _unit_get(unit or {}, name, vocab) is None else path
