"""Catalogue criteria compiled to the rules engine: one three-valued logic, one ranking of questions.

Each criterion of a jurisdiction's catalogue (screening tests, urgency, interactions) becomes a
yes/no unit variable of one engine program, built once per process from the pack's vocabulary.
The engine then evaluates them all in one pass over a case, with its Kleene logic, and names the
unknown inputs that would decide an undetermined one, ranked as for any program (``rules.screen``).
Money is compared in cents, enums against their domain (a typo is refused when the program is
built), and the same program runs vectorised over a caseload like any other.

With nobody described yet, member criteria are evaluated for one person about whom nothing is
known, the applicant to be (``people[*]``): "is someone 65 or older?" is then unknown and asks for
an age, never false because the list of people is empty.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from onestop.jurisdictions import All, AnyOf, AnyPerson, Compare, Criterion, Not, describe
from onestop.jurisdictions import load_catalogue as _load_catalogue
from onestop.rules import (
    BOOL,
    UNIT,
    Case,
    CasePlan,
    Entity,
    Expr,
    Kind,
    PersonView,
    Program,
    Unit,
    Vocabulary,
    all_of,
    any_of,
    find_missing,
    graph_of,
    snapshot,
)

PLACEHOLDER = "*"  # the person id of the applicant to be, when nobody is described yet


class CriteriaProgram:
    """Criteria as the variables of one engine program (no parameters) over a pack's vocabulary."""

    def __init__(self, program_id: str, vocabulary: Vocabulary, criteria: Iterable[Criterion]) -> None:
        self.vocabulary = vocabulary
        self.program = Program(
            program_id,
            label={"en": "Catalogue screening criteria", "fr": "Critères de présélection du catalogue"},
            root=Path(__file__).parent,
            inputs=[*vocabulary.person.values(), *vocabulary.unit.values()],
        )
        self.names: dict[Criterion, str] = {}
        for criterion in criteria:
            self._add(criterion)
        graph_of(self.program)  # build now: a criterion the engine cannot read fails at startup

    def _add(self, criterion: Criterion) -> None:
        if criterion in self.names:
            return
        name = f"criterion_{len(self.names) + 1}"
        self.names[criterion] = name

        def formula(unit: Unit) -> Expr:
            return compile_criterion(criterion, unit)

        formula.__name__ = name
        self.program.variable(UNIT, BOOL, label=describe(criterion))(formula)

    def evaluate(self, case: Case) -> CriteriaValues:
        """Every criterion for one case (with the applicant to be when nobody is described)."""
        if not case.people:
            case = Case(case.jurisdiction, case.date, [PLACEHOLDER], [{"role": "applicant"}], case.unit)
        snap = snapshot(self.program, case.date)
        plan = self.program.cache.get(("case", snap.key))
        if plan is None:
            plan = self.program.cache[("case", snap.key)] = CasePlan(graph_of(self.program), snap)
        return CriteriaValues(self, plan.run(case.unit, case.people), case)


@dataclass
class CriteriaValues:
    """The criteria's values for one case, and the questions that would decide the unknown ones."""

    criteria: CriteriaProgram
    vals: list[Any]
    case: Case

    def value(self, criterion: Criterion) -> bool | None:
        """True, false, or None (unknown)."""
        graph = graph_of(self.criteria.program)
        value: bool | None = self.vals[graph.named[self.criteria.names[criterion]] + 1]
        return value

    def inputs(self, criterion: Criterion) -> list[str]:
        """Every input a criterion reads, as a case path (``unit.x``, ``people[*].x``)."""
        graph = graph_of(self.criteria.program)
        stack = [graph.nodes[graph.named[self.criteria.names[criterion]]]]
        seen: set[int] = set()
        found: dict[str, None] = {}
        while stack:
            node = stack.pop()
            if id(node) not in seen:
                seen.add(id(node))
                if node.op == "input":
                    person = node.entity is Entity.PERSON
                    found[self.criteria.vocabulary.path(node.data, PLACEHOLDER if person else None)] = None
                stack.extend(node.args)
        return list(found)

    def missing(self, criteria: Sequence[Criterion]) -> list[str]:
        """Unknown inputs under the undecided criteria, ranked (how many they decide, then order)."""
        graph = graph_of(self.criteria.program)
        roots = [graph.named[self.criteria.names[c]] for c in criteria if self.value(c) is None]
        ids, vocab = self.case.person_ids, self.criteria.vocabulary
        return find_missing(graph, self.vals, roots, _paths(vocab, ids)).inputs


