"""Bracket scales under table keys (``p.scale[key].bracket(amount)``): per case and in batch alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop.rules import (
    ENUM,
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
)
from tests.unit.rules.test_batch_agrees import assert_agree, cases_of

PARAMS = """
scale:
  label: Subsidy
  unit: money
  keys: [care, size]
  brackets: true
  source: {title: Test table}
  confidence: high
  values:
    - effective: 2024-01-01
      note: day home column not published; size 3 of centre has a gap bracket
      value:
        centre:
          1: [{from: 0, value: 600}, {from: 50000, value: 500}, {from: 90000, value: 100}]
          2: [{from: 0, value: 700}, {from: 60000, value: 450}]
          3: [{from: 1000, value: 800}, {from: 70000, value: null}]
        day_home: null
"""
INPUTS = (
    input_variable(
        "care",
        PERSON,
        ENUM,
        domain=("centre", "day_home", "none"),
        label="Care",
        question={"en": "Care?", "fr": "Garde?"},
    ),
    input_variable(
        "income",
        UNIT,
        MONEY,
        label="Income",
        question={"en": "Income?", "fr": "Revenu?"},
        allow_negative=True,
    ),
    input_variable("size", UNIT, INT, label="Size", question={"en": "Size?", "fr": "Taille?"}),
)


def make_pack(root: Path) -> Pack:
    (root / "parameters.yaml").write_text(PARAMS, encoding="utf-8")
    prog = Program("t.scale", label="Scale", root=root)
    p = prog.p

    @prog.amount(PERSON, label="Per child")
    def per_child(person: Person) -> Expr:
        return p.scale[person.care][person.unit.size].bracket(person.unit.income)

    @prog.amount(label="Total", pays=True)
    def total(unit: Unit) -> Expr:
        return unit.members.per_child.sum()

    @prog.test(words="something payable", reference=None)
    def payable(unit: Unit) -> Expr:
        return unit.total > 0

    return Pack("t", label="T", root=root, programs=[prog], inputs=INPUTS)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    return make_pack(tmp_path_factory.mktemp("scale"))


def _one(pack: Pack, care: str, size: int, income: str) -> Any:
    data = {
        "date": "2024-06-01",
        "people": [{"id": "c", "care": care}],
        "unit": {"size": size, "income": income},
    }
    return pack.evaluate_data(data).results[0]


@pytest.mark.parametrize(
    ("care", "size", "income", "cents"),
    [
        ("centre", 1, "0", 60000),
        ("centre", 1, "49999.99", 60000),
        ("centre", 1, "50000", 50000),
        ("centre", 1, "1000000", 10000),
        ("centre", 2, "59999.99", 70000),
        ("centre", 2, "60000", 45000),
        ("centre", 3, "1000", 80000),
    ],
)
def test_the_bracket_of_the_cell(pack: Pack, care: str, size: int, income: str, cents: int) -> None:
    result = _one(pack, care, size, income)
    assert result.amounts == {"per_child.c": cents} and result.monthly_amount == cents


@pytest.mark.parametrize(
    ("care", "size", "income", "gap"),
    [
        ("day_home", 1, "100", "t.scale.scale[day_home][1]"),  # a whole column is a gap
        ("none", 1, "100", "t.scale.scale[none][1]"),  # a row absent from the table
        ("centre", 4, "100", "t.scale.scale[centre][4]"),
        ("centre", 3, "999.99", "t.scale.scale[centre][3]"),  # below the cell's first bracket
        ("centre", 3, "70000", "t.scale.scale[centre][3]"),  # a gap bracket
    ],
)
def test_gaps_and_absent_cells_are_unknown_naming_the_cell(
    pack: Pack, care: str, size: int, income: str, gap: str
) -> None:
    result = _one(pack, care, size, income)
    assert result.status == "undetermined" and result.amounts == {"per_child.c": None}
    assert result.missing.parameters == [gap] and result.missing.inputs == []


def test_an_unknown_key_asks_for_it(pack: Pack) -> None:
    data = {"date": "2024-06-01", "people": [{"id": "c", "care": "centre"}], "unit": {"income": 100}}
    assert pack.evaluate_data(data).results[0].missing.inputs == ["unit.size"]


def test_the_explanation_names_the_cell(pack: Pack) -> None:
    (entry,) = _one(pack, "centre", 2, "60000").explanation()["parameters"]
    assert entry["name"] == "t.scale.scale" and entry["keys"] == ["centre", 2] and entry["value"] == "450.00"


def test_a_scale_used_without_bracket_is_refused(tmp_path: Path) -> None:
    (tmp_path / "parameters.yaml").write_text(PARAMS, encoding="utf-8")
    prog = Program("t.bad", label="Bad", root=tmp_path)

    @prog.variable(UNIT, MONEY, label="x")
    def x(unit: Unit) -> Expr:
        return prog.p.scale["centre"][1] + 1

    pack = Pack("t", label="T", root=tmp_path, programs=[prog], inputs=INPUTS)
    with pytest.raises(FormulaError, match=r"bracket scale: use p\.scale\[\.\.\.\]\[\.\.\.\]\.bracket"):
        pack.evaluate_data({"date": "2024-06-01"})


def households() -> st.SearchStrategy[tuple[list[dict[str, Any]], dict[str, Any]]]:
    """Children with a care type (sometimes unknown) and the unit's size and income."""
    person = st.fixed_dictionaries({"care": st.sampled_from(["centre", "centre", "day_home", "none", None])})
    income = st.one_of(
        st.sampled_from([0, 99_999, 100_000, 4_999_999, 5_000_000, 6_000_000, 7_000_000, 9_000_000]),
        st.integers(-100_000, 12_000_000),
        st.none(),
    )
    unit = st.fixed_dictionaries({"size": st.one_of(st.integers(0, 5), st.none()), "income": income})
    return st.tuples(st.lists(person, min_size=1, max_size=4), unit)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(households(), min_size=1, max_size=20))
def test_batch_agrees_with_explain(
    pack: Pack, drawn: list[tuple[list[dict[str, Any]], dict[str, Any]]]
) -> None:
    cases = cases_of(drawn, dt.date(2024, 6, 1))
    assert_agree(pack, "t.scale", cases)
