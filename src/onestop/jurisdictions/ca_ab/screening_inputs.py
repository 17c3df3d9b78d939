"""The inputs Alberta's catalogue adds to the case vocabulary (urgent needs, AISH receipt, ...).

Programs are made with ``ab_program``, which passes them to ``Program(inputs=...)``, so the pack
accepts them in cases and the screener can ask for them; see ``onestop.jurisdictions.catalogue.variables``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from onestop.jurisdictions.catalogue.variables import pack_inputs, pack_program
from onestop.rules import Program

INPUTS = pack_inputs("ca-ab")


def ab_program(program_id: str, *, label: Mapping[str, str], reference: str) -> Program:
    """An Alberta program taking these inputs, in the folder its id names (``pack_program``)."""
    return pack_program(Path(__file__).parent, INPUTS, program_id, label=label, reference=reference)
