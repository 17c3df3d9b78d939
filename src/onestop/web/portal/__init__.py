"""The public portal under /portal: plain-language pages for clients; an account only to apply online."""

from fastapi import APIRouter

from onestop.web.portal import accounts, anonymous_screener, apply, home
from onestop.web.portal import health as health_portal
from onestop.web.portal import letters as letters_portal

router = APIRouter(prefix="/portal", include_in_schema=False)
router.include_router(home.router)
router.include_router(anonymous_screener.router)
router.include_router(accounts.router)
router.include_router(apply.router)
router.include_router(health_portal.router, prefix="/account")
router.include_router(letters_portal.router, prefix="/account")

__all__ = ["router"]
