"""Rule packs by jurisdiction: the registry the CLI, the API and services load packs from.

A pack is a package exposing ``PACK`` (an ``onestop.rules.Pack``). Packs are imported on first use,
so a broken pack does not stop the others from loading. ``load_pack`` also accepts a folder path
(``benchmarks/isb_pack``), for packs that live outside this package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from onestop.jurisdictions.catalogue import (
    JURISDICTIONS,
    All,
    AnyOf,
    AnyPerson,
    Bilingual,
    Catalogue,
    CatalogueError,
    Compare,
    ContactKind,
    Criterion,
    Effect,
    Entry,
    EntryKind,
    Not,
    describe,
    load_catalogue,
)
from onestop.rules import (
    CaseInvalid,
    Evaluation,
    Pack,
    PackDefinitionError,
    ParameterOverlay,
    Program,
    UnknownJurisdiction,
    UnknownProgram,
    overlays,
)

PACK_MODULES: dict[str, str] = {
    "ca-ab": "onestop.jurisdictions.ca_ab",
    "ca-nl": "onestop.jurisdictions.ca_nl",
}

_loaded: dict[str, Pack] = {}
_overlays: tuple[ParameterOverlay, ...] = ()  # approved values laid over every pack (see use_overlays)


def get_pack(jurisdiction: str) -> Pack:
    """The pack of a jurisdiction (``ca-ab``); raises ``UnknownJurisdiction``."""
    if jurisdiction in _loaded:
        return _loaded[jurisdiction]
    module_name = PACK_MODULES.get(jurisdiction)
    if module_name is None:
        raise UnknownJurisdiction(jurisdiction, sorted(PACK_MODULES))
    pack = _pack_of(importlib.import_module(module_name), module_name)
    overlays.apply(pack, _of_pack(pack, _overlays))
    _loaded[jurisdiction] = pack
    return pack


def use_overlays(approved: Sequence[ParameterOverlay]) -> list[str]:
    """Lay the approved parameter overlays over the registered packs (replacing those laid before).

    Called when a process starts (bootstrap reads them from the database) and after an approval; the
    packs are process-wide, so every evaluation (case, screening, batch) reads the same values.
    Returns the jurisdictions whose parameters changed.
    """
    global _overlays
    _overlays = tuple(approved)
    changed = []
    for jurisdiction, pack in sorted(_loaded.items()):
        if overlays.apply(pack, _of_pack(pack, _overlays)):
            changed.append(jurisdiction)
    return changed


def _of_pack(pack: Pack, approved: Sequence[ParameterOverlay]) -> list[ParameterOverlay]:
    return [o for o in approved if any(o.parameter.startswith(p + ".") for p in pack.programs)]


def list_packs() -> list[Pack]:
    """Every registered pack."""
    return [get_pack(j) for j in sorted(PACK_MODULES)]


def find_program(program_id: str) -> tuple[Pack, Program]:
    """The pack and program of a program id such as ``ab.income_support``."""
    known: list[str] = []
    for pack in list_packs():
        if program_id in pack.programs:
            return pack, pack.programs[program_id]
        known.extend(pack.programs)
    raise UnknownProgram(program_id, sorted(known))


def evaluate(data: object, programs: Sequence[str] = ()) -> Evaluation:
    """Evaluate a case mapping (reference/case-format.md) with the pack its ``jurisdiction`` names."""
    if not isinstance(data, Mapping):
        raise CaseInvalid("case", "must be a mapping with jurisdiction, date, people and unit")
    jurisdiction = data.get("jurisdiction")
    if not jurisdiction:
        raise CaseInvalid("jurisdiction", f"is required (one of {', '.join(sorted(PACK_MODULES))})")
    pack = get_pack(str(jurisdiction))
    for program_id in programs:
        pack.program(program_id)  # an unknown id is refused before any work
    return pack.evaluate_data(data, list(programs) or None)


def load_pack(spec: str) -> Pack:
    """A pack by jurisdiction id, or from a folder holding a pack package."""
    if spec in PACK_MODULES:
        return get_pack(spec)
    path = Path(spec)
    if path.is_dir() and (path / "__init__.py").exists():
        return load_pack_path(path)
    raise UnknownJurisdiction(spec, sorted(PACK_MODULES))


def load_pack_path(path: Path) -> Pack:
    """Import a pack package from a folder (its relative imports work as in any package)."""
    path = path.resolve()
    name = f"_onestop_pack_{path.name}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, path / "__init__.py", submodule_search_locations=[str(path)]
        )
        if spec is None or spec.loader is None:
            raise PackDefinitionError(f"{path}: not a pack package")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return _pack_of(sys.modules[name], str(path))


def _pack_of(module: object, where: str) -> Pack:
    pack = getattr(module, "PACK", None)
    if not isinstance(pack, Pack):
        raise PackDefinitionError(f"{where} defines no PACK")
    return pack


__all__ = [
    "JURISDICTIONS",
    "All",
    "AnyOf",
    "AnyPerson",
    "Bilingual",
    "CaseInvalid",
    "Catalogue",
    "CatalogueError",
    "Compare",
    "ContactKind",
    "Criterion",
    "Effect",
    "Entry",
    "EntryKind",
    "Evaluation",
    "Mapping",
    "Not",
    "Pack",
    "PackDefinitionError",
    "ParameterOverlay",
    "Path",
    "Program",
    "Sequence",
    "UnknownJurisdiction",
    "UnknownProgram",
    "annotations",
    "describe",
    "load_catalogue",
    "overlays",
]
