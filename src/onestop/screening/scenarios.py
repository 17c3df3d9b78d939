"""Sample households walked through the screener as a client would: answer the next question
truthfully until none is left. Used by the scenario tests and ``benchmarks/screening.py`` to count
the questions a household is asked (issue 13: at most 12, urgent ones aside).

A household is what is true about it: its people (id, role and facts) and its unit facts. A question
it has no explicit fact for is answered "no" (yes/no) or 0 (an amount), as the person would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from onestop.screening import gates
from onestop.screening.engine import Screening, screen


def _concrete(path: str) -> str:
    """A question about "any person" or "the applicant" as a path about ``p1``."""
    for generic in ("people[*].", "people[applicant]."):
        if path.startswith(generic):
            return "people[p1]." + path[len(generic) :]
    return path


def _case(household: Household, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The case-format mapping of the answers so far (as the screening interview folds them)."""
    people: dict[str, dict[str, Any]] = {}
    unit: dict[str, Any] = {}
    for path, value in answers.items():
        if path.startswith("people["):
            pid, name = path[len("people[") :].split("].", 1)
            people.setdefault(pid, {"id": pid})[name] = value
        elif path.count(".") == 2:
            _, group, name = path.split(".")
            unit.setdefault(group, {})[name] = value
        else:
            unit[path.split(".", 1)[1]] = value
    date = household.date
    return {
        "jurisdiction": household.jurisdiction,
        "date": date,
        "people": list(people.values()),
        "unit": unit,
    }


@dataclass(frozen=True)
class Household:
    """What is true about a household (people in order; ``p1`` is the applicant)."""

    name: str
    jurisdiction: str
    date: str
    people: Mapping[str, Mapping[str, Any]]
    unit: Mapping[str, Any] = field(default_factory=dict)
    urgent: Mapping[str, bool] = field(default_factory=dict)

    def known_at_start(self) -> dict[str, Any]:
        """Who lives in the household (the screener's first page): each person's role."""
        roles = {f"people[{pid}].role": facts["role"] for pid, facts in self.people.items()}
        return {**roles, "unit.resident_of_province": True}  # the province chosen on that page

    def answer(self, path: str) -> Any:
        """The true answer to ``path``; "no" or 0 when the household has no such fact."""
        if path.startswith("people["):
            pid, name = path[len("people[") :].split("].", 1)
            facts = self.people[pid]
        else:
            name = path.split(".", 1)[1]
            facts = {**self.unit, **self.urgent}
        if name in facts:
            return facts[name]
        if name == "child_care_type":
            return "not_in_care"
        if name in _GATES:
            return any(self._fact(fact) for fact in _GATES[name])
        if name.startswith(("monthly_", "annual_", "liquid_", "non_exempt_")) or name.endswith("_cost"):
            return "0"
        return False

    def _fact(self, generic: str) -> bool:
        entity, name = generic.split(".", 1)
        found = [p.get(name) for p in self.people.values()] if entity == "person" else [self.unit.get(name)]
        return any(v is True or (isinstance(v, str) and v.replace(".", "").strip("0") != "") for v in found)


#: What makes the truthful answer to each gate "yes" (screening/gates.yaml).
_GATES = {
    gate.input.split(".", 1)[1]: tuple(name for name, v in gate.implies.items() if v in (False, "0"))
    for gate in gates.rules().gates
}
_GATES["has_income"] += ("person.receives_oas",)


@dataclass
class Walk:
    """The questions a household was asked, in order, and the last screening."""

    household: Household
    asked: list[list[str]]  # one entry per page: one question, or the gates asked together
    urgent: list[str]
    screening: Screening

    @property
    def questions(self) -> int:
        """Questions asked, urgent ones aside (the gates' page counts as one)."""
        return len(self.asked)

    @property
    def answers(self) -> int:
        """Answers given, urgent ones aside (each gate counted)."""
        return sum(len(page) for page in self.asked)


def walk(household: Household, lang: str = "en", limit: int = 80) -> Walk:
    """Answer the screener's next question truthfully until none is left."""
    answers = household.known_at_start()
    asked: list[list[str]] = []
    urgent: list[str] = []
    result = screen(_case(household, answers), lang)
    for _ in range(limit):
        pending = [q for q in result.questions if _concrete(q.input) not in answers]
        if not pending:
            break
        if pending[0].urgent or pending[0].gate:  # asked together, on one page
            page = [_concrete(q.input) for q in pending if q.urgent is pending[0].urgent and q.gate]
            page = [_concrete(q.input) for q in pending if q.urgent] if pending[0].urgent else page
        else:
            page = [_concrete(pending[0].input)]
        if pending[0].urgent:
            urgent += page
        else:
            asked.append(page)
        for path in page:
            answers[path] = household.answer(path)
        result = screen(_case(household, answers), lang)
    return Walk(household, asked, urgent, result)


