"""The public portal under /portal: plain-language pages for clients, no sign-in."""

from fastapi import APIRouter

from onestop.web.portal import home, screener

router = APIRouter(prefix="/portal", include_in_schema=False)
router.include_router(home.router)
router.include_router(screener.router)

__all__ = ["router"]
