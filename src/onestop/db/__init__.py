"""Storage: declarative base, column types, engine, unit of work and optimistic locking."""

from onestop.db.base import Base, Entity
from onestop.db.session import UnitOfWork, make_engine, make_session_factory
from onestop.db.types import JSONDoc, json_ready
from onestop.db.versions import expect_version

__all__ = [
    "Base",
    "Entity",
    "JSONDoc",
    "UnitOfWork",
    "expect_version",
    "json_ready",
    "make_engine",
    "make_session_factory",
]
