"""Pure rules of client accounts: e-mail addresses, the password policy, verification tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from onestop.access.domain import check_password_policy
from onestop.common.errors import InvalidInput

#: How long a verification link works.
TOKEN_LIFETIME = dt.timedelta(hours=48)
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


def normalise_email(raw: str) -> str:
    """An address as stored and looked up: trimmed, lower case, roughly valid."""
    email = (raw or "").strip().lower()
    if len(email) > 320 or not _EMAIL.match(email):
        raise InvalidInput("email", "is not an e-mail address like name@example.ca")
    return email


def check_client_password(password: str, email: str) -> None:
    """The staff policy (12+ characters, mixed kinds), and not the e-mail address or its name part."""
    check_password_policy(password)
    lowered = password.lower()
    name = email.split("@", 1)[0]
    if email in lowered or (len(name) >= 4 and name in lowered):
        raise InvalidInput("password", "must not contain your e-mail address")


def new_token() -> tuple[str, str]:
    """A random token for a link, and the hash that is stored (the token itself never is)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    """What is stored for a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
