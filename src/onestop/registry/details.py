"""Use cases on what is attached to a person: contacts, addresses, identifiers, safety flags, consents.

Nothing is deleted: removal stamps who and when, so the file shows its whole history. Changes on a
merged record are refused: they belong on the survivor, which shows both.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, TypeVar

from pydantic import BaseModel

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common import text
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.registry import domain, intake
from onestop.registry import models as m
from onestop.registry import schemas as s
from onestop.registry.repository import PeopleRepository

SUBJECT = "person"
P = TypeVar("P", bound=BaseModel)
Removable = TypeVar("Removable", m.PersonContact, m.PersonAddress)
Attached = m.PersonContact | m.PersonAddress | m.PersonIdentifier | m.SafetyFlag | m.Consent


def _open(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> tuple[PeopleRepository, m.Person]:
    require(uow, actor, Permission.PERSON_WRITE, subject_type=SUBJECT, subject_id=person_id)
    repo = PeopleRepository(uow.session)
    person = repo.get(person_id)
    if person.merged_into_id is not None:
        raise Conflict(f"this record is merged into {person.merged_into_id}; change that record instead")
    return repo, person


def _saved(
    uow: UnitOfWork,
    actor: Actor,
    row: Attached,
    public: type[P],
    action: AuditAction = AuditAction.PERSON_UPDATE,
    **event: Any,
) -> P:
    """``row`` as ``public`` once the change is flushed, recorded against its person (``event``:
    purpose, before, after) and committed."""
    uow.flush()
    return audit.audited_write(
        uow,
        lambda: public.model_validate(row),
        actor=actor,
        action=action,
        subject_type=SUBJECT,
        subject_id=row.person_id,
        **event,
    )


def _removal(
    uow: UnitOfWork, actor: Actor, person_id: uuid.UUID, model: type[Removable], row_id: uuid.UUID
) -> tuple[Removable, bool]:
    """The person's contact or address, stamped removed unless it already was; whether this removed it."""
    repo, _ = _open(uow, actor, person_id)
    row = repo.get_attached(model, row_id, [person_id])
    if row.removed_at is not None:
        return row, False
    row.removed_at, row.removed_by = uow.clock.now(), actor.username
    return row, True


def add_phone(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, data: s.PhoneIn) -> s.ContactPublic:
    """Add a phone number (stored in E.164)."""
    return _add_contact(uow, actor, person_id, "phone", domain.phone(data.number, field="number"), data.label)


def add_email(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, data: s.EmailIn) -> s.ContactPublic:
    """Add an e-mail address."""
    return _add_contact(
        uow, actor, person_id, "email", domain.email(data.address, field="address"), data.label
    )


