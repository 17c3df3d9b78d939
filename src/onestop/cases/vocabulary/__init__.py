"""The case vocabulary both screening interviews and applications speak: fact paths (``paths``) and
what the rule packs say of them (``program_packs``: programs, their inputs, values checked). It imports
no other sub-area of case work, so that screenings and applications both build on it without a cycle.
"""

from onestop.cases.vocabulary import paths, program_packs
from onestop.cases.vocabulary.paths import FactPath, parse_path, refuse_registry_path

__all__ = [
    "FactPath",
    "parse_path",
    "paths",
    "program_packs",
    "refuse_registry_path",
]
