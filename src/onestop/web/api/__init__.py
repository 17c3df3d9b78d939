"""JSON API routers; each module holds one resource's routes."""

from onestop.web.api import appeals as case_appeals
from onestop.web.api import applications as case_applications
from onestop.web.api import approvals as money_approvals
from onestop.web.api import audit, auth, evaluate, needs_screening, people, screening_interviews, staff, units
from onestop.web.api import catalogue as catalogue_api
from onestop.web.api import client360 as case_360
from onestop.web.api import decisions as case_decisions
from onestop.web.api import documents as case_documents
from onestop.web.api import facilities as health_facilities
from onestop.web.api import grants as staff_grants
from onestop.web.api import health as health_api
from onestop.web.api import interactions as case_interactions
from onestop.web.api import investigations as case_investigations
from onestop.web.api import knowledge as knowledge_api
from onestop.web.api import ledger as money_ledger
from onestop.web.api import money as money_api
from onestop.web.api import parameter_overlays as policy_overlays
from onestop.web.api import partners as partners_api
from onestop.web.api import payments as money_payments
from onestop.web.api import plans as case_plans
from onestop.web.api import privacy as privacy_api
from onestop.web.api import referrals as case_referrals
from onestop.web.api import reviews as case_reviews
from onestop.web.api import tasks as case_tasks
from onestop.web.api import trust as trust_api

ROUTERS = [auth.router, staff_grants.router, staff.router, people.router, units.router]
ROUTERS += [audit.router, evaluate.router]
ROUTERS += [case_interactions.router, case_tasks.router, case_referrals.router]
ROUTERS += [case_plans.router, case_documents.router, case_360.router]
ROUTERS += [needs_screening.router, catalogue_api.router]
ROUTERS += [screening_interviews.router, case_applications.router, case_decisions.router]
ROUTERS += [case_reviews.router, case_investigations.router, case_appeals.router]
ROUTERS += [money_api.router, money_payments.router, money_approvals.router, money_ledger.router]
ROUTERS += [trust_api.router]  # restricted files, break-glass, conflict-of-interest links (issue 10)
ROUTERS += [health_api.router, health_facilities.router]
ROUTERS += [policy_overlays.router]  # parameter overlays (issue 13, part 7)
ROUTERS += [partners_api.router]  # sponsors, projects, elected members' inquiries (issue 18)
ROUTERS += [privacy_api.router]  # privacy requests, legal holds, the purge (issue 20)
ROUTERS += [knowledge_api.router]  # the staff knowledge base (issue 18, part 5)
