"""NLPDP Assurance Plan: a family pays at most a share of its net income for eligible drugs in a year.

Cap = share × net income (5%, 7.5% or 10% by income band); the family pays its drug costs up to the
cap and the plan pays the rest. Families with net income of 150,000 or more are not covered.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_nl.screening_inputs import nl_program
from onestop.rules import Expr, Unit, max_, min_

program = nl_program(
    "nl.nlpdp.assurance",
    label={"en": "NLPDP Assurance Plan", "fr": "Régime Assurance du NLPDP"},
    reference="NLPDP plan overview; Assurance Plan (October 2007)",
)
p = program.p


@program.amount(label={"en": "Annual client cap", "fr": "Plafond annuel du client"})
def annual_client_cap(unit: Unit) -> Expr:
    income = max_(0, unit.annual_net_income)
    return income * p.out_of_pocket_cap_rate.bracket(income)


@program.amount(label={"en": "Client pays", "fr": "Payé par le client"})
def client_pays(unit: Unit) -> Expr:
    return min_(unit.annual_eligible_drug_costs, unit.annual_client_cap)


@program.amount(label={"en": "Plan pays", "fr": "Payé par le régime"})
def plan_pays(unit: Unit) -> Expr:
    return max_(0, unit.annual_eligible_drug_costs - unit.annual_client_cap)


@program.test(
    words={"en": "net income under 150,000", "fr": "revenu net inférieur à 150 000"},
    reference="NLPDP: The Assurance Plan",
)
def income_under_ceiling(unit: Unit) -> Expr:
    return unit.annual_net_income < p.income_ceiling


@program.test(
    words={
        "en": "drug costs above the family's cap",
        "fr": "frais de médicaments au-dessus du plafond de la famille",
    },
    reference="NLPDP: The Assurance Plan",
)
def costs_above_cap(unit: Unit) -> Expr:
    return unit.annual_eligible_drug_costs > unit.annual_client_cap
