"""Python numbers in formulas: dollars beside money in sums, plain factors in products, exact always."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop.rules import INT, MONEY, RATE, UNIT, Case, Expr, FormulaError, Pack, Program, Unit, rate
from onestop.rules.expr import FormulaTypeError
from tests.unit.rules.test_batch_agrees import assert_agree
from tests.unit.rules.test_engine import INPUTS


def make_pack(root: Path) -> Pack:
    prog = Program("t.lit", label="Literals", root=root)

    @prog.variable(UNIT, INT, label="Members")
    def size(unit: Unit) -> Expr:
        return unit.members.count()

    @prog.amount(label="Yearly")
    def yearly(unit: Unit) -> Expr:
        return unit.assets * 12

    @prog.amount(label="Yearly, written the other way")
    def yearly_left(unit: Unit) -> Expr:
        return 12 * unit.assets

    @prog.amount(label="Monthly share")
    def monthly(unit: Unit) -> Expr:
        return unit.assets / 12

    @prog.amount(label="Half")
    def half(unit: Unit) -> Expr:
        return unit.assets * Decimal("0.5")

    @prog.amount(label="Per member")
    def per_member(unit: Unit) -> Expr:
        return unit.size * (unit.assets + 12)  # 12 beside money in a sum is twelve dollars

    @prog.variable(UNIT, RATE, label="Twelve quarters")
    def quarters(unit: Unit) -> Expr:
        return rate("0.25") * 12 + unit.size * Decimal("0.1")

    @prog.amount(label="Scaled", pays=True)
    def scaled(unit: Unit) -> Expr:
        return unit.half * unit.quarters

    return Pack("t", label="T", root=root, programs=[prog], inputs=INPUTS)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    return make_pack(tmp_path_factory.mktemp("lit"))


def test_numbers_in_products_are_plain_factors(pack: Pack) -> None:
    data = {"date": "2024-01-01", "people": [{"id": "a"}, {"id": "b"}], "unit": {"assets": "100.01"}}
    result = pack.evaluate_data(data).results[0]
    assert result.amounts == {
        "yearly": 120012,
        "yearly_left": 120012,
        "monthly": 833,  # 10001 / 12 = 833.4 cents
        "half": 5001,  # 5000.5 cents, half-up
        "per_member": 2 * 11201,
    }
    assert result.value("quarters") == 3_200_000  # 0.25 × 12 + 2 × 0.1 = 3.2
    assert result.monthly_amount == 16003  # 50.01 × 3.2 = 160.032


@pytest.mark.parametrize(("assets", "half"), [("0.01", 1), ("0.03", 2), ("0.05", 3)])
def test_a_decimal_factor_rounds_half_up_at_the_multiplication(pack: Pack, assets: str, half: int) -> None:
    data = {"date": "2024-01-01", "unit": {"assets": assets}}
    assert pack.evaluate_data(data).results[0].amounts["half"] == half


@pytest.mark.parametrize(
    ("formula", "problem"),
    [
        (lambda u: u.assets * 1.5, r"binary float: write a whole number, Decimal\('1.5'\) or rate\('1.5'\)"),
        (lambda u: u.assets / Decimal("2.5"), r"multiply by a rate"),
        (lambda u: u.assets * u.assets, "cannot mul money and money"),
        (lambda u: u.assets * Decimal("0.1234567"), "more than six decimal places"),
    ],
)
def test_what_cannot_be_read_is_refused_when_built(tmp_path: Path, formula: Any, problem: str) -> None:
    prog = Program("t.bad", label="Bad", root=tmp_path)

    def broken(unit: Unit) -> Expr:
        return formula(unit)  # type: ignore[no-any-return]

    prog.variable(UNIT, MONEY, label="x")(broken)
    with pytest.raises(FormulaError, match=problem):
        Pack("t", label="T", root=tmp_path, programs=[prog], inputs=INPUTS).evaluate_data(
            {"date": "2024-01-01"}
        )


def test_a_whole_decimal_divides_like_an_int() -> None:
    money_node = Expr("input", (), MONEY, None)
    assert (money_node / Decimal("12")).data == 12
    with pytest.raises(FormulaTypeError):
        _ = money_node / 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.one_of(
                st.none(), st.integers(0, 10**11), st.integers(0, 10_000), st.sampled_from([1, 3, 5, 6])
            ),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_batch_agrees_with_explain(pack: Pack, drawn: list[tuple[int, int | None]]) -> None:
    cases = [
        Case(
            "t",
            dt.date(2024, 1, 1),
            [f"p{i}" for i in range(n)],
            [{} for _ in range(n)],
            {} if assets is None else {"assets": assets},
        )
        for n, assets in drawn
    ]
    assert_agree(pack, "t.lit", cases)
