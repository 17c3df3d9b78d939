"""/api routes: interactions (log a contact in one call), inbound e-mails, reason codes, call statistics."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from onestop.cases import interactions as i
from onestop.web.deps import ContainerDep, CurrentActor, UowDep

router = APIRouter(tags=["interactions"])


@router.post("/interactions", status_code=status.HTTP_201_CREATED, response_model=i.InteractionPublic)
def log(uow: UowDep, actor: CurrentActor, body: i.InteractionCreate) -> i.InteractionPublic:
    """Log a contact; `channel` and `reason_codes` are enough. A `follow_up` becomes a task."""
    return i.log_interaction(uow, actor=actor, data=body)


@router.post("/interactions/emails", status_code=status.HTTP_201_CREATED, response_model=i.InteractionPublic)
def receive_email(uow: UowDep, actor: CurrentActor, body: i.EmailReceived) -> i.InteractionPublic:
    """Store an inbound e-mail request, unattached, for an officer to attach to a person."""
    return i.receive_email(uow, actor=actor, data=body)


@router.get("/interactions/emails/unattached", response_model=list[i.InteractionPublic])
def unattached(
    uow: UowDep, actor: CurrentActor, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[i.InteractionPublic]:
    """Inbound e-mails waiting for an officer, oldest first."""
    return i.list_unattached_emails(uow, actor=actor, limit=limit)


@router.get("/interactions/{interaction_id}", response_model=i.InteractionPublic)
def read(uow: UowDep, actor: CurrentActor, interaction_id: uuid.UUID) -> i.InteractionPublic:
    """One interaction."""
    return i.get_interaction(uow, actor=actor, interaction_id=interaction_id)


@router.post("/interactions/{interaction_id}/attach", response_model=i.InteractionPublic)
def attach(
    uow: UowDep, actor: CurrentActor, interaction_id: uuid.UUID, body: i.InteractionAttach
) -> i.InteractionPublic:
    """Attach an unattached interaction (an e-mail) to a person; send the `version` you read."""
    return i.attach_interaction(uow, actor=actor, interaction_id=interaction_id, data=body)


@router.post(
    "/interactions/{interaction_id}/reply", status_code=status.HTTP_201_CREATED, response_model=i.ReplyPublic
)
def reply(uow: UowDep, actor: CurrentActor, interaction_id: uuid.UUID, body: i.EmailReply) -> i.ReplyPublic:
    """Answer an attached e-mail: queued as a notice (delivered once), logged as an interaction."""
    return i.reply_to_email(uow, actor=actor, interaction_id=interaction_id, data=body)


@router.get("/interaction-reply-templates", response_model=list[i.ReplyTemplatePublic])
def reply_templates(uow: UowDep, actor: CurrentActor) -> list[i.ReplyTemplatePublic]:
    """The templates a reply to an e-mail starts from, in English and French."""
    return i.reply_templates(uow, actor=actor)


@router.get("/people/{person_id}/interactions", response_model=i.InteractionPage)
def of_person(
    uow: UowDep,
    actor: CurrentActor,
    person_id: uuid.UUID,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> i.InteractionPage:
    """A person's interactions, newest first, with the total count."""
    return i.list_interactions(uow, actor=actor, person_id=person_id, limit=limit, offset=offset)


@router.get("/interaction-reasons", response_model=list[i.ReasonCodePublic])
def reasons(uow: UowDep, actor: CurrentActor, include_retired: bool = False) -> list[i.ReasonCodePublic]:
    """The reason codes, with English and French labels."""
    return i.list_reason_codes(uow, actor=actor, include_retired=include_retired)


@router.put("/interaction-reasons", response_model=i.ReasonCodePublic)
def define_reason(uow: UowDep, actor: CurrentActor, body: i.ReasonCodeIn) -> i.ReasonCodePublic:
    """Add, relabel or retire a reason code (administrators)."""
    return i.define_reason_code(uow, actor=actor, data=body)


@router.get("/stats/calls", response_model=i.CallStatistics)
def call_stats(
    uow: UowDep,
    actor: CurrentActor,
    container: ContainerDep,
    date: dt.date,
    office_id: uuid.UUID | None = None,
    tz: str | None = None,
) -> i.CallStatistics:
    """A day's interactions by officer, office, reason, channel, outcome and hour (local time zone)."""
    zone = tz or container.settings.timezone
    return i.call_statistics(uow, actor=actor, day=date, office_id=office_id, tz=zone)
