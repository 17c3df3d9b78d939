"""Newfoundland and Labrador (``ca-nl``): the rule pack. Each program is a folder beside this file.

To add a program, follow docs/dev/adding-a-program.md and list it in ``PROGRAMS`` below.
"""

from __future__ import annotations

from pathlib import Path

from onestop.rules import Pack, Program
from onestop.rules.vocabulary import NESTED, STANDARD_INPUTS

PROGRAMS: list[Program] = []

PACK = Pack(
    "ca-nl",
    label={"en": "Newfoundland and Labrador", "fr": "Terre-Neuve-et-Labrador"},
    root=Path(__file__).parent,
    programs=PROGRAMS,
    inputs=STANDARD_INPUTS,
    nested=NESTED,
)
