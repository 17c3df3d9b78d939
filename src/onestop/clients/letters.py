"""The portal inbox: a person with a client account gets letters there and reads them in it.

The notices area asks ``has_account`` when it chooses a channel; the portal reads the letters
through ``my_letters`` and ``my_letter``, which first ask whose records the account reaches
(``repository.own_people``), then let the notices area read, mark and audit in the client's name.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop import notices
from onestop.clients import repository
from onestop.clients.models import ClientAccount
from onestop.clients.self_service import client_actor, signed_in_account
from onestop.db import UnitOfWork


def has_account(session: Session, person_id: uuid.UUID) -> bool:
    """Whether an account reaches the person's letters: the record it applied as, or a person an
    officer linked it to after checking who they are (the same rule as ``repository.own_people``)."""
    own = ClientAccount.person_id == person_id
    linked = (ClientAccount.linked_person_id == person_id) & ClientAccount.identity_checked_at.is_not(None)
    return session.scalars(select(ClientAccount.id).where(own | linked)).first() is not None


def my_letters(uow: UnitOfWork, *, account_id: uuid.UUID) -> list[notices.InboxLetter]:
    """Every letter sent to the client, newest first (by any channel: a posted one can be read here too)."""
    with uow:
        account = signed_in_account(uow, account_id)
        people = repository.own_people(uow.session, account)
        found = notices.inbox(uow, actor=client_actor(account), people=people)
        uow.commit()
        return found


def my_letter(uow: UnitOfWork, *, account_id: uuid.UUID, notice_id: uuid.UUID) -> notices.InboxLetter:
    """One of the client's letters (someone else's: not found, and nothing about it read)."""
    with uow:
        account = signed_in_account(uow, account_id)
        people = repository.own_people(uow.session, account)
        found = notices.inbox_letter(uow, actor=client_actor(account), people=people, notice_id=notice_id)
        uow.commit()
        return found


def my_letter_pdf(uow: UnitOfWork, *, account_id: uuid.UUID, notice_id: uuid.UUID) -> bytes:
    """One of the client's letters as the PDF they were sent."""
    with uow:
        account = signed_in_account(uow, account_id)
        people = repository.own_people(uow.session, account)
        data = notices.inbox_pdf(uow, actor=client_actor(account), people=people, notice_id=notice_id)
        uow.commit()
        return data


notices.register_portal_lookup(has_account)
