"""What applications and screenings need from the rule packs: programs, their inputs, values checked by
the vocabulary.

No database here: only ``onestop.jurisdictions`` and the engine. A fact is validated by the pack's own
case reader, so a fact the engine would refuse is refused when it is recorded, naming ``value``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from onestop.cases.vocabulary.paths import FactPath
from onestop.common.errors import InvalidInput
from onestop.common.money import format_cents
from onestop.jurisdictions import find_program, get_pack
from onestop.rules import CaseInvalid, Kind, Pack, Program, ProgramResult, Variable, graph_of


def program_of(program_id: str) -> tuple[Pack, Program]:
    """The pack and program of a program id; an unknown id is refused naming ``program``."""
    return find_program(program_id)


def pack_of(jurisdiction: str) -> Pack:
    """A jurisdiction's pack."""
    return get_pack(jurisdiction)


def inputs_used(program: Program) -> tuple[list[str], list[str]]:
    """The person and unit inputs the program's formulas actually read (not every pack input)."""
    person: set[str] = set()
    unit: set[str] = set()
    for node in graph_of(program).nodes:
        if node.op == "input":
            var: Variable = node.data
            (person if var.entity.value == "person" else unit).add(var.name)
    return sorted(person), sorted(unit)


def variable_for(pack: Pack, path: FactPath) -> Variable:
    """The vocabulary entry a path names; unknown names are refused naming ``path``."""
    vocab = pack.vocabulary
    if path.entity == "person":
        var = vocab.person.get(path.name)
    elif path.group:
        prefix = vocab.nested.get(path.group)
        var = vocab.unit.get(prefix + path.name) if prefix else None
    else:
        var = vocab.unit.get(path.name)
    if var is None:
        raise InvalidInput("path", f"{path} is not an input of the {pack.id} rules")
    return var


def normalise(pack: Pack, path: FactPath, value: Any, on: dt.date) -> Any:
    """The value as the engine reads it, in its stored form (money as a two-place decimal string)."""
    if value is None:
        raise InvalidInput("value", "is required (a fact records something known)")
    var = variable_for(pack, path)
    mapping: dict[str, Any] = {"jurisdiction": pack.id, "date": on.isoformat(), "people": [], "unit": {}}
    if path.entity == "person":
        mapping["people"] = [{"id": path.person_id, path.name: value}]
    elif path.group:
        mapping["unit"] = {path.group: {path.name: value}}
    else:
        mapping["unit"] = {path.name: value}
    try:
        case = pack.parse_case(mapping)
    except CaseInvalid as err:
        raise InvalidInput("value", err.problem) from None
    parsed = case.people[0][var.name] if path.entity == "person" else case.unit[var.name]
    return format_cents(parsed) if var.kind is Kind.MONEY else parsed


def evaluate(pack: Pack, program: Program, mapping: dict[str, Any]) -> ProgramResult:
    """One program's result for an assembled case."""
    return pack.evaluate_data(mapping, [program.id]).results[0]


def question(pack: Pack, path: str, lang: str) -> str | None:
    """The screener's question for an input path, in ``lang``."""
    name = path.rsplit(".", 1)[-1]
    vocab = pack.vocabulary
    var = vocab.person.get(name) if path.startswith("people[") else vocab.unit.get(name)
    if var is None and path.startswith("unit."):
        group = path.split(".")[1]
        var = vocab.unit.get(vocab.nested.get(group, "") + name)
    if var is None or var.question is None:
        return None
    return var.question(lang)
