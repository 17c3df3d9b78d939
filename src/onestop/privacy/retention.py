"""Retention and destruction: legal holds, and the purge that destroys the files due under the schedule.

Destroying a file replaces its personal fields, deletes its documents' bytes from storage and keeps
what the department must keep: the record's id (so the ledger, the decisions and the monthly figures
still add up), the units, amounts and dates. The audit log is not touched: its events already hold
no names or identifiers (``audit.redact`` masks them on the way in) and their hashes must still
verify, so they name the person only by id (docs/privacy.md).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.documents import Document
from onestop.cases.interactions import Interaction
from onestop.common.errors import InvalidTransition
from onestop.common.ids import new_id
from onestop.common.text import required_text
from onestop.db import UnitOfWork, expect_version
from onestop.privacy import domain
from onestop.privacy.config import schedules
from onestop.privacy.models import DestructionCertificate, Disclosure, LegalHold, PrivacyRequest
from onestop.privacy.repository import PrivacyRepository
from onestop.privacy.schemas import CertificatePublic, FileDisposition, HoldIn, HoldPublic, PurgeReport
from onestop.registry import (
    Person,
    PersonAddress,
    PersonContact,
    PersonIdentifier,
    PersonNameKey,
    SafetyFlag,
    current_record_id,
)
from onestop.storage import DocumentStorage

DESTROYED = "[destroyed]"
HOLD = "privacy_legal_hold"
_HOLDS = audit.Subject.of_row(HOLD, HoldPublic.model_validate)


def place_hold(uow: UnitOfWork, *, actor: Actor, data: HoldIn) -> HoldPublic:
    """Stop a file's destruction until the hold is lifted."""
    with uow:
        require(uow, actor, Permission.PRIVACY_RETENTION, subject_type="person", subject_id=data.person_id)
        row = LegalHold(
            id=new_id(),
            person_id=current_record_id(uow, data.person_id),
            reason=required_text(data.reason, "reason", max_len=2000),
            placed_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        return _HOLDS.saved(
            uow,
            actor,
            AuditAction.PRIVACY_HOLD_PLACE,
            row,
            after={"person_id": row.person_id},
            details={"reason": row.reason},
        )


def lift_hold(uow: UnitOfWork, *, actor: Actor, hold_id: uuid.UUID, version: int | None = None) -> HoldPublic:
    """End a legal hold; the file then follows its schedule again."""
    with uow:
        require(uow, actor, Permission.PRIVACY_RETENTION, subject_type=HOLD, subject_id=hold_id)
        row = PrivacyRepository(uow.session).hold(hold_id)
        expect_version(row.version, version, what="legal hold")
        if row.lifted_at is not None:
            raise InvalidTransition("the hold was already lifted")
        row.lifted_at, row.lifted_by = uow.clock.now(), actor.username
        return _HOLDS.saved(
            uow, actor, AuditAction.PRIVACY_HOLD_LIFT, row, after={"person_id": row.person_id}
        )


def list_holds(uow: UnitOfWork, *, actor: Actor) -> list[HoldPublic]:
    """Legal holds in force."""
    with uow:
        require(uow, actor, Permission.PRIVACY_READ, subject_type=HOLD)
        return _HOLDS.listed(
            uow, actor, AuditAction.PRIVACY_READ, PrivacyRepository(uow.session).holds(), (HOLD, None)
        )


def list_certificates(uow: UnitOfWork, *, actor: Actor) -> list[CertificatePublic]:
    """Destruction certificates, the latest first."""
    with uow:
        require(uow, actor, Permission.PRIVACY_READ, subject_type="privacy_destruction")
        return audit.audited_list(
            uow,
            PrivacyRepository(uow.session).certificates(),
            CertificatePublic.model_validate,
            actor=actor,
            action=AuditAction.PRIVACY_READ,
            subject_type="privacy_destruction",
        )


def purge(uow: UnitOfWork, *, actor: Actor, storage: DocumentStorage, apply: bool) -> PurgeReport:
    """Find the files due for destruction and (``apply``) destroy them, one certificate each.

    A dry run changes nothing but its audit event. Document bytes are deleted from storage only after
    the transaction commits, so a failed purge leaves every file whole.
    """
    with uow:
        require(uow, actor, Permission.PRIVACY_RETENTION, subject_type="privacy_destruction")
        rules = schedules()
        today = uow.clock.today()
        states = PrivacyRepository(uow.session).file_states(today=today)
        files = [
            FileDisposition(
                person_id=uuid.UUID(s.person_id),
                disposition=domain.disposition(s, rules, today=today),
                last_activity=s.last_activity,
                destroy_on=domain.destroy_on(s, rules),
            )
            for s in states
        ]
        report = PurgeReport(applied=apply, today=today, files=files)
        counts = {d: report.count(d) for d in ("open", "kept", "held", "due")}
        if not apply:
            return audit.audited_write(
                uow,
                lambda: report,
                actor=actor,
                action=AuditAction.PRIVACY_PURGE_DRY_RUN,
                subject_type="privacy_destruction",
                subject_id=None,
                details=counts,
            )
        schedule = f"closed file kept {rules.closed_file_years} years after its last activity"
        doomed_keys: list[str] = []
        for f in files:
            if f.disposition != "due":
                continue
            items, keys = _destroy(uow, f.person_id)
            doomed_keys.extend(keys)
            cert = DestructionCertificate(
                id=new_id(),
                person_id=f.person_id,
                destroyed_at=uow.clock.now(),
                destroyed_by=actor.username,
                schedule=schedule,
                items={**items, "last_activity": f.last_activity.isoformat(), "kept": list(KEPT)},
            )
            uow.session.add(cert)
            uow.flush()
            audit.record(
                uow,
                actor=actor,
                action=AuditAction.PRIVACY_DESTROY,
                subject_type="person",
                subject_id=f.person_id,
                details={"certificate_id": cert.id, **items},
            )
            report.certificates.append(CertificatePublic.model_validate(cert))
            f.disposition = "destroyed"
        still_named = set(
            uow.session.scalars(select(Document.storage_key).where(Document.storage_key.in_(doomed_keys)))
        )  # equal bytes a kept document also holds
        doomed = [k for k in dict.fromkeys(doomed_keys) if k not in still_named]
        uow.after_commit(lambda: _delete_bytes(storage, doomed))
        uow.commit()
        return report


#: What a destruction keeps, and why (listed on each certificate).
KEPT = (
    "the record's id, so payments, the ledger, decisions and the monthly figures still add up",
    "benefit units, applications' dates and programs, decisions, entitlements and payments",
    "the audit log, which holds no names or identifiers",
)


def _destroy(uow: UnitOfWork, person_id: uuid.UUID) -> tuple[dict[str, Any], list[str]]:
    """Replace one file's personal fields; the document keys whose bytes to delete after commit."""
    s = uow.session
    person = s.get(Person, person_id)
    assert person is not None
    person.given_names, person.family_name, person.preferred_name = "", DESTROYED, None
    person.birth_date, person.gender, person.language_other = None, None, None
    person.duplicate_reason, person.merge_reason = None, None
    ids = [person_id, *s.scalars(select(Person.id).where(Person.merged_into_id == person_id))]
    s.execute(delete(PersonNameKey).where(PersonNameKey.person_id.in_(ids)))
    contacts = list(s.scalars(select(PersonContact).where(PersonContact.person_id.in_(ids))))
    for c in contacts:
        c.value, c.label = DESTROYED, None
    addresses = list(s.scalars(select(PersonAddress).where(PersonAddress.person_id.in_(ids))))
    for a in addresses:
        a.line1, a.line2, a.city, a.postal_code = DESTROYED, None, "", ""
    identifiers = list(s.scalars(select(PersonIdentifier).where(PersonIdentifier.person_id.in_(ids))))
    for i in identifiers:
        # The ciphertext goes with its blind index: nothing is left to decrypt or to match on.
        i.ciphertext, i.blind_index, i.masked = b"", "", DESTROYED
    flags = list(s.scalars(select(SafetyFlag).where(SafetyFlag.person_id.in_(ids))))
    for fl in flags:
        fl.note, fl.removal_reason = None, None
    docs = list(s.scalars(select(Document).where(Document.person_id.in_(ids))))
    keys = [d.storage_key for d in docs if d.storage_key]
    for d in docs:
        d.filename, d.description, d.review_note, d.storage_key = DESTROYED, None, None, ""
    notes = list(s.scalars(select(Interaction).where(Interaction.person_id.in_(ids))))
    for n in notes:
        n.notes, n.email_body = None, None
    requests = list(s.scalars(select(PrivacyRequest).where(PrivacyRequest.person_id.in_(ids))))
    for r in requests:
        keys += [k for k in (r.pdf_key, r.json_key) if k]
        r.package, r.pdf_key, r.json_key, r.details = None, None, None, DESTROYED
        r.representative, r.representative_authority, r.disagreement = None, None, None
    disclosures = list(s.scalars(select(Disclosure).where(Disclosure.person_id.in_(ids))))
    for dis in disclosures:
        dis.what = DESTROYED  # to whom, when and under which authority stay: the log of the disclosure
    s.flush()
    items = {
        "disclosures": len(disclosures),
        "records": len(ids),
        "contacts": len(contacts),
        "addresses": len(addresses),
        "identifiers": len(identifiers),
        "documents": len(docs),
        "interaction_notes": len(notes),
        "privacy_requests": len(requests),
    }
    return items, keys


def _delete_bytes(storage: DocumentStorage, keys: list[str]) -> None:
    # Content-addressed storage: ``keys`` holds only keys no kept document still names.
    for key in keys:
        storage.delete(key)
