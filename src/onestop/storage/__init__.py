"""Document storage: bytes kept outside the database behind a small interface.

Services depend on ``DocumentStorage`` only; the container holds the filesystem implementation by
default. Stores are content-addressed: equal bytes give equal keys, so a key is also an integrity check.
"""

from onestop.storage.base import DocumentStorage, StorageUnavailable, StoredObjectMissing
from onestop.storage.filesystem import FilesystemStorage
from onestop.storage.memory import MemoryStorage

__all__ = [
    "DocumentStorage",
    "FilesystemStorage",
    "MemoryStorage",
    "StorageUnavailable",
    "StoredObjectMissing",
]
