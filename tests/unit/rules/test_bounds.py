"""Unknowns that cannot matter do not block (``rules.bounds``): per case, in batch, and alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop.rules import (
    BOOL,
    ENUM,
    INT,
    MONEY,
    PERSON,
    UNIT,
    Expr,
    Pack,
    Program,
    Unit,
    input_variable,
    max_,
    min_,
    money,
    when,
)
from onestop.rules.batch import batch_plan
from onestop.rules.columns import columns_from_cases
from tests.unit.rules.test_batch_agrees import assert_agree, cases_of

PARAMS = """
threshold:
  label: Reduction threshold
  unit: money
  source: {title: Test}
  confidence: high
  values: [{effective: 2024-01-01, value: null, note: schedule not published}]
reduction_rate:
  label: Reduction rate
  unit: rate
  source: {title: Test}
  confidence: high
  values: [{effective: 2024-01-01, value: null, note: schedule not published}]
part_a_max:
  label: Part A maximum
  unit: money
  source: {title: Test}
  confidence: high
  values: [{effective: 2024-01-01, value: 1000}]
part_b_max:
  label: Part B maximum
  unit: money
  source: {title: Test}
  confidence: high
  values: [{effective: 2024-01-01, value: null, note: part B rate not retrieved}]
asset_limit:
  label: Asset limit
  unit: money
  source: {title: Test}
  confidence: high
  values: [{effective: 2024-01-01, value: null, note: not published}]
per_child:
  label: Amount per child
  unit: money
  source: {title: Test}
  confidence: high
  values: [{effective: 2024-01-01, value: null, note: not published}]
base:
  label: Base
  unit: money
  keys: [family]
  source: {title: Test}
  confidence: high
  values: [{effective: 2024-01-01, value: {single: 500, couple: 500}}]
adjustment:
  label: Adjustment (may be negative)
  unit: money
  source: {title: Test}
  confidence: high
  values: [{effective: 2023-01-01, value: -20}, {effective: 2024-01-01, value: null, note: unknown}]
