"""The client 360's health section: current and past coverage, MCP status, cards, authorizations and
claims. Registered when the health package is imported."""

from __future__ import annotations

from onestop.cases.client360 import Context, register_section
from onestop.health.coverage import build_file
from onestop.health.repository import HealthRepository
from onestop.health.schemas import HealthFile


def health(ctx: Context) -> HealthFile:
    """The person's health file."""
    return build_file(HealthRepository(ctx.session), list(ctx.person_ids), ctx.today)


def install() -> None:
    """Add the section (replacing it on re-import)."""
    register_section("health", health, replace=True)
