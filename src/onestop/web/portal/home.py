"""The portal's home page: what help exists, who can get it and how to ask."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onestop.web import pages

router = APIRouter()


@router.get("/")
def home(request: Request) -> HTMLResponse:
    """The first page a member of the public sees."""
    return pages.render(request, "portal/home.html", {"screener_url": "/portal/screener"})
