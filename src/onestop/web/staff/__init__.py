"""Staff pages under /staff: sign-in, home, people. Every page but sign-in needs a logged-in officer."""

from fastapi import APIRouter

from onestop.web.staff import auth, home

router = APIRouter(prefix="/staff", include_in_schema=False)
router.include_router(auth.router)
router.include_router(home.router)

__all__ = ["router"]
