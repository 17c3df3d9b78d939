"""Report use cases: the monthly report. Needs ``stats:read``; producing it is audited."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput
from onestop.db import UnitOfWork
from onestop.reports.domain import parse_month, percentile
from onestop.reports.repository import ReportRepository
from onestop.reports.schemas import MonthlyReport

SUBJECT = "report"


def monthly_report(
    uow: UnitOfWork, *, actor: Actor, month: str, office: str | None = None, tz: str = "UTC"
) -> MonthlyReport:
    """Contacts, applications, decisions, time to decision, caseload, tasks, reviews, payments,
    overpayments and appeals of one month (in ``tz``), for every office or one (by code)."""
    with uow:
        require(uow, actor, Permission.STATS_READ, subject_type=SUBJECT)
        m = parse_month(month, tz)
        repo = ReportRepository(uow.session)
        office_id: uuid.UUID | None = None
        if office:
            office_id = repo.office_id(office)
            if office_id is None:
                raise InvalidInput("office", f"no office with code {office!r}")
        codes = repo.office_codes()
        zone = ZoneInfo(tz)
        contacts = repo.interactions(m, office_id)
        hours = [0] * 24
        for _id, _channel, _office, at in contacts:
            hours[at.astimezone(zone).hour] += 1
        received = dict(repo.applications_received(m, office_id))
        decided: dict[str, dict[str, int]] = defaultdict(dict)
        for program, outcome, n in repo.decisions(m, office_id):
            decided[program][outcome] = int(n)
        days = [(at.astimezone(zone).date() - rec).days for rec, at in repo.first_decisions(m, office_id)]
        in_force: dict[str, dict[str, int]] = defaultdict(dict)
        for program, outcome, n in repo.in_force_at_end(m, office_id):
            in_force[program][outcome] = int(n)
        payments: dict[str, Any] = {"count": 0, "net_cents": 0, "by_program": {}, "by_method": {}}
        for program, method, n, cents in repo.payments(m, office_id):
            payments["count"] += int(n)
            payments["net_cents"] += int(cents or 0)
            for key, name in (("by_program", program), ("by_method", method)):
                group = payments[key].setdefault(name, {"count": 0, "net_cents": 0})
                group["count"] += int(n)
                group["net_cents"] += int(cents or 0)
        report = MonthlyReport(
            month=m.label,
            office=office,
            tz=tz,
            contacts={
                "total": len(contacts),
                "by_channel": dict(sorted(Counter(c for _, c, _, _ in contacts).items())),
                "by_reason": dict(sorted((str(k), int(v)) for k, v in repo.reasons(m, office_id))),
                "by_hour": {f"{h:02d}": n for h, n in enumerate(hours)},
                "by_office": dict(
                    sorted(
                        Counter(codes.get(o, "(none)") if o else "(none)" for _, _, o, _ in contacts).items()
                    )
                ),
            },
            applications={
                "received": sum(int(v) for v in received.values()),
                "received_by_program": {k: int(v) for k, v in sorted(received.items())},
            },
            decisions={
                "total": sum(sum(v.values()) for v in decided.values()),
                "by_program": {k: dict(sorted(v.items())) for k, v in sorted(decided.items())},
            },
            time_to_decision={
                "decided": len(days),
                "median_days": percentile(days, 50),
                "p90_days": percentile(days, 90),
            },
            caseload={
                "in_force_at_end": {k: dict(sorted(v.items())) for k, v in sorted(in_force.items())},
                "applications_by_status_now": {
                    str(k): int(v) for k, v in sorted(repo.applications_by_status(m, office_id))
                },
            },
            tasks=repo.tasks(m, office_id),
            reviews=repo.reviews(m, office_id),
            payments={
                **payments,
                "by_program": dict(sorted(payments["by_program"].items())),
                "by_method": dict(sorted(payments["by_method"].items())),
            },
            overpayments=repo.overpayments(m, office_id),
            appeals=repo.appeals(m, office_id),
        )
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.REPORTS_MONTHLY,
            subject_type=SUBJECT,
            subject_id=office_id,
            details={"month": m.label, "office": office, "tz": tz},
        )
        uow.commit()
        return report
