"""The storage interface that document services use."""

from __future__ import annotations

import hashlib
import re
from typing import Protocol, runtime_checkable

from onestop.common.errors import InvalidInput, NotFound
from onestop.common.i18n import N_

_KEY = re.compile(r"^[0-9a-f]{64}$")


class StoredObjectMissing(NotFound):
    """The database points at a stored object that is not there (HTTP 404; an operator must look)."""


class StorageUnavailable(InvalidInput):
    """The store cannot take a file now (disk full, read-only, no permission): the upload is refused,
    named on its ``file`` field, and nothing is recorded (HTTP 507 on the API, the form again on a page).
    """

    PROBLEM = N_("cannot be saved right now, so nothing was sent. Try again later.")

    def __init__(self, reason: str) -> None:
        super().__init__("file", self.PROBLEM)
        #: What the operating system said (for the log, never shown to the public).
        self.reason = reason


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
