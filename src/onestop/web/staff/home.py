"""The staff home page: greeting, office, quick person search and links (tasks and caseload come later)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onestop.web import pages
from onestop.web.staff.deps import StaffActor

router = APIRouter()


@router.get("/")
def home(request: Request, actor: StaffActor) -> HTMLResponse:
    """The page an officer lands on after signing in."""
    return pages.render(request, "staff/home.html", {"today": request.app.state.container.clock.now()})
