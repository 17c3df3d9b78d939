"""Staff pages under /staff: sign-in, home, people. Every page but sign-in needs a signed-in officer."""

from fastapi import APIRouter

from onestop.web import pages
from onestop.web.staff import (
    appeals,
    applications,
    auth,
    catalogue,
    conferences,
    decisions,
    duplicates,
    evidence,
    facilities,
    finance,
    health,
    health_records,
    health_work,
    home,
    household,
    interview,
    investigations,
    invoices,
    labels,
    letters,
    money,
    overpayments,
    payees,
    people,
    person_edit,
    plans,
    portal_links,
    quicklog,
    referrals,
    registration,
    reviews,
    supervisor,
    tasks,
)
from onestop.web.staff import batch as batch_pages  # batch (issue 16)
from onestop.web.staff import grants as grant_pages  # role grants (issue 10, part 8)
from onestop.web.staff import inbox as inbox_pages  # the e-mail inbox and replies (issue 14, part 4)
from onestop.web.staff import knowledge as knowledge_pages  # the staff knowledge base (issue 18, part 5)
from onestop.web.staff import oncall as oncall_pages  # after-hours on-call (issue 18, part 4)
from onestop.web.staff import parameters as parameter_pages  # parameter overlays (issue 13)
from onestop.web.staff import partners as partner_pages  # sponsors, projects, inquiries (issue 18)
from onestop.web.staff import privacy as privacy_pages  # privacy requests, retention (issue 20)
from onestop.web.staff import reports as report_pages  # reports (issue 16)
from onestop.web.staff import training as training_pages  # training and attendance (issue 18, part 2)
from onestop.web.staff import trust as trust_pages  # restricted files, conflicts of interest (issue 10)

router = APIRouter(prefix="/staff", include_in_schema=False)
router.include_router(auth.router)
router.include_router(home.router)
router.include_router(registration.router)  # before people: "/people/new" is not a person id
router.include_router(people.router)
router.include_router(person_edit.router)
router.include_router(household.router)
router.include_router(duplicates.router)
router.include_router(portal_links.router)
router.include_router(interview.router)
router.include_router(applications.router)
router.include_router(evidence.router)
router.include_router(decisions.router)
router.include_router(appeals.router)
router.include_router(reviews.router)
router.include_router(investigations.router)
router.include_router(plans.router)
router.include_router(referrals.router)
router.include_router(conferences.router)
router.include_router(money.router)
router.include_router(overpayments.router)
router.include_router(payees.router)
router.include_router(invoices.router)
router.include_router(finance.router)
router.include_router(supervisor.router)
router.include_router(quicklog.router)
router.include_router(tasks.router)
router.include_router(batch_pages.router)
router.include_router(parameter_pages.router)
router.include_router(report_pages.router)
router.include_router(health.router)
router.include_router(grant_pages.router)
router.include_router(trust_pages.router)
router.include_router(letters.router)
router.include_router(facilities.router)
router.include_router(health_work.router)
router.include_router(health_records.router)
router.include_router(catalogue.router)
router.include_router(partner_pages.router)
router.include_router(training_pages.router)
router.include_router(oncall_pages.router)
router.include_router(privacy_pages.router)
router.include_router(inbox_pages.router)
router.include_router(knowledge_pages.router)

pages.CONTEXT_PROVIDERS.append(quicklog.layout_context)
pages.CONTEXT_PROVIDERS.append(labels.staff_context)
pages.CONTEXT_PROVIDERS.append(trust_pages.trust_context)
pages.CONTEXT_PROVIDERS.append(letters.person_page_context)
pages.CONTEXT_PROVIDERS.append(privacy_pages.person_page_context)
pages.CONTEXT_PROVIDERS.append(knowledge_pages.knowledge_context)

__all__ = ["router"]
