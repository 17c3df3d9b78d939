"""Funeral benefits: the most the program pays toward a burial or cremation and a funeral.

From April 2022 there is one maximum, higher when the remains are placed in a cemetery. From January
2024 the components have separate maximums (burial or cremation, ceremony, resting place); the
resting-place rate was not retrieved, so a burial in a cemetery is undetermined, naming it. The
benefit is the actual cost up to the maximums; exceptional costs above them are decided case by case.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.screening_inputs import ab_program
from onestop.rules import ENUM, MONEY, UNIT, Expr, Unit, min_, when

program = ab_program(
    "ab.funeral_benefit",
    label={"en": "Funeral benefits", "fr": "Prestations funéraires"},
    reference=(
        "Income and Employment Supports Act; ISTHB Regulation Schedule 4 s.25; AISH Act; "
        "MO 2023-027, 2023-028"
    ),
)
p = program.p


@program.variable(
    UNIT,
    ENUM,
    label={"en": "Resting place", "fr": "Lieu de repos"},
    domain={
        "in_cemetery": {"en": "placed in a cemetery", "fr": "placée dans un cimetière"},
        "not_in_cemetery": {"en": "not placed in a cemetery", "fr": "non placée dans un cimetière"},
    },
)
def placement(unit: Unit) -> Expr:
    return when(
        unit.funeral_remains_placed_in_cemetery,
        "in_cemetery",
        "not_in_cemetery",
        label="placed in a cemetery",
    )


@program.variable(UNIT, MONEY, label={"en": "Claimed costs", "fr": "Frais réclamés"})
def claimed_costs(unit: Unit) -> Expr:
    return unit.funeral_burial_or_cremation_cost + unit.funeral_ceremony_cost


@program.amount(
    label={"en": "Maximum", "fr": "Maximum"}, reference="MO 2022-003 / 2022-002; MO 2023-027 / 2023-028"
)
def maximum(unit: Unit) -> Expr:
    components = p.burial_or_cremation_max + p.ceremony_max
    return when(
        p.rate_structure == 1, p.maximum_by_resting_place[unit.placement], components, label="one maximum"
    )


@program.amount(
    label={"en": "Burial or cremation maximum", "fr": "Maximum pour l'inhumation ou la crémation"}
)
def burial_or_cremation_max(unit: Unit) -> Expr:
    return when(p.rate_structure == 1, unit.maximum, p.burial_or_cremation_max, label="one maximum")


@program.amount(
    label={
        "en": "Ceremony maximum (within the maximum before 2024)",
        "fr": "Maximum pour la cérémonie (compris dans le maximum avant 2024)",
    }
)
def ceremony_max(unit: Unit) -> Expr:
    return when(p.rate_structure == 1, 0, p.ceremony_max, label="one maximum")


@program.amount(label={"en": "Benefit", "fr": "Prestation"}, pays=True)
def monthly_amount(unit: Unit) -> Expr:
    by_component = min_(unit.funeral_burial_or_cremation_cost, p.burial_or_cremation_max) + min_(
        unit.funeral_ceremony_cost, p.ceremony_max
    )
    return when(
        p.rate_structure == 1, min_(unit.claimed_costs, unit.maximum), by_component, label="one maximum"
    )


@program.test(
    words={"en": "estate and survivors cannot pay", "fr": "la succession et les survivants ne peuvent payer"},
    reference="ISTHB Regulation Schedule 4 s.25; alberta.ca/funeral-benefits (eligibility)",
)
def estate_cannot_pay(unit: Unit) -> Expr:
    return unit.estate_cannot_pay_funeral


@program.test(words={"en": "funeral costs claimed", "fr": "frais funéraires réclamés"}, reference=None)
def costs_claimed(unit: Unit) -> Expr:
    return unit.monthly_amount > 0


@program.test(
    words={
        "en": "a rate is published for every part claimed",
        "fr": "un taux est publié pour chaque élément réclamé",
    },
    reference="alberta.ca/funeral-benefits (rate table)",
)
def rates_known(unit: Unit) -> Expr:
    plot_needed = (p.rate_structure == 2) & unit.funeral_remains_placed_in_cemetery
    return ~plot_needed | (p.cemetery_plot_max > 0)  # a published rate is positive; a gap is not known to be
