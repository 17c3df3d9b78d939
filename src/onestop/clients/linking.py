"""Which registry record a portal account reaches, and who said so (issue #10, part 3).

A portal account reaches what it submitted itself. It reaches a person's whole file only once an officer
has linked it after checking the client's identity (the document seen, its last digits, by whom, when).
A merge of duplicates never widens that on its own: merging a record that a portal account submitted
as, or is linked to, needs an explicit decision about each such account (keep it with the survivor, or
unlink it), else the merge is refused (409) naming the accounts.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Literal

from pydantic import BaseModel

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.clients import repository
from onestop.clients.models import ClientAccount
from onestop.common import text
from onestop.common.errors import Conflict, InvalidInput
from onestop.db import UnitOfWork
from onestop.registry import merge_people, merged_record_ids
from onestop.registry.schemas import PersonPublic

SUBJECT = "person"
DOCUMENT_TYPES = ("drivers_licence", "passport", "health_card", "provincial_id", "birth_certificate", "other")
PortalDecision = Literal["keep", "unlink"]
_LAST_DIGITS = re.compile(r"[0-9A-Za-z]{2,4}")


class PortalAccountLink(BaseModel):
    """A portal account seen from a person's file: did it submit here, is it linked, on what check."""

    account_id: uuid.UUID
    email: str
    submitted_here: bool
    linked: bool
    identity_document_type: str | None
    identity_last_digits: str | None
    identity_checked_by: str | None
    identity_checked_at: dt.datetime | None


class PortalAccountDecisionNeeded(Conflict):
    """A merge would move portal accounts: the officer must say what becomes of each (409)."""


def _public(account: ClientAccount, records: list[uuid.UUID]) -> PortalAccountLink:
    linked = account.linked_person_id in records and account.identity_checked_at is not None
    return PortalAccountLink(
        account_id=account.id,
        email=account.email,
        submitted_here=account.person_id in records,
        linked=linked,
        identity_document_type=account.identity_document_type if linked else None,
        identity_last_digits=account.identity_last_digits if linked else None,
        identity_checked_by=account.identity_checked_by if linked else None,
        identity_checked_at=account.identity_checked_at if linked else None,
    )


def list_portal_accounts(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[PortalAccountLink]:
    """The portal accounts on this person's records (theirs and any merged into them); the read is audited."""
    with uow:
        require(uow, actor, Permission.PERSON_READ, subject_type=SUBJECT, subject_id=person_id)
        records = merged_record_ids(uow, person_id)
        found = [_public(a, records) for a in repository.accounts_on(uow.session, records)]
        return audit.audited_write(
            uow,
            lambda: found,
            actor=actor,
            action=AuditAction.CLIENT_LINK_LIST,
            subject_type=SUBJECT,
            subject_id=person_id,
            details={"accounts": [f.account_id for f in found]},
        )


def link_portal_account(
    uow: UnitOfWork,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    email: str,
    document_type: str,
    last_digits: str,
) -> PortalAccountLink:
    """Link the portal account of ``email`` to this person, recording the identity document seen."""
    with uow:
        require(uow, actor, Permission.CLIENT_LINK, subject_type=SUBJECT, subject_id=person_id)
        if document_type not in DOCUMENT_TYPES:
            seen = ", ".join(DOCUMENT_TYPES)
            raise InvalidInput("document_type", f"say which document you saw: one of {seen}")
        digits = text.clean_text(last_digits)
        if not _LAST_DIGITS.fullmatch(digits):
            raise InvalidInput("last_digits", "give the last 2 to 4 characters of the document's number")
        records = merged_record_ids(uow, person_id)
        address = text.clean_text(email).lower()
        account = repository.find_account_by_email(uow.session, address, for_update=True)
        if account is None:
            raise InvalidInput("email", "no portal account uses this e-mail address")
        before = {"linked_person_id": account.linked_person_id}
        account.linked_person_id = records[0]
        account.identity_document_type, account.identity_last_digits = document_type, digits
        account.identity_checked_by, account.identity_checked_at = actor.username, uow.clock.now()
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.CLIENT_LINK,
            subject_type=SUBJECT,
            subject_id=records[0],
            purpose="identity checked",
            before=before,
            after={"linked_person_id": records[0], "account_id": account.id, "document_type": document_type},
        )
        uow.commit()
        return _public(account, records)


def unlink_portal_account(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, account_id: uuid.UUID, reason: str
) -> PortalAccountLink:
    """The account stops reaching this person's file (it keeps what it submitted itself)."""
    with uow:
        require(uow, actor, Permission.CLIENT_LINK, subject_type=SUBJECT, subject_id=person_id)
        why = text.required_text(reason, "reason")
        records = merged_record_ids(uow, person_id)
        account = repository.find_account(uow.session, account_id, for_update=True)
        if account is None or account.linked_person_id not in records:
            raise InvalidInput("account_id", "this portal account is not linked to this person")
        _unlink(uow, actor, account, why)
        uow.commit()
        return _public(account, records)


def _unlink(uow: UnitOfWork, actor: Actor, account: ClientAccount, why: str) -> None:
    before = {"linked_person_id": account.linked_person_id}
    account.linked_person_id = account.identity_document_type = account.identity_last_digits = None
    account.identity_checked_by = account.identity_checked_at = None
    uow.flush()
    audit.record(
        uow,
        actor=actor,
        action=AuditAction.CLIENT_UNLINK,
        subject_type=SUBJECT,
        subject_id=before["linked_person_id"],
        purpose=why,
        before=before,
        after={"linked_person_id": None, "account_id": account.id},
    )


def merge_records(
    uow: UnitOfWork,
    *,
    actor: Actor,
    survivor_id: uuid.UUID,
    merged_id: uuid.UUID,
    reason: str,
    portal_accounts: PortalDecision | None = None,
) -> PersonPublic:
    """Merge two records of the same person, deciding what becomes of the merged record's portal accounts.

    ``keep``: an identity-checked account stays linked, now to the survivor; an account that only
    submitted there still reaches only what it submitted. ``unlink``: the accounts lose their link.
    Without a decision, a record with a portal account is not merged (409 naming the accounts).
    """
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT, subject_id=survivor_id)
        records = merged_record_ids(uow, merged_id) if survivor_id != merged_id else []
        accounts = repository.accounts_on(uow.session, records)
        if accounts and portal_accounts is None:
            named = ", ".join(a.email for a in accounts)
            raise PortalAccountDecisionNeeded(
                f"the record to merge has portal accounts ({named}): say whether to keep them with the "
                "survivor or unlink them (portal_accounts)"
            )
        why = text.required_text(reason, "reason")
        for account in accounts:
            if account.linked_person_id not in records:
                continue
            if portal_accounts == "unlink":
                _unlink(uow, actor, account, why)
            else:
                account.linked_person_id = survivor_id
                audit.record(
                    uow,
                    actor=actor,
                    action=AuditAction.CLIENT_LINK,
                    subject_type=SUBJECT,
                    subject_id=survivor_id,
                    purpose=why,
                    before={"linked_person_id": merged_id},
                    after={"linked_person_id": survivor_id, "account_id": account.id},
                )
        merged = merge_people(uow, actor=actor, survivor_id=survivor_id, merged_id=merged_id, reason=why)
        uow.commit()
        return merged
