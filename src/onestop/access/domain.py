"""Pure rules of staff access: names, password policy, login lockout and token hashing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from onestop.access.permissions import Role
from onestop.common.errors import InvalidInput

PASSWORD_MIN_LENGTH = 12
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_OFFICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


def normalise_username(raw: str) -> str:
    """Usernames are case-insensitive: stored and looked up in lower case."""
    username = raw.strip().lower()
    if not _USERNAME.match(username):
        raise InvalidInput(
            "username", "use 2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return username


def normalise_office_code(raw: str) -> str:
    """Office codes are short upper-case tags such as "EDM-01"."""
    code = raw.strip().upper()
    if not _OFFICE_CODE.match(code):
        raise InvalidInput("code", "use 1 to 32 letters, digits, '_' or '-'")
    return code


def required_text(raw: str, *, field: str, max_length: int) -> str:
    """A non-blank, trimmed text of bounded length."""
    value = raw.strip()
    if not value:
        raise InvalidInput(field, "must not be blank")
    if len(value) > max_length:
        raise InvalidInput(field, f"must be at most {max_length} characters")
    return value


def check_password_policy(password: str) -> None:
    """At least 12 characters, and not all of one kind (letters only, digits only...)."""
    if len(password) < PASSWORD_MIN_LENGTH:
        raise InvalidInput("password", f"must be at least {PASSWORD_MIN_LENGTH} characters long")
    if len({_character_kind(ch) for ch in password}) < 2:
        raise InvalidInput(
            "password", "must mix at least two kinds of character (lower case, upper case, digits, symbols)"
        )


def _character_kind(ch: str) -> str:
    if ch.islower():
        return "lower"
    if ch.isupper():
        return "upper"
    return "digit" if ch.isdigit() else "symbol"


def parse_roles(raw: object) -> frozenset[Role]:
    """At least one known role; names are case-insensitive."""
    values = (
        [raw]
        if isinstance(raw, str)
        else list(raw)
        if isinstance(raw, list | tuple | set | frozenset)
        else []
    )
    roles: set[Role] = set()
    for value in values:
        try:
            roles.add(value if isinstance(value, Role) else Role(str(value).strip().lower()))
        except ValueError:
            known = ", ".join(r.value for r in Role if r is not Role.CLIENT)
            raise InvalidInput("roles", f"unknown role {value!r} (known: {known})") from None
    if Role.CLIENT in roles:
        # Portal clients have their own accounts; a staff account acting "as a client" would blur the audit.
        raise InvalidInput("roles", "'client' is the portal's role, not a staff role")
    if not roles:
        raise InvalidInput("roles", "give at least one role")
    return frozenset(roles)


@dataclass(frozen=True)
class LoginPolicy:
    """How many wrong passwords in a row lock an account, and for how long (from settings)."""

    max_failures: int = 5
    lockout: dt.timedelta = dt.timedelta(minutes=15)

    @classmethod
    def of(cls, max_failures: int, lockout_minutes: int) -> LoginPolicy:
        """Build from the two settings ``login_max_failures`` and ``login_lockout_minutes``."""
        return cls(max_failures=max_failures, lockout=dt.timedelta(minutes=lockout_minutes))


@dataclass(frozen=True)
class LoginState:
    """The lockout-relevant part of a staff account."""

    failed_logins: int
    locked_until: dt.datetime | None


def is_locked(state: LoginState, now: dt.datetime) -> bool:
    """Locked while ``locked_until`` lies in the future."""
    return state.locked_until is not None and now < state.locked_until


def after_failure(state: LoginState, policy: LoginPolicy, now: dt.datetime) -> LoginState:
    """Count a wrong password; reaching the limit locks the account and starts a fresh count."""
    failures = state.failed_logins + 1
    if failures >= policy.max_failures:
        return LoginState(failed_logins=0, locked_until=now + policy.lockout)
    return LoginState(failed_logins=failures, locked_until=state.locked_until)


def after_success() -> LoginState:
    """A correct password clears the count and any expired lock."""
    return LoginState(failed_logins=0, locked_until=None)


def new_token() -> str:
    """A random bearer token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What is stored for a token: its SHA-256, so a database dump reveals no usable token."""
    return hashlib.sha256(token.encode()).hexdigest()
