"""Screening a dozen realistic situations: what comes first, what is likely, what is ruled out and why."""

from __future__ import annotations

from typing import Any

import pytest

from onestop.common.errors import InvalidInput
from onestop.screening import Screening, Status, screen


def run(
    jurisdiction: str, date: str, people: list[dict[str, Any]] | None = None, lang: str = "en", **unit: Any
) -> Screening:
    case: dict[str, Any] = {"jurisdiction": jurisdiction, "date": date, "unit": unit}
    if people is not None:
        case["people"] = people
    return screen(case, lang)


def status(s: Screening, program: str) -> Status:
    return next(i.status for i in s.items if i.entry.id == program)


def item(s: Screening, program: str) -> Any:
    return next(i for i in s.items if i.entry.id == program)


def order(s: Screening) -> list[str]:
    return [i.entry.id for i in s.items]


def test_almost_nothing_known_lists_every_program_and_asks_the_urgent_questions_first() -> None:
    s = run("ca-ab", "2024-06-01")
    assert len(s.items) == 35
    assert not any(i.status is Status.LIKELY for i in s.items)
    assert status(s, "ext.211") is Status.NOT_ASSESSED
    urgent = [q.input for q in s.questions if q.urgent]
    assert {"unit.no_money_for_food_today", "unit.no_safe_place_tonight", "unit.fleeing_violence"} <= set(
        urgent
    )
    assert s.questions[0].urgent and s.questions[0].text.endswith("?")
    assert all(q.urgent for q in s.questions[: len(urgent)])
    # nobody in the unit yet: programs about members are not ruled out
    assert status(s, "ab.aish") is Status.POSSIBLY


def test_fleeing_violence_with_no_money_today_puts_the_emergency_first() -> None:
    s = run(
        "ca-ab",
        "2024-06-01",
        [{"id": "me", "role": "applicant", "age": 29}, {"id": "kid", "role": "dependant", "age": 3}],
        fleeing_violence=True,
        no_money_for_food_today=True,
        no_safe_place_tonight=True,
        resident_of_province=True,
        emergency_cannot_wait=True,
    )
    emergency = item(s, "ab.emergency_income_support")
    assert emergency.urgent and "ab.emergency_income_support" in order(s)[:4]
    # every test passes, but the allowance rate is unpublished: a gap is never "likely"
    assert emergency.status is Status.POSSIBLY and emergency.monthly_amount is None
    assert emergency.missing_parameters == [
        "ab.emergency_income_support.emergency_needs_allowance[food]",
        "ab.emergency_income_support.emergency_needs_allowance[temporary_accommodation]",
    ]
    assert (
        "Emergency Needs Allowance rate [food] (ab.emergency_income_support.emergency_needs_allowance[food])"
        in (" ".join(emergency.reasons))
    )
    top = order(s)[:6]
    assert {"ab.family_violence_supports", "ext.ab_womens_shelters", "ab.homelessness_supports"} <= set(top)
    assert all(i.urgent for i in s.items[:5])
    assert status(s, "ext.ab_protection_orders") is Status.LIKELY


def test_a_senior_with_a_low_income() -> None:
    s = run(
        "ca-ab",
        "2024-09-01",
        [{"id": "s", "role": "applicant", "age": 72, "receives_oas": True, "receives_gis": True}],
        annual_net_income=18000,
        resident_of_province=True,
    )
    seniors = item(s, "ab.seniors_benefit")  # eligible, but the reduction schedule is unpublished
    assert seniors.status is Status.POSSIBLY and seniors.questions == []
    assert (
        "Benefit reduction per dollar of income [single senior] (ab.seniors_benefit.reduction_rate[single])"
        in (" ".join(seniors.reasons))
    )
    assert status(s, "ab.seniors_special_needs") is Status.LIKELY
    assert status(s, "ab.aish") is Status.NOT_ELIGIBLE
    assert status(s, "ext.oas_gis") is Status.NOT_ELIGIBLE
    assert item(s, "ext.oas_gis").reasons == ["The household already receives both OAS and GIS."]
    assert order(s).index("ab.seniors_benefit") < order(s).index("ab.aish")


def test_a_senior_in_2021_when_the_income_guideline_is_unpublished_is_only_possibly_eligible() -> None:
    s = run(
        "ca-ab",
        "2021-01-01",
        [{"id": "s", "role": "applicant", "age": 70, "receives_oas": True}],
        annual_net_income=20000,
        resident_of_province=True,
    )
    seniors = item(s, "ab.seniors_benefit")
    assert seniors.status is Status.POSSIBLY and seniors.monthly_amount is None and seniors.questions == []
    assert seniors.missing_parameters[0] == "ab.seniors_benefit.income_guideline[single]"
    assert (
        "does not give Income guideline (annual income including a full OAS pension) [single senior]"
        in (seniors.reasons[0])
    )
    senior = [{"id": "s", "role": "applicant", "age": 70, "receives_oas": True}]
    french = item(
        run("ca-ab", "2021-01-01", senior, lang="fr", annual_net_income=20000, resident_of_province=True),
        "ab.seniors_benefit",
    )
    assert french.reasons[0].startswith(
        "indéterminé : la politique publiée dont nous disposons ne précise pas"
    )
    assert "[aîné seul] (ab.seniors_benefit.income_guideline[single])" in french.reasons[0]


