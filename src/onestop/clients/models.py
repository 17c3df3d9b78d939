"""Client account tables: accounts (not staff), one-time tokens, portal sessions, and the outbox of
e-mails to send."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity


class ClientAccount(Entity):
    """A member of the public's sign-in; ``person_id`` is set once they apply (their registry record)."""

    __tablename__ = "client_account"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(5), default="en")
    verified_at: Mapped[dt.datetime | None]
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    last_sign_in_at: Mapped[dt.datetime | None]
    # Wrong passwords in a row and the lock they led to (the access area's lockout rules).
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None]
    # The registry record an officer linked this account to after checking the client's identity
    # (issue #10): only then does the account reach that person's whole file. Until then it reaches
    # only what it submitted itself (``person_id``), whatever merges officers make.
    linked_person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    identity_document_type: Mapped[str | None] = mapped_column(String(40))
    identity_last_digits: Mapped[str | None] = mapped_column(String(4))
    identity_checked_by: Mapped[str | None] = mapped_column(String(100))
    identity_checked_at: Mapped[dt.datetime | None]


class ClientToken(Base):
    """A one-time link token (its SHA-256 only), for verifying an e-mail address."""

    __tablename__ = "client_token"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("client_account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


class ClientSession(Base):
    """A portal sign-in, checked on every request (its SHA-256 only: the token lives in the cookie).

    Not an ``Entity``: every request moves ``last_seen_at`` and two requests at once must not make a
    version conflict of it.
    """

    __tablename__ = "client_session"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("client_account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]  # the absolute end, however active the client is
    revoked_at: Mapped[dt.datetime | None]  # signed out


class OutboxMessage(Base):
    """An e-mail waiting to be sent (in development it is also written under var/outbox, not sent)."""

    __tablename__ = "client_outbox"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    sent_at: Mapped[dt.datetime | None]
