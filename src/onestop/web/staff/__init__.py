"""Staff pages under /staff: sign-in, home, people. Every page but sign-in needs a signed-in officer."""

from fastapi import APIRouter

from onestop.web import pages
from onestop.web.staff import (
    appeals,
    applications,
    auth,
    decisions,
    evidence,
    finance,
    home,
    household,
    interview,
    labels,
    money,
    overpayments,
    people,
    person_edit,
    plans,
    quicklog,
    referrals,
    registration,
    supervisor,
    tasks,
)

router = APIRouter(prefix="/staff", include_in_schema=False)
router.include_router(auth.router)
router.include_router(home.router)
router.include_router(registration.router)  # before people: "/people/new" is not a person id
router.include_router(people.router)
router.include_router(person_edit.router)
router.include_router(household.router)
router.include_router(interview.router)
router.include_router(applications.router)
router.include_router(evidence.router)
router.include_router(decisions.router)
router.include_router(appeals.router)
router.include_router(plans.router)
router.include_router(referrals.router)
router.include_router(money.router)
router.include_router(overpayments.router)
router.include_router(finance.router)
router.include_router(supervisor.router)
router.include_router(quicklog.router)
router.include_router(tasks.router)

pages.CONTEXT_PROVIDERS.append(quicklog.layout_context)
pages.CONTEXT_PROVIDERS.append(labels.staff_context)

__all__ = ["router"]
