"""NLPDP 65Plus Plan: eligible drugs for seniors receiving OAS and the Guaranteed Income Supplement.

The senior pays the dispensing fee up to $6; the card is issued automatically when Service Canada
notifies the province.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_nl.screening_inputs import nl_program
from onestop.rules import Expr, Unit

program = nl_program(
    "nl.nlpdp.65plus",
    label={"en": "NLPDP 65Plus Plan", "fr": "Régime 65Plus du NLPDP"},
    reference="NLPDP plan overview (gov.nl.ca/hcs/prescription/nlpdp-plan-overview)",
)


@program.test(
    words={
        "en": "a person 65 or older receiving OAS and GIS",
        "fr": "une personne de 65 ans ou plus recevant la SV et le SRG",
    },
    reference="NLPDP plan overview: The 65Plus Plan",
)
def senior_with_gis(unit: Unit) -> Expr:
    m = unit.members
    return ((m.age >= 65) & m.receives_oas & m.receives_gis).any()
