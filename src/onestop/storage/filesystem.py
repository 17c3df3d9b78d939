"""Filesystem storage: ``<root>/ab/cd/<sha256>``, written atomically (temporary file, fsync, rename)."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from onestop.storage.base import StorageUnavailable, StoredObjectMissing, check_key, content_key

log = logging.getLogger(__name__)


class FilesystemStorage:
    """Content-addressed files under one directory (``settings.resolved_storage_dir()``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, key: str) -> Path:
        """Where the object with this key lives (two levels of fan-out keep directories small)."""
        check_key(key)
        return self.root / key[:2] / key[2:4] / key

    def put(self, data: bytes) -> str:
        """Write the bytes once; a reader never sees a half-written file because of the final rename.

        A disk that is full or read-only (any error of the operating system) raises
        ``StorageUnavailable``, with nothing left behind.
        """
        try:
            return self._put(data)
        except OSError as err:
            log.error("document store %s cannot take a file: %s", self.root, err)
            raise StorageUnavailable(f"{type(err).__name__}: {err.strerror or err}") from err

    def _put(self, data: bytes) -> str:
        key = content_key(data)
        target = self.path_of(key)
        if target.exists():
            return key
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).chmod(0o640)
            Path(tmp).replace(target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                Path(tmp).unlink()
            raise
        return key

    def get(self, key: str) -> bytes:
        """The stored bytes."""
        try:
            return self.path_of(key).read_bytes()
        except FileNotFoundError:
            raise StoredObjectMissing(f"stored document {key[:12]}... is missing") from None

    def delete(self, key: str) -> None:
        """Remove the file if present."""
        with contextlib.suppress(FileNotFoundError):
            self.path_of(key).unlink()

    def exists(self, key: str) -> bool:
        """Whether the file is there."""
        return self.path_of(key).is_file()

    def keys(self) -> list[str]:
        """Every stored key (for operators' consistency checks and tests)."""
        if not self.root.exists():
            return []
        return sorted(p.name for p in self.root.glob("??/??/*") if p.is_file() and not p.name.startswith("."))
