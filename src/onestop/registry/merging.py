"""Merge two records of the same person, and undo it.

A merge never deletes: the merged record gets ``merged_into_id`` and keeps its contacts, identifiers,
flags, consents and memberships, which the survivor's file shows alongside its own. So an unmerge
is exact: clear the pointer and both records are as they were.
"""

from __future__ import annotations

import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common import text
from onestop.common.errors import InvalidInput
from onestop.db import UnitOfWork
from onestop.registry import restrictions, to_public
from onestop.registry.errors import AlreadyMerged, PersonNotFound
from onestop.registry.repository import PeopleRepository
from onestop.registry.schemas import PersonPublic
from onestop.registry.sweep import repository as suggestions

SUBJECT = "person"


def merge_people(
    uow: UnitOfWork, *, actor: Actor, survivor_id: uuid.UUID, merged_id: uuid.UUID, reason: str
) -> PersonPublic:
    """Mark ``merged_id`` as the same person as ``survivor_id``; audited with before and after."""
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT, subject_id=survivor_id)
        why = text.required_text(reason, "reason")
        if survivor_id == merged_id:
            raise InvalidInput("merged_id", "cannot merge a person into themselves")
        repo = PeopleRepository(uow.session)
        survivor = repo.get(survivor_id, for_update=True)
        merged = repo.get(merged_id, for_update=True)
        for person in (survivor, merged):
            if person.merged_into_id is not None:
                raise AlreadyMerged(f"{person.id} is already merged into {person.merged_into_id}")
        before = {"merged_into_id": None}
        merged.merged_into_id, merged.merged_at = survivor.id, uow.clock.now()
        merged.merged_by, merged.merge_reason = actor.username, why
        survivor.updated_at = uow.clock.now()  # bumps the survivor's version: open edits must reload
        suggestions.close_on_merge(
            uow.session, survivor.id, merged.id, by=actor.username, at=uow.clock.now(), reason=why
        )
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PERSON_MERGE,
            subject_type=SUBJECT,
            subject_id=survivor.id,
            purpose=why,
            before=before | {"merged_id": merged.id},
            after={"merged_id": merged.id, "merged_into_id": survivor.id},
        )
        view = restrictions.file_view(uow, actor, to_public.person_public(repo, survivor))
        uow.commit()
        return view


def unmerge_people(uow: UnitOfWork, *, actor: Actor, merged_id: uuid.UUID, reason: str) -> PersonPublic:
    """Undo a merge: the record stands on its own again, with everything it had."""
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT, subject_id=merged_id)
        why = text.required_text(reason, "reason")
        repo = PeopleRepository(uow.session)
        merged = repo.get(merged_id, for_update=True)
        if merged.merged_into_id is None:
            raise InvalidInput("merged_id", "this record is not merged")
        survivor = repo.get(merged.merged_into_id, for_update=True)
        before = audit.fields(merged, "merged_into_id", "merge_reason")
        merged.merged_into_id = merged.merged_at = merged.merged_by = merged.merge_reason = None
        survivor.updated_at = merged.updated_at = uow.clock.now()
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PERSON_UNMERGE,
            subject_type=SUBJECT,
            subject_id=merged.id,
            purpose=why,
            before=before,
            after={"merged_into_id": None},
        )
        view = restrictions.file_view(uow, actor, to_public.person_public(repo, merged))
        uow.commit()
        return view


def current_record_id(uow: UnitOfWork, person_id: uuid.UUID, *, field: str | None = None) -> uuid.UUID:
    """The id that now stands for this person: a merged record resolves to the record it was merged into.

    With ``field`` the id came from the user's input: an unknown one is bad input naming that field
    (HTTP 422) rather than a record not found (404).
    """
    repo = PeopleRepository(uow.session)
    try:
        return repo.survivor(repo.get(person_id)).id
    except PersonNotFound:
        if field is None:
            raise
        raise InvalidInput(field, f"no person with id {person_id}") from None


def merged_record_ids(uow: UnitOfWork, person_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of one person's records: the current one and every duplicate merged into it.

    Not a household: these are all the same person. Case records may sit on any of them.
    """
    repo = PeopleRepository(uow.session)
    return repo.merged_record_ids(repo.survivor(repo.get(person_id)).id)
