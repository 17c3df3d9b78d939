"""Newfoundland and Labrador Income Support: the monthly basic and shelter benefit.

Benefit = basic benefit + shelter (actual cost up to the maximum) + the seniors' amount − non-exempt
income, not below zero. Until 2025 the basic benefit depends on the household type; from the 2025
change it is the same amount for each eligible adult. Earnings are partly exempt. Children's needs
are met by the child benefits, not by Income Support. Non-basic benefits are not modelled.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_nl.screening_inputs import nl_program
from onestop.rules import (
    BOOL,
    ENUM,
    INT,
    MONEY,
    PERSON,
    UNIT,
    Expr,
    Person,
    Unit,
    max_,
    min_,
    select,
    when,
)

program = nl_program(
    "nl.income_support",
    label={"en": "Income Support", "fr": "Soutien du revenu"},
    reference="Income and Employment Support Act; Income and Employment Support Regulations (NLR 144/04)",
)
p = program.p


@program.variable(PERSON, BOOL, label={"en": "Adult of the unit", "fr": "Adulte de l'unité"})
def is_adult(person: Person) -> Expr:
    return person.role.is_in("applicant", "partner")


@program.variable(UNIT, INT, label={"en": "Adults", "fr": "Adultes"})
def adults(unit: Unit) -> Expr:
    return unit.members.is_adult.count()


@program.variable(UNIT, INT, label={"en": "Dependent children", "fr": "Enfants à charge"})
def children(unit: Unit) -> Expr:
    return (unit.members.role == "dependant").count()


@program.variable(
    UNIT,
    ENUM,
    label={"en": "Household type", "fr": "Type de ménage"},
    domain={
        "single": {"en": "single person", "fr": "personne seule"},
        "single_parent": {"en": "single parent", "fr": "parent seul"},
        "couple": {"en": "couple", "fr": "couple"},
        "couple_with_children": {"en": "couple with children", "fr": "couple avec enfants"},
    },
)
def household(unit: Unit) -> Expr:
    return select(
        ((unit.adults == 1) & (unit.children == 0), "single"),
        (unit.adults == 1, "single_parent"),
        (unit.children == 0, "couple"),
        default="couple_with_children",
        labels=["one adult, no children", "one adult", "two adults, no children"],
    )


@program.amount(label={"en": "Basic benefit", "fr": "Prestation de base"}, reference="NLR 144/04 s.13")
def basic(unit: Unit) -> Expr:
    per_adult = p.basic_per_adult * unit.adults
    return when(p.basic_rule == 1, p.basic_by_household[unit.household], per_adult, label="by household type")


@program.amount(label={"en": "Maximum shelter benefit", "fr": "Prestation de logement maximale"})
def shelter_max(unit: Unit) -> Expr:
    return when(unit.adults == 1, p.shelter_max["one"], p.shelter_max["two"], label="one adult")


@program.variable(UNIT, MONEY, label={"en": "Shelter benefit", "fr": "Prestation de logement"})
def shelter(unit: Unit) -> Expr:
    return min_(unit.monthly_shelter_cost, unit.shelter_max)


@program.variable(
    UNIT, MONEY, label={"en": "Seniors' amount", "fr": "Montant pour aînés"}, reference="NLR 30/24 s.19"
)
def seniors(unit: Unit) -> Expr:
    count = (unit.members.is_adult & (unit.members.age >= 65)).count()
    return when(count == 0, 0, p.seniors_amount * count, label="no one 65 or older")


@program.variable(UNIT, MONEY, label={"en": "Earnings", "fr": "Gains"})
def earnings(unit: Unit) -> Expr:
    return when(unit.members.is_adult, max_(0, unit.members.monthly_net_employment_income), 0).sum()


@program.variable(UNIT, MONEY, label={"en": "Exempt earnings (tiers)", "fr": "Gains exemptés (paliers)"})
def tier_exemption(unit: Unit) -> Expr:
    e, top = unit.earnings, p.earnings_tier_top
    kept = p.earnings_tier_kept
    second = max_(0, min_(e, top["second"]) - top["first"]) * kept["second"]
    third = max_(0, min_(e, top["third"]) - top["second"]) * kept["third"]
    above = max_(0, e - top["third"]) * kept["above"]
    return min_(e, top["first"]) + second + third + above


@program.variable(
    UNIT, MONEY, label={"en": "Exempt earnings (flat and 20%)", "fr": "Gains exemptés (fixe et 20 %)"}
)
def flat_exemption(unit: Unit) -> Expr:
    flat = p.earnings_flat[when(unit.household == "single", "single", "family", label="single")]
    return min_(unit.earnings, flat) + max_(0, unit.earnings - flat) * p.earnings_balance_rate


@program.variable(
    UNIT,
    MONEY,
    label={"en": "Exempt earnings", "fr": "Gains exemptés"},
    reference="gov.nl.ca Moving into the workforce",
)
def exempt_earnings(unit: Unit) -> Expr:
    by_rule = when(p.earnings_rule == 1, unit.flat_exemption, unit.tier_exemption, label="flat amount rule")
    return when(unit.earnings == 0, 0, by_rule, label="no earnings")


@program.amount(label={"en": "Non-exempt income", "fr": "Revenu non exempté"})
def non_exempt_income(unit: Unit) -> Expr:
    other = when(unit.members.is_adult, unit.members.monthly_other_income, 0).sum()
    return unit.earnings - unit.exempt_earnings + other


@program.amount(label={"en": "Monthly benefit", "fr": "Prestation mensuelle"}, pays=True)
def monthly_amount(unit: Unit) -> Expr:
    return max_(0, unit.basic + unit.shelter + unit.seniors - unit.non_exempt_income)


@program.variable(
    UNIT,
    ENUM,
    label={"en": "Household for the asset limit", "fr": "Ménage pour la limite d'actifs"},
    domain={
        "single_employable": {"en": "single, employable", "fr": "personne seule apte au travail"},
        "single_with_disability": {
            "en": "single, with a disability",
            "fr": "personne seule ayant un handicap",
        },
        "lone_parent_one_child": {"en": "lone parent, one child", "fr": "parent seul, un enfant"},
        "couple_two_children": {"en": "couple, two children", "fr": "couple, deux enfants"},
        "other": {"en": "other household", "fr": "autre ménage"},
    },
)
def asset_household(unit: Unit) -> Expr:
    disabled = (unit.members.is_adult & unit.members.disability).any()
    return select(
        ((unit.household == "single") & disabled, "single_with_disability"),
        (unit.household == "single", "single_employable"),
        ((unit.household == "single_parent") & (unit.children == 1), "lone_parent_one_child"),
        ((unit.household == "couple_with_children") & (unit.children == 2), "couple_two_children"),
        default="other",
        labels=["single with a disability", "single", "lone parent, one child", "couple, two children"],
    )


@program.test(
    words={"en": "applicant 18 or older", "fr": "demandeur de 18 ans ou plus"},
    reference="gov.nl.ca eligibility",
)
def adult_applicant(unit: Unit) -> Expr:
    return ((unit.members.role == "applicant") & (unit.members.age >= 18)).any()


@program.test(
    words={"en": "liquid assets within the limit", "fr": "actifs liquides sous la limite"},
    reference="Income and Employment Support Regulations s.26",
)
def assets_within_limit(unit: Unit) -> Expr:
    return (unit.liquid_assets == 0) | (unit.liquid_assets <= p.liquid_asset_limit[unit.asset_household])


@program.test(
    words={"en": "income below the benefit", "fr": "revenu inférieur à la prestation"},
    reference="Income and Employment Support Act (needs test)",
)
def income_below_needs(unit: Unit) -> Expr:
    return unit.monthly_amount > 0
