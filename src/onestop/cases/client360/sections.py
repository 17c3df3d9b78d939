"""The sections of the client 360 view, and how an area plugs a new one in.

A section is a function of the ``Context`` (the session, the person's record ids, today) returning
something JSON-serialisable. Other areas (applications, decisions, benefits...) replace
the empty placeholder of their name with ``register_section("applications", provider)`` when their
package is imported; nothing here needs to change.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from onestop.registry.schemas import PersonPublic


@dataclass(frozen=True)
class Context:
    """What a section provider gets: one read-only look at one person."""

    session: Session
    person_id: uuid.UUID  # the surviving record
    person_ids: tuple[uuid.UUID, ...]  # it and every record merged into it
    person: PersonPublic
    today: dt.date
    recent: int  # how many recent items of long histories (interactions) to include
    #: What one section read that another needs too (the person's unit memberships), for this view.
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


Section = Callable[[Context], Any]

_SECTIONS: dict[str, Section] = {}


def register_section(name: str, provider: Section, *, replace: bool = False) -> None:
    """Add a section (or, with ``replace``, take over an existing one such as a placeholder)."""
    if name in _SECTIONS and not replace and not getattr(_SECTIONS[name], "placeholder", False):
        raise ValueError(f"client 360 already has a section {name!r}")
    _SECTIONS[name] = provider


def all_sections() -> dict[str, Section]:
    """The registered sections, in display order."""
    return dict(_SECTIONS)


def placeholder(name: str) -> None:
    """Reserve a section for an area that does not exist yet: an empty list under its key."""

    def empty(_: Context) -> list[Any]:
        return []

    empty.placeholder = True  # type: ignore[attr-defined]
    _SECTIONS.setdefault(name, empty)
