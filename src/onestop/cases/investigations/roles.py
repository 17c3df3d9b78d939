"""Who may investigate, by jurisdiction: configuration (``config/roles.yaml``), not code.

In Newfoundland and Labrador the client services officer investigates misuse; in Alberta a specialist
does. ``as_investigator`` gives the actor ``investigation:write`` when one of their roles is configured
for the jurisdiction and takes it away when none is, so every investigation service keeps one
permission check (``access.require``, whose refusals are audited) and the rule lives in one file.
"""

from __future__ import annotations

import dataclasses
import functools
from importlib import resources
from typing import Any

import yaml

from onestop.access import Actor, Permission


@dataclasses.dataclass(frozen=True)
class InvestigatorConfig:
    """Which roles investigate in each jurisdiction, and how an address's province names one."""

    investigators: dict[str, frozenset[str]]
    provinces: dict[str, str]
    default_jurisdiction: str

    def jurisdiction(self, application_jurisdiction: str | None, provinces: list[str]) -> str:
        """The application's jurisdiction, else the first known province of the addresses, else default."""
        if application_jurisdiction:
            return application_jurisdiction
        for province in provinces:
            if province in self.provinces:
                return self.provinces[province]
        return self.default_jurisdiction


def parse_config(data: dict[str, Any]) -> InvestigatorConfig:
    """The YAML document as a configuration (role names are checked by the caller's tests)."""
    return InvestigatorConfig(
        investigators={
            str(j): frozenset(str(r) for r in roles) for j, roles in data["investigators"].items()
        },
        provinces={str(k): str(v) for k, v in data.get("provinces", {}).items()},
        default_jurisdiction=str(data.get("default_jurisdiction", "ca-ab")),
    )


@functools.cache
def default_config() -> InvestigatorConfig:
    """The packaged configuration, read once."""
    path = resources.files("onestop.cases.investigations").joinpath("config/roles.yaml")
    return parse_config(yaml.safe_load(path.read_text("utf-8")))


def as_investigator(actor: Actor, jurisdiction: str, config: InvestigatorConfig | None = None) -> Actor:
    """The actor with ``investigation:write`` as the jurisdiction configures it (jobs keep theirs)."""
    config = config or default_config()
    allowed = config.investigators.get(jurisdiction)
    if allowed is None or (actor.staff_id is None and not actor.roles):
        return actor
    if any(role.value in allowed for role in actor.roles):
        permissions = actor.permissions | {Permission.INVESTIGATION_WRITE}
    else:
        permissions = actor.permissions - {Permission.INVESTIGATION_WRITE}
    return dataclasses.replace(actor, permissions=frozenset(permissions))


def may_investigate(actor: Actor, jurisdiction: str) -> bool:
    """Whether the actor may open and conduct investigations there (for pages deciding what to offer)."""
    return as_investigator(actor, jurisdiction).can(Permission.INVESTIGATION_WRITE)