def test_no_decided_program_with_a_gap_is_ever_likely() -> None:
    cases: list[tuple[str, str, list[dict[str, Any]], dict[str, Any]]] = [
        (
            "ca-ab",
            "2021-01-01",
            [{"id": "s", "role": "applicant", "age": 70, "receives_oas": True}],
            {"annual_net_income": 20000},
        ),
        (
            "ca-ab",
            "2024-06-01",
            [{"id": "a", "role": "applicant", "age": 30}, {"id": "b", "role": "partner", "age": 30}],
            {"client_type": "expected_to_work", "housing": "private", "liquid_assets": 0},
        ),
        ("ca-nl", "2024-06-01", [{"id": "a", "role": "applicant", "age": 40}], {"annual_net_income": 10000}),
    ]
    for jurisdiction, date, people, unit in cases:
        for i in run(jurisdiction, date, people, **unit).items:
            assert not (i.missing_parameters and i.status is Status.LIKELY), i.entry.id


def test_a_single_parent_starting_work() -> None:
    s = run(
        "ca-ab",
        "2024-06-01",
        [
            {"id": "mom", "role": "applicant", "age": 28, "monthly_net_employment_income": 1800},
            {"id": "kid", "role": "dependant", "age": 3, "child_care_type": "facility_based"},
        ],
        annual_net_income=26000,
        receives_income_support=True,
        leaving_income_support_for_work=True,
    )
    subsidy = item(s, "ab.child_care_subsidy")
    assert subsidy.status is Status.LIKELY and subsidy.monthly_amount == "266.00"
    assert any("Income Support clients can get the Child Care Subsidy" in n for n in subsidy.notes)
    assert status(s, "ab.adult_health_benefit") is Status.LIKELY
    assert status(s, "ab.child_health_benefit") is Status.NOT_ELIGIBLE  # covered by Income Support today


def test_a_person_with_a_severe_disability() -> None:
    s = run(
        "ca-ab",
        "2024-06-01",
        [
            {
                "id": "a",
                "role": "applicant",
                "age": 35,
                "severe_handicap": True,
                "monthly_net_employment_income": 0,
                "monthly_other_income": 0,
                "cannot_work_due_to_disability": True,
            }
        ],
        non_exempt_assets=0,
    )
    aish = item(s, "ab.aish")
    assert aish.status is Status.LIKELY and aish.monthly_amount == "1863.00"
    assert status(s, "ext.cpp_d") is Status.POSSIBLY
    assert item(s, "ext.cpp_d").questions[0].input == "people[a].contributed_to_cpp"


def test_an_aish_client_turning_65_moves_to_seniors_programs() -> None:
    s = run("ca-ab", "2024-06-01", [{"id": "a", "role": "applicant", "age": 64, "receives_aish": True}])
    assert status(s, "ext.oas_gis") is Status.LIKELY
    assert any("AISH ends at 65" in n for n in item(s, "ab.seniors_benefit").notes)
    assert status(s, "ab.income_support") is Status.NOT_ELIGIBLE
    assert "AISH clients are not on Income Support" in item(s, "ab.income_support").reasons[0]


def test_a_family_with_a_child_in_kindergarten_care() -> None:
    s = run(
        "ca-ab",
        "2025-07-01",
        [
            {"id": "m", "role": "applicant", "age": 34},
            {"id": "f", "role": "partner", "age": 35},
            {
                "id": "k",
                "role": "dependant",
                "age": 5,
                "school_grade": "kindergarten",
                "child_care_type": "facility_based",
            },
        ],
        annual_net_income=52000,
        receives_income_support=False,
    )
    subsidy = item(s, "ab.child_care_subsidy")
    assert subsidy.status is Status.LIKELY and subsidy.monthly_amount == "612.00"


def test_a_bereaved_family_on_income_support() -> None:
    s = run(
        "ca-ab",
        "2024-03-01",
        [{"id": "w", "role": "applicant", "age": 58}],
        receives_income_support=True,
        death_in_family=True,
        estate_cannot_pay_funeral=True,
        funeral={"burial_or_cremation_cost": 3900, "ceremony_cost": 800, "remains_placed_in_cemetery": False},
    )
    funeral = item(s, "ab.funeral_benefit")
    assert funeral.status is Status.LIKELY and funeral.monthly_amount == "4700.00"
    assert any("estate and survivors cannot pay" in n for n in funeral.notes)
    assert any("CPP death benefit" in n for n in item(s, "ext.cpp").notes)


