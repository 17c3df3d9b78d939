"""The catalogue's added inputs as rules-engine input variables, so a pack accepts and asks for them.

A pack's vocabulary is the shared case vocabulary plus these (urgent needs, AISH receipt, disability
and the other screening questions), each with its English and French question. ``pack_program`` makes
a pack's program that takes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from onestop.jurisdictions.catalogue.loader import load_catalogue
from onestop.jurisdictions.catalogue.model import InputSpec
from onestop.rules import Entity, Kind, Program, Variable, input_variable

_KINDS = {"bool": Kind.BOOL, "money": Kind.MONEY, "int": Kind.INT, "enum": Kind.ENUM, "date": Kind.DATE}


def to_variable(spec: InputSpec) -> Variable:
    """One catalogue input as an engine input variable."""
    entity, name = spec.name.split(".", 1)
    return input_variable(
        name,
        Entity.UNIT if entity == "unit" else Entity.PERSON,
        _KINDS[spec.kind],
        label={"en": spec.label.en, "fr": spec.label.fr},
        question={"en": spec.question.en, "fr": spec.question.fr},
        domain=spec.domain,
    )


def pack_inputs(jurisdiction: str) -> tuple[Variable, ...]:
    """Every input the jurisdiction's catalogue adds to the case vocabulary."""
    return tuple(to_variable(spec) for spec in load_catalogue(jurisdiction).inputs)


def pack_program(
    pack_dir: Path, inputs: Iterable[Variable], program_id: str, *, label: Mapping[str, str], reference: str
) -> Program:
    """A program of the pack in ``pack_dir``, taking the catalogue's ``inputs``.

    Its folder (parameters.yaml, tests/) is named for its id without the province: ``nl.nlpdp.65plus``
    is ``ca_nl/nlpdp_65plus``. A missing folder is an error here, where a program built on it would
    silently have no parameters.
    """
    root = pack_dir / program_id.split(".", 1)[1].replace(".", "_")
    if not root.is_dir():
        raise FileNotFoundError(f"program {program_id}: no folder {root}")
    return Program(program_id, label=label, reference=reference, root=root, inputs=inputs)
