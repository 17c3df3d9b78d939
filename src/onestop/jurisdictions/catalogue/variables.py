"""The catalogue's added inputs as rules-engine input variables, so a pack accepts and asks for them.

A pack's vocabulary is the shared case vocabulary plus these (urgent needs, AISH receipt, disability
and the other screening questions), each with its English and French question.
"""

from __future__ import annotations

from onestop.jurisdictions.catalogue.loader import load_catalogue
from onestop.jurisdictions.catalogue.model import InputSpec
from onestop.rules import Entity, Kind, Variable, input_variable

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
