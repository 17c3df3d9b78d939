"""/api/staff and /api/offices: staff accounts and offices."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from onestop import access
from onestop.access import Permission, grants
from onestop.access.schemas import OfficeCreate, OfficePublic, PasswordChange, StaffCreate, StaffPublic
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["staff"])


@router.get("/staff/me", response_model=StaffPublic)
def me(uow: UowDep, actor: CurrentActor) -> StaffPublic:
    """The logged-in staff member."""
    assert actor.staff_id is not None  # tokens always belong to a staff account
    return StaffPublic.of(access.get_staff(uow, actor=actor, staff_id=actor.staff_id))


@router.get("/staff", response_model=list[StaffPublic])
def list_staff(
    uow: UowDep, actor: CurrentActor, office_id: uuid.UUID | None = None, include_inactive: bool = False
) -> list[StaffPublic]:
    """Staff accounts, by username."""
    found = access.list_staff(uow, actor=actor, office_id=office_id, include_inactive=include_inactive)
    return [StaffPublic.of(s) for s in found]


@router.post("/staff", response_model=StaffPublic, status_code=status.HTTP_201_CREATED)
def create_staff(uow: UowDep, actor: CurrentActor, body: StaffCreate) -> StaffPublic:
    """Open a staff account (422 names the field at fault; 409 if the username is taken)."""
    staff = access.create_staff(uow, actor=actor, **body.model_dump())
    return StaffPublic.of(staff, grants.pending_roles(uow, actor=actor, staff_id=staff.id))


@router.get("/staff/{staff_id}", response_model=StaffPublic)
def get_staff(uow: UowDep, actor: CurrentActor, staff_id: uuid.UUID) -> StaffPublic:
    """One staff account, with the privileged roles it waits for."""
    staff = access.get_staff(uow, actor=actor, staff_id=staff_id)
    if not actor.can(Permission.STAFF_READ):  # one's own account: the grants list is the administrators'
        return StaffPublic.of(staff)
    return StaffPublic.of(staff, grants.pending_roles(uow, actor=actor, staff_id=staff.id))


@router.post("/staff/{staff_id}/deactivate", response_model=StaffPublic)
def deactivate_staff(uow: UowDep, actor: CurrentActor, staff_id: uuid.UUID) -> StaffPublic:
    """Close an account; its tokens stop working at once."""
    return StaffPublic.of(access.deactivate_staff(uow, actor=actor, staff_id=staff_id))


@router.post("/staff/{staff_id}/password", status_code=status.HTTP_204_NO_CONTENT)
def change_password(uow: UowDep, actor: CurrentActor, staff_id: uuid.UUID, body: PasswordChange) -> Response:
    """Set a new password (one's own needs the current one); every token of the account is revoked."""
    access.change_password(uow, actor=actor, staff_id=staff_id, **body.model_dump())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/offices", response_model=list[OfficePublic])
def list_offices(uow: UowDep, actor: CurrentActor) -> list[OfficePublic]:
    """Every office, by code."""
    return [OfficePublic.of(o) for o in access.list_offices(uow, actor=actor)]


@router.post("/offices", response_model=OfficePublic, status_code=status.HTTP_201_CREATED)
def create_office(uow: UowDep, actor: CurrentActor, body: OfficeCreate) -> OfficePublic:
    """Open an office."""
    return OfficePublic.of(access.create_office(uow, actor=actor, code=body.code, name=body.name))
