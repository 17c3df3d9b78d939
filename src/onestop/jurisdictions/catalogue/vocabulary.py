"""The case inputs that catalogue criteria may use: the shared vocabulary of case-format.md.

Only names, kinds and allowed values live here, for validation; the questions a screener asks for
them come from the rules engine's input metadata (and, for inputs a pack adds, from the pack's
catalogue ``inputs`` section).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputKind:
    """The kind of an input (bool, money, int, enum, date) and, for enums, the allowed values."""

    kind: str
    domain: tuple[str, ...] | None = None


_GRADES = ("kindergarten", *(str(g) for g in range(1, 13)))

PERSON: dict[str, InputKind] = {
    "role": InputKind("enum", ("applicant", "partner", "dependant")),
    "age": InputKind("int"),
    "birth_date": InputKind("date"),
    "monthly_net_employment_income": InputKind("money"),
    "monthly_other_income": InputKind("money"),
    "school_grade": InputKind("enum", _GRADES),
    "attending_high_school": InputKind("bool"),
    "child_care_type": InputKind("enum", ("facility_based", "family_day_home")),
    "receives_oas": InputKind("bool"),
    "receives_gis": InputKind("bool"),
    "severe_handicap": InputKind("bool"),
    "pregnant": InputKind("bool"),
}

UNIT: dict[str, InputKind] = {
    "client_type": InputKind("enum", ("expected_to_work", "barriers_to_full_employment")),
    "housing": InputKind("enum", ("private", "social_housing", "approved_home", "group_home", "shelter")),
    "monthly_shelter_cost": InputKind("money"),
    "liquid_assets": InputKind("money"),
    "non_exempt_assets": InputKind("money"),
    "annual_net_income": InputKind("money"),
    "projected_annual_net_income": InputKind("money"),
    "monthly_health_costs": InputKind("money"),
    "annual_eligible_drug_costs": InputKind("money"),
    "receives_income_support": InputKind("bool"),
    "funeral_burial_or_cremation_cost": InputKind("money"),
    "funeral_ceremony_cost": InputKind("money"),
    "funeral_remains_placed_in_cemetery": InputKind("bool"),
}

KINDS = ("bool", "money", "int", "enum", "date")

# Programs whose eligibility onestop decides (case-format.md): each must be in its catalogue.
DECIDED: dict[str, tuple[str, ...]] = {
    "ca-ab": (
        "ab.income_support",
        "ab.aish",
        "ab.child_care_subsidy",
        "ab.seniors_benefit",
        "ab.child_health_benefit",
        "ab.adult_health_benefit",
        "ab.funeral_benefit",
        "ab.emergency_income_support",
    ),
    "ca-nl": (
        "nl.income_support",
        "nl.nlpdp.foundation",
        "nl.nlpdp.65plus",
        "nl.nlpdp.access",
        "nl.nlpdp.assurance",
        "nl.nlpdp.select_needs",
    ),
}
