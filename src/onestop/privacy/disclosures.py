"""The disclosure log: each disclosure of a person's information outside the department, with its
authority or the consent it rests on. Shown in the file and included in an access package."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork
from onestop.privacy import domain
from onestop.privacy.domain import DisclosureBasis
from onestop.privacy.models import Disclosure
from onestop.privacy.schemas import DisclosureIn, DisclosurePublic
from onestop.registry import Consent, current_record_id, merged_record_ids

SUBJECT = "privacy_disclosure"


def record_disclosure(uow: UnitOfWork, *, actor: Actor, data: DisclosureIn) -> DisclosurePublic:
    """Log a disclosure; one without an authority or a consent in force is refused and nothing is written."""
    with uow:
        require(
            uow, actor, Permission.PRIVACY_REQUEST_WRITE, subject_type="person", subject_id=data.person_id
        )
        pid = current_record_id(uow, data.person_id)
        basis = parse_enum(DisclosureBasis, data.basis, field="basis")
        authority = clean_text(data.authority)
        consent_found = False
        if basis is DisclosureBasis.CONSENT:
            if data.consent_id is None:
                raise InvalidInput("consent_id", "a disclosure on consent names the consent")
            consent = uow.session.get(Consent, data.consent_id)
            consent_found = (
                consent is not None
                and consent.person_id in merged_record_ids(uow, pid)
                and consent.withdrawn_at is None
            )
        domain.check_disclosure_basis(basis, authority, consent_found)
        if data.disclosed_on > uow.clock.today():
            raise InvalidInput("disclosed_on", "cannot be after today")
        row = Disclosure(
            id=new_id(),
            person_id=pid,
            recipient=required_text(data.recipient, "recipient", max_len=200),
            what=required_text(data.what, "what", max_len=4000),
            basis=basis.value,
            authority=authority or None,
            consent_id=data.consent_id if basis is DisclosureBasis.CONSENT else None,
            disclosed_on=data.disclosed_on,
            recorded_by=actor.username,
            recorded_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: DisclosurePublic.model_validate(row),
            actor=actor,
            action=AuditAction.PRIVACY_DISCLOSURE_RECORD,
            subject_type="person",
            subject_id=pid,
            details={"disclosure_id": row.id, "basis": row.basis, "recipient": row.recipient},
        )


def list_disclosures(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[DisclosurePublic]:
    """A person's disclosure log, the latest first."""
    with uow:
        require(uow, actor, Permission.PERSON_READ, subject_type="person", subject_id=person_id)
        rows = for_people(uow, merged_record_ids(uow, person_id))
        return audit.audited_list(
            uow,
            rows,
            DisclosurePublic.model_validate,
            actor=actor,
            action=AuditAction.PRIVACY_DISCLOSURE_LIST,
            subject_type="person",
            subject_id=person_id,
        )


def for_people(uow: UnitOfWork, person_ids: list[uuid.UUID] | tuple[uuid.UUID, ...]) -> list[Disclosure]:
    """These people's disclosures, the latest first."""
    stmt = select(Disclosure).where(Disclosure.person_id.in_(person_ids))
    return list(
        uow.session.scalars(stmt.order_by(Disclosure.disclosed_on.desc(), Disclosure.recorded_at.desc()))
    )
