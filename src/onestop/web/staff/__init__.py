"""Staff pages under /staff: sign-in, home, people. Every page but sign-in needs a signed-in officer."""

from fastapi import APIRouter

from onestop.web.staff import auth, home, people, registration

router = APIRouter(prefix="/staff", include_in_schema=False)
router.include_router(auth.router)
router.include_router(home.router)
router.include_router(registration.router)  # before people: "/people/new" is not a person id
router.include_router(people.router)

__all__ = ["router"]
