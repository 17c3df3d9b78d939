"""The engine on small programs written for the test: Kleene logic, branches, errors named by variable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from onestop.rules import (
    BOOL,
    INT,
    MONEY,
    PERSON,
    UNIT,
    Expr,
    FormulaError,
    Pack,
    Person,
    Program,
    Unit,
    input_variable,
    max_,
    money,
    select,
    when,
)
from onestop.rules.case_eval import k_and, k_not, k_or, k_when

PARAMS = """
limit:
  label: Limit
  unit: money
  source: {title: Test manual, section: s.1}
  confidence: high
  values: [{effective: 2024-01-01, value: 100}]
bonus:
  label: Bonus
  unit: money
  source: {title: Test manual}
  confidence: low
  values: [{effective: 2024-01-01, value: null, note: not published}]
"""
INPUTS = (
    input_variable("income", PERSON, MONEY, label="Income", question={"en": "Income?", "fr": "Revenu?"}),
    input_variable("assets", UNIT, MONEY, label="Assets", question={"en": "Assets?", "fr": "Actifs?"}),
    input_variable("student", PERSON, BOOL, label="Student", question={"en": "Student?", "fr": "Étudiant?"}),
)


def make_pack(tmp_path: Path, params: str = PARAMS) -> Pack:
    (tmp_path / "parameters.yaml").write_text(params, encoding="utf-8")
    prog = Program("t.demo", label="Demo", root=tmp_path)
    p = prog.p

    @prog.variable(UNIT, MONEY, label="Total income")
    def total(unit: Unit) -> Expr:
        return unit.members.income.sum()

    @prog.test(words="assets within limit", reference="s.1")
    def assets_ok(unit: Unit) -> Expr:
        return unit.assets <= p.limit

    @prog.test(words="income within limit", reference="s.2")
    def income_ok(unit: Unit) -> Expr:
        return unit.total <= p.limit

    @prog.variable(PERSON, MONEY, label="Student bonus")
    def bonus(person: Person) -> Expr:
        return when(person.student, p.bonus, 0)

    @prog.amount(label="Benefit", pays=True)
    def benefit(unit: Unit) -> Expr:
        return max_(0, p.limit - unit.total) + unit.members.bonus.sum()

    return Pack("t", label="Test", root=tmp_path, programs=[prog], inputs=INPUTS)


def evaluate(pack: Pack, people: list[dict[str, object]], unit: dict[str, object]) -> object:
    data = {"date": "2024-06-01", "people": people, "unit": unit}
    return pack.evaluate_data(data).results[0]


def test_kleene_truth_tables() -> None:
    assert k_and(True, None) is None and k_and(False, None) is False and k_and(True, True) is True
    assert k_or(False, None) is None and k_or(True, None) is True and k_or(False, False) is False
    assert k_not(None) is None and k_not(True) is False
    assert k_when(None, 5, 5) == 5 and k_when(None, 5, 6) is None and k_when(False, 5, 6) == 6


def test_a_false_test_decides_whatever_the_unknowns(tmp_path: Path) -> None:
    result = evaluate(make_pack(tmp_path), [{"id": "a"}], {"assets": "100.01"})
    assert result.status == "ineligible"  # type: ignore[attr-defined]
    assert result.monthly_amount == 0  # type: ignore[attr-defined]
    assert result.missing.inputs == []  # type: ignore[attr-defined]


def test_unknowns_are_ranked_by_how_many_tests_they_decide(tmp_path: Path) -> None:
    result = evaluate(make_pack(tmp_path), [{"id": "a", "student": False}, {"id": "b", "student": False}], {})
    assert result.status == "undetermined"  # type: ignore[attr-defined]
    assert result.missing.inputs == ["unit.assets", "people[a].income", "people[b].income"]  # type: ignore[attr-defined]


def test_a_parameter_gap_is_named_only_when_the_branch_needs_it(tmp_path: Path) -> None:
    pack = make_pack(tmp_path)
    plain = evaluate(pack, [{"id": "a", "income": 10, "student": False}], {"assets": 0})
    assert plain.status == "eligible" and plain.monthly_amount == 9000  # type: ignore[attr-defined]
    student = evaluate(pack, [{"id": "a", "income": 10, "student": True}], {"assets": 0})
    assert student.status == "undetermined"  # type: ignore[attr-defined]
    assert student.missing.parameters == ["t.demo.bonus"]  # type: ignore[attr-defined]
    assert student.missing.inputs == []  # type: ignore[attr-defined]


def test_explanation_lists_tests_values_parameters_and_branches(tmp_path: Path) -> None:
    result = evaluate(make_pack(tmp_path), [{"id": "a", "income": 10, "student": False}], {"assets": 0})
    reasons = result.reasons()  # type: ignore[attr-defined]
    assert reasons[0] == {
        "test": "assets within limit",
        "passed": True,
        "detail": "0.00 ≤ 100.00",
        "reference": "s.1",
    }
    ex = result.explanation()  # type: ignore[attr-defined]
    assert ex["values"]["total"] == "10.00" and ex["values"]["income"] == {"a": "10.00"}
    (limit,) = [p for p in ex["parameters"] if p["name"] == "t.demo.limit"]
    assert limit["source"]["title"] == "Test manual" and limit["effective"] == "2024-01-01"
    assert not [p for p in ex["parameters"] if p["name"] == "t.demo.bonus"]  # branch not taken


def test_select_records_the_branch_taken(tmp_path: Path) -> None:
    prog = Program("t.sel", label="Select", root=tmp_path)

    @prog.amount(label="Band", pays=True)
    def band(unit: Unit) -> Expr:
        return select(
            (unit.assets < 10, money(1)),
            (unit.assets < 100, money(2)),
            default=money(3),
            labels=["tiny", "small"],
        )

    @prog.test(words="always", reference=None)
    def ok(unit: Unit) -> Expr:
        return unit.band > 0

    pack = Pack("t", label="T", root=tmp_path, programs=[prog], inputs=INPUTS)
    result = pack.evaluate_data({"date": "2024-01-01", "unit": {"assets": 50}}).results[0]
    assert result.monthly_amount == 200
    branches = result.explanation()["branches"]
    assert [(b["condition"], b["holds"]) for b in branches] == [("tiny", False), ("small", True)]


@pytest.mark.parametrize(
    ("formula", "problem"),
    [
        (lambda u: u.assets + u.members.student.any(), "cannot add money and bool"),
        (lambda u: u.assets if u.assets > 0 else 0, "no truth value"),
        (lambda u: u.members.income, "person value"),
        (lambda u: u.nothing_here, "neither an input nor a variable"),
        (lambda u: 1 / 0, "ZeroDivisionError"),
    ],
)
def test_a_broken_formula_names_program_and_variable(tmp_path: Path, formula: object, problem: str) -> None:
    prog = Program("t.bad", label="Bad", root=tmp_path)
    prog.variable(UNIT, MONEY, label="x")(_named("broken", formula))
    pack = Pack("t", label="T", root=tmp_path, programs=[prog], inputs=INPUTS)
    with pytest.raises(FormulaError, match=problem) as err:
        pack.evaluate_data({"date": "2024-01-01"})
    assert err.value.program == "t.bad" and err.value.variable == "broken"


def _named(name: str, func: object) -> Callable[[Unit], Expr]:
    def broken(unit: Unit) -> Expr:
        return func(unit)  # type: ignore[operator, no-any-return]

    broken.__name__ = name
    return broken


def test_declared_kind_is_checked(tmp_path: Path) -> None:
    prog = Program("t.kind", label="Kind", root=tmp_path)

    @prog.variable(UNIT, INT, label="x")
    def count(unit: Unit) -> Expr:
        return unit.assets

    with pytest.raises(FormulaError, match="gives a money, declared int"):
        Pack("t", label="T", root=tmp_path, programs=[prog], inputs=INPUTS).evaluate_data(
            {"date": "2024-01-01"}
        )


def test_no_parameter_in_force_names_it(tmp_path: Path) -> None:
    from onestop.rules import ParameterNotInForce

    with pytest.raises(ParameterNotInForce, match=r"t\.demo\.limit: no value in force on 2023-12-31"):
        evaluate_on(make_pack(tmp_path), dt.date(2023, 12, 31))


def evaluate_on(pack: Pack, on: dt.date) -> None:
    pack.evaluate_data({"date": on.isoformat(), "people": [], "unit": {}})


def test_version_is_a_content_hash(tmp_path: Path) -> None:
    pack = make_pack(tmp_path)
    before = pack.version
    assert before.startswith("sha256:") and len(before) == 71
    assert make_pack(tmp_path, PARAMS.replace("value: 100", "value: 101")).version != before
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "t.yaml").write_text("[]", encoding="utf-8")
    changed = make_pack(tmp_path)
    assert changed.version == make_pack(tmp_path).version  # tests are not part of the version
