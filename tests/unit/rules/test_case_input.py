"""Reading cases: exact money from JSON and YAML, birth dates, unknown fields named, absent = unknown."""

from __future__ import annotations

import pytest

from onestop.rules import CaseInvalid, Pack
from onestop.rules.yamlio import load_case_text

BASE = "jurisdiction: ca-ab\ndate: 2024-06-01\n"


def parse(ab: Pack, text: str, *, is_json: bool = False) -> object:
    return ab.parse_case(load_case_text(text, is_json=is_json))


def test_money_is_exact_from_json_and_yaml(ab: Pack) -> None:
    text = '{"jurisdiction": "ca-ab", "date": "2024-06-01", "unit": {"liquid_assets": 0.29}}'
    assert parse(ab, text, is_json=True).unit == {"liquid_assets": 29}  # type: ignore[attr-defined]
    assert parse(ab, BASE + "unit: {liquid_assets: 1234567.89}").unit == {"liquid_assets": 123456789}  # type: ignore[attr-defined]


def test_birth_date_gives_the_age_on_the_case_date(ab: Pack) -> None:
    case = parse(ab, BASE + "people: [{id: p1, birth_date: 1985-06-02}, {id: p2, age: 7}, {id: p3}]")
    assert [p.get("age") for p in case.people] == [38, 7, None]  # type: ignore[attr-defined]


def test_nested_funeral_fields(ab: Pack) -> None:
    case = parse(ab, BASE + "unit: {funeral: {ceremony_cost: '1500.00', remains_placed_in_cemetery: null}}")
    assert case.unit == {"funeral_ceremony_cost": 150000}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("unit: {colour: blue}", "unit.colour"),
        ("people: [{id: p1, role: boss}]", "people[p1].role"),
        ("people: [{id: p1, age: '7'}]", "people[p1].age"),
        ("people: [{id: p1, pregnant: 'yes'}]", "people[p1].pregnant"),
        ("people: [{id: p1, birth_date: 1985-02-30}]", "people[p1].birth_date"),
        ("people: [{id: p1}, {id: p1}]", "people[1].id"),
        ("unit: {funeral: {casket: 1}}", "unit.funeral.casket"),
        ("unit: {liquid_assets: -5}", "unit.liquid_assets"),
        ("extra: 1", "extra"),
    ],
)
def test_bad_fields_are_named(ab: Pack, text: str, field: str) -> None:
    with pytest.raises(CaseInvalid) as err:
        parse(ab, BASE + text)
    assert err.value.field == field


def test_date_is_required_and_checked(ab: Pack) -> None:
    with pytest.raises(CaseInvalid, match="date: is required"):
        parse(ab, "jurisdiction: ca-ab\n")
    with pytest.raises(CaseInvalid, match="date: is not a date"):
        parse(ab, "jurisdiction: ca-ab\ndate: 2024-06-31\n")


def test_wrong_jurisdiction_for_the_pack(ab: Pack) -> None:
    with pytest.raises(CaseInvalid, match="jurisdiction"):
        parse(ab, "jurisdiction: ca-nl\ndate: 2024-06-01\n")
