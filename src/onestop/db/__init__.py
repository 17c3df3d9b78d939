"""Storage: declarative base, column types, engine and unit of work."""

from onestop.db.base import Base, Entity
from onestop.db.session import UnitOfWork, make_engine, make_session_factory

__all__ = ["Base", "Entity", "UnitOfWork", "make_engine", "make_session_factory"]
