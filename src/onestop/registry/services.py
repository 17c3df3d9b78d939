"""People use cases: register (with duplicate check), read, update, search, reveal an identifier.

Each function is one transaction with its audit event. Everything returned is masked.
"""

from __future__ import annotations

import uuid

from sqlalchemy import insert

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common import text
from onestop.common.crypto import mask
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text
from onestop.db import UnitOfWork
from onestop.registry import domain, finder, intake, matching, restrictions, to_public
from onestop.registry import models as m
from onestop.registry.errors import LikelyDuplicates, RecordNotFound
from onestop.registry.repository import PeopleRepository
from onestop.registry.schemas import (
    DuplicateDecision,
    DuplicateMatch,
    PersonCreate,
    PersonPublic,
    PersonUpdate,
    Revealed,
    SearchHit,
    SearchQuery,
)

SUBJECT = "person"


def find_duplicates(uow: UnitOfWork, *, actor: Actor, candidate: PersonCreate) -> list[DuplicateMatch]:
    """People who may already be the person about to be registered (score 0-100, with reasons)."""
    with uow:
        require(uow, actor, Permission.PERSON_READ, subject_type=SUBJECT)
        valid = intake.validate_person(candidate, today=uow.clock.today())
        repo = PeopleRepository(uow.session)
        found = to_public.matches(repo, finder.duplicates(repo, uow.cipher, valid))
        found = restrictions.redact_hits(uow, actor, found)
        return audit.audited_read(
            uow,
            found,
            actor=actor,
            action=AuditAction.PERSON_SEARCH,
            subject_type=SUBJECT,
            subject_id=None,
            purpose="duplicate check",
            details=_terms(valid) | {"results": len(found)},
        )


def register_person(
    uow: UnitOfWork, *, actor: Actor, data: PersonCreate, duplicate_decision: DuplicateDecision | None = None
) -> PersonPublic:
    """Register a person once; stop with the likely duplicates unless the officer has decided."""
    with uow:
        require(uow, actor, Permission.PERSON_WRITE, subject_type=SUBJECT)
        valid = intake.validate_person(data, today=uow.clock.today())
        repo = PeopleRepository(uow.session)
        scored = finder.duplicates(repo, uow.cipher, valid)
        likely = [s for s in scored if s.score >= matching.LIKELY_DUPLICATE]
        if likely and duplicate_decision is None:
            raise LikelyDuplicates(restrictions.redact_hits(uow, actor, to_public.matches(repo, likely)))
        rows = intake.person_rows(
            valid,
            person_id=new_id(),
            now=uow.clock.now(),
            by=actor.username,
            cipher=uow.cipher,
            new_id=new_id,
        )
        person = m.Person(**rows.person)
        if duplicate_decision is not None:
            _apply_decision(uow, repo, person, duplicate_decision, actor)
        _store(uow, person, rows)
        return audit.audited_write(
            uow,
            lambda: to_public.person_public(repo, person),
            actor=actor,
            action=AuditAction.PERSON_CREATE,
            subject_type=SUBJECT,
            subject_id=person.id,
            after=to_public.audit_snapshot(person) | {"duplicate_decision": person.duplicate_decision},
            details={"possible_duplicates": [{"id": s.person_id, "score": s.score} for s in scored]},
        )


def _apply_decision(
    uow: UnitOfWork, repo: PeopleRepository, person: m.Person, decision: DuplicateDecision, actor: Actor
) -> None:
    reason = text.required_text(decision.reason, "duplicate_decision.reason")
    if decision.decision == "link":
        if decision.existing_id is None:
            raise InvalidInput("duplicate_decision.existing_id", "is required to link to an existing person")
        person.duplicate_of_id = repo.survivor(repo.get(decision.existing_id)).id
    person.duplicate_decision = decision.decision
    person.duplicate_reason = reason
    person.duplicate_decided_by = actor.username
    person.duplicate_decided_at = uow.clock.now()


def _store(uow: UnitOfWork, person: m.Person, rows: intake.PersonRows) -> None:
    uow.session.add(person)
    uow.flush()
    for model, items in (
        (m.PersonNameKey, rows.name_keys),
        (m.PersonContact, rows.contacts),
        (m.PersonAddress, rows.addresses),
        (m.PersonIdentifier, rows.identifiers),
    ):
        if items:
            uow.session.execute(insert(model), items)


def get_person(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, purpose: str = "file view"
) -> PersonPublic:
    """A person's file, masked; the read is audited with its purpose."""
    with uow:
        require(uow, actor, Permission.PERSON_READ, subject_type=SUBJECT, subject_id=person_id)
        repo = PeopleRepository(uow.session)
        person = repo.get(person_id)
        view = restrictions.file_view(uow, actor, to_public.person_public(repo, person))
        return audit.audited_read(
            uow,
            view,
            actor=actor,
            action=AuditAction.PERSON_READ,
            subject_type=SUBJECT,
            subject_id=person_id,
            purpose=text.required_text(purpose, "purpose"),
        )


def update_person(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, changes: PersonUpdate
) -> PersonPublic:
    """Change core details; refused with Conflict when the client's ``version`` is stale."""
    with uow:
        require(uow, actor, Permission.PERSON_WRITE, subject_type=SUBJECT, subject_id=person_id)
        repo = PeopleRepository(uow.session)
        person = repo.get(person_id)
        if changes.version != person.version:
            raise Conflict("the person was changed by someone else; reload and try again")
        if person.merged_into_id is not None:
            raise Conflict("this record is merged; change the surviving record instead")
        before = to_public.audit_snapshot(person)
        _apply_update(uow, repo, person, changes)
        after = to_public.audit_snapshot(person)
        changed = {k for k in after if after[k] != before[k]}
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PERSON_UPDATE,
            subject_type=SUBJECT,
            subject_id=person_id,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
        )
        view = restrictions.file_view(uow, actor, to_public.person_public(repo, person))
        uow.commit()
        return view


