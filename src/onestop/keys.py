"""Secrets the app needs at start: the session-signing key, the field-encryption key and the audit key.

In development they are generated once into ``var/`` (so the demo needs no set-up); in production
they must be given by the operator, because a generated key lost with a server would make every
encrypted identifier unreadable.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from onestop.common.crypto import FieldCipher
from onestop.config import Settings


class MissingSecret(RuntimeError):
    """A secret that production mode refuses to generate."""


def _load_or_create(path: Path, make: str) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(make + "\n")
    path.chmod(0o600)
    return make


def field_key(settings: Settings) -> str:
    """The field-encryption master key (urlsafe base64 of 32 bytes)."""
    if settings.field_key:
        return settings.field_key
    if settings.mode == "production":
        raise MissingSecret("ONESTOP_FIELD_KEY must be set in production mode")
    return _load_or_create(settings.var_dir / "field.key", FieldCipher.generate_key_text())


def secret_key(settings: Settings) -> str:
    """The key that signs session cookies and CSRF tokens."""
    if settings.secret_key:
        return settings.secret_key
    if settings.mode == "production":
        raise MissingSecret("ONESTOP_SECRET_KEY must be set in production mode")
    return _load_or_create(settings.var_dir / "secret.key", secrets.token_urlsafe(48))


def audit_key(settings: Settings) -> bytes:
    """The key that seals the audit chain head (HMAC-SHA256); it must never be stored in the database."""
    if settings.audit_key:
        return settings.audit_key.encode()
    if settings.mode == "production":
        raise MissingSecret("ONESTOP_AUDIT_KEY must be set in production mode")
    return _load_or_create(settings.var_dir / "audit.key", secrets.token_urlsafe(32)).encode()
