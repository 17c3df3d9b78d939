"""Assured Income for the Severely Handicapped: the monthly living allowance.

Living allowance = maximum living allowance − non-exempt income, not below zero. The applicant's and
partner's income count; a dependent child's does not. Employment income is partly exempt (fully up
to a threshold, half within a band above it). Child benefits and personal benefits are not modelled.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.screening_inputs import ab_program
from onestop.rules import BOOL, ENUM, MONEY, PERSON, UNIT, Expr, Person, Unit, max_, min_, when

program = ab_program(
    "ab.aish",
    label={
        "en": "Assured Income for the Severely Handicapped (AISH)",
        "fr": "Revenu assuré pour les personnes gravement handicapées (AISH)",
    },
    reference="Assured Income for the Severely Handicapped Act; AISH General Regulation",
)
p = program.p


@program.variable(PERSON, BOOL, label={"en": "Applicant or partner", "fr": "Demandeur ou conjoint"})
def counted(person: Person) -> Expr:
    return person.role.is_in("applicant", "partner")


@program.variable(
    UNIT,
    ENUM,
    label={"en": "AISH household type", "fr": "Type de ménage AISH"},
    domain={"single": {"en": "single", "fr": "personne seule"}, "family": {"en": "family", "fr": "famille"}},
    reference="AISH tip sheet: single, or two AISH-eligible adults without children; otherwise family",
)
def household(unit: Unit) -> Expr:
    has_partner = (unit.members.role == "partner").any()
    has_children = (unit.members.role == "dependant").any()
    both_aish = (unit.members.counted & ~unit.members.severe_handicap).count() == 0
    single = ~has_partner | (~has_children & both_aish)
    return when(single & ~(has_children & ~has_partner), "single", "family", label="single rates")


@program.variable(UNIT, MONEY, label={"en": "Employment income (net)", "fr": "Revenu d'emploi (net)"})
def employment_income(unit: Unit) -> Expr:
    earnings = max_(0, unit.members.monthly_net_employment_income)
    return when(unit.members.counted, earnings, 0).sum()


@program.variable(
    UNIT,
    MONEY,
    label={"en": "Exempt employment income", "fr": "Revenu d'emploi exempté"},
    reference="AISH General Regulation, employment income exemption",
)
def exempt_employment_income(unit: Unit) -> Expr:
    earned = unit.employment_income
    full = p.employment_fully_exempt[unit.household]
    band = max_(0, min_(earned, p.employment_partial_band_top[unit.household]) - full)
    return when(earned == 0, 0, min_(earned, full) + band * p.employment_partial_rate, label="no earnings")


@program.amount(
    label={"en": "Non-exempt income", "fr": "Revenu non exempté"}, reference="AISH General Regulation"
)
def non_exempt_income(unit: Unit) -> Expr:
    other = when(unit.members.counted, unit.members.monthly_other_income, 0).sum()
    return unit.employment_income - unit.exempt_employment_income + other


@program.amount(
    label={"en": "Living allowance", "fr": "Allocation de subsistance"},
    reference="AISH Act; alberta.ca/aish-eligibility (benefit formula)",
)
def living_allowance(unit: Unit) -> Expr:
    return max_(0, p.max_living_allowance - unit.non_exempt_income)


@program.amount(label={"en": "Monthly benefit", "fr": "Prestation mensuelle"}, pays=True)
def monthly_amount(unit: Unit) -> Expr:
    return unit.living_allowance


@program.test(
    words={
        "en": "applicant aged 18 to 64 with a severe handicap",
        "fr": "demandeur de 18 à 64 ans ayant un handicap grave",
    },
    reference="AISH Act s.3",
)
def severely_handicapped_adult(unit: Unit) -> Expr:
    m = unit.members
    return ((m.role == "applicant") & (m.age >= 18) & (m.age < 65) & m.severe_handicap).any()


@program.test(
    words={"en": "non-exempt assets within the limit", "fr": "actifs non exemptés sous la limite"},
    reference="AISH General Regulation; policy AISH/7228",
)
def assets_within_limit(unit: Unit) -> Expr:
    return unit.non_exempt_assets <= p.non_exempt_asset_limit


@program.test(
    words={
        "en": "income below the maximum living allowance",
        "fr": "revenu inférieur à l'allocation maximale",
    },
    reference="AISH General Regulation",
)
def income_below_maximum(unit: Unit) -> Expr:
    return unit.non_exempt_income < p.max_living_allowance
