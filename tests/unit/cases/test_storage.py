"""The storage interface and its filesystem and memory implementations."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from onestop.storage import DocumentStorage, FilesystemStorage, MemoryStorage, StoredObjectMissing
from onestop.storage.base import StorageUnavailable


@pytest.fixture(params=["filesystem", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> DocumentStorage:
    return FilesystemStorage(tmp_path / "documents") if request.param == "filesystem" else MemoryStorage()


def test_put_get_delete_round_trip(store: DocumentStorage) -> None:
    key = store.put(b"%PDF-1.4 hello")
    assert key == hashlib.sha256(b"%PDF-1.4 hello").hexdigest()
    assert store.exists(key)
    assert store.get(key) == b"%PDF-1.4 hello"
    assert store.put(b"%PDF-1.4 hello") == key  # same bytes, same key, stored once
    store.delete(key)
    store.delete(key)  # deleting what is gone is fine
    assert not store.exists(key)
    with pytest.raises(StoredObjectMissing):
        store.get(key)


@pytest.mark.parametrize("key", ["../../etc/passwd", "ABC", "a" * 63, "g" * 64])
def test_only_content_keys_reach_the_store(store: DocumentStorage, key: str) -> None:
    with pytest.raises(ValueError, match="storage key"):
        store.get(key)


def test_files_are_content_addressed_under_the_root_and_no_temporary_files_remain(tmp_path: Path) -> None:
    store = FilesystemStorage(tmp_path / "documents")
    key = store.put(b"abc")
    assert store.path_of(key) == tmp_path / "documents" / key[:2] / key[2:4] / key
    assert [p.name for p in (tmp_path / "documents").rglob("*") if p.is_file()] == [key]
    assert store.keys() == [key]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FilesystemStorage(tmp_path / "documents")

    def broken_replace(self: Path, target: Path) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(StorageUnavailable) as refused:
        store.put(b"abc")
    assert "disk full" in str(refused.value.__cause__)
    assert [p for p in (tmp_path / "documents").rglob("*") if p.is_file()] == []


def test_implementations_satisfy_the_protocol(tmp_path: Path) -> None:
    assert isinstance(FilesystemStorage(tmp_path), DocumentStorage)
    assert isinstance(MemoryStorage(), DocumentStorage)
