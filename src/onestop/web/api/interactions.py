"""/api routes: interactions (log a contact in one call), inbound e-mails, reason codes, call statistics."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import Query

from onestop.cases import interactions as i
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import ContainerDep, CurrentActor, UowDep

router = ServiceRouter(tags=["interactions"])

router.service_post(
    "/interactions",
    i.log_interaction,
    "log",
    "Log a contact; `channel` and `reason_codes` are enough. A `follow_up` becomes a task.",
    created=True,
)

router.service_post(
    "/interactions/emails",
    i.receive_email,
    "receive_email",
    "Store an inbound e-mail request, unattached, for an officer to attach to a person.",
    created=True,
)


@router.get("/interactions/emails/unattached", response_model=list[i.InteractionPublic])
def unattached(
    uow: UowDep, actor: CurrentActor, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[i.InteractionPublic]:
    """Inbound e-mails waiting for an officer, oldest first."""
    return i.list_unattached_emails(uow, actor=actor, limit=limit)


router.service_get("/interactions/{interaction_id}", i.get_interaction, "read", "One interaction.")

router.service_post(
    "/interactions/{interaction_id}/attach",
    i.attach_interaction,
    "attach",
    "Attach an unattached interaction (an e-mail) to a person; send the `version` you read.",
)

router.service_post(
    "/interactions/{interaction_id}/reply",
    i.reply_to_email,
    "reply",
    "Answer an attached e-mail: queued as a notice (delivered once), logged as an interaction.",
    created=True,
)

router.service_get(
    "/interaction-reply-templates",
    i.reply_templates,
    "reply_templates",
    "The templates a reply to an e-mail starts from, in English and French.",
)


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


router.service_get(
    "/interaction-reasons",
    i.list_reason_codes,
    "reasons",
    "The reason codes, with English and French labels.",
    query=("include_retired",),
)


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
