"""/api/appeals: appeals of decisions, hearings, outcomes and the decision that follows."""

from __future__ import annotations

from onestop.cases import appeals
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(prefix="/appeals", tags=["appeals"])

router.service_post(
    "",
    appeals.file_appeal,
    "file",
    "File an appeal (past the deadline, ``late_reason`` is required).",
    created=True,
)

router.service_get("", appeals.list_appeals, "listing", "A person's appeals.", query=("open_only",))

router.service_get("/{appeal_id}", appeals.get_appeal, "read", "One appeal.")

router.service_post(
    "/{appeal_id}/hearing", appeals.schedule_hearing, "hearing", "Schedule (or move) the hearing."
)

router.service_post(
    "/{appeal_id}/outcome",
    appeals.record_outcome,
    "outcome",
    "Record the panel's outcome (varied/overturned: a new superseding decision).",
)

router.service_post("/{appeal_id}/withdraw", appeals.withdraw_appeal, "withdraw", "The appellant withdraws.")
