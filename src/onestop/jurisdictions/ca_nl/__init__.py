"""Newfoundland and Labrador (``ca-nl``): the rule pack. Each program is a folder beside this file.

To add a program, follow docs/dev/adding-a-program.md and list it in ``PROGRAMS`` below.
"""

from __future__ import annotations

from pathlib import Path

from onestop.jurisdictions.ca_nl.income_support.program import program as income_support
from onestop.jurisdictions.ca_nl.nlpdp_65plus.program import program as nlpdp_65plus
from onestop.jurisdictions.ca_nl.nlpdp_access.program import program as nlpdp_access
from onestop.jurisdictions.ca_nl.nlpdp_assurance.program import program as nlpdp_assurance
from onestop.jurisdictions.ca_nl.nlpdp_foundation.program import program as nlpdp_foundation
from onestop.jurisdictions.ca_nl.nlpdp_select_needs.program import program as nlpdp_select_needs
from onestop.rules import NESTED, STANDARD_INPUTS, Pack, Program

PROGRAMS: list[Program] = [
    income_support,
    nlpdp_foundation,
    nlpdp_65plus,
    nlpdp_access,
    nlpdp_assurance,
    nlpdp_select_needs,
]

PACK = Pack(
    "ca-nl",
    label={"en": "Newfoundland and Labrador", "fr": "Terre-Neuve-et-Labrador"},
    root=Path(__file__).parent,
    programs=PROGRAMS,
    inputs=STANDARD_INPUTS,
    nested=NESTED,
)
