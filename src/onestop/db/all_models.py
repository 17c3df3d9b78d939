"""Import every area's tables so ``Base.metadata`` is complete (for Alembic and test set-up)."""

from onestop.access import models as access_models
from onestop.access.grants import models as access_grant_models  # noqa: F401  (role grants, issue 10)
from onestop.audit import models as audit_models
from onestop.batch import models as batch_models  # noqa: F401  (batch runs, issue 16)
from onestop.cases.appeals import models as case_appeals_models  # noqa: F401  (case work)
from onestop.cases.applications import models as case_applications_models  # noqa: F401  (case work)
from onestop.cases.decisions import models as case_decisions_models  # noqa: F401  (case work)
from onestop.cases.documents import models as case_documents_models  # noqa: F401  (case work)
from onestop.cases.interactions import models as case_interactions_models  # noqa: F401  (case work)
from onestop.cases.investigations import models as case_investigations_models  # noqa: F401  (case work)
from onestop.cases.plans import models as case_plans_models  # noqa: F401  (case work)
from onestop.cases.referrals import models as case_referrals_models  # noqa: F401  (case work)
from onestop.cases.reviews import models as case_reviews_models  # noqa: F401  (case work)
from onestop.cases.screenings import models as case_screenings_models  # noqa: F401  (case work)
from onestop.cases.tasks import models as case_tasks_models  # noqa: F401  (case work)
from onestop.clients import models as client_models  # noqa: F401  (portal client accounts)
from onestop.health import models as health_models  # noqa: F401  (health)
from onestop.knowledge import models as knowledge_models  # noqa: F401  (staff knowledge base, issue 18)
from onestop.money import models as money_models
from onestop.notices import models as notice_models  # noqa: F401  (the notices outbox)
from onestop.partners import models as partner_models  # noqa: F401  (sponsors, projects, inquiries)
from onestop.policy import models as policy_models  # noqa: F401  (parameter overlays, issue 13)
from onestop.privacy import models as privacy_models  # noqa: F401  (privacy requests, issue 20)
from onestop.registry import models as registry_models

__all__ = ["access_models", "audit_models", "money_models", "registry_models"]
