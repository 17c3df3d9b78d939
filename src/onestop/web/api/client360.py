"""/api routes: client 360."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from onestop.cases import client360 as c
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["client 360"])


@router.get("/people/{person_id}/360", response_model=c.Client360)
def client_360(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, recent: Annotated[int, Query(ge=1, le=500)] = 50
) -> c.Client360:
    """Everything about a person across programs (one audited read, purpose "client 360")."""
    return c.client_360(uow, actor=actor, person_id=person_id, recent=recent)
