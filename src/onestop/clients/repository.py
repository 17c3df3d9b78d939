"""Queries of the clients area: accounts, link tokens, portal sessions, and which records are whose.

A client reaches a record only when it hangs off their own registry record (or a record merged into
it, since an officer may merge the one made online with an older one). These ownership questions are
asked here, before any other area's service reads (and audits) the record: someone else's record is
never read on a client's behalf, only reported as not found.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop.cases.applications import Application
from onestop.cases.decisions import Decision
from onestop.clients.models import ClientAccount, ClientSession, ClientToken
from onestop.registry import PeopleRepository


def find_account(
    session: Session, account_id: uuid.UUID, *, for_update: bool = False
) -> ClientAccount | None:
    """An account by id."""
    return session.get(ClientAccount, account_id, with_for_update=for_update)


def find_account_by_email(session: Session, email: str, *, for_update: bool = False) -> ClientAccount | None:
    """An account by its (normalised) address; locked for update when counting failed sign-ins."""
    stmt = select(ClientAccount).where(ClientAccount.email == email)
    return session.scalar(stmt.with_for_update() if for_update else stmt)


def find_token(session: Session, token_hash: str) -> ClientToken | None:
    """A link token by its hash."""
    return session.scalar(select(ClientToken).where(ClientToken.token_hash == token_hash))


def find_session(session: Session, token_hash: str) -> ClientSession | None:
    """A portal session by its token's hash."""
    return session.scalar(select(ClientSession).where(ClientSession.token_hash == token_hash))


def own_people(session: Session, account: ClientAccount) -> list[uuid.UUID]:
    """The registry records whose files the account reaches.

    Only the record it submitted itself (``person_id``), until an officer has linked it to a person
    after checking their identity: then that person's current record and every record merged into it.
    A merge alone never widens this (issue #10): a stranger who applied under a real client's name and
    birth date, and was merged into them as a duplicate, still sees only what they sent.
    """
    own = [account.person_id] if account.person_id is not None else []
    if account.linked_person_id is None or account.identity_checked_at is None:
        return own
    people = PeopleRepository(session)
    linked = people.merged_record_ids(people.survivor(people.get(account.linked_person_id)).id)
    return list(dict.fromkeys([*linked, *own]))


def own_application_ids(session: Session, people: list[uuid.UUID]) -> list[uuid.UUID]:
    """The ids of these people's applications (as applicant), newest first."""
    if not people:
        return []
    stmt = (
        select(Application.id)
        .where(Application.applicant_id.in_(people))
        .order_by(Application.created_at.desc(), Application.id)
    )
    return list(session.scalars(stmt))


def accounts_on(session: Session, people: list[uuid.UUID]) -> list[ClientAccount]:
    """The portal accounts that submitted as, or are linked to, one of these records."""
    if not people:
        return []
    stmt = (
        select(ClientAccount)
        .where(ClientAccount.person_id.in_(people) | ClientAccount.linked_person_id.in_(people))
        .order_by(ClientAccount.email)
    )
    return list(session.scalars(stmt))


def owns_application(session: Session, people: list[uuid.UUID], application_id: uuid.UUID) -> bool:
    """Whether the application is one of these people's (as its applicant)."""
    if not people:
        return False
    stmt = select(Application.id).where(
        Application.id == application_id, Application.applicant_id.in_(people)
    )
    return session.scalar(stmt) is not None


def owns_decision(session: Session, people: list[uuid.UUID], decision_id: uuid.UUID) -> bool:
    """Whether the decision is about one of these people's applications."""
    if not people:
        return False
    stmt = (
        select(Decision.id)
        .join(Application, Application.id == Decision.application_id)
        .where(Decision.id == decision_id, Application.applicant_id.in_(people))
    )
    return session.scalar(stmt) is not None
