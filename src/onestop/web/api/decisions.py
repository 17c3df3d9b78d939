"""/api/decisions: decide an application, read decisions, and approve or refuse overrides (maker-checker)."""

from __future__ import annotations

from fastapi import Response, status

from onestop.cases import decisions
from onestop.cases.decisions import schemas as s
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(prefix="/decisions", tags=["decisions"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.DecisionOutcome)
def decide(uow: UowDep, actor: CurrentActor, body: s.DecisionCreate, response: Response) -> s.DecisionOutcome:
    """Decide on the verified case (201), or queue an override for a supervisor (202)."""
    outcome = decisions.decide_application(uow, actor=actor, data=body)
    if outcome.pending_override is not None:
        response.status_code = status.HTTP_202_ACCEPTED
    return outcome


router.service_get(
    "",
    decisions.list_decisions,
    "listing",
    "An application's decisions (newest first), or the decisions in force for a person.",
    query=(
        "application_id",
        "person_id",
    ),
)

router.service_get(
    "/overrides",
    decisions.list_override_requests,
    "overrides",
    "Overrides waiting for a supervisor.",
    query=("office_id",),
)

router.service_post(
    "/overrides/{request_id}/approve",
    decisions.approve_override,
    "approve",
    "Approve another officer's override: the decision is recorded as proposed.",
    created=True,
)

router.service_post(
    "/overrides/{request_id}/refuse",
    decisions.refuse_override,
    "refuse",
    "Refuse an override (reason required).",
)

router.service_get(
    "/{decision_id}",
    decisions.get_decision,
    "read",
    "One decision with its explanation, text (EN/FR) and appeal rights.",
)
