"""Service-level assessments and outcome plans (versioned, closable, printable as PDF or text)."""

from onestop.cases.plans.assessments import list_assessments, record_assessment
from onestop.cases.plans.domain import ActionStatus, GoalStatus, OwnerKind, PlanStatus, Progress
from onestop.cases.plans.errors import AssessmentNotFound, FontMissingError, PlanNotFound
from onestop.cases.plans.models import OutcomePlan, OutcomePlanRevision, ServiceAssessment
from onestop.cases.plans.plan_rows import plan_public
from onestop.cases.plans.repository import PlanRepository
from onestop.cases.plans.schemas import (
    ActionIn,
    ActionStatusIn,
    AssessmentCreate,
    AssessmentPublic,
    GoalIn,
    PlanClose,
    PlanCreate,
    PlanPublic,
    PlanReviewIn,
    PlanRevise,
    PrintedPlan,
)
from onestop.cases.plans.services import (
    add_plan_review,
    close_plan,
    create_plan,
    get_plan,
    list_plans,
    print_plan,
    revise_plan,
    set_plan_action_status,
)

__all__ = [
    "ActionIn",
    "ActionStatus",
    "ActionStatusIn",
    "AssessmentCreate",
    "AssessmentNotFound",
    "AssessmentPublic",
    "FontMissingError",
    "GoalIn",
    "GoalStatus",
    "OutcomePlan",
    "OutcomePlanRevision",
    "OwnerKind",
    "PlanClose",
    "PlanCreate",
    "PlanNotFound",
    "PlanPublic",
    "PlanRepository",
    "PlanReviewIn",
    "PlanRevise",
    "PlanStatus",
    "PrintedPlan",
    "Progress",
    "ServiceAssessment",
    "add_plan_review",
    "close_plan",
    "create_plan",
    "get_plan",
    "list_assessments",
    "list_plans",
    "plan_public",
    "print_plan",
    "record_assessment",
    "revise_plan",
    "set_plan_action_status",
]
