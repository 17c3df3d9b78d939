"""Decisions: immutable records of eligibility with their explanation, overrides and supersession."""

from onestop.cases.decisions.domain import Action, Basis, Outcome, Prepared, RequestStatus
from onestop.cases.decisions.errors import DecisionNotFound, DecisionUndetermined, OverrideRequestNotFound
from onestop.cases.decisions.models import Decision, DecisionImmutableError, OverrideRequest
from onestop.cases.decisions.policy import DecisionPolicy, default_policy
from onestop.cases.decisions.record import (
    AfterDecision,
    Approval,
    after_recording,
    prepare_computed,
    prepare_copy,
    record_decision,
)
from onestop.cases.decisions.replay import Replay, replay_decision
from onestop.cases.decisions.repository import DecisionRepository
from onestop.cases.decisions.schemas import (
    DecisionCreate,
    DecisionOutcome,
    DecisionPublic,
    OverrideIn,
    OverridePublic,
    OverrideReview,
)
from onestop.cases.decisions.services import (
    approve_override,
    current_decision,
    decide_application,
    get_decision,
    list_decisions,
    list_override_requests,
    prepare_on_rules,
    refuse_override,
)

__all__ = [
    "Action",
    "AfterDecision",
    "Approval",
    "Basis",
    "Decision",
    "DecisionCreate",
    "DecisionImmutableError",
    "DecisionNotFound",
    "DecisionOutcome",
    "DecisionPolicy",
    "DecisionPublic",
    "DecisionRepository",
    "DecisionUndetermined",
    "Outcome",
    "OverrideIn",
    "OverridePublic",
    "OverrideRequest",
    "OverrideRequestNotFound",
    "OverrideReview",
    "Prepared",
    "Replay",
    "RequestStatus",
    "after_recording",
    "approve_override",
    "current_decision",
    "decide_application",
    "default_policy",
    "get_decision",
    "list_decisions",
    "list_override_requests",
    "prepare_computed",
    "prepare_copy",
    "prepare_on_rules",
    "record_decision",
    "refuse_override",
    "replay_decision",
]
