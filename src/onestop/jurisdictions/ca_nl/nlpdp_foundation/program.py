"""NLPDP Foundation Plan: full coverage of eligible drugs for those who need the greatest support.

Income Support households, children in care and individuals in supervised care through the regional
health authority get the card automatically; no application.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_nl.screening_inputs import nl_program
from onestop.rules import Expr, Unit, any_of

program = nl_program(
    "nl.nlpdp.foundation",
    label={"en": "NLPDP Foundation Plan", "fr": "Régime Foundation du NLPDP"},
    reference="NLPDP plan overview (gov.nl.ca/hcs/prescription/nlpdp-plan-overview)",
)


@program.test(
    words={
        "en": "Income Support household or in care of the health authority",
        "fr": "ménage bénéficiaire du soutien du revenu ou pris en charge par l'autorité sanitaire",
    },
    reference="NLPDP plan overview: The Foundation Plan",
)
def foundation_client(unit: Unit) -> Expr:
    return any_of(unit.receives_income_support, unit.in_supervised_care)
