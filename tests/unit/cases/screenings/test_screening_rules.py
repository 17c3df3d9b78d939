"""Screening interview rules without a database: folding steps, the case so far, next questions."""

from __future__ import annotations

import pytest

from onestop.cases.screenings import domain
from onestop.common.errors import InvalidTransition


def test_later_answers_replace_earlier_ones() -> None:
    steps = [
        {"unit.liquid_assets": "100.00", "people[p1].role": "applicant"},
        {},
        {"unit.liquid_assets": "0.00"},
    ]
    assert domain.fold(steps) == {"people[p1].role": "applicant", "unit.liquid_assets": "0.00"}


def test_the_case_mapping_groups_people_and_nested_unit_fields() -> None:
    answers = {
        "people[p1].role": "applicant",
        "people[p1].age": 34,
        "people[p2].role": "dependant",
        "unit.housing": "private",
        "unit.funeral.ceremony_cost": "100.00",
    }
    case = domain.case_mapping("ca-ab", "2026-03-02", answers)
    assert case["people"] == [{"id": "p1", "role": "applicant", "age": 34}, {"id": "p2", "role": "dependant"}]
    assert case["unit"] == {"housing": "private", "funeral": {"ceremony_cost": "100.00"}}
    assert domain.roles(answers) == {"p1": "applicant", "p2": "dependant"}


def test_next_questions_ask_who_is_there_first_then_the_screeners_order() -> None:
    assert domain.next_questions([["unit.housing", "people[p1].age"]], has_people=False)[:3] == [
        "people[p1].role",
        "unit.housing",
        "people[p1].age",
    ]
    ranked = domain.next_questions([["a", "b"], ["b", "c"]], has_people=True)
    assert ranked == ["b", "a", "c"]
    assert (
        len(domain.next_questions([[f"q{i}" for i in range(30)]], has_people=True)) == domain.NEXT_QUESTIONS
    )


def test_generic_questions_become_answerable_paths() -> None:
    assert domain.concrete("people[*].age", "p7") == "people[p7].age"
    assert domain.concrete("people[applicant].age", None) == "people[p1].age"
    assert domain.concrete("unit.housing", "p1") == "unit.housing"


def test_a_completed_interview_takes_no_more_answers_and_links_once() -> None:
    domain.check_open("open")
    with pytest.raises(InvalidTransition):
        domain.check_open("completed")
    domain.check_link(None, "a")
    domain.check_link("a", "a")
    with pytest.raises(InvalidTransition):
        domain.check_link("a", "b")
