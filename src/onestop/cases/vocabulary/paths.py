"""Fact paths in the case vocabulary (``unit.liquid_assets``, ``people[<id>].age``). Pure.

Shared by screening interviews and applications, which both record answers in this vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onestop.common.errors import InvalidInput


@dataclass(frozen=True)
class FactPath:
    """A parsed path: ``unit.liquid_assets``, ``unit.funeral.ceremony_cost`` or ``people[<id>].age``."""

    entity: str  # "unit" | "person"
    name: str
    person_id: str | None = None
    group: str | None = None  # nested unit group ("funeral")

    def __str__(self) -> str:
        if self.entity == "person":
            return f"people[{self.person_id}].{self.name}"
        return f"unit.{self.group}.{self.name}" if self.group else f"unit.{self.name}"


_PERSON_PATH = re.compile(r"^people\[([A-Za-z0-9_\-]{1,64})\]\.([a-z][a-z0-9_]{0,63})$")
_UNIT_PATH = re.compile(r"^unit\.([a-z][a-z0-9_]{0,63})(?:\.([a-z][a-z0-9_]{0,63}))?$")


def parse_path(text: str, *, field: str = "path") -> FactPath:
    """Read a fact path in the case-format vocabulary."""
    value = (text or "").strip()
    if m := _PERSON_PATH.match(value):
        return FactPath("person", m.group(2), person_id=m.group(1))
    if m := _UNIT_PATH.match(value):
        if m.group(2):
            return FactPath("unit", m.group(2), group=m.group(1))
        return FactPath("unit", m.group(1))
    raise InvalidInput(field, f"must look like unit.<name> or people[<person id>].<name>, not {text!r}")


def refuse_registry_path(path: FactPath, *, field: str = "path") -> None:
    """Role and date of birth come from the registry record, never from an application fact."""
    if path.entity == "person" and path.name in ("role", "birth_date"):
        raise InvalidInput(field, f"{path.name} comes from the registry (benefit unit and person record)")
