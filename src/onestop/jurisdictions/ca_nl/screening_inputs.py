"""The inputs Newfoundland and Labrador's catalogue adds to the case vocabulary.

Programs are made with ``nl_program``, which passes them to ``Program(inputs=...)``, so the pack
accepts them and the screener can ask them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from onestop.jurisdictions.catalogue.variables import pack_inputs, pack_program
from onestop.rules import Program

INPUTS = pack_inputs("ca-nl")


def nl_program(program_id: str, *, label: Mapping[str, str], reference: str) -> Program:
    """A Newfoundland and Labrador program taking these inputs, in the folder its id names."""
    return pack_program(Path(__file__).parent, INPUTS, program_id, label=label, reference=reference)