SINGLE_ADULT = Household(
    "single adult, 34, no income, renting (AB)",
    "ca-ab",
    "2024-06-01",
    {"p1": {"role": "applicant", "age": 34, "contributed_to_cpp": True, "looking_for_work": True}},
    {
        "resident_of_province": True,
        "housing": "private",
        "client_type": "expected_to_work",
        "liquid_assets": "150",
        "monthly_shelter_cost": "900",
    },
)
SINGLE_PARENT = Household(
    "single parent, child of 4 (AB)",
    "ca-ab",
    "2024-06-01",
    {
        "p1": {
            "role": "applicant",
            "age": 29,
            "monthly_net_employment_income": "1200",
            "contributed_to_cpp": True,
        },
        "c1": {"role": "dependant", "age": 4, "child_care_type": "facility_based"},
    },
    {
        "resident_of_province": True,
        "housing": "private",
        "client_type": "expected_to_work",
        "liquid_assets": "300",
        "annual_net_income": "14400",
        "monthly_shelter_cost": "1100",
    },
)
SENIOR_NL = Household(
    "senior, 72, on OAS (NL)",
    "ca-nl",
    "2024-06-01",
    {
        "p1": {
            "role": "applicant",
            "age": 72,
            "receives_oas": True,
            "receives_gis": True,
            "monthly_other_income": "1750",
            "contributed_to_cpp": True,
            "has_provincial_health_coverage": True,
        }
    },
    {
        "resident_of_province": True,
        "annual_net_income": "21000",
        "liquid_assets": "2000",
        "monthly_shelter_cost": "600",
    },
)
COUPLE_THREE_CHILDREN = Household(
    "couple with three children (AB)",
    "ca-ab",
    "2024-06-01",
    {
        "p1": {
            "role": "applicant",
            "age": 38,
            "monthly_net_employment_income": "2600",
            "contributed_to_cpp": True,
        },
        "p2": {"role": "partner", "age": 36, "contributed_to_cpp": True},
        "c1": {"role": "dependant", "age": 12, "school_grade": "6"},
        "c2": {"role": "dependant", "age": 8, "school_grade": "3"},
        "c3": {"role": "dependant", "age": 2, "child_care_type": "family_day_home"},
    },
    {
        "resident_of_province": True,
        "housing": "private",
        "client_type": "expected_to_work",
        "liquid_assets": "1000",
        "annual_net_income": "31200",
        "monthly_shelter_cost": "1600",
    },
)
DISABILITY = Household(
    "adult, 45, with a severe disability (AB)",
    "ca-ab",
    "2024-06-01",
    {
        "p1": {
            "role": "applicant",
            "age": 45,
            "disability": True,
            "severe_handicap": True,
            "cannot_work_due_to_disability": True,
            "contributed_to_cpp": True,
            "high_ongoing_drug_needs": True,
        }
    },
    {
        "resident_of_province": True,
        "housing": "private",
        "client_type": "barriers_to_full_employment",
        "liquid_assets": "500",
        "monthly_shelter_cost": "850",
    },
)
FLEEING_VIOLENCE = Household(
    "parent fleeing violence with a child of 7 (AB)",
    "ca-ab",
    "2024-06-01",
    {
        "p1": {"role": "applicant", "age": 31},
        "c1": {"role": "dependant", "age": 7, "school_grade": "2", "child_care_type": "facility_based"},
    },
    {
        "resident_of_province": True,
        "housing": "shelter",
        "client_type": "expected_to_work",
        "liquid_assets": "40",
    },
    {"fleeing_violence": True, "no_safe_place_tonight": True, "no_money_for_food_today": True},
)
HOUSEHOLDS = (SINGLE_ADULT, SINGLE_PARENT, SENIOR_NL, COUPLE_THREE_CHILDREN, DISABILITY, FLEEING_VIOLENCE)
#: The three households issue 13 sets a goal for.
GOAL = {SINGLE_ADULT.name: 12, SINGLE_PARENT.name: 12, SENIOR_NL.name: 12}
