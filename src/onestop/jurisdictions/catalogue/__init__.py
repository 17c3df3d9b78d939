"""The program catalogue: every program and service, with how to screen, apply and refer.

A pure library: YAML in, validated frozen records out. ``load_catalogue("ca-ab")``.
"""

from onestop.jurisdictions.catalogue.criteria import (
    All,
    AnyOf,
    AnyPerson,
    Compare,
    Criterion,
    CriterionError,
    Not,
    compares,
    describe,
    parse_criterion,
)
from onestop.jurisdictions.catalogue.loader import (
    JURISDICTIONS,
    CatalogueError,
    catalogue_files,
    load_catalogue,
    load_catalogue_files,
)
from onestop.jurisdictions.catalogue.model import (
    REACHABLE as REACHABLE_KINDS,
)
from onestop.jurisdictions.catalogue.model import (
    Agency,
    Bilingual,
    Catalogue,
    Contact,
    ContactKind,
    Effect,
    Entry,
    EntryKind,
    InputSpec,
    Interaction,
    Screening,
    Test,
)
from onestop.jurisdictions.catalogue.search import Found, fold, search

__all__ = [
    "JURISDICTIONS",
    "REACHABLE_KINDS",
    "Agency",
    "All",
    "AnyOf",
    "AnyPerson",
    "Bilingual",
    "Catalogue",
    "CatalogueError",
    "Compare",
    "Contact",
    "ContactKind",
    "Criterion",
    "CriterionError",
    "Effect",
    "Entry",
    "EntryKind",
    "Found",
    "InputSpec",
    "Interaction",
    "Not",
    "Screening",
    "Test",
    "catalogue_files",
    "compares",
    "describe",
    "fold",
    "load_catalogue",
    "load_catalogue_files",
    "parse_criterion",
    "search",
]
