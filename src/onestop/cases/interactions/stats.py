"""Daily call statistics (from the interaction records) and the configurable list of reason codes."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.interactions import domain
from onestop.cases.interactions.models import ReasonCodeSetting
from onestop.cases.interactions.repository import InteractionRepository, ReasonRepository
from onestop.cases.interactions.schemas import (
    CallStatistics,
    OfficeCount,
    OfficerCount,
    ReasonCodeIn,
    ReasonCodePublic,
    ReasonCount,
)
from onestop.common.ids import new_id
from onestop.common.text import required_text
from onestop.db import UnitOfWork


def call_statistics(
    uow: UnitOfWork, *, actor: Actor, day: dt.date, office_id: uuid.UUID | None = None, tz: str = "UTC"
) -> CallStatistics:
    """One local day's interactions by officer, office, reason, channel, outcome and hour of day."""
    with uow:
        require(uow, actor, Permission.STATS_READ, subject_type="interaction_stats")
        zone = domain.zone(tz)
        start, end = domain.day_window(day, zone)
        records = InteractionRepository(uow.session).stat_records(start, end, office_id=office_id)
        stats = domain.daily_stats(records, zone)
        labels = domain.effective_reasons(ReasonRepository(uow.session).overrides())
        return audit.audited_read(
            uow,
            _public(day, tz, office_id, stats, labels),
            actor=actor,
            action=AuditAction.STATS_READ,
            subject_type="interaction_stats",
            subject_id=office_id,
            details={"date": day, "tz": tz, "total": stats.total.count},
        )


def _public(
    day: dt.date,
    tz: str,
    office_id: uuid.UUID | None,
    stats: domain.DailyStats,
    labels: dict[str, domain.ReasonCode],
) -> CallStatistics:
    officers = [
        OfficerCount(
            staff_id=sid,
            username=name,
            count=t.count,
            total_seconds=t.seconds,
            average_seconds=t.average_seconds,
        )
        for (sid, name), t in sorted(stats.by_officer.items(), key=lambda kv: (-kv[1].count, kv[0][1]))
    ]
    offices = [
        OfficeCount(office_id=oid, count=t.count, average_seconds=t.average_seconds)
        for oid, t in sorted(stats.by_office.items(), key=lambda kv: (-kv[1].count, str(kv[0])))
    ]
    reasons = [
        ReasonCount(
            code=code, count=n, label_en=_label(labels, code).label_en, label_fr=_label(labels, code).label_fr
        )
        for code, n in sorted(stats.by_reason.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return CallStatistics(
        date=day,
        tz=tz,
        office_id=office_id,
        total=stats.total.count,
        average_seconds=stats.total.average_seconds,
        by_officer=officers,
        by_office=offices,
        by_reason=reasons,
        by_channel=dict(sorted(stats.by_channel.items())),
        by_outcome=dict(sorted(stats.by_outcome.items())),
        by_hour=stats.by_hour,
    )


def _label(labels: dict[str, domain.ReasonCode], code: str) -> domain.ReasonCode:
    return labels.get(code) or domain.ReasonCode(code, code, code, active=False)


def list_reason_codes(
    uow: UnitOfWork, *, actor: Actor, include_retired: bool = False
) -> list[ReasonCodePublic]:
    """The reason codes officers choose from, with English and French labels."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="interaction_reason")
        found = domain.effective_reasons(ReasonRepository(uow.session).overrides())
    return [
        ReasonCodePublic(code=r.code, label_en=r.label_en, label_fr=r.label_fr, active=r.active)
        for r in sorted(found.values(), key=lambda r: r.code)
        if r.active or include_retired
    ]


def define_reason_code(uow: UnitOfWork, *, actor: Actor, data: ReasonCodeIn) -> ReasonCodePublic:
    """Add a reason code, or relabel or retire one (retired codes stay valid in old records)."""
    with uow:
        require(uow, actor, Permission.CASE_CONFIGURE, subject_type="interaction_reason")
        code = domain.reason_code(data.code)
        en = required_text(data.label_en, "label_en", max_len=100)
        fr = required_text(data.label_fr, "label_fr", max_len=100)
        repo = ReasonRepository(uow.session)
        before = domain.effective_reasons(repo.overrides()).get(code)
        row = repo.find(code)
        if row is None:
            row = ReasonCodeSetting(id=new_id(), code=code, created_at=uow.clock.now())
            uow.session.add(row)
        row.label_en, row.label_fr, row.active, row.updated_by = en, fr, data.active, actor.username
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: ReasonCodePublic(code=code, label_en=en, label_fr=fr, active=data.active),
            actor=actor,
            action=AuditAction.INTERACTION_REASON_DEFINE,
            subject_type="interaction_reason",
            subject_id=code,
            before=before.__dict__ if before else None,
            after={"code": code, "label_en": en, "label_fr": fr, "active": data.active},
        )
