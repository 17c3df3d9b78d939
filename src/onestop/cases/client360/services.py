"""The client 360 use case: one audited read ("person:read", purpose "client 360") of a whole file."""

from __future__ import annotations

import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.client360.schemas import Client360
from onestop.cases.client360.sections import Context, all_sections
from onestop.db import UnitOfWork
from onestop.registry import PeopleRepository, restrictions, to_public

PURPOSE = "client 360"
RECENT = 50


def client_360(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, recent: int = RECENT) -> Client360:
    """Everything about a person (a merged record shows its survivor), in a handful of indexed queries."""
    with uow:
        require(uow, actor, Permission.PERSON_READ, subject_type="person", subject_id=person_id)
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        repo = PeopleRepository(uow.session)
        asked = repo.get(person_id)
        person = repo.survivor(asked)
        masked = restrictions.file_view(uow, actor, to_public.person_public(repo, person))
        ctx = Context(
            session=uow.session,
            person_id=person.id,
            person_ids=(person.id, *masked.merged_ids),
            person=masked,
            today=uow.clock.today(),
            recent=min(max(recent, 1), 500),
        )
        found = {name: provider(ctx) for name, provider in all_sections().items()}
        resolved_from = person_id if person.id != person_id else None
        return audit.audited_read(
            uow,
            Client360(person=masked, resolved_from=resolved_from, generated_at=uow.clock.now(), **found),
            actor=actor,
            action=AuditAction.PERSON_READ,
            subject_type="person",
            subject_id=person.id,
            purpose=PURPOSE,
            details={"asked_for": person_id} if resolved_from else None,
        )
