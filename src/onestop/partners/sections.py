"""The client 360's partners sections: elected members' inquiries about the person, the person's
training (with its attendance) and the after-hours calls taken about them, newest first, so the
person's file shows them. Registered when the partners package is imported."""

from __future__ import annotations

from onestop.cases.client360 import Context, register_section
from onestop.partners.repository import PartnersRepository
from onestop.partners.schemas import AttendancePublic, InquiryPublic, TrainingPublic


def inquiries(ctx: Context) -> list[InquiryPublic]:
    """The person's inquiries (over merged records)."""
    return [
        InquiryPublic.model_validate(r) for r in PartnersRepository(ctx.session).inquiries_of(ctx.person_ids)
    ]


def training(ctx: Context) -> list[TrainingPublic]:
    """The person's training (over merged records) with each term's attendance."""
    repo = PartnersRepository(ctx.session)
    return [
        TrainingPublic.model_validate(t).model_copy(
            update={"attendance": [AttendancePublic.model_validate(a) for a in repo.attendance(t.id)]}
        )
        for t in repo.trainings_of(ctx.person_ids)
    ]


def afterhours(ctx: Context) -> list[dict[str, object]]:
    """The after-hours calls taken about the person (over merged records), the latest first."""
    repo = PartnersRepository(ctx.session)
    return [
        {"id": c.id, "received_at": c.received_at, "summary": c.summary, "recorded_by": c.recorded_by}
        for c in repo.calls(person_ids=ctx.person_ids, limit=ctx.recent)
    ]


def install() -> None:
    """Add the sections (replacing them on re-import)."""
    register_section("inquiries", inquiries, replace=True)
    register_section("training", training, replace=True)
    register_section("afterhours", afterhours, replace=True)
