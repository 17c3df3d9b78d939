"""/api/health facility caseloads: facilities, residents' stays, an officer's caseload by facility, and
benefits paid to a facility on a resident's behalf (issue 17, part 8)."""

from __future__ import annotations

import uuid

from onestop import health
from onestop.health import schemas as s
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(prefix="/health", tags=["health"])

router.service_get(
    "/facilities",
    health.list_facilities,
    "facilities",
    "Facilities by name (``kind``: shelter, hospital, halfway_house, residential) with residents now.",
    query=(
        "kind",
        "active_only",
    ),
)

router.service_post(
    "/facilities",
    health.create_facility,
    "create",
    "Record a facility (and its vendor payee in money).",
    created=True,
)

router.service_get(
    "/facilities/{facility_id:uuid}",
    health.facility_file,
    "facility",
    "A facility with its residents now, past stays and benefits paid.",
)


@router.patch("/facilities/{facility_id:uuid}", response_model=s.FacilityPublic)
def update(
    uow: UowDep, actor: CurrentActor, facility_id: uuid.UUID, body: s.FacilityUpdate
) -> s.FacilityPublic:
    """Change a facility's address, contact or rates, or close it."""
    return health.update_facility(uow, actor=actor, facility_id=facility_id, data=body)


router.service_get(
    "/caseload/facilities",
    health.caseload,
    "caseload",
    "An officer's residents by facility (yours by default; ``officer=*`` for everyone's).",
    query=("officer",),
)

router.service_get(
    "/people/{person_id:uuid}/stays",
    health.person_stays,
    "stays",
    "A person's facility stays and the benefits paid for them.",
)

router.service_post(
    "/stays", health.record_stay_in, "stay_in", "A person comes into a facility.", created=True
)

router.service_post(
    "/stays/{stay_id:uuid}/out", health.record_stay_out, "stay_out", "The person leaves the facility."
)

router.service_post(
    "/stays/{stay_id:uuid}/benefits",
    health.pay_benefit,
    "benefit",
    "Pay the facility for the resident (recurring, one-time or a manual cheque) through money.",
    created=True,
)
