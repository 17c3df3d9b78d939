"""Alberta Income Support for Expected to Work (ETW) and Barriers to Full Employment (BFE) households.

Benefit = core essential + core shelter − non-exempt income, not below zero (policy manual IS/8975).
Supplementary benefits are not modelled. Parameters and their gaps: parameters.yaml beside this file.
"""

from __future__ import annotations

from pathlib import Path

from onestop.rules import (
    BOOL,
    ENUM,
    INT,
    MONEY,
    PERSON,
    UNIT,
    Expr,
    Person,
    Program,
    Unit,
    max_,
    min_,
    select,
    when,
)

program = Program(
    "ab.income_support",
    label={"en": "Alberta Income Support", "fr": "Soutien du revenu de l'Alberta"},
    reference="Income and Employment Supports Act; Income Supports, Health and Training Benefits Regulation",
    root=Path(__file__).parent,
)
p = program.p
MANUAL_BENEFIT = "Income and Employment Supports Policy Manual, Benefit Amount (IS/8975)"


# Who is in the household ------------------------------------------------------------------------
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
    label={"en": "Family type", "fr": "Type de famille"},
    domain={
        "single_adult": {"en": "single adult", "fr": "adulte seul"},
        "couple": {"en": "couple", "fr": "couple"},
    },
)
def family(unit: Unit) -> Expr:
    return when(
        (unit.members.role == "partner").any(),
        "couple",
        "single_adult",
        label={"en": "has a partner", "fr": "a un conjoint"},
    )


# Core benefit -------------------------------------------------------------------------------------
@program.amount(
    label={"en": "Core essential", "fr": "Besoins essentiels de base"},
    reference="IESA Schedule s.6, Table 1; ISTHB s.2",
)
def core_essential(unit: Unit) -> Expr:
    return p.core_essential[unit.family][unit.children][unit.client_type]


@program.amount(
    label={"en": "Core shelter", "fr": "Logement de base"}, reference="IESA Schedule s.8, Table 3"
)
def core_shelter(unit: Unit) -> Expr:
    private = p.core_shelter_private[unit.family][unit.children]
    other = p.core_shelter_variation_per_adult[unit.housing] * unit.adults
    return when(
        unit.housing == "private", private, other, label={"en": "private housing", "fr": "logement privé"}
    )


@program.variable(UNIT, MONEY, label={"en": "Core benefit", "fr": "Prestation de base"})
def core_benefit(unit: Unit) -> Expr:
    return unit.core_essential + unit.core_shelter


# Income -------------------------------------------------------------------------------------------
@program.variable(
    UNIT,
    ENUM,
    label={"en": "Earnings exemption household", "fr": "Ménage pour l'exemption"},
    domain={
        "single_adult": {"en": "single adult", "fr": "adulte seul"},
        "single_parent": {"en": "single parent", "fr": "parent seul"},
        "couple_per_adult": {"en": "each adult of a couple", "fr": "chaque adulte d'un couple"},
    },
)
def exemption_household(unit: Unit) -> Expr:
    return select(
        (unit.family == "couple", "couple_per_adult"),
        (unit.children > 0, "single_parent"),
        default="single_adult",
        labels=[{"en": "couple", "fr": "couple"}, {"en": "single parent", "fr": "parent seul"}],
    )


@program.variable(PERSON, MONEY, label={"en": "Fully exempt earnings", "fr": "Gains entièrement exemptés"})
def flat_exemption(person: Person) -> Expr:
    dependant = when(
        person.attending_high_school,
        p.dependant_in_school_earnings_exemption_flat,
        p.dependant_earnings_exemption_flat,
        label={"en": "attending school", "fr": "aux études"},
    )
    adult = p.earnings_exemption_flat[person.unit.exemption_household]
    return when(
        person.role == "dependant", dependant, adult, label={"en": "dependant", "fr": "personne à charge"}
    )


@program.variable(
    PERSON,
    MONEY,
    label={"en": "Exempt earnings", "fr": "Gains exemptés"},
    reference="ISTHB Schedule 2 (earnings exemption)",
)
def exempt_earnings(person: Person) -> Expr:
    earnings = max_(0, person.monthly_net_employment_income)
    above_flat = max_(0, earnings - person.flat_exemption)
    exempt = min_(earnings, person.flat_exemption) + above_flat * p.earnings_exemption_rate
    return when(earnings == 0, 0, exempt, label={"en": "no earnings", "fr": "aucun gain"})


@program.variable(
    PERSON, MONEY, label={"en": "Non-exempt income", "fr": "Revenu non exempté"}, reference="ISTHB s.23"
)
def person_non_exempt_income(person: Person) -> Expr:
    earnings = max_(0, person.monthly_net_employment_income)
    return earnings - person.exempt_earnings + person.monthly_other_income


@program.amount(label={"en": "Non-exempt income", "fr": "Revenu non exempté"}, reference="ISTHB s.23")
def non_exempt_income(unit: Unit) -> Expr:
    return unit.members.person_non_exempt_income.sum()


# Assets -------------------------------------------------------------------------------------------
@program.variable(
    UNIT,
    MONEY,
    label={
        "en": "Liquid asset limit (core benefit only)",
        "fr": "Limite d'actifs liquides (prestation de base seulement)",
    },
)
def core_asset_limit(unit: Unit) -> Expr:
    return unit.core_benefit * p.liquid_asset_months[unit.client_type]


@program.variable(
    UNIT, MONEY, label={"en": "Liquid asset limit", "fr": "Limite d'actifs liquides"}, reference="ISTHB s.21"
)
def liquid_asset_limit(unit: Unit) -> Expr:
    with_child_benefit = unit.core_benefit + p.federal_child_benefit_per_child * unit.children
    full = with_child_benefit * p.liquid_asset_months[unit.client_type]
    return when(
        unit.children == 0,
        unit.core_asset_limit,
        full,
        label={"en": "no dependent children", "fr": "aucun enfant à charge"},
    )


@program.test(
    words={"en": "liquid assets within limit", "fr": "actifs liquides sous la limite"},
    reference="Income Supports, Health and Training Benefits Regulation s.21",
)
def liquid_assets_within_limit(unit: Unit) -> Expr:
    # The limit also counts the federal child benefit, which onestop does not know: assets within the
    # core-only limit pass whatever it is; above it, a family with children waits for that amount.
    return (unit.liquid_assets <= unit.core_asset_limit) | (unit.liquid_assets <= unit.liquid_asset_limit)


# Benefit ------------------------------------------------------------------------------------------
@program.amount(
    label={"en": "Monthly benefit", "fr": "Prestation mensuelle"}, reference=MANUAL_BENEFIT, pays=True
)
def monthly_amount(unit: Unit) -> Expr:
    return max_(0, unit.core_benefit - unit.non_exempt_income)


@program.test(
    words={
        "en": "non-exempt income below the core benefit",
        "fr": "revenu non exempté inférieur à la prestation de base",
    },
    reference=MANUAL_BENEFIT,
)
def income_below_core_benefit(unit: Unit) -> Expr:
    return unit.non_exempt_income < unit.core_benefit
