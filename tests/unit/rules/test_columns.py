"""Loading caseload columns: exact cents, enums, Arrow tables, persons in any order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pyarrow as pa
import pytest

from onestop.rules import CaseInvalid, Pack
from onestop.rules.batch import ELIGIBLE_CODE, batch_plan
from onestop.rules.columns import from_arrow, load_columns

ON = dt.date(2024, 6, 1)


def test_money_columns_become_int64_cents(ab: Pack) -> None:
    inputs = ab.programs["ab.income_support"].inputs
    cols = load_columns(
        inputs,
        n_units=2,
        unit_index=np.array([0, 1]),
        person={
            "monthly_other_income": np.array([12.34, 0.1]),
            "monthly_net_employment_income": ["1.05", Decimal("2")],
        },
        unit={
            "liquid_assets": np.array([100, 5], dtype=np.int64),
            "client_type": ["expected_to_work", "barriers_to_full_employment"],
        },
    )
    assert cols.person["monthly_other_income"].tolist() == [1234, 10]
    assert cols.person["monthly_net_employment_income"].tolist() == [105, 200]
    assert cols.unit["liquid_assets"].tolist() == [100, 5]  # integers are cents already
    assert cols.unit["client_type"].tolist() == [0, 1]


def test_bad_columns_are_named(ab: Pack) -> None:
    inputs = ab.programs["ab.income_support"].inputs
    with pytest.raises(CaseInvalid, match="housing"):
        load_columns(inputs, n_units=1, unit_index=np.array([0]), unit={"housing": ["castle"]})
    with pytest.raises(CaseInvalid, match=r"person\.shoe_size"):
        load_columns(inputs, n_units=1, unit_index=np.array([0]), person={"shoe_size": [9]})
    with pytest.raises(CaseInvalid, match="rows"):
        load_columns(inputs, n_units=2, unit_index=np.array([0, 1]), unit={"liquid_assets": [1]})


def _run(ab: Pack, order: list[int]) -> tuple[list[int], list[int]]:
    roles = np.array(["applicant", "applicant", "dependant", "applicant"])[order]
    earnings = np.array([50000, 0, 0, 100000], dtype=np.int64)[order]
    unit_of = np.array([0, 1, 1, 2])[order]
    persons = pa.table(
        {
            "unit": unit_of,
            "role": roles,
            "monthly_net_employment_income": earnings,
            "monthly_other_income": np.zeros(4, dtype=np.int64),
        }
    )
    units = pa.table(
        {"client_type": ["expected_to_work"] * 3, "housing": ["private"] * 3, "liquid_assets": [0, 0, 0]}
    )
    program = ab.programs["ab.income_support"]
    result = batch_plan(program, ON).run(from_arrow(program.inputs, persons, units, unit_index="unit"))
    pay, unknown = result.monthly_amount()
    assert not unknown.any()
    return pay.tolist(), result.status.tolist()


def test_arrow_tables_and_unsorted_persons_give_the_same_answers(ab: Pack) -> None:
    sorted_answer = _run(ab, [0, 1, 2, 3])
    assert sorted_answer == ([62150, 129800, 24650], [ELIGIBLE_CODE] * 3)
    assert _run(ab, [3, 2, 0, 1]) == sorted_answer
