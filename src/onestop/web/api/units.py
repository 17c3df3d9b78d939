"""/api/units: benefit units (households) and their dated memberships."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, status

from onestop import registry
from onestop.registry import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/units", tags=["units"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.UnitPublic)
def create(uow: UowDep, actor: CurrentActor, body: s.UnitCreate) -> s.UnitPublic:
    """Create a unit with its members (422 naming `members` when a rule is broken)."""
    return registry.create_unit(uow, actor=actor, data=body)


@router.get("/{unit_id}", response_model=s.UnitPublic)
def read(uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID) -> s.UnitPublic:
    """A unit with its whole membership history."""
    return registry.get_unit(uow, actor=actor, unit_id=unit_id)


@router.post("/{unit_id}/members", status_code=status.HTTP_201_CREATED, response_model=s.UnitPublic)
def add_member(uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID, body: s.MemberIn) -> s.UnitPublic:
    """Add a member from a date."""
    return registry.add_member(uow, actor=actor, unit_id=unit_id, member=body)


@router.post("/{unit_id}/members/{membership_id}/end", response_model=s.UnitPublic)
def end_member(
    uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID, membership_id: uuid.UUID, body: s.MemberEnd
) -> s.UnitPublic:
    """End a membership on `left_on` (history is kept)."""
    return registry.end_membership(
        uow, actor=actor, unit_id=unit_id, membership_id=membership_id, left_on=body.left_on
    )


@router.delete("/{unit_id}/members/{membership_id}", response_model=s.UnitPublic)
def delete_member(
    uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID, membership_id: uuid.UUID, left_on: dt.date
) -> s.UnitPublic:
    """Same as `.../end`: a membership is never deleted, only ended on `left_on`."""
    return registry.end_membership(
        uow, actor=actor, unit_id=unit_id, membership_id=membership_id, left_on=left_on
    )