"""
INPUTS = (
    input_variable("earnings", PERSON, MONEY, label="Earnings", question="Earnings?", allow_negative=True),
    input_variable("age", PERSON, INT, label="Age", question="Age?"),
    input_variable("cost_a", UNIT, MONEY, label="Cost A", question="Cost A?"),
    input_variable("cost_b", UNIT, MONEY, label="Cost B", question="Cost B?"),
    input_variable("assets", UNIT, MONEY, label="Assets", question="Assets?"),
    input_variable("flag", UNIT, BOOL, label="Flag", question="Flag?"),
    input_variable("family", UNIT, ENUM, domain=("single", "couple"), label="Family", question="Family?"),
)
ON = dt.date(2024, 6, 1)


def make_pack(root: Path) -> Pack:
    (root / "parameters.yaml").write_text(PARAMS, encoding="utf-8")
    prog = Program("t.bounds", label="Bounds", root=root)
    p = prog.p

    @prog.amount(label="Reduction")
    def reduction(unit: Unit) -> Expr:
        income = unit.members.earnings.sum()
        return (max_(0, income - p.threshold) * p.reduction_rate) / 12

    @prog.amount(label="Parts")
    def parts(unit: Unit) -> Expr:
        return min_(unit.cost_a, p.part_a_max) + min_(unit.cost_b, p.part_b_max)

    @prog.amount(label="Children's amount")
    def children(unit: Unit) -> Expr:
        return p.per_child * (unit.members.age < 18).count()

    @prog.amount(label="Bonus")
    def bonus(unit: Unit) -> Expr:
        return when(unit.flag, money(100), money(200))

    @prog.amount(label="Adjustment")
    def adjustment(unit: Unit) -> Expr:
        return min_(unit.cost_a, p.adjustment)

    @prog.amount(label="Benefit", pays=True)
    def benefit(unit: Unit) -> Expr:
        return max_(0, p.base[unit.family] + unit.bonus + unit.parts + unit.children - unit.reduction)

    @prog.test(words="assets within the limit", reference=None)
    def assets_ok(unit: Unit) -> Expr:
        return unit.assets <= p.asset_limit

    @prog.test(words="a bonus of at least 100", reference=None)
    def bonus_given(unit: Unit) -> Expr:
        return unit.bonus >= 100

    @prog.test(words="something payable", reference=None)
    def payable(unit: Unit) -> Expr:
        return unit.benefit > 0

    return Pack("t", label="T", root=root, programs=[prog], inputs=INPUTS)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    return make_pack(tmp_path_factory.mktemp("bounds"))


BASE: dict[str, Any] = {"cost_a": 300, "cost_b": 0, "assets": 0, "flag": True, "family": "single"}


def _one(pack: Pack, people: list[dict[str, Any]] | None = None, **unit: Any) -> Any:
    data = {
        "date": ON.isoformat(),
        "people": people if people is not None else [{"id": "a", "earnings": 0, "age": 40}],
        "unit": {k: v for k, v in {**BASE, **unit}.items() if v is not None},
    }
    return pack.evaluate_data(data).results[0]


def _batch(pack: Pack, people: list[dict[str, Any]] | None = None, **unit: Any) -> tuple[int, Any]:
    """Status code and benefit (None when unknown) of the same case in batch."""
    case = pack.parse_case(
        {
            "date": ON.isoformat(),
            "people": people if people is not None else [{"id": "a", "earnings": 0, "age": 40}],
            "unit": {k: v for k, v in {**BASE, **unit}.items() if v is not None},
        }
    )
    program = pack.programs["t.bounds"]
    out = batch_plan(program, ON).run(columns_from_cases(program.inputs, [case]))
    pay, unknown = out.monthly_amount()
    return int(out.status[0]), None if unknown[0] else int(pay[0])


def test_income_zero_reduction_is_zero_whatever_its_schedule(pack: Pack) -> None:
    r = _one(pack)
    assert r.status == "eligible"
    assert r.amounts["reduction"] == 0
    assert r.monthly_amount == 500_00 + 100_00 + 300_00
    assert r.missing.parameters == []
    assert _batch(pack) == (1, 900_00)


def test_income_above_zero_waits_for_the_schedule(pack: Pack) -> None:
    r = _one(pack, people=[{"id": "a", "earnings": 1000, "age": 40}])
    assert r.status == "undetermined"
    assert r.amounts["reduction"] is None
    assert set(r.missing.parameters) == {"t.bounds.threshold", "t.bounds.reduction_rate"}
    assert _batch(pack, people=[{"id": "a", "earnings": 1000, "age": 40}]) == (-1, None)


def test_negative_income_reduces_nothing(pack: Pack) -> None:
    r = _one(pack, people=[{"id": "a", "earnings": -500, "age": 40}])
    assert r.status == "eligible" and r.amounts["reduction"] == 0


def test_a_part_not_claimed_needs_no_rate(pack: Pack) -> None:
    assert _one(pack, cost_b=0).status == "eligible"
    claimed = _one(pack, cost_b=250)
    assert claimed.status == "undetermined"
    assert claimed.missing.parameters == ["t.bounds.part_b_max"]
    assert _batch(pack, cost_b=250) == (-1, None)


def test_no_assets_pass_an_unpublished_limit(pack: Pack) -> None:
    assert _one(pack, assets=0).status == "eligible"
    some = _one(pack, assets=1)
    assert some.status == "undetermined" and some.missing.parameters == ["t.bounds.asset_limit"]
    assert some.reasons()[0]["passed"] is None


def test_no_children_need_no_amount_per_child(pack: Pack) -> None:
    assert _one(pack).amounts["children"] == 0
    child = [{"id": "a", "earnings": 0, "age": 40}, {"id": "c", "earnings": 0, "age": 3}]
    r = _one(pack, people=child)
    assert r.status == "undetermined" and r.missing.parameters == ["t.bounds.per_child"]


def test_an_unknown_key_of_equal_cells_is_not_asked(pack: Pack) -> None:
    r = _one(pack, family=None)
    assert r.status == "eligible" and r.monthly_amount == 900_00
    assert "unit.family" not in r.missing.inputs
    assert _batch(pack, family=None) == (1, 900_00)


def test_an_unknown_branch_decides_what_both_branches_decide(pack: Pack) -> None:
    r = _one(pack, flag=None)
    assert r.reasons()[1]["passed"] is True  # the bonus is 100 or 200: at least 100 either way
    assert r.status == "undetermined" and r.missing.inputs == ["unit.flag"]  # the amount still depends


def test_a_parameter_that_has_been_negative_is_not_bounded_below(pack: Pack) -> None:
    r = _one(pack, cost_a=0)
    assert r.amounts["adjustment"] is None  # min(0, gap) could be below 0: -20 was published
    assert r.status == "eligible"  # it feeds no test and not the benefit


def test_an_unknown_input_stays_unknown_where_it_matters(pack: Pack) -> None:
    r = _one(pack, people=[{"id": "a", "age": 40}])
    assert r.status == "undetermined"
    assert r.missing.inputs == ["people[a].earnings"]


def test_seniors_benefit_with_no_income_is_decided_without_the_reduction_schedule() -> None:
    from onestop.jurisdictions import get_pack

    ab = get_pack("ca-ab")
    senior = [{"id": "a", "role": "applicant", "age": 72, "receives_oas": True}]

    def seniors(income: int) -> Any:
        data = {"date": "2024-08-01", "people": senior, "unit": {"annual_net_income": income}}
        return ab.evaluate_data(data, ["ab.seniors_benefit"]).results[0]

    assert seniors(0).status == "eligible" and seniors(0).monthly_amount == 316_00
    some = seniors(12000)
    assert some.status == "undetermined"
    assert "ab.seniors_benefit.reduction_rate[single]" in some.missing.parameters


def test_funeral_benefit_decided_for_the_parts_claimed() -> None:
    from onestop.jurisdictions import get_pack

    ab = get_pack("ca-ab")

    def funeral(in_cemetery: bool) -> Any:
        costs = {"burial_or_cremation_cost": 3000, "ceremony_cost": 0}
        unit = {
            "estate_cannot_pay_funeral": True,
            "funeral": {**costs, "remains_placed_in_cemetery": in_cemetery},
        }
        return ab.evaluate_data({"date": "2024-03-01", "unit": unit}, ["ab.funeral_benefit"]).results[0]

    assert funeral(False).status == "eligible" and funeral(False).monthly_amount == 3000_00
    assert funeral(True).missing.parameters == ["ab.funeral_benefit.cemetery_plot_max"]


def households() -> st.SearchStrategy[tuple[list[dict[str, Any]], dict[str, Any]]]:
    """Households around the edges: zeros, negatives, unknowns everywhere."""
    amount = st.one_of(st.just(0), st.integers(-200_000, 500_000), st.none())
    person = st.fixed_dictionaries({"earnings": amount, "age": st.one_of(st.integers(0, 90), st.none())})
    unit = st.fixed_dictionaries(
        {
            "cost_a": st.one_of(st.just(0), st.integers(0, 300_000), st.none()),
            "cost_b": st.one_of(st.just(0), st.integers(0, 300_000), st.none()),
            "assets": st.one_of(st.just(0), st.integers(0, 100_000), st.none()),
            "flag": st.one_of(st.booleans(), st.none()),
            "family": st.sampled_from(["single", "couple", None]),
        }
    )
    return st.tuples(st.lists(person, min_size=1, max_size=4), unit)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(households(), min_size=1, max_size=20))
def test_batch_agrees_with_explain_to_the_cent(
    pack: Pack, drawn: list[tuple[list[dict[str, Any]], dict[str, Any]]]
) -> None:
    cases = cases_of(drawn, ON)
    assert_agree(pack, "t.bounds", cases)
