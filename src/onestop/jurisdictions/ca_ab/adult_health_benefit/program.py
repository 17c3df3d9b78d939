"""Alberta Adult Health Benefit: health coverage for low-income adults with a health need.

Adults who are pregnant, have high ongoing prescription drug needs, or leave Income Support or AISH
with income from work qualify when household net income is within the guideline. At renewal, a
household whose current income is lower may be assessed on projected income less verified ongoing
health costs (policy HB/4721).
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.screening_inputs import ab_program
from onestop.rules import BOOL, ENUM, INT, MONEY, UNIT, Expr, Unit, any_of, max_, min_, when

program = ab_program(
    "ab.adult_health_benefit",
    label={"en": "Alberta Adult Health Benefit", "fr": "Prestation de santé pour adultes de l'Alberta"},
    reference="Income and Employment Supports Act; ISTHB Regulation (health benefits); policy HB/4720",
)
p = program.p


@program.variable(
    UNIT,
    ENUM,
    label={"en": "Family", "fr": "Famille"},
    domain={
        "single": {"en": "single adult", "fr": "adulte seul"},
        "couple": {"en": "couple", "fr": "couple"},
    },
)
def family(unit: Unit) -> Expr:
    return when((unit.members.role == "partner").any(), "couple", "single", label="has a partner")


@program.variable(UNIT, INT, label={"en": "Dependent children", "fr": "Enfants à charge"})
def children(unit: Unit) -> Expr:
    return (unit.members.role == "dependant").count()


@program.amount(label={"en": "Qualifying level", "fr": "Seuil d'admissibilité"}, reference="policy HB/4720")
def qualifying_level(unit: Unit) -> Expr:
    base = p.qualifying_level[unit.family][min_(unit.children, 4)]
    extra = p.each_additional_child * max_(0, unit.children - 4)
    return when(unit.children > 4, base + extra, base, label="more than four children")


@program.variable(
    UNIT,
    BOOL,
    label={"en": "Renewal exception applies", "fr": "Exception au renouvellement applicable"},
    reference="policy HB/4721",
)
def renewal_exception(unit: Unit) -> Expr:
    return unit.projected_annual_net_income < unit.annual_net_income


@program.variable(
    UNIT, MONEY, label={"en": "Projected income less health costs", "fr": "Revenu prévu moins frais de santé"}
)
def projected_less_health_costs(unit: Unit) -> Expr:
    return unit.projected_annual_net_income - unit.monthly_health_costs * 12


@program.amount(label={"en": "Assessed income", "fr": "Revenu évalué"}, reference="policy HB/4720, HB/4721")
def assessed_income(unit: Unit) -> Expr:
    lower = when(
        unit.renewal_exception,
        unit.projected_less_health_costs,
        unit.annual_net_income,
        label="renewal exception",
    )
    return when(
        unit.annual_net_income <= unit.qualifying_level,
        unit.annual_net_income,
        lower,
        label="within the level",
    )


@program.test(
    words={
        "en": "pregnant, high drug needs, or leaving Income Support/AISH for work",
        "fr": "enceinte, besoins élevés en médicaments, ou quitte le soutien du revenu/l'AISH pour un emploi",
    },
    reference="policy HB/4720",
)
def health_need(unit: Unit) -> Expr:
    return any_of(
        unit.members.pregnant.any(),
        unit.members.high_ongoing_drug_needs.any(),
        unit.leaving_income_support_for_work,
    )


@program.test(
    words={"en": "income within the qualifying level", "fr": "revenu sous le seuil"},
    reference="policy HB/4720; renewal exception HB/4721",
)
def income_within_level(unit: Unit) -> Expr:
    exception = unit.renewal_exception & (unit.projected_less_health_costs <= unit.qualifying_level)
    return (unit.annual_net_income <= unit.qualifying_level) | exception
