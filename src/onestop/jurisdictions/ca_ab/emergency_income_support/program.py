"""Emergency income support (Emergency Needs Allowance): one-time help with an emergency need.

The household qualifies when the emergency is beyond its control, puts health or safety at serious
risk, and cannot wait for the next payment or be met from other resources (IS/4868). Food today and
a safe place tonight are the needs onestop assesses; the allowance rates were not retrieved, so an
eligible household's amount is undetermined, naming them.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.screening_inputs import ab_program
from onestop.rules import MONEY, UNIT, Expr, Unit, any_of, when

program = ab_program(
    "ab.emergency_income_support",
    label={"en": "Emergency income support", "fr": "Soutien du revenu d'urgence"},
    reference="Income and Employment Supports Act; ISTHB Regulation Schedule 4 s.26; policy IS/4868",
)
p = program.p


@program.variable(UNIT, MONEY, label={"en": "Food allowance", "fr": "Allocation de nourriture"})
def food(unit: Unit) -> Expr:
    return when(
        unit.no_money_for_food_today, p.emergency_needs_allowance["food"], 0, label="no money for food today"
    )


@program.variable(UNIT, MONEY, label={"en": "Temporary accommodation", "fr": "Hébergement temporaire"})
def accommodation(unit: Unit) -> Expr:
    rate = p.emergency_needs_allowance["temporary_accommodation"]
    return when(unit.no_safe_place_tonight, rate, 0, label="no safe place tonight")


@program.amount(
    label={"en": "Emergency allowance", "fr": "Allocation d'urgence"},
    reference="MO 2018-19 Appendix D",
    pays=True,
)
def monthly_amount(unit: Unit) -> Expr:
    return unit.food + unit.accommodation


@program.test(
    words={
        "en": "an emergency need (food today or a place to stay tonight)",
        "fr": "un besoin urgent (nourriture aujourd'hui ou hébergement ce soir)",
    },
    reference="ISTHB Regulation Schedule 4 s.26",
)
def emergency_need(unit: Unit) -> Expr:
    return any_of(unit.no_money_for_food_today, unit.no_safe_place_tonight)


@program.test(
    words={
        "en": "beyond the household's control, serious risk, cannot wait",
        "fr": "hors du contrôle du ménage, risque grave, ne peut attendre",
    },
    reference="policy IS/4868",
)
def cannot_wait(unit: Unit) -> Expr:
    return unit.emergency_cannot_wait


@program.test(
    words={"en": "the allowance rate is published", "fr": "le taux de l'allocation est publié"},
    reference="MO 2018-19 Appendix D",
)
def rate_known(unit: Unit) -> Expr:
    return unit.monthly_amount > 0