def _paths(vocab: Vocabulary, ids: list[str]) -> Callable[[Expr, int | None], str]:
    def path(node: Expr, member: int | None) -> str:
        return vocab.path(node.data, ids[member] if member is not None else None)

    return path


@functools.cache
def criteria_program(jurisdiction: str) -> CriteriaProgram:
    """The compiled criteria of a jurisdiction's catalogue (built once per process)."""
    from onestop.jurisdictions import get_pack

    vocabulary = get_pack(jurisdiction).vocabulary
    return CriteriaProgram(f"{jurisdiction}.catalogue", vocabulary, catalogue_criteria(jurisdiction))


def catalogue_criteria(jurisdiction: str) -> list[Criterion]:
    """Every criterion of a catalogue: entries' tests and urgency, then interactions."""
    catalogue = _load_catalogue(jurisdiction)
    found: list[Criterion] = []
    for entry in catalogue:
        if entry.screening is not None:
            found.extend(test.when for test in entry.screening.tests)
            if entry.screening.urgent_when is not None:
                found.append(entry.screening.urgent_when)
    found.extend(rule.when for rule in catalogue.interactions)
    return found


def compile_criterion(criterion: Criterion, unit: Unit, person: PersonView | None = None) -> Expr:
    """A criterion as an engine expression; ``person`` is the member view inside ``any_person``."""
    if isinstance(criterion, Compare):
        return _compare(criterion, unit, person)
    if isinstance(criterion, All):
        return all_of(*(compile_criterion(p, unit, person) for p in criterion.parts))
    if isinstance(criterion, AnyOf):
        return any_of(*(compile_criterion(p, unit, person) for p in criterion.parts))
    if isinstance(criterion, Not):
        return ~compile_criterion(criterion.part, unit, person)
    assert isinstance(criterion, AnyPerson)
    return compile_criterion(criterion.part, unit, unit.members).any()


def _compare(c: Compare, unit: Unit, person: PersonView | None) -> Expr:
    if c.scope == "unit":
        return _test(getattr(unit, c.name), c.op, c.value)
    if c.scope == "person":
        assert person is not None
        return _test(getattr(person, c.name), c.op, c.value)
    members = unit.members
    test = _test(getattr(members, c.name), c.op, c.value)
    if c.scope != "*":
        test = (members.role == c.scope) & test
    return test.any()


def _test(x: Expr, op: str, value: Any) -> Expr:
    if op in ("in", "not_in"):
        found = any_of(*(_test(x, "==", v) for v in value))
        return found if op == "in" else ~found
    v = _constant(x, value)
    tests: dict[str, Callable[[], Expr]] = {
        "==": lambda: x == v,
        "!=": lambda: x != v,
        "<": lambda: x < v,
        "<=": lambda: x <= v,
        ">": lambda: x > v,
        ">=": lambda: x >= v,
    }
    return tests[op]()


def _constant(x: Expr, value: Any) -> Any:
    """The criterion's value as the engine reads the input's kind (amounts exactly, enums as codes)."""
    if x.kind is Kind.ENUM:
        return str(value)
    if x.kind is Kind.MONEY:
        return str(value)  # "90000", "12.50": dollars, read exactly into cents
    if x.kind is Kind.INT:
        number = Decimal(str(value))
        if number != number.to_integral_value():
            raise ValueError(f"{value!r} is not a whole number")
        return int(number)
    return value
