"""The column-wise evaluation of a partition gives, household by household, the rows the one-case path
gives (``evaluate_per_case``: each case assembled and read as ``load_case`` does), on ordinary
households and on every kind of odd data it sets aside or must read the same way."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pyarrow as pa
import pytest

from onestop.batch.domain import parse_overlay
from onestop.batch.evaluate import (
    FACTS,
    HOUSEHOLDS,
    MEMBERS,
    Job,
    Partition,
    evaluate_partition,
    evaluate_per_case,
)

ON = dt.date(2027, 1, 1)
PROGRAM = "ab.income_support"


class Builder:
    """Households of a partition, written the way the database returns them."""

    def __init__(self) -> None:
        self.households: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] = []
        self.facts: list[dict[str, Any]] = []
        self.n = 0

    def household(
        self,
        people: list[tuple[str, dt.date | None, bool]],
        facts: dict[str, Any],
        *,
        unverified: tuple[str, ...] = (),
        before: int | None = 82400,
        jurisdiction: str = "ca-ab",
    ) -> list[str]:
        """People as (role, birth date, birth date proven); fact paths may use {0}, {1} for the people."""
        self.n += 1
        app = str(uuid.UUID(int=self.n * 1000))
        pids = [str(uuid.UUID(int=self.n * 1000 + k + 1)) for k in range(len(people))]
        self.households.append(
            {
                "application_id": app,
                "unit_id": str(uuid.UUID(int=self.n * 1000 + 999)),
                "office": f"OFF{self.n % 3}",
                "jurisdiction": jurisdiction,
                "before_cents": before,
            }
        )
        for pid, (role, born, proven) in zip(pids, people, strict=True):
            self.members.append(
                {
                    "application_id": app,
                    "person_id": pid,
                    "role": role,
                    "birth_date": born,
                    "identity_document_id": str(uuid.uuid4()) if proven else None,
                }
            )
        for path, value in facts.items():
            self.facts.append(
                {
                    "application_id": app,
                    "path": path.format(*pids),
                    "value": value
                    if isinstance(value, str) and value.startswith("RAW:")
                    else json.dumps(value),
                    "source": "officer",
                    "verified": path not in unverified,
                    "document_id": None,
                }
            )
        for fact in self.facts:
            if fact["value"].startswith("RAW:"):
                fact["value"] = fact["value"][4:]
        return pids

    def partition(self) -> Partition:
        return Partition(
            households=pa.Table.from_pylist(self.households, schema=HOUSEHOLDS),
            members=pa.Table.from_pylist(self.members, schema=MEMBERS),
            facts=pa.Table.from_pylist(self.facts, schema=FACTS),
        )


ADULT = ("applicant", dt.date(1980, 5, 17), True)
UNIT = {"unit.client_type": "expected_to_work", "unit.housing": "private", "unit.liquid_assets": "0.00"}


def _income(amount: str = "0.00", who: int = 0) -> dict[str, Any]:
    return {
        f"people[{{{who}}}].monthly_net_employment_income": amount,
        f"people[{{{who}}}].monthly_other_income": "0.00",
    }


def _every_kind() -> Builder:
    b = Builder()
    b.household([ADULT], {**UNIT, **_income()})  # unchanged
    b.household([ADULT], {**UNIT, **_income("500.00")})  # changed
    b.household([ADULT], {**UNIT, **_income("500.00")}, before=None)  # no amount in force
    b.household(
        [ADULT, ("dependant", dt.date(2012, 2, 29), True)],
        {**UNIT, **_income("250.00"), "people[{1}].attending_high_school": False},
    )
    b.household(
        [ADULT, ("partner", dt.date(1979, 1, 1), True)], {**UNIT, **_income(), **_income(who=1)}
    )  # a gap
    b.household([("applicant", dt.date(1980, 5, 17), False)], {**UNIT, **_income()})  # birth date not proven
    b.household([("applicant", dt.date(1980, 5, 17), False)], {**UNIT, **_income(), "people[{0}].age": 46})
    b.household([ADULT], {**UNIT, **_income(), "people[{0}].age": 12})  # the registry's date wins
    b.household([ADULT], {**UNIT, **_income()}, unverified=("unit.liquid_assets",))
    b.household([ADULT], {**UNIT, **_income(), "unit.liquid_assets": "12,50$"})  # garbled
    b.household([ADULT], {**UNIT, **_income(), "unit.colour": "blue"})  # not in the vocabulary
    b.household([ADULT], {**UNIT, **_income(), "unit.housing": "castle"})  # outside the domain
    b.household([ADULT], {**UNIT, **_income(), "people[{0}].pregnant": "yes"})  # not a boolean
    b.household([ADULT], {**UNIT, **_income(), "people[ghost].monthly_other_income": "900.00"})
    b.household([ADULT], {**UNIT, **_income(), "unit.funeral.ceremony_cost": "1200.00"})
    b.household([ADULT], {**UNIT, **_income(), "unit.funeral": {"ceremony_cost": "1200.00"}})
    b.household([ADULT], {**UNIT, **_income(), "unit.picnic.cost": "10.00"})  # not a group
    b.household([ADULT], {**UNIT, **_income(), "people[{0}].role": "partner"})  # the registry's field
    b.household([ADULT], {**UNIT, **_income(), "people[{0}": "1"})  # not a path
    b.household([("applicant", dt.date(2030, 1, 1), True)], {**UNIT, **_income()})  # born after the date
    b.household([("chauffeur", dt.date(1980, 1, 1), True)], {**UNIT, **_income()})  # role outside the domain
    b.household([ADULT], {**UNIT, **_income(), "unit.liquid_assets": "RAW:null"})  # JSON null: unknown
    b.household([ADULT], {**UNIT, **_income(), "unit.liquid_assets": 150})  # a JSON number
    b.household([ADULT], {**UNIT, **_income(), "unit.liquid_assets": "0.005"})  # a fraction of a cent
    b.household([ADULT], {**UNIT, **_income("-40.00")})  # negative where allowed
    b.household([ADULT], {**UNIT, **_income(), "people[{0}].monthly_other_income": "-1.00"})  # not allowed
    b.household([ADULT], UNIT)  # no income recorded: incomplete
    b.household([], UNIT)  # nobody in the unit
    b.household([ADULT], {**UNIT, **_income()}, jurisdiction="ca-nl")
    return b


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


@pytest.mark.parametrize(
    "job",
    [
        Job(PROGRAM, ON),
        Job(PROGRAM, ON, (parse_overlay("core_shelter_private=+5%"),), compare="base"),
    ],
    ids=["reassess", "simulate"],
)
def test_the_column_wise_rows_equal_the_one_case_rows(job: Job) -> None:
    part = _every_kind().partition()
    fast, slow = _rows(evaluate_partition(job, part)), _rows(evaluate_per_case(job, part))
    assert len(fast) == len(slow) == part.households.num_rows
    for a, b in zip(fast, slow, strict=True):
        assert a == b
    statuses = {r["status"] for r in fast}
    assert {"changed", "incomplete", "broken"} <= statuses


def test_households_with_the_same_values_are_explained_with_their_own_people() -> None:
    b = Builder()
    waiting = ("people[{0}].monthly_other_income",)
    first = b.household([ADULT], {**UNIT, **_income()}, unverified=waiting)
    second = b.household([ADULT], {**UNIT, **_income()}, unverified=waiting)
    b.household([ADULT], {**UNIT, **_income()}, unverified=("unit.liquid_assets",))
    rows = _rows(evaluate_partition(Job(PROGRAM, ON), b.partition()))
    assert [r["status"] for r in rows] == ["incomplete"] * 3
    for row, pids in zip(rows, (first, second), strict=False):
        assert json.loads(row["missing"]) == [
            {"path": f"people[{pids[0]}].monthly_other_income", "problem": "recorded but not verified"}
        ]
    assert json.loads(rows[2]["missing"]) == [
        {"path": "unit.liquid_assets", "problem": "recorded but not verified"}
    ]
    assert rows == _rows(evaluate_per_case(Job(PROGRAM, ON), b.partition()))


def test_an_empty_partition_has_no_rows() -> None:
    assert evaluate_partition(Job(PROGRAM, ON), Builder().partition()).num_rows == 0