def _add_contact(
    uow: UnitOfWork, actor: Actor, person_id: uuid.UUID, kind: str, value: str, label: str | None
) -> s.ContactPublic:
    with uow:
        _open(uow, actor, person_id)
        row = m.PersonContact(
            id=new_id(),
            person_id=person_id,
            kind=kind,
            value=value,
            label=label,
            added_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        return _saved(
            uow, actor, row, s.ContactPublic, after={"contact_added": {"kind": kind, "value": value}}
        )


def remove_contact(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, contact_id: uuid.UUID
) -> s.ContactPublic:
    """Mark a phone or e-mail as no longer valid (kept in history)."""
    with uow:
        row, removed = _removal(uow, actor, person_id, m.PersonContact, contact_id)
        if not removed:
            uow.commit()
            return s.ContactPublic.model_validate(row)
        before = {"contact": row.value}
        return _saved(uow, actor, row, s.ContactPublic, before=before, after={"contact": None})


def add_address(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, data: s.AddressIn) -> s.AddressPublic:
    """Record a new address; earlier ones stay until removed."""
    with uow:
        _open(uow, actor, person_id)
        a = domain.address(data.line1, data.line2, data.city, data.province, data.postal_code)
        row = m.PersonAddress(
            id=new_id(),
            person_id=person_id,
            line1=a.line1,
            line2=a.line2,
            city=a.city,
            province=a.province,
            postal_code=a.postal_code,
            added_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        return _saved(uow, actor, row, s.AddressPublic, after={"address_added": {"city": a.city}})


def remove_address(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, address_id: uuid.UUID
) -> s.AddressPublic:
    """End an address (kept in history)."""
    with uow:
        row, removed = _removal(uow, actor, person_id, m.PersonAddress, address_id)
        if not removed:
            uow.commit()
            return s.AddressPublic.model_validate(row)
        after = {"address_removed": row.id}
        return _saved(uow, actor, row, s.AddressPublic, after=after)


def add_identifier(
    uow: UnitOfWork,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    kind: str,
    number: str,
    province: str | None = None,
) -> s.IdentifierPublic:
    """Add a SIN or health number: encrypted, blind-indexed, shown masked; the audit never holds it."""
    with uow:
        repo, _ = _open(uow, actor, person_id)
        if kind == domain.IdentifierKind.SIN:
            cols = intake.sin_row(uow.cipher, domain.sin(number, field="number"))
        elif kind == domain.IdentifierKind.HEALTH_NUMBER:
            cols = intake.health_row(
                uow.cipher, domain.health_number(province or "", number, field="health_number")
            )
        else:
            raise InvalidInput("kind", "must be sin or health_number")
        current = [r for r in repo.attached(m.PersonIdentifier, [person_id]) if r.removed_at is None]
        for old in current:  # a new SIN or same-province health number replaces the old one
            if old.kind == kind and old.province == cols["province"]:
                old.removed_at, old.removed_by = uow.clock.now(), actor.username
        row = m.PersonIdentifier(
            id=new_id(), person_id=person_id, added_by=actor.username, created_at=uow.clock.now(), **cols
        )
        uow.session.add(row)
        return _saved(
            uow,
            actor,
            row,
            s.IdentifierPublic,
            after={"identifier_added": {"kind": kind, "masked": row.masked}},
        )


def set_safety_flag(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, data: s.FlagCreate
) -> s.FlagPublic:
    """Raise a safety flag every officer will see on the file."""
    with uow:
        _open(uow, actor, person_id)
        kind = domain.flag_kind(data.kind)
        now = uow.clock.now()
        row = m.SafetyFlag(
            id=new_id(),
            person_id=person_id,
            kind=kind.value,
            note=text.clean_text(data.note) or None,
            set_by=actor.username,
            set_at=now,
            created_at=now,
        )
        uow.session.add(row)
        return _saved(
            uow, actor, row, s.FlagPublic, action=AuditAction.PERSON_FLAG_SET, after={"flag": kind.value}
        )


def remove_safety_flag(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, flag_id: uuid.UUID, reason: str
) -> s.FlagPublic:
    """Remove a flag with a reason; the flag stays in the file's history."""
    with uow:
        repo, _ = _open(uow, actor, person_id)
        why = text.required_text(reason, "reason")
        row = repo.get_attached(m.SafetyFlag, flag_id, [person_id])
        if row.removed_at is not None:
            raise Conflict("this flag was already removed")
        row.removed_at, row.removed_by, row.removal_reason = uow.clock.now(), actor.username, why
        return _saved(
            uow,
            actor,
            row,
            s.FlagPublic,
            action=AuditAction.PERSON_FLAG_REMOVE,
            purpose=why,
            before={"flag": row.kind},
            after={"flag": None},
        )


def record_consent(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, data: s.ConsentCreate
) -> s.ConsentPublic:
    """Record consent to share with a program or agency, for a purpose."""
    with uow:
        _open(uow, actor, person_id)
        now = uow.clock.now()
        given = data.given_at or now
        if given.tzinfo is None or given > now:
            raise InvalidInput("given_at", "must be a timezone-aware time not in the future")
        row = m.Consent(
            id=new_id(),
            person_id=person_id,
            recipient=text.required_text(data.recipient, "recipient", max_len=100),
            purpose=text.required_text(data.purpose, "purpose"),
            given_at=given.astimezone(dt.UTC),
            recorded_by=actor.username,
            created_at=now,
        )
        uow.session.add(row)
        return _saved(
            uow,
            actor,
            row,
            s.ConsentPublic,
            action=AuditAction.PERSON_CONSENT_GIVEN,
            after=audit.fields(row, "recipient", "purpose"),
        )


def withdraw_consent(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, consent_id: uuid.UUID
) -> s.ConsentPublic:
    """The person withdraws a consent; the record stays with its withdrawal time."""
    with uow:
        repo, _ = _open(uow, actor, person_id)
        row = repo.get_attached(m.Consent, consent_id, [person_id])
        if row.withdrawn_at is not None:
            raise Conflict("this consent was already withdrawn")
        row.withdrawn_at, row.withdrawn_by = uow.clock.now(), actor.username
        return _saved(
            uow,
            actor,
            row,
            s.ConsentPublic,
            action=AuditAction.PERSON_CONSENT_WITHDRAWN,
            before={"recipient": row.recipient},
        )
