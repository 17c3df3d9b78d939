"""JSON API routers; each module holds one resource's routes."""

from onestop.web.api import appeals as case_appeals  # case work
from onestop.web.api import applications as case_applications  # case work
from onestop.web.api import approvals as money_approvals  # money
from onestop.web.api import audit, auth, evaluate, people, staff, units
from onestop.web.api import catalogue as catalogue_api  # needs screening
from onestop.web.api import client360 as case_360  # case work
from onestop.web.api import decisions as case_decisions  # case work
from onestop.web.api import documents as case_documents  # case work
from onestop.web.api import health as health_api  # health
from onestop.web.api import interactions as case_interactions  # case work
from onestop.web.api import investigations as case_investigations  # case work
from onestop.web.api import ledger as money_ledger  # money
from onestop.web.api import money as money_api  # money
from onestop.web.api import payments as money_payments  # money
from onestop.web.api import plans as case_plans  # case work
from onestop.web.api import referrals as case_referrals  # case work
from onestop.web.api import reviews as case_reviews  # case work
from onestop.web.api import screen as screen_api  # needs screening
from onestop.web.api import screenings as case_screenings  # case work
from onestop.web.api import tasks as case_tasks  # case work

ROUTERS = [auth.router, staff.router, people.router, units.router, audit.router, evaluate.router]
ROUTERS += [case_interactions.router, case_tasks.router, case_referrals.router]  # case work
ROUTERS += [case_plans.router, case_documents.router, case_360.router]  # case work
ROUTERS += [screen_api.router, catalogue_api.router]  # needs screening
ROUTERS += [case_screenings.router, case_applications.router, case_decisions.router]  # case work
ROUTERS += [case_reviews.router, case_investigations.router, case_appeals.router]  # case work
ROUTERS += [money_api.router, money_payments.router, money_approvals.router, money_ledger.router]  # money
ROUTERS += [health_api.router]  # health
