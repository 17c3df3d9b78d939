"""NLPDP Access Plan: eligible drugs for low-income residents, with a co-payment by income.

Eligibility is net income at or below the ceiling for the family type (the published figures say
"or less"). The co-payment schedule was not retrieved, so onestop reports eligibility only.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_nl.screening_inputs import nl_program
from onestop.rules import ENUM, UNIT, Expr, Unit, select

program = nl_program(
    "nl.nlpdp.access",
    label={"en": "NLPDP Access Plan", "fr": "Régime Access du NLPDP"},
    reference="NLPDP plan overview (gov.nl.ca/hcs/prescription/nlpdp-plan-overview)",
)
p = program.p


@program.variable(
    UNIT,
    ENUM,
    label={"en": "Family type", "fr": "Type de famille"},
    domain={
        "families_with_children": {"en": "family with children", "fr": "famille avec enfants"},
        "couples": {"en": "couple", "fr": "couple"},
        "singles": {"en": "single person", "fr": "personne seule"},
    },
)
def family(unit: Unit) -> Expr:
    return select(
        ((unit.members.role == "dependant").any(), "families_with_children"),
        ((unit.members.role == "partner").any(), "couples"),
        default="singles",
        labels=["with children", "couple"],
    )


@program.amount(label={"en": "Net income ceiling", "fr": "Plafond de revenu net"})
def net_income_ceiling(unit: Unit) -> Expr:
    return p.net_income_ceiling[unit.family]


@program.test(
    words={"en": "net income within the ceiling", "fr": "revenu net sous le plafond"},
    reference="NLPDP: The Access Plan",
)
def income_within_ceiling(unit: Unit) -> Expr:
    return unit.annual_net_income <= unit.net_income_ceiling


@program.test(
    words={"en": "not covered by the Foundation Plan", "fr": "non couvert par le régime Foundation"},
    reference="NLPDP plan overview",
)
def not_foundation(unit: Unit) -> Expr:
    return ~unit.receives_income_support
