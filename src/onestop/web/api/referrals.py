"""/api routes: referrals and case conferences."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop.cases import referrals as r
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["referrals"])


@router.post("/referrals", status_code=status.HTTP_201_CREATED, response_model=r.ReferralPublic)
def refer(uow: UowDep, actor: CurrentActor, body: r.ReferralCreate) -> r.ReferralPublic:
    """Refer a person; sharing data needs their current consent for `target_id` (else 422 on `consent`)."""
    return r.refer(uow, actor=actor, data=body)


@router.get("/referrals/incoming", response_model=list[r.ReferralPublic])
def incoming(
    uow: UowDep, actor: CurrentActor, specialist_id: uuid.UUID | None = None
) -> list[r.ReferralPublic]:
    """Open referrals addressed to a specialist (you by default)."""
    return r.list_incoming_referrals(uow, actor=actor, specialist_id=specialist_id)


@router.get("/referrals/{referral_id}", response_model=r.ReferralPublic)
def read(uow: UowDep, actor: CurrentActor, referral_id: uuid.UUID) -> r.ReferralPublic:
    """One referral."""
    return r.get_referral(uow, actor=actor, referral_id=referral_id)


@router.post("/referrals/{referral_id}/status", response_model=r.ReferralPublic)
def change_status(
    uow: UowDep, actor: CurrentActor, referral_id: uuid.UUID, body: r.ReferralStatusChange
) -> r.ReferralPublic:
    """Accepted, completed, or declined (with a `note`); send the `version` you read."""
    return r.change_referral_status(uow, actor=actor, referral_id=referral_id, data=body)


@router.get("/people/{person_id}/referrals", response_model=list[r.ReferralPublic])
def of_person(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[r.ReferralPublic]:
    """A person's referrals, newest first."""
    return r.list_referrals(uow, actor=actor, person_id=person_id)


@router.post("/conferences", status_code=status.HTTP_201_CREATED, response_model=r.ConferencePublic)
def record_conference(uow: UowDep, actor: CurrentActor, body: r.ConferenceCreate) -> r.ConferencePublic:
    """Record a case conference that was held."""
    return r.record_conference(uow, actor=actor, data=body)


@router.get("/people/{person_id}/conferences", response_model=list[r.ConferencePublic])
def conferences(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[r.ConferencePublic]:
    """A person's case conferences, newest first."""
    return r.list_conferences(uow, actor=actor, person_id=person_id)
