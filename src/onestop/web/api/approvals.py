"""/api/approvals: the supervisors' queue (maker-checker)."""

from __future__ import annotations

from onestop import money
from onestop.money import schemas as s
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(prefix="/approvals", tags=["approvals"])

router.service_get(
    "",
    money.list_approvals,
    "queue",
    "Requests waiting for one of my roles, oldest first (with the reason and the officer's explanation).",
    view=s.ApprovalPublic,
)

router.service_post(
    "/{approval_id}",
    money.decide_approval,
    "decide",
    "Approve or reject (403 for your own request or beyond your authority; 409 if already decided).",
    body=s.ApprovalDecision,
    view=s.ApprovalPublic,
)
