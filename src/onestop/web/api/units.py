"""/api/units: benefit units (households) and their dated memberships."""

from __future__ import annotations

import uuid

from fastapi import status

from onestop import registry
from onestop.registry import schemas as s
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(prefix="/units", tags=["units"])

router.service_post(
    "",
    registry.create_unit,
    "create",
    "Create a unit with its members (422 naming `members` when a rule is broken).",
    created=True,
)

router.service_get("/{unit_id}", registry.get_unit, "read", "A unit with its whole membership history.")


@router.post("/{unit_id}/members", status_code=status.HTTP_201_CREATED, response_model=s.UnitPublic)
def add_member(uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID, body: s.MemberIn) -> s.UnitPublic:
    """Add a member from a date."""
    return registry.add_member(uow, actor=actor, unit_id=unit_id, member=body)


router.service_post(
    "/{unit_id}/members/{membership_id}/end",
    registry.end_membership,
    "end_member",
    "End a membership on `left_on` (history is kept).",
    body=s.MemberEnd,
)


router.service_delete(
    "/{unit_id}/members/{membership_id}",
    registry.end_membership,
    "delete_member",
    "Same as `.../end`: a membership is never deleted, only ended on `left_on`.",
)
