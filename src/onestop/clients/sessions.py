"""Portal sessions kept on the server: the cookie carries a random token, the database its SHA-256.

Each request checks the session (not revoked, within its absolute lifetime, not idle for too long), so
signing out ends it for every copy of the cookie, and a stolen cookie stops working at the latest when
the session's lifetime is over.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import update

from onestop.audit import AuditAction
from onestop.clients import domain, repository
from onestop.clients.errors import ClientLoginFailed
from onestop.clients.models import ClientAccount, ClientSession
from onestop.clients.self_service import record_on_account
from onestop.common.ids import new_id
from onestop.db import UnitOfWork

#: ``last_seen_at`` is written at most this often (not on every request), so idleness is measured to
#: within a minute and most requests write nothing.
TOUCH_EVERY = dt.timedelta(minutes=1)


def open_session(uow: UnitOfWork, account: ClientAccount, lifetime: dt.timedelta) -> str:
    """Inside a caller's transaction (signing in): a new session; returns its token (shown once)."""
    token, hashed = domain.new_token()
    now = uow.clock.now()
    uow.session.add(
        ClientSession(
            id=new_id(),
            account_id=account.id,
            token_hash=hashed,
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
            revoked_at=None,
        )
    )
    return token


def client_for_session(uow: UnitOfWork, *, token: str, idle: dt.timedelta) -> uuid.UUID:
    """The account signed in with this token; ClientLoginFailed when signed out, expired, idle or gone."""
    with uow:
        row = repository.find_session(uow.session, domain.token_hash(token))
        now = uow.clock.now()
        if not _open(row, now, idle):
            raise ClientLoginFailed("sign in again")
        assert row is not None
        account = repository.find_account(uow.session, row.account_id)
        if account is None or account.verified_at is None:
            raise ClientLoginFailed("sign in again")
        if now - row.last_seen_at >= TOUCH_EVERY:
            # A plain UPDATE (no version check): two requests at once both keep the session alive.
            uow.session.execute(
                update(ClientSession).where(ClientSession.id == row.id).values(last_seen_at=now)
            )
        uow.commit()
        return account.id


def _open(row: ClientSession | None, now: dt.datetime, idle: dt.timedelta) -> bool:
    return (
        row is not None and row.revoked_at is None and now < row.expires_at and now - row.last_seen_at <= idle
    )


def sign_out(uow: UnitOfWork, *, token: str) -> None:
    """End the session of this token (a token already ended or unknown changes nothing)."""
    with uow:
        row = repository.find_session(uow.session, domain.token_hash(token))
        if row is None or row.revoked_at is not None:
            return
        row.revoked_at = uow.clock.now()
        account = repository.find_account(uow.session, row.account_id)
        if account is not None:
            record_on_account(uow, account, AuditAction.CLIENT_SIGN_OUT)
        uow.commit()
