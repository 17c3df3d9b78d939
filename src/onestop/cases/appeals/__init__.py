"""Appeals of decisions: filing within the deadline, hearing, outcome and the decision that follows."""

from onestop.cases.appeals import sections
from onestop.cases.appeals.domain import AppealOutcome, AppealStatus
from onestop.cases.appeals.errors import AppealNotFound
from onestop.cases.appeals.models import Appeal
from onestop.cases.appeals.schemas import (
    AppealCreate,
    AppealDecide,
    AppealOutcomePublic,
    AppealPublic,
    AppealResult,
    AppealWithdraw,
    HearingSchedule,
)
from onestop.cases.appeals.services import (
    file_appeal,
    get_appeal,
    list_appeals,
    record_outcome,
    schedule_hearing,
    withdraw_appeal,
)

sections.install()

__all__ = [
    "Appeal",
    "AppealCreate",
    "AppealDecide",
    "AppealNotFound",
    "AppealOutcome",
    "AppealOutcomePublic",
    "AppealPublic",
    "AppealResult",
    "AppealStatus",
    "AppealWithdraw",
    "HearingSchedule",
    "file_appeal",
    "get_appeal",
    "list_appeals",
    "record_outcome",
    "schedule_hearing",
    "withdraw_appeal",
]
