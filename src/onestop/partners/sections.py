"""The client 360's inquiries section: elected members' inquiries about the person, newest first, so
the person's file shows them. Registered when the partners package is imported."""

from __future__ import annotations

from onestop.cases.client360.sections import Context, register_section
from onestop.partners.repository import PartnersRepository
from onestop.partners.schemas import InquiryPublic


def inquiries(ctx: Context) -> list[InquiryPublic]:
    """The person's inquiries (over merged records)."""
    return [
        InquiryPublic.model_validate(r) for r in PartnersRepository(ctx.session).inquiries_of(ctx.person_ids)
    ]


def install() -> None:
    """Add the section (replacing it on re-import)."""
    register_section("inquiries", inquiries, replace=True)
