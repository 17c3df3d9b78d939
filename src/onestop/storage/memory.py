"""In-memory storage for unit tests and throw-away demos."""

from __future__ import annotations

from onestop.storage.base import StoredObjectMissing, check_key, content_key


class MemoryStorage:
    """A dict behind the storage interface."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def put(self, data: bytes) -> str:
        """Keep the bytes under their content key."""
        key = content_key(data)
        self.objects.setdefault(key, bytes(data))
        return key

    def get(self, key: str) -> bytes:
        """The stored bytes."""
        try:
            return self.objects[check_key(key)]
        except KeyError:
            raise StoredObjectMissing(f"stored document {key[:12]}... is missing") from None

    def delete(self, key: str) -> None:
        """Forget the object."""
        self.objects.pop(check_key(key), None)

    def exists(self, key: str) -> bool:
        """Whether the key is held."""
        return check_key(key) in self.objects
