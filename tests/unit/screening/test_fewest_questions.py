"""Issue 13, part 1: the sample households finish the screener in few questions, and no question is
asked that cannot change a result (no funeral without a death, no earnings or school for a child of 4,
no job search for a senior of 72)."""

from __future__ import annotations

import pytest

from onestop.jurisdictions import get_pack
from onestop.screening import gates, screen
from onestop.screening.scenarios import GOAL, HOUSEHOLDS, SENIOR_NL, SINGLE_ADULT, SINGLE_PARENT, walk

WALKS = {h.name: walk(h) for h in HOUSEHOLDS}


@pytest.mark.parametrize("name", sorted(GOAL))
def test_goal_households_need_at_most_12_questions(name: str) -> None:
    w = WALKS[name]
    assert w.questions <= GOAL[name], w.asked
    assert not w.screening.questions or all(
        q.input in {p for page in w.asked for p in page} or q.urgent for q in w.screening.questions
    )


def _asked(name: str) -> set[str]:
    return {path for page in WALKS[name].asked for path in page}


def test_nobody_died_so_no_funeral_question() -> None:
    asked = _asked(SINGLE_ADULT.name)
    assert "unit.death_in_family" in asked
    assert not {p for p in asked if "funeral" in p and p != "unit.death_in_family"}


def test_a_child_of_4_is_not_asked_about_work_or_school() -> None:
    asked = _asked(SINGLE_PARENT.name)
    about_child = {p.split(".", 1)[1] for p in asked if p.startswith("people[c1].")}
    assert about_child <= {"age", "child_care_type", "school_grade"}
    assert "attending_high_school" not in about_child


def test_the_assumption_is_stated() -> None:
    said = " ".join(WALKS[SINGLE_PARENT.name].screening.assumptions)
    assert "child under 13" in said and "0" in said


def test_a_senior_is_not_asked_about_looking_for_work() -> None:
    assert "people[p1].looking_for_work" not in _asked(SENIOR_NL.name)


def test_every_household_finishes() -> None:
    for w in WALKS.values():
        assert [q for q in w.screening.questions if not q.urgent] == [], w.household.name


def test_a_given_answer_wins_over_a_gate() -> None:
    case = {
        "jurisdiction": "ca-ab",
        "date": "2024-06-01",
        "people": [{"id": "p1", "role": "applicant", "age": 40, "monthly_other_income": "500"}],
        "unit": {"has_income": False},
    }
    assert screen(case).items  # parsed without error
    filled, _ = gates.fill(case, get_pack("ca-ab").vocabulary, "en")
    assert filled["people"][0]["monthly_other_income"] == "500"
    assert filled["people"][0]["monthly_net_employment_income"] == "0"


def test_french_assumptions() -> None:
    case = {
        "jurisdiction": "ca-ab",
        "date": "2024-06-01",
        "people": [{"id": "p1", "role": "applicant", "age": 30}, {"id": "c1", "role": "dependant", "age": 4}],
    }
    assert any("moins de 13 ans" in a for a in screen(case, "fr").assumptions)
