"""/api/health facility caseloads: facilities, residents' stays, an officer's caseload by facility, and
benefits paid to a facility on a resident's behalf (issue 17, part 8)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop import health
from onestop.health import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/health", tags=["health"])


@router.get("/facilities", response_model=list[s.FacilityPublic])
def facilities(
    uow: UowDep, actor: CurrentActor, kind: str | None = None, active_only: bool = False
) -> list[s.FacilityPublic]:
    """Facilities by name (``kind``: shelter, hospital, halfway_house, residential) with residents now."""
    return health.list_facilities(uow, actor=actor, kind=kind, active_only=active_only)


@router.post("/facilities", status_code=status.HTTP_201_CREATED, response_model=s.FacilityPublic)
def create(uow: UowDep, actor: CurrentActor, body: s.FacilityCreate) -> s.FacilityPublic:
    """Record a facility (and its vendor payee in money)."""
    return health.create_facility(uow, actor=actor, data=body)


@router.get("/facilities/{facility_id:uuid}", response_model=s.FacilityFile)
def facility(uow: UowDep, actor: CurrentActor, facility_id: uuid.UUID) -> s.FacilityFile:
    """A facility with its residents now, past stays and benefits paid."""
    return health.facility_file(uow, actor=actor, facility_id=facility_id)


@router.patch("/facilities/{facility_id:uuid}", response_model=s.FacilityPublic)
def update(
    uow: UowDep, actor: CurrentActor, facility_id: uuid.UUID, body: s.FacilityUpdate
) -> s.FacilityPublic:
    """Change a facility's address, contact or rates, or close it."""
    return health.update_facility(uow, actor=actor, facility_id=facility_id, data=body)


@router.get("/caseload/facilities", response_model=list[s.CaseloadFacility])
def caseload(uow: UowDep, actor: CurrentActor, officer: str | None = None) -> list[s.CaseloadFacility]:
    """An officer's residents by facility (yours by default; ``officer=*`` for everyone's)."""
    return health.caseload(uow, actor=actor, officer=officer)


@router.get("/people/{person_id:uuid}/stays", response_model=s.PersonStays)
def stays(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> s.PersonStays:
    """A person's facility stays and the benefits paid for them."""
    return health.person_stays(uow, actor=actor, person_id=person_id)


@router.post("/stays", status_code=status.HTTP_201_CREATED, response_model=s.StayPublic)
def stay_in(uow: UowDep, actor: CurrentActor, body: s.StayIn) -> s.StayPublic:
    """A person comes into a facility."""
    return health.record_stay_in(uow, actor=actor, data=body)


@router.post("/stays/{stay_id:uuid}/out", response_model=s.StayPublic)
def stay_out(uow: UowDep, actor: CurrentActor, stay_id: uuid.UUID, body: s.StayOut) -> s.StayPublic:
    """The person leaves the facility."""
    return health.record_stay_out(uow, actor=actor, stay_id=stay_id, data=body)


@router.post(
    "/stays/{stay_id:uuid}/benefits", status_code=status.HTTP_201_CREATED, response_model=s.BenefitPublic
)
def benefit(uow: UowDep, actor: CurrentActor, stay_id: uuid.UUID, body: s.BenefitCreate) -> s.BenefitPublic:
    """Pay the facility for the resident (recurring, one-time or a manual cheque) through money."""
    return health.pay_benefit(uow, actor=actor, stay_id=stay_id, data=body)
