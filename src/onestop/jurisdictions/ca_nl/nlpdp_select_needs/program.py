"""NLPDP Select Needs Plan: full coverage of disease-specific drugs and supplies for certain conditions.

The list of conditions was cut off in the material we hold; cystic fibrosis and growth hormone
deficiency are the ones named by a second source.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_nl.screening_inputs import nl_program
from onestop.rules import Expr, Unit

program = nl_program(
    "nl.nlpdp.select_needs",
    label={"en": "NLPDP Select Needs Plan", "fr": "Régime Select Needs du NLPDP"},
    reference="NLPDP plan overview (gov.nl.ca/hcs/prescription/nlpdp-plan-overview)",
)


@program.test(
    words={"en": "a condition covered by the plan", "fr": "une affection couverte par le régime"},
    reference="NLPDP plan overview: The Select Needs Plan",
)
def covered_condition(unit: Unit) -> Expr:
    return unit.members.select_needs_condition.any()
