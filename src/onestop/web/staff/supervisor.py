"""The supervisor's team page: a day's contacts by hour and by reason (charts with their tables), by
officer, and the team's open tasks by when they are due."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from fastapi import APIRouter
from starlette.responses import HTMLResponse

from onestop.cases.interactions import call_statistics
from onestop.cases.tasks import list_tasks
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.web import charts, pages
from onestop.web.staff import labels, supervisor_queues
from onestop.web.staff.page import Page

router = APIRouter()


@router.get("/team")
def team(page: Page, day: str = "") -> HTMLResponse:
    """One day's statistics for the supervisor's office (today in the office's time zone by default)."""
    container = page.request.app.state.container
    tz = container.settings.timezone
    chosen = _day(day) or container.clock.now().astimezone(ZoneInfo(tz)).date()
    stats = call_statistics(page.uow, actor=page.actor, day=chosen, office_id=page.actor.office_id, tz=tz)
    french = pages.language_of(page.request) == "fr"
    number = pages.formatter(page.request).number
    hours = charts.bars([(f"{h:02d}", n) for h, n in enumerate(stats.by_hour)], number)
    busiest = max(range(24), key=lambda h: stats.by_hour[h]) if stats.total else None
    reasons = charts.bars([(r.label_fr if french else r.label_en, r.count) for r in stats.by_reason], number)
    tasks = (
        list_tasks(page.uow, actor=page.actor, view="open", office_id=page.actor.office_id).items
        if page.actor.office_id
        else []
    )
    buckets = [
        (labels.label(page.request, labels.TASK_BUCKETS, b), sum(1 for t in tasks if t.bucket == b))
        for b in ("overdue", "due_today", "upcoming")
    ]
    task_bars = charts.bars(buckets, number)
    context = {
        "stats": stats,
        "day": chosen,
        "hours_chart": charts.vertical(
            "calls-by-hour",
            page.gettext(N_("Contacts by hour of the day")),
            page.gettext(
                N_("%(total)s contacts; busiest hour: %(hour)s."),
                total=stats.total,
                hour=f"{busiest:02d}:00" if busiest is not None else "–",
            ),
            hours,
            number,
        ),
        "hours": hours,
        "reasons_chart": labels.bar_chart(
            page.request,
            "calls-by-reason",
            N_("Contacts by reason"),
            N_("How many contacts gave each reason (a contact may give several)."),
            reasons,
        ),
        "reasons": reasons,
        "tasks_chart": labels.bar_chart(
            page.request,
            "team-tasks",
            N_("The team's open tasks"),
            N_("Open tasks of the office, by when they are due."),
            task_bars,
        ),
        "task_bars": task_bars,
        "supervisor_queues": supervisor_queues.waiting_for_supervisor(page.request, page.uow, page.actor),
    }
    return page.render("staff/supervisor/team.html", context)


def _day(raw: str) -> dt.date | None:
    try:
        return parse_date(raw, field="day") if raw else None
    except InvalidInput:
        return None
