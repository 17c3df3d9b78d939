"""The batch path agrees with the per-case (explain) path to the cent, on random cases.

For both the ISB benchmark pack and ab.income_support: status, monthly amount, every amount (person
amounts member by member, with the members they list), every test and every unit and person value,
including unknowns (absent inputs and parameter gaps).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop.rules import Case, Entity, Pack, Program
from onestop.rules.batch import (
    ELIGIBLE_CODE,
    INELIGIBLE_CODE,
    UNDETERMINED_CODE,
    BatchResult,
    batch_plan,
)
from onestop.rules.columns import columns_from_cases
from onestop.rules.result import ELIGIBLE, INELIGIBLE

CLIENT_TYPES = ["expected_to_work", "barriers_to_full_employment"]
HOUSING = ["private", "private", "private", "approved_home", "group_home", "social_housing", "shelter"]
CODES = {ELIGIBLE: ELIGIBLE_CODE, INELIGIBLE: INELIGIBLE_CODE}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def sometimes_unknown(known: st.SearchStrategy[Any], unknowns: bool) -> st.SearchStrategy[Any]:
    """Known four times in five when ``unknowns``, else always known."""
    return st.one_of(known, known, known, known, st.none()) if unknowns else known


def _case(date: dt.date, people: list[dict[str, Any]], unit: dict[str, Any]) -> Case:
    clean = [{k: v for k, v in p.items() if v is not None} for p in people]
    return Case(
        "x",
        date,
        [f"p{i}" for i in range(len(people))],
        clean,
        {k: v for k, v in unit.items() if v is not None},
    )


def isb_household(unknowns: bool) -> st.SearchStrategy[list[dict[str, Any]]]:
    """One to eight people with ISB inputs."""
    person = st.fixed_dictionaries(
        {
            "age": sometimes_unknown(st.integers(0, 95), unknowns),
            "salary": sometimes_unknown(st.one_of(st.integers(0, 900_000), st.just(0)), unknowns),
            "other_income": sometimes_unknown(st.one_of(st.integers(0, 60_000), st.just(0)), unknowns),
            "savings": sometimes_unknown(st.one_of(st.integers(0, 1_500_000), st.just(0)), unknowns),
        }
    )
    return st.lists(person, min_size=1, max_size=8)


isb_cases = st.tuples(
    st.sampled_from([dt.date(2024, 1, 1), dt.date(2024, 7, 1), dt.date(2025, 1, 1)]),
    st.lists(st.one_of(isb_household(unknowns=False), isb_household(unknowns=True)), min_size=1, max_size=25),
)


def ab_household(unknowns: bool) -> st.SearchStrategy[Any]:
    """An applicant, up to four others (mostly dependants) and the unit's values."""
    u = unknowns
    person = st.fixed_dictionaries(
        {
            "role": sometimes_unknown(st.sampled_from(["dependant"] * 5 + ["partner"]), u),
            "monthly_net_employment_income": sometimes_unknown(
                st.one_of(st.just(0), st.just(0), st.integers(-50_000, 300_000)), u
            ),
            "monthly_other_income": sometimes_unknown(st.one_of(st.just(0), st.integers(0, 150_000)), u),
            "attending_high_school": sometimes_unknown(st.booleans(), u),
        }
    )
    applicant = st.fixed_dictionaries(
        {
            "role": st.just("applicant"),
            "monthly_net_employment_income": sometimes_unknown(
                st.one_of(st.just(0), st.integers(0, 300_000)), u
            ),
            "monthly_other_income": sometimes_unknown(st.one_of(st.just(0), st.integers(0, 100_000)), u),
        }
    )
    unit = st.fixed_dictionaries(
        {
            "client_type": sometimes_unknown(st.sampled_from(CLIENT_TYPES), u),
            "housing": sometimes_unknown(st.sampled_from(HOUSING), u),
            "liquid_assets": sometimes_unknown(
                st.one_of(
                    st.integers(0, 120_000), st.just(82_400), st.just(82_401), st.integers(0, 2_000_000)
                ),
                u,
            ),
        }
    )
    return st.tuples(applicant, st.lists(person, max_size=4), unit)


ab_cases = st.tuples(
    st.sampled_from([dt.date(2024, 1, 1), dt.date(2024, 6, 1), dt.date(2026, 3, 1)]),
    st.lists(st.one_of(ab_household(unknowns=False), ab_household(unknowns=True)), min_size=1, max_size=25),
)


