"""Catalogue criteria compiled to the engine: Kleene logic as specified, the right questions, batch too.

The reference below is the criteria's meaning written out directly (three values, "some member",
roles, the applicant to be when nobody is described); random criteria over random cases must give
the same value through the engine, and the engine must ask exactly for the unknown inputs that
could still change an undecided criterion.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop.jurisdictions.catalogue import All, AnyOf, AnyPerson, Compare, Criterion, Not, parse_criterion
from onestop.rules import Case, Pack
from onestop.rules.case import Vocabulary
from onestop.rules.vocabulary import NESTED, STANDARD_INPUTS
from onestop.screening.criteria import PLACEHOLDER, CriteriaProgram, catalogue_criteria, criteria_program
from tests.unit.rules.test_batch_agrees import assert_agree

VOCAB = Vocabulary(list(STANDARD_INPUTS), NESTED)
ON = dt.date(2024, 6, 1)
Truth = bool | None


# The reference meaning ------------------------------------------------------------------------------
def _leaf(actual: Any, op: str, value: Any, kind: str) -> Truth:
    if actual is None:
        return None
    if op in ("in", "not_in"):
        found = actual in tuple(str(v) for v in value)
        return found if op == "in" else not found
    if kind == "money":
        expected: Any = int(Decimal(str(value)) * 100)
    elif kind == "enum":
        expected = str(value)
    else:
        expected = value
    ops: dict[str, bool] = {"==": actual == expected, "!=": actual != expected}
    if op not in ops:
        ops = {
            "<": actual < expected,
            "<=": actual <= expected,
            ">": actual > expected,
            ">=": actual >= expected,
        }
    return ops[op]


def _and(values: list[Truth]) -> Truth:
    if False in values:
        return False
    return None if None in values else True


def _or(values: list[Truth]) -> Truth:
    if True in values:
        return True
    return None if None in values else False


def _kind(scope: str, name: str) -> str:
    var = VOCAB.unit[name] if scope == "unit" else VOCAB.person[name]
    return var.kind.value


def reference(c: Criterion, case: Case, member: int | None = None) -> Truth:
    """What a criterion means, evaluated directly."""
    people = case.people or [{"role": "applicant"}]  # nobody described: the applicant to be
    if isinstance(c, Compare):
        kind = _kind(c.scope, c.name)
        if c.scope == "unit":
            return _leaf(case.unit.get(c.name), c.op, c.value, kind)
        if c.scope == "person":
            assert member is not None
            return _leaf(people[member].get(c.name), c.op, c.value, kind)
        parts = []
        for person in people:
            test = _leaf(person.get(c.name), c.op, c.value, kind)
            if c.scope != "*":
                test = _and([_leaf(person.get("role"), "==", c.scope, "enum"), test])
            parts.append(test)
        return _or(parts)
    if isinstance(c, All):
        return _and([reference(p, case, member) for p in c.parts])
    if isinstance(c, AnyOf):
        return _or([reference(p, case, member) for p in c.parts])
    if isinstance(c, Not):
        inner = reference(c.part, case, member)
        return None if inner is None else not inner
    assert isinstance(c, AnyPerson)
    return _or([reference(c.part, case, i) for i in range(len(people))])


# Random criteria and cases ------------------------------------------------------------------------
UNIT_LEAVES = [
    ("liquid_assets", st.sampled_from(["0", "824", "824.01", "1500.50"]), ["<", "<=", ">", ">=", "==", "!="]),
    ("receives_income_support", st.booleans(), ["==", "!="]),
    ("housing", st.sampled_from(["private", "shelter", "group_home"]), ["==", "!=", "in", "not_in"]),
]
PERSON_LEAVES = [
    ("age", st.integers(0, 90), ["<", "<=", ">", ">=", "=="]),
    ("pregnant", st.booleans(), ["==", "!="]),
    ("school_grade", st.sampled_from(["kindergarten", "1", "7"]), ["==", "in"]),
]


def _compare(scope: str, leaves: list[Any]) -> st.SearchStrategy[Criterion]:
    def build(leaf: Any, op: str, value: Any, second: Any) -> Criterion:
        name, _, _ = leaf
        return Compare(scope, name, op, (value, second) if op in ("in", "not_in") else value)

    return st.sampled_from(leaves).flatmap(
        lambda leaf: st.builds(build, st.just(leaf), st.sampled_from(leaf[2]), leaf[1], leaf[1])
    )


def _tree(leaf: st.SearchStrategy[Criterion]) -> st.SearchStrategy[Criterion]:
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=3).map(lambda xs: All(tuple(xs))),
            st.lists(inner, min_size=1, max_size=3).map(lambda xs: AnyOf(tuple(xs))),
            inner.map(Not),
        ),
        max_leaves=6,
    )


person_tree = _tree(_compare("person", PERSON_LEAVES))
criteria = _tree(
    st.one_of(
        _compare("unit", UNIT_LEAVES),
        _compare("*", PERSON_LEAVES),
        _compare("applicant", PERSON_LEAVES),
        _compare("dependant", PERSON_LEAVES),
        person_tree.map(AnyPerson),
    )
)


def _maybe(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(values, values, st.none())


people = st.lists(
    st.fixed_dictionaries(
        {
            "role": _maybe(st.sampled_from(["applicant", "partner", "dependant"])),
            "age": _maybe(st.integers(0, 90)),
            "pregnant": _maybe(st.booleans()),
            "school_grade": _maybe(st.sampled_from(["kindergarten", "1", "7", "12"])),
        }
    ),
    max_size=3,
)
units = st.fixed_dictionaries(
    {
        "liquid_assets": _maybe(st.sampled_from([0, 82400, 82401, 150050, 10**9])),
        "receives_income_support": _maybe(st.booleans()),
        "housing": _maybe(st.sampled_from(["private", "shelter", "approved_home"])),
    }
)


def _case(members: list[dict[str, Any]], unit: dict[str, Any]) -> Case:
    return Case(
        "ca-ab",
        ON,
        [f"p{i}" for i in range(len(members))],
        [{k: v for k, v in m.items() if v is not None} for m in members],
        {k: v for k, v in unit.items() if v is not None},
    )


def _unknown_inputs_that_matter(c: Criterion, case: Case) -> set[str]:
    """Inputs whose value could still change an undecided criterion (tried one at a time)."""
    if reference(c, case) is not None:
        return set()
    found = set()
    members = case.people or [{"role": "applicant"}]
    ids = case.person_ids or [PLACEHOLDER]
    for name, var in VOCAB.unit.items():
        if name not in case.unit and _changes(c, case, lambda v, n=name: _with_unit(case, n, v), var):
            found.add(VOCAB.path(var))
    for i, member in enumerate(members):
        for name, var in VOCAB.person.items():
            if name not in member and _changes(
                c, case, lambda v, i=i, n=name: _with_person(case, i, n, v), var
            ):
                found.add(VOCAB.path(var, ids[i]))
    return found


def _changes(c: Criterion, case: Case, variant: Any, var: Any) -> bool:
    by_kind: dict[str, list[Any]] = {
        "bool": [True, False],
        "int": [0, 5, 12, 17, 18, 40, 64, 65, 90],
        "money": [0, 82400, 82401, 150050, 10**9],
        "enum": list(var.domain or ()),
    }
    candidates = by_kind.get(var.kind.value, [])
    return any(reference(c, variant(v)) is not None for v in candidates)


def _with_unit(case: Case, name: str, value: Any) -> Case:
    return Case(case.jurisdiction, case.date, case.person_ids, case.people, {**case.unit, name: value})


def _with_person(case: Case, i: int, name: str, value: Any) -> Case:
    if not case.people:
        return Case(
            case.jurisdiction, case.date, [PLACEHOLDER], [{"role": "applicant", name: value}], case.unit
        )
    changed = [dict(p) for p in case.people]
    changed[i][name] = value
    return Case(case.jurisdiction, case.date, case.person_ids, changed, case.unit)


# The tests ------------------------------------------------------------------------------------------
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(criteria, min_size=1, max_size=4), people, units)
def test_the_engine_gives_the_reference_value_and_asks_what_matters(
    drawn: list[Criterion], members: list[dict[str, Any]], unit: dict[str, Any]
) -> None:
    compiled = CriteriaProgram("t.criteria", VOCAB, drawn)
    case = _case(members, unit)
    values = compiled.evaluate(case)
    for c in drawn:
        assert values.value(c) == reference(c, case), c
        asked = values.missing([c])
        assert len(asked) == len(set(asked))
        # every question asked could matter, and every input that alone could decide it is asked
        assert _unknown_inputs_that_matter(c, case) <= set(asked), c


@SETTINGS
@given(
    st.lists(criteria, min_size=1, max_size=4), st.lists(st.tuples(people, units), min_size=1, max_size=12)
)
def test_batch_agrees_with_one_case_at_a_time(
    drawn: list[Criterion], households: list[tuple[list[dict[str, Any]], dict[str, Any]]]
) -> None:
    compiled = CriteriaProgram("t.criteria", VOCAB, drawn)
    pack = Pack("t", label="T", root=Path(__file__).parent, programs=[compiled.program])
    assert_agree(pack, "t.criteria", [_case(m, u) for m, u in households])


@pytest.mark.parametrize(
    ("criterion", "person", "unit", "value"),
    [
        ({"input": "unit.liquid_assets", "op": "<", "value": "90000"}, {}, {"liquid_assets": 8999999}, True),
        ({"input": "unit.liquid_assets", "op": "<", "value": "90000"}, {}, {"liquid_assets": 9000000}, False),
        ({"input": "people[*].age", "op": ">=", "value": 65}, {"age": 65}, {}, True),
        (
            {"input": "people[*].school_grade", "op": "in", "value": ["kindergarten", 1]},
            {"school_grade": "1"},
            {},
            True,
        ),
        (
            {"input": "people[*].school_grade", "op": "==", "value": 1},
            {"school_grade": "kindergarten"},
            {},
            False,
        ),
        ({"input": "unit.housing", "op": "not_in", "value": ["private"]}, {}, {"housing": "shelter"}, True),
        (
            {"input": "people[applicant].age", "op": ">=", "value": 18},
            {"role": "partner", "age": 40},
            {},
            False,
        ),
        ({"input": "people[applicant].age", "op": ">=", "value": 18}, {"age": 12}, {}, False),
        ({"input": "people[applicant].age", "op": ">=", "value": 18}, {"age": 40}, {}, None),
    ],
)
def test_comparisons_are_exact_and_three_valued(
    criterion: dict[str, Any], person: dict[str, Any], unit: dict[str, Any], value: Truth
) -> None:
    c = parse_criterion(criterion)
    compiled = CriteriaProgram("t.criteria", VOCAB, [c])
    assert compiled.evaluate(_case([person], unit)).value(c) is value


def test_nobody_described_asks_about_the_applicant_to_be() -> None:
    senior = {"input": "person.age", "op": ">=", "value": 65}
    oas = {"input": "person.receives_oas", "op": "==", "value": True}
    c = parse_criterion({"any_person": {"all": [senior, oas]}})
    values = CriteriaProgram("t.criteria", VOCAB, [c]).evaluate(_case([], {}))
    assert values.value(c) is None
    assert values.missing([c]) == ["people[*].age", "people[*].receives_oas"]


@pytest.mark.parametrize("jurisdiction", ["ca-ab", "ca-nl"])
def test_every_catalogue_criterion_compiles_once(jurisdiction: str) -> None:
    compiled = criteria_program(jurisdiction)
    assert set(compiled.names) == set(catalogue_criteria(jurisdiction))
    assert len(compiled.program.variables) == len(compiled.names) > 20
