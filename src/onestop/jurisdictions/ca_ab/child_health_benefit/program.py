"""Alberta Child Health Benefit: health coverage for children of low-income families.

Children under 18, or 18-19 living at home and attending high school, qualify when the family's net
income of the last tax year is within the guideline for its size. Non-taxable child support, which
also counts, is not in the case format: give it inside ``annual_net_income``.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.screening_inputs import ab_program
from onestop.rules import BOOL, ENUM, INT, PERSON, UNIT, Expr, Person, Unit, max_, min_, when

program = ab_program(
    "ab.child_health_benefit",
    label={"en": "Alberta Child Health Benefit", "fr": "Prestation de santé pour enfants de l'Alberta"},
    reference="Income and Employment Supports Act; ISTHB Regulation (health benefits); policy HB/4731",
)
p = program.p


@program.variable(
    PERSON, BOOL, label={"en": "Eligible child", "fr": "Enfant admissible"}, reference="policy HB/4731"
)
def eligible_child(person: Person) -> Expr:
    school = (person.age <= 19) & person.attending_high_school
    return (person.role == "dependant") & ((person.age < 18) | school)


@program.variable(UNIT, INT, label={"en": "Eligible children", "fr": "Enfants admissibles"})
def children(unit: Unit) -> Expr:
    return unit.members.eligible_child.count()


@program.variable(
    UNIT,
    ENUM,
    label={"en": "Family", "fr": "Famille"},
    domain={
        "single_parent": {"en": "single parent", "fr": "parent seul"},
        "couple": {"en": "couple", "fr": "couple"},
    },
)
def family(unit: Unit) -> Expr:
    return when((unit.members.role == "partner").any(), "couple", "single_parent", label="has a partner")


@program.amount(label={"en": "Qualifying level", "fr": "Seuil d'admissibilité"}, reference="policy HB/4731")
def qualifying_level(unit: Unit) -> Expr:
    base = p.qualifying_level[unit.family][max_(1, min_(unit.children, 4))]
    extra = p.each_additional_child * max_(0, unit.children - 4)
    return when(unit.children > 4, base + extra, base, label="more than four children")


@program.amount(
    label={"en": "Assessed income", "fr": "Revenu évalué"}, reference="line 23600 + line 15600 - line 12800"
)
def assessed_income(unit: Unit) -> Expr:
    return unit.annual_net_income


@program.test(
    words={"en": "an eligible child in the family", "fr": "un enfant admissible dans la famille"},
    reference="policy HB/4731",
)
def has_eligible_child(unit: Unit) -> Expr:
    return unit.members.eligible_child.any()


@program.test(
    words={"en": "income within the qualifying level", "fr": "revenu sous le seuil"},
    reference="policy HB/4731",
)
def income_within_level(unit: Unit) -> Expr:
    return unit.assessed_income <= unit.qualifying_level


@program.test(
    words={
        "en": "no health benefits from Income Support",
        "fr": "aucune prestation de santé du soutien du revenu",
    },
    reference="policy HB/4731 (not receiving health benefits from other government programs)",
)
def not_on_income_support(unit: Unit) -> Expr:
    return ~unit.receives_income_support