def cases_of(
    drawn: list[tuple[list[dict[str, Any]], dict[str, Any]]], on: dt.date, jurisdiction: str = "t"
) -> list[Case]:
    """Drawn households (people, unit values; ``None`` for unknown, left out) as cases on ``on``."""
    return [
        Case(
            jurisdiction,
            on,
            [f"p{i}" for i in range(len(people))],
            [{k: v for k, v in p.items() if v is not None} for p in people],
            {k: v for k, v in unit.items() if v is not None},
        )
        for people, unit in drawn
    ]


def assert_agree(pack: Pack, program_id: str, cases: list[Case]) -> None:
    """Evaluate every case both ways and compare everything: unit values, person values, amounts."""
    program = pack.programs[program_id]
    plan = batch_plan(program, cases[0].date)
    unit_vars = [n for n, v in program.variables.items() if v.entity is Entity.UNIT]
    person_vars = [n for n, v in program.variables.items() if v.entity is Entity.PERSON]
    batch = plan.run(columns_from_cases(program.inputs, cases), keep=[*unit_vars, *person_vars])
    status = batch.status
    pay, pay_unknown = batch.monthly_amount()
    first_row = 0
    for i, case in enumerate(cases):
        one = pack.evaluate(case, [program_id]).results[0]
        where = f"case {i}: {case}"
        assert status[i] == CODES.get(one.status, UNDETERMINED_CODE), where
        expected_pay = one.monthly_amount
        assert (None if pay_unknown[i] else int(pay[i])) == expected_pay, where
        for name in unit_vars:
            assert _batch_value(batch, name, i) == one.value(name), f"{name} in {where}"
        rows = range(first_row, first_row + len(case.people))
        for name in person_vars:
            got = [_batch_value(batch, name, row) for row in rows]
            want = one.value(name)
            assert got == (want if isinstance(want, list) else [want] * len(rows)), f"{name} in {where}"
        assert _batch_amounts(batch, program, case, i, rows) == one.amounts, where
        first_row += len(case.people)


def _batch_value(batch: BatchResult, name: str, row: int) -> Any:
    value, unknown = batch.value(name)
    domain = batch.domain(name)
    return None if unknown[row] else (domain[value[row]] if domain else value[row].item())


def _batch_amounts(
    batch: BatchResult, program: Program, case: Case, unit: int, rows: range
) -> dict[str, Any]:
    """The amounts of one unit as the batch reports them, in the per-case shape (``name.<person id>``)."""
    out: dict[str, Any] = {}
    for name in program.amounts:
        value, unknown = batch.amount(name)
        if name not in program.per_person:
            out[name] = None if unknown[unit] else int(value[unit])
            continue
        listed = batch.listed(name)
        for pid, row in zip(case.person_ids, rows, strict=True):
            if listed[row]:
                out[f"{name}.{pid}"] = None if unknown[row] else int(value[row])
    return out


@SETTINGS
@given(isb_cases)
def test_isb_explain_and_batch_agree(drawn: tuple[dt.date, list[list[dict[str, Any]]]]) -> None:
    from onestop.jurisdictions import load_pack_path
    from tests.unit.rules.conftest import ISB_PACK

    date, households = drawn
    cases = [_case(date, people, {}) for people in households]
    assert_agree(load_pack_path(ISB_PACK), "isb.benefit", cases)


@SETTINGS
@given(ab_cases)
def test_ab_income_support_explain_and_batch_agree(drawn: tuple[dt.date, list[Any]]) -> None:
    from onestop.jurisdictions import get_pack

    date, households = drawn
    cases = [_case(date, [applicant, *others], unit) for applicant, others, unit in households]
    assert_agree(get_pack("ca-ab"), "ab.income_support", cases)


def test_isb_reference_household_through_the_batch(isb: Pack) -> None:
    people = [
        {"age": 40, "salary": 90000, "other_income": 0, "savings": 300000},
        {"age": 42, "salary": 0, "other_income": 15000, "savings": 0},
        {"age": 8, "salary": 5000, "other_income": 0, "savings": 0},
    ]
    case = _case(dt.date(2025, 1, 1), people, {})
    batch = batch_plan(isb.programs["isb.benefit"], case.date).run(
        columns_from_cases(isb.vocabulary.person, [case])
    )
    value, unknown = batch.monthly_amount()
    assert value.tolist() == [39000] and not unknown[0]
