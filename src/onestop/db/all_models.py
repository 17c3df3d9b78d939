"""Import every area's tables so ``Base.metadata`` is complete (for Alembic and test set-up)."""

from onestop.access import models as access_models
from onestop.audit import models as audit_models
from onestop.cases.documents import models as case_documents_models  # noqa: F401  (case work)
from onestop.cases.interactions import models as case_interactions_models  # noqa: F401  (case work)
from onestop.cases.plans import models as case_plans_models  # noqa: F401  (case work)
from onestop.cases.referrals import models as case_referrals_models  # noqa: F401  (case work)
from onestop.cases.tasks import models as case_tasks_models  # noqa: F401  (case work)
from onestop.money import models as money_models
from onestop.registry import models as registry_models

__all__ = ["access_models", "audit_models", "money_models", "registry_models"]
