"""Storage: declarative base, column types, engine, unit of work, optimistic locking, repository base."""

from onestop.db.base import Base, Entity
from onestop.db.indexes import partial_index
from onestop.db.repository import Repository
from onestop.db.session import UnitOfWork, checks_ignore_writes_to, make_engine, make_session_factory, wrote
from onestop.db.types import JSONDoc, json_ready
from onestop.db.versions import expect_version

__all__ = [
    "Base",
    "Entity",
    "JSONDoc",
    "Repository",
    "UnitOfWork",
    "checks_ignore_writes_to",
    "expect_version",
    "json_ready",
    "make_engine",
    "make_session_factory",
    "partial_index",
    "wrote",
]
