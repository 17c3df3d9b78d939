"""The storage interface that document services use."""

from __future__ import annotations

import hashlib
import re
from typing import Protocol, runtime_checkable

from onestop.common.errors import NotFound

_KEY = re.compile(r"^[0-9a-f]{64}$")


class StoredObjectMissing(NotFound):
    """The database points at a stored object that is not there (HTTP 404; an operator must look)."""


@runtime_checkable
class DocumentStorage(Protocol):
    """Where uploaded files live. Keys are the SHA-256 of the content (content-addressed)."""

    def put(self, data: bytes) -> str:
        """Store ``data`` (once; storing the same bytes again is a no-op) and return its key."""
        ...

    def get(self, key: str) -> bytes:
        """The bytes stored under ``key``; raises ``StoredObjectMissing``."""
        ...

    def delete(self, key: str) -> None:
        """Remove the object; deleting a missing key is not an error."""
        ...

    def exists(self, key: str) -> bool:
        """Whether an object is stored under ``key``."""
        ...


def content_key(data: bytes) -> str:
    """The key of some content: its SHA-256 in lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def check_key(key: str) -> str:
    """Refuse anything that is not a content key (a path trick such as '../x' must never reach a store)."""
    if not _KEY.match(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key
