"""Periodic reviews, reported changes in circumstances, suspension and reinstatement."""

from onestop.cases.reviews.domain import ChangeCategory, ReviewKind, ReviewResult, ReviewStatus, Schedule
from onestop.cases.reviews.errors import ReviewNotFound
from onestop.cases.reviews.models import Review
from onestop.cases.reviews.repository import ReviewRepository
from onestop.cases.reviews.scheduling import after_decision, default_schedule
from onestop.cases.reviews.schemas import (
    BenefitHold,
    ChangeReport,
    ReviewAction,
    ReviewConduct,
    ReviewOutcome,
    ReviewPublic,
)
from onestop.cases.reviews.services import (
    cancel_review,
    conduct_review,
    get_review,
    list_reviews,
    open_due_reviews,
    open_reassessment,
    report_change,
    start_review,
)
from onestop.cases.reviews.suspensions import reinstate_benefit, suspend_benefit

__all__ = [
    "BenefitHold",
    "ChangeCategory",
    "ChangeReport",
    "Review",
    "ReviewAction",
    "ReviewConduct",
    "ReviewKind",
    "ReviewNotFound",
    "ReviewOutcome",
    "ReviewPublic",
    "ReviewRepository",
    "ReviewResult",
    "ReviewStatus",
    "Schedule",
    "after_decision",
    "cancel_review",
    "conduct_review",
    "default_schedule",
    "get_review",
    "list_reviews",
    "open_due_reviews",
    "open_reassessment",
    "reinstate_benefit",
    "report_change",
    "start_review",
    "suspend_benefit",
]
