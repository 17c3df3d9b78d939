"""Password hashing with Argon2id (argon2-cffi's defaults, re-hashed when those defaults change)."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: The hasher in use. Tests may swap in ``PasswordHasher.from_parameters(profiles.CHEAPEST)``.
HASHER = PasswordHasher()


@functools.cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    # Verified against when the username is unknown, so a miss costs as long as a wrong password.
    return hasher.hash("not a real password, only for timing")


def hash_password(password: str) -> str:
    """The Argon2id hash to store."""
    return HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; an unknown user (``None``) is checked against a dummy hash."""
    try:
        return HASHER.verify(stored_hash or _dummy_hash(HASHER), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than the current ones."""
    return HASHER.check_needs_rehash(stored_hash)