def test_an_nl_senior_on_gis_needing_drugs() -> None:
    s = run(
        "ca-nl",
        "2025-10-01",
        [{"id": "s", "role": "applicant", "age": 78, "receives_oas": True, "receives_gis": True}],
        annual_eligible_drug_costs="2400",
    )
    assert status(s, "nl.nlpdp.65plus") is Status.LIKELY
    assert order(s).index("nl.nlpdp.65plus") < order(s).index("nl.nlpdp.assurance")
    assert status(s, "ext.oas_gis") is Status.NOT_ELIGIBLE


def test_an_nl_family_with_high_drug_costs() -> None:
    s = run(
        "ca-nl",
        "2024-06-01",
        [
            {"id": "a", "role": "applicant", "age": 40},
            {"id": "b", "role": "partner", "age": 41},
            {"id": "c", "role": "dependant", "age": 9},
        ],
        annual_net_income=60000,
        annual_eligible_drug_costs="8000",
        receives_income_support=False,
        resident_of_province=True,
    )
    assert status(s, "nl.nlpdp.assurance") is Status.LIKELY
    assert status(s, "nl.nlpdp.foundation") is Status.NOT_ELIGIBLE
    assert status(s, "nl.nlpdp.access") is Status.POSSIBLY  # the current ceilings are a published gap
    assert item(s, "nl.nlpdp.access").missing_parameters == [
        "nl.nlpdp.access.net_income_ceiling[families_with_children]"
    ]


def test_a_person_stranded_away_from_home() -> None:
    s = run(
        "ca-nl",
        "2025-10-01",
        [{"id": "a", "role": "applicant", "age": 45}],
        stranded_away_from_home=True,
        no_safe_place_tonight=True,
    )
    assert s.items[0].urgent
    assert status(s, "nl.travel_stranded") is Status.LIKELY and item(s, "nl.travel_stranded").urgent
    assert "nl.emergency_assistance" in order(s)[:4]


def test_an_nl_income_support_household_gets_the_foundation_plan() -> None:
    s = run(
        "ca-nl", "2025-10-01", [{"id": "a", "role": "applicant", "age": 30}], receives_income_support=True
    )
    assert status(s, "nl.nlpdp.foundation") is Status.LIKELY
    assert status(s, "nl.nlpdp.access") is Status.NOT_ELIGIBLE
    assert "Foundation Plan" in item(s, "nl.nlpdp.access").reasons[0]


def test_answering_the_next_questions_narrows_the_list() -> None:
    first = run("ca-ab", "2024-06-01", [{"id": "a", "role": "applicant", "age": 40}])
    answers = {
        q.input.split(".", 1)[1]: False for q in first.questions if q.input.startswith("unit.") and q.urgent
    }
    second = run("ca-ab", "2024-06-01", [{"id": "a", "role": "applicant", "age": 40}], **answers)  # type: ignore[arg-type]

    def possibly(s: Screening) -> int:
        return sum(1 for i in s.items if i.status is Status.POSSIBLY)

    assert possibly(second) < possibly(first)
    assert not any(q.urgent for q in second.questions)


def test_french() -> None:
    s = run(
        "ca-nl",
        "2025-10-01",
        [{"id": "a", "role": "applicant", "age": 30}],
        lang="fr",
        receives_income_support=True,
    )
    data = s.to_dict()
    assert data["lang"] == "fr"
    foundation = next(r for r in data["results"] if r["program"] == "nl.nlpdp.foundation")
    assert foundation["status_text"] == "probablement admissible"
    assert foundation["name"] == "Régime Foundation du NLPDP"
    assert "Présélection" in s.render()


def test_json_shape() -> None:
    data = run("ca-ab", "2024-06-01").to_dict()
    assert set(data) == {
        "lang",
        "assumptions",
        "jurisdiction",
        "date",
        "rules_version",
        "counts",
        "next_questions",
        "results",
    }
    first = data["results"][0]
    assert {"program", "status", "questions", "reasons", "refer_to", "how_to_apply", "documents"} <= set(
        first
    )
    assert first["refer_to"]["contacts"][0]["source"].startswith("http")
    assert sum(data["counts"].values()) == len(data["results"])


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ({"jurisdiction": "ca-qc", "date": "2024-06-01"}, "jurisdiction"),
        ({"date": "2024-06-01"}, "jurisdiction"),
        ({"jurisdiction": "ca-ab"}, "date"),
        ({"jurisdiction": "ca-ab", "date": "2024-06-01", "unit": {"hungry": True}}, "unit.hungry"),
        (
            {"jurisdiction": "ca-ab", "date": "2024-06-01", "unit": {"fleeing_violence": "yes"}},
            "unit.fleeing_violence",
        ),
    ],
)
def test_bad_input_names_the_field(case: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        screen(case)
    assert err.value.field == field
