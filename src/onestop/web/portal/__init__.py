"""The public portal under /portal: plain-language pages for clients; an account only to apply online."""

from fastapi import APIRouter

from onestop.web.portal import accounts, anonymous_screener, apply, home

router = APIRouter(prefix="/portal", include_in_schema=False)
router.include_router(home.router)
router.include_router(anonymous_screener.router)
router.include_router(accounts.router)
router.include_router(apply.router)

__all__ = ["router"]
