"""Alberta (``ca-ab``): the rule pack. Each program is a folder beside this file.

To add a program, follow docs/dev/adding-a-program.md and list it in ``PROGRAMS`` below (or in
``decided.py``, which lists the programs beyond the worked example ab.income_support).
"""

from __future__ import annotations

from pathlib import Path

from onestop.jurisdictions.ca_ab.decided import PROGRAMS as DECIDED
from onestop.jurisdictions.ca_ab.income_support.program import program as income_support
from onestop.rules import NESTED, STANDARD_INPUTS, Pack

PROGRAMS = [income_support, *DECIDED]

PACK = Pack(
    "ca-ab",
    label={"en": "Alberta", "fr": "Alberta"},
    root=Path(__file__).parent,
    programs=PROGRAMS,
    inputs=STANDARD_INPUTS,
    nested=NESTED,
)
