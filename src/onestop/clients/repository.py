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

from onestop.cases.applications.models import Application
from onestop.cases.decisions.models import Decision
from onestop.clients.models import ClientAccount, ClientSession, ClientToken
from onestop.registry.repository import PeopleRepository


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


def own_people(session: Session, person_id: uuid.UUID | None) -> list[uuid.UUID]:
    """The client's registry record, the one it was merged into, and every record merged into that one."""
    if person_id is None:
        return []
    people = PeopleRepository(session)
    return people.merged_record_ids(people.survivor(people.get(person_id)).id)


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
