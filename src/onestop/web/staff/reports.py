"""The monthly report on a staff page (charts with their tables, every figure in a table) and as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import HTMLResponse, Response

from onestop import reports
from onestop.bootstrap import Container
from onestop.common.i18n import N_
from onestop.web import charts, pages
from onestop.web.deps import ContainerDep, UowDep
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor

router = APIRouter(prefix="/reports")


def _default_month(container: Container) -> str:
    """Last month (the one a report is usually asked for)."""
    today: dt.date = container.clock.today()
    return (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")


def _report(
    container: ContainerDep, uow: UowDep, actor: StaffActor, month: str = "", office: str = ""
) -> reports.MonthlyReport:
    """The month asked for (last month by default), for every office or one (a route dependency)."""
    return reports.monthly_report(
        uow,
        actor=actor,
        month=month or _default_month(container),
        office=office or None,
        tz=container.settings.timezone,
    )


Report = Annotated[reports.MonthlyReport, Depends(_report)]


@router.get("/monthly")
def monthly(request: Request, report: Report, office: str = "") -> HTMLResponse:
    """One month's figures, for every office or one."""
    number = pages.formatter(request).number
    hours = charts.bars(list(report.contacts["by_hour"].items()), number)
    channels = charts.bars(list(report.contacts["by_channel"].items()), number)
    outcomes: dict[str, int] = {}
    for by_outcome in report.decisions["by_program"].values():
        for outcome, n in by_outcome.items():
            outcomes[outcome] = outcomes.get(outcome, 0) + n
    decided = charts.bars(sorted(outcomes.items()), number)
    rows = reports.flat_rows(report.model_dump(mode="json"))
    sections: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if row["section"] in reports.render.TITLES:
            sections.setdefault(row["section"], []).append(row)
    context: dict[str, Any] = {
        "report": report,
        "month": report.month,
        "office": office,
        "sections": sections,
        "titles": reports.render.TITLES,
        "shown": reports.render.shown,
        "hours": hours,
        "channels": channels,
        "decided": decided,
        "hours_chart": charts.vertical(
            "contacts-by-hour",
            pages.gettext(request, N_("Contacts by hour of the day")),
            pages.gettext(request, N_("%(total)s contacts in the month."), total=report.contacts["total"]),
            hours,
            number,
        ),
        "channels_chart": labels.bar_chart(
            request,
            "contacts-by-channel",
            N_("Contacts by channel"),
            N_("How clients reached the office."),
            channels,
        ),
        "decided_chart": labels.bar_chart(
            request,
            "decisions-by-outcome",
            N_("Decisions by outcome"),
            N_("Decisions made in the month, every program."),
            decided,
        ),
    }
    return pages.render(request, "staff/reports/monthly.html", context)


@router.get("/monthly.csv")
def monthly_csv(request: Request, report: Report, office: str = "") -> Response:
    """The same figures as CSV (section, key, value)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["section", "key", "value"])
    writer.writeheader()
    writer.writerows(reports.flat_rows(report.model_dump(mode="json")))
    name = f"monthly-{report.month}{'-' + office if office else ''}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