def _apply_update(uow: UnitOfWork, repo: PeopleRepository, person: m.Person, changes: PersonUpdate) -> None:
    sent = changes.model_fields_set
    rekey = False
    name = domain.legal_name(
        changes.given_names if "given_names" in sent else person.given_names,
        changes.family_name if "family_name" in sent else person.family_name,
        changes.preferred_name if "preferred_name" in sent else person.preferred_name,
    )
    if "birth_date" in sent:
        person.birth_date = domain.birth_date(changes.birth_date, today=uow.clock.today())
    if "language" in sent or "language_other" in sent:
        lang, other = domain.language(changes.language or person.language, changes.language_other)
        person.language, person.language_other = lang.value, other
    if changes.interpreter_needed is not None:
        person.interpreter_needed = changes.interpreter_needed
    if "gender" in sent:
        person.gender = clean_text(changes.gender) or None
    former = domain.former_family_names(
        changes.former_family_names if "former_family_names" in sent else person.former_family_names,
        current=name.family_name,
    )
    old_name = (person.given_names, person.family_name, person.preferred_name, person.former_family_names)
    if (name.given_names, name.family_name, name.preferred_name, former) != old_name:
        person.given_names, person.family_name = name.given_names, name.family_name
        person.preferred_name, person.former_family_names = name.preferred_name, former
        rekey = True
    person.updated_at = uow.clock.now()
    uow.flush()  # one version bump for the whole change
    if rekey:
        repo.replace_name_keys(person.id, intake.name_keys(name, tuple(former)))


def search_people(uow: UnitOfWork, *, actor: Actor, query: SearchQuery) -> list[SearchHit]:
    """Fuzzy search by name, birth date, SIN or phone; one audit event with the terms, masked results."""
    with uow:
        require(uow, actor, Permission.PERSON_READ, subject_type=SUBJECT)
        criteria = finder.normalise_criteria(query.name, query.birth_date, query.sin, query.phone)
        repo = PeopleRepository(uow.session)
        scored, seen = finder.search_candidates(repo, uow.cipher, criteria, limit=query.limit)
        found = to_public.hits(repo, scored, seen)
        found = restrictions.redact_hits(uow, actor, found)
        terms = {
            "name": criteria.name,
            "birth_date": criteria.birth_date,
            "phone": criteria.phone,
            "sin_searched": domain_mask(criteria.sin),
            "results": len(found),
        }
        return audit.audited_read(
            uow,
            found,
            actor=actor,
            action=AuditAction.PERSON_SEARCH,
            subject_type=SUBJECT,
            subject_id=None,
            details=terms,
        )


def domain_mask(sin: str | None) -> str | None:
    """A searched SIN as it may appear in the audit log: masked."""
    return mask(sin) if sin else None


def _terms(valid: intake.ValidPerson) -> dict[str, object]:
    return {
        "name": f"{valid.name.given_names} {valid.name.family_name}".strip(),
        "birth_date": valid.birth_date,
        "sin_searched": domain_mask(valid.sin),
    }


def reveal_identifier(
    uow: UnitOfWork,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    kind: str,
    reason: str,
    province: str | None = None,
) -> Revealed:
    """Show one identifier unmasked to an authorised officer who gave a reason; audited with it."""
    with uow:
        require(uow, actor, Permission.PERSON_REVEAL_IDENTIFIERS, subject_type=SUBJECT, subject_id=person_id)
        if kind == domain.IdentifierKind.HEALTH_NUMBER:
            require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type=SUBJECT, subject_id=person_id)
        elif kind != domain.IdentifierKind.SIN:
            raise InvalidInput("kind", "must be sin or health_number")
        why = text.required_text(reason, "reason")
        repo = PeopleRepository(uow.session)
        person = repo.get(person_id)
        record = _current_identifier(repo, person, kind, province)
        value = uow.cipher.decrypt(record.ciphertext, context=f"person.{kind}")
        sin = kind == domain.IdentifierKind.SIN
        return audit.audited_read(
            uow,
            Revealed(kind=kind, province=record.province, value=_spaced(value) if sin else value),
            actor=actor,
            action=AuditAction.PERSON_REVEAL_SIN if sin else AuditAction.PERSON_REVEAL_HEALTH_NUMBER,
            subject_type=SUBJECT,
            subject_id=person_id,
            purpose=why,
            details={"identifier_id": record.id, "kind": kind, "province": record.province},
        )


def _spaced(sin: str) -> str:
    """A SIN as people read it: three groups of three digits."""
    return f"{sin[:3]} {sin[3:6]} {sin[6:]}"


def _current_identifier(
    repo: PeopleRepository, person: m.Person, kind: str, province: str | None
) -> m.PersonIdentifier:
    ids = repo.merged_record_ids(person.id) if person.merged_into_id is None else [person.id]
    for record in reversed(repo.attached(m.PersonIdentifier, ids)):
        if (
            record.kind == kind
            and record.removed_at is None
            and (province is None or record.province == province)
        ):
            return record
    raise RecordNotFound(f"this person has no current {kind.replace('_', ' ')}")
